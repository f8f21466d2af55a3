/// A Windows FILETIME: 100-nanosecond intervals since 1601-01-01 00:00 UTC.
public struct FileTime: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// FILETIME of the Unix epoch.
    static let unixEpoch: UInt64 = 116_444_736_000_000_000

    /// go-ntlmssp's client clock: `uint64(unixNano) / 100 + 116444736000000000`, wrapping as Go's unsigned
    /// arithmetic does.
    public init(unixNanoseconds: Int64) {
        rawValue = UInt64(bitPattern: unixNanoseconds) / 100 &+ Self.unixEpoch
    }

    /// The eight little-endian bytes that go into the NTLMv2 blob.
    public var littleEndianBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(rawValue)
        return bytes
    }

    public static func < (lhs: FileTime, rhs: FileTime) -> Bool { lhs.rawValue < rhs.rawValue }

    /// ISO 8601 in UTC with 100 ns precision trimmed of trailing zeros: `2024-05-01T12:00:00.5Z`.
    public var description: String {
        let ticksPerSecond: UInt64 = 10_000_000
        let seconds = rawValue / ticksPerSecond
        let fraction = rawValue % ticksPerSecond
        let days = Int64(seconds / 86_400)
        let secondOfDay = Int(seconds % 86_400)
        let (year, month, day) = civilDate(daysSince1601: days)
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
        text += "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction != 0 {
            var digits = pad(Int(fraction), 7)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }
}

/// Year, month and day of a day count from 1601-01-01 (proleptic Gregorian), by 400-year eras.
private func civilDate(daysSince1601 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    // Shift to a March-based year starting 1600-03-01, so leap days fall at the end of each year.
    let shifted = days + 306
    let era = shifted / 146_097
    let dayOfEra = shifted % 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = 1600 + era * 400 + yearOfEra + (month <= 2 ? 1 : 0)
    return (year, month, day)
}

private func pad<Number: BinaryInteger>(_ value: Number, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
