/// A set of Unicode code points: a bitmap for ASCII and inclusive ranges above it.
struct ScalarSet: Sendable {
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0
    /// Ranges of code points from 0x80 up, sorted and disjoint.
    private var wide: [ClosedRange<UInt32>] = []

    static let maximum: UInt32 = 0x10FFFF

    /// The set of the given ranges (in any order, overlapping or not), or of every code point outside them.
    init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        let merged = negated ? ScalarSet.complement(ranges) : ScalarSet.merged(ranges)
        for range in merged {
            var value = range.lowerBound
            while value <= range.upperBound && value < 0x80 {
                if value < 64 { asciiLow |= 1 << UInt64(value) } else { asciiHigh |= 1 << UInt64(value - 64) }
                value += 1
            }
            if range.upperBound >= 0x80 { wide.append(max(range.lowerBound, 0x80)...range.upperBound) }
        }
    }

    /// `ranges` sorted, with overlapping and adjacent ones joined.
    static func merged(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The code points `0...maximum` outside `ranges`, as sorted ranges.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in merged(ranges) {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound >= maximum { return result }
            next = range.upperBound + 1
        }
        result.append(next...maximum)
        return result
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        for range in wide where range.contains(value) { return true }
        return false
    }

    /// ECMA-262 `\d`.
    static let digitRanges: [ClosedRange<UInt32>] = [0x30...0x39]
    /// ECMA-262 `\w` (without the unicode-and-ignoreCase extras, which JSON Schema never turns on).
    static let wordRanges: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    /// ECMA-262 `\s`: WhiteSpace and LineTerminator.
    static let spaceRanges: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]
    /// ECMA-262 LineTerminator, which `.` does not match.
    static let lineTerminatorRanges: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]
}
