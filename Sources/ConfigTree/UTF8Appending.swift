/// Appending UTF-8 to a byte buffer without building strings: what the writers that produce tens of thousands
/// of lines (reporters, audit messages, the template engine's output) append for each of them.
extension Array where Element == UInt8 {
    /// `String(number)`, appended.
    @inlinable
    package mutating func appendDecimal(_ number: Int64) {
        // The digits are written backwards into a word-sized scratch area, then appended in one copy.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var start = 24, rest = number.magnitude
        Swift.withUnsafeMutableBytes(of: &digits) { scratch in
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if number < 0 {
                start -= 1
                scratch[start] = UInt8(ascii: "-")
            }
            append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[start...]))
        }
    }

    /// `String(number)`, appended.
    @inlinable
    package mutating func appendDecimal(_ number: Int) { appendDecimal(Int64(number)) }

    /// The UTF-8 of `text`, copied from its storage in one piece (`+= text.utf8` goes through the generic
    /// sequence path, about twice the instructions).
    @inlinable
    package mutating func appendUTF8(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Fixed text, copied from static storage.
    @inlinable
    package mutating func appendStatic(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
