import ConfigTree

/// Appending to UTF-8 output without building strings: the runs of spaces the in-place writers (text, JSON)
/// need for each of tens of thousands of findings, beside ConfigTree's numbers, text and fixed text.
extension ByteSink where Self: ~Copyable {
    /// `count` spaces (none when `count` is not positive), copied from a constant run of them.
    mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let run = Swift.min(left, ByteAppending.spaces.utf8CodeUnitCount)
            append(contentsOf: UnsafeBufferPointer(start: ByteAppending.spaces.utf8Start, count: run))
            left -= run
        }
    }
}

enum ByteAppending {
    /// 64 spaces (a computed constant: no lazy initialization to check on each use).
    static var spaces: StaticString { "                                                                " }

    /// `String(number).count`: the decimal digits of `number`, and its minus sign.
    static func digitCount(_ number: Int) -> Int {
        var count = number < 0 ? 2 : 1, rest = number.magnitude
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }
}

extension String {
    /// The UTF-8 text of `parts`, one after the other, copied once into the string: a large report (an audit's
    /// 5 to 10 MB) is not joined into one more buffer first.
    init(utf8Parts parts: [[UInt8]]) {
        let total = parts.reduce(0) { $0 + $1.count }
        self.init(unsafeUninitializedCapacity: total) { text in
            var offset = 0
            for part in parts {
                part.withUnsafeBufferPointer { part in
                    guard let source = part.baseAddress else { return }
                    (text.baseAddress! + offset).initialize(from: source, count: part.count)
                }
                offset += part.count
            }
            return total
        }
    }
}
