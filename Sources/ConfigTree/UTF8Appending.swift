/// Where UTF-8 output is appended: a byte array, or a reporter's own writer that appends through a pointer
/// (an array's append checks uniqueness and capacity on each call, and a report of tens of thousands of
/// findings makes millions of them). Public rather than package: Swift 6.3 does not inline a package
/// `@inlinable` function into another module, and these appenders are called for every piece of a report.
public protocol ByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {}

/// Appending UTF-8 without building strings: what the writers that produce tens of thousands of lines
/// (reporters, audit messages, the template engine's output) append for each of them.
extension ByteSink where Self: ~Copyable {
    /// `String(number)`, appended.
    @inlinable @inline(__always)
    public mutating func appendDecimal(_ number: Int64) {
        // The digits are written backwards into scratch space on the stack, then appended in one copy.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var start = scratch.count, rest = number.magnitude
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 {
                start -= 1
                scratch[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeBufferPointer(rebasing: scratch[start...]))
        }
    }

    /// `String(number)`, appended.
    @inlinable @inline(__always)
    public mutating func appendDecimal(_ number: Int) { appendDecimal(Int64(number)) }

    /// The UTF-8 of `text`, copied from its storage in one piece (`+= text.utf8` goes through the generic
    /// sequence path, about twice the instructions).
    @inlinable @inline(__always)
    public mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Fixed text, copied from static storage.
    @inlinable @inline(__always)
    public mutating func appendStatic(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
