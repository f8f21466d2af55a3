/// A set of Unicode code points: a bitmap for ASCII and inclusive ranges above it.
struct ScalarSet: Sendable {
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0
    /// Ranges of code points from 0x80 up, sorted and disjoint.
    private var wide: [CodePointRange] = []

    static let maximum: UInt32 = 0x10FFFF

    /// The set of the given ranges (in any order, overlapping or not), or of every code point outside them.
    init(_ ranges: [CodePointRange], negated: Bool = false) {
        let merged = negated ? ScalarSet.complement(ranges) : ScalarSet.merged(ranges)
        for range in merged {
            var value = range.lowerBound
            while value <= range.upperBound && value < 0x80 {
                if value < 64 { asciiLow |= 1 << UInt64(value) } else { asciiHigh |= 1 << UInt64(value - 64) }
                value += 1
            }
            if range.upperBound >= 0x80 { wide.append(CodePointRange(max(range.lowerBound, 0x80), range.upperBound)) }
        }
    }

    /// `ranges` sorted, with overlapping and adjacent ones joined.
    static func merged(_ ranges: [CodePointRange]) -> [CodePointRange] {
        var merged: [CodePointRange] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = CodePointRange(last.lowerBound, max(last.upperBound, range.upperBound))
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The code points `0...maximum` outside `ranges`, as sorted ranges.
    static func complement(_ ranges: [CodePointRange]) -> [CodePointRange] {
        var result: [CodePointRange] = []
        var next: UInt32 = 0
        for range in merged(ranges) {
            if range.lowerBound > next { result.append(CodePointRange(next, range.lowerBound - 1)) }
            if range.upperBound >= maximum { return result }
            next = range.upperBound + 1
        }
        result.append(CodePointRange(next, maximum))
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
    static let digitRanges: [CodePointRange] = [CodePointRange(0x30, 0x39)]
    /// ECMA-262 `\w` (without the unicode-and-ignoreCase extras, which JSON Schema never turns on).
    static let wordRanges: [CodePointRange] = [CodePointRange(0x30, 0x39), CodePointRange(0x41, 0x5A), CodePointRange(0x5F, 0x5F), CodePointRange(0x61, 0x7A)]
    /// ECMA-262 `\s`: WhiteSpace and LineTerminator.
    static let spaceRanges: [CodePointRange] = [
        CodePointRange(0x09, 0x0D), CodePointRange(0x20, 0x20), CodePointRange(0xA0, 0xA0), CodePointRange(0x1680, 0x1680), CodePointRange(0x2000, 0x200A),
        CodePointRange(0x2028, 0x2029), CodePointRange(0x202F, 0x202F), CodePointRange(0x205F, 0x205F), CodePointRange(0x3000, 0x3000), CodePointRange(0xFEFF, 0xFEFF),
    ]
    /// ECMA-262 LineTerminator, which `.` does not match.
    static let lineTerminatorRanges: [CodePointRange] = [CodePointRange(0x0A, 0x0A), CodePointRange(0x0D, 0x0D), CodePointRange(0x2028, 0x2029)]
}

/// The code points `lowerBound...upperBound`. A plain pair rather than `ClosedRange<UInt32>`: the first use of
/// a generic type such as `ClosedRange<UInt32>` has the Swift runtime check its requirements (`UInt32:
/// Comparable`) by scanning every conformance record of the binary, about 0.35 M instructions that every
/// lint paid to compile the first pattern of the schema.
struct CodePointRange: Sendable, Equatable {
    let lowerBound: UInt32
    let upperBound: UInt32

    init(_ lowerBound: UInt32, _ upperBound: UInt32) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The range of one code point.
    init(single value: UInt32) { self.init(value, value) }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool { value >= lowerBound && value <= upperBound }
}
