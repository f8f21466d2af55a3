/// The elements of Go's reference layout `Mon Jan 2 15:04:05 MST 2006` and how Go's `nextStdChunk` finds them.
enum GoTimeLayout {
    struct OffsetStyle: Equatable {
        var isISO8601: Bool, hasColon: Bool, isShort: Bool, hasSeconds: Bool
    }

    enum Element: Equatable {
        case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay, day, underDay, zeroDay, underYearDay, zeroYearDay
        case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond, longYear, year, pm, lowerPM, zoneName
        case offset(OffsetStyle)
        /// `.000` (zeros kept) or `.999` (trailing zeros trimmed), with `.` or `,`.
        case fraction(digits: Int, trimZeros: Bool, separator: UInt8)
    }

    struct Chunk {
        var prefix: Substring
        var element: Element?
        var suffix: Substring
    }

    private static let offsetLayouts: [(String, OffsetStyle)] = [
        ("-070000", OffsetStyle(isISO8601: false, hasColon: false, isShort: false, hasSeconds: true)),
        ("-07:00:00", OffsetStyle(isISO8601: false, hasColon: true, isShort: false, hasSeconds: true)),
        ("-0700", OffsetStyle(isISO8601: false, hasColon: false, isShort: false, hasSeconds: false)),
        ("-07:00", OffsetStyle(isISO8601: false, hasColon: true, isShort: false, hasSeconds: false)),
        ("-07", OffsetStyle(isISO8601: false, hasColon: false, isShort: true, hasSeconds: false)),
        ("Z070000", OffsetStyle(isISO8601: true, hasColon: false, isShort: false, hasSeconds: true)),
        ("Z07:00:00", OffsetStyle(isISO8601: true, hasColon: true, isShort: false, hasSeconds: true)),
        ("Z0700", OffsetStyle(isISO8601: true, hasColon: false, isShort: false, hasSeconds: false)),
        ("Z07:00", OffsetStyle(isISO8601: true, hasColon: true, isShort: false, hasSeconds: false)),
        ("Z07", OffsetStyle(isISO8601: true, hasColon: false, isShort: true, hasSeconds: false)),
    ]

    /// The text before the first layout element, the element (nil when there is none), and the rest.
    static func nextChunk(_ layout: Substring) -> Chunk {
        let bytes = Array(layout.utf8)
        func has(_ text: String, at index: Int) -> Bool {
            let needle = Array(text.utf8)
            return index + needle.count <= bytes.count && Array(bytes[index..<(index + needle.count)]) == needle
        }
        func isLower(_ index: Int) -> Bool { index < bytes.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index]) }
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }
        func chunk(_ start: Int, _ element: Element, _ end: Int) -> Chunk {
            Chunk(
                prefix: Substring(String(decoding: bytes[..<start], as: UTF8.self)), element: element,
                suffix: Substring(String(decoding: bytes[end...], as: UTF8.self)))
        }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "J"):
                if has("Jan", at: index) {
                    if has("January", at: index) { return chunk(index, .longMonth, index + 7) }
                    if !isLower(index + 3) { return chunk(index, .month, index + 3) }
                }
            case UInt8(ascii: "M"):
                if has("Mon", at: index) {
                    if has("Monday", at: index) { return chunk(index, .longWeekDay, index + 6) }
                    if !isLower(index + 3) { return chunk(index, .weekDay, index + 3) }
                }
                if has("MST", at: index) { return chunk(index, .zoneName, index + 3) }
            case UInt8(ascii: "0"):
                if index + 1 < bytes.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 1]) {
                    let elements: [Element] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                    return chunk(index, elements[Int(bytes[index + 1] - UInt8(ascii: "1"))], index + 2)
                }
                if has("002", at: index) { return chunk(index, .zeroYearDay, index + 3) }
            case UInt8(ascii: "1"):
                if has("15", at: index) { return chunk(index, .hour, index + 2) }
                return chunk(index, .numMonth, index + 1)
            case UInt8(ascii: "2"):
                if has("2006", at: index) { return chunk(index, .longYear, index + 4) }
                return chunk(index, .day, index + 1)
            case UInt8(ascii: "_"):
                if has("_2", at: index) {
                    if has("_2006", at: index) { return chunk(index + 1, .longYear, index + 5) }
                    return chunk(index, .underDay, index + 2)
                }
                if has("__2", at: index) { return chunk(index, .underYearDay, index + 3) }
            case UInt8(ascii: "3"): return chunk(index, .hour12, index + 1)
            case UInt8(ascii: "4"): return chunk(index, .minute, index + 1)
            case UInt8(ascii: "5"): return chunk(index, .second, index + 1)
            case UInt8(ascii: "P"):
                if has("PM", at: index) { return chunk(index, .pm, index + 2) }
            case UInt8(ascii: "p"):
                if has("pm", at: index) { return chunk(index, .lowerPM, index + 2) }
            case UInt8(ascii: "-"), UInt8(ascii: "Z"):
                for (text, style) in offsetLayouts where has(text, at: index) {
                    return chunk(index, .offset(style), index + text.utf8.count)
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "9") {
                    let digit = bytes[index + 1]
                    var end = index + 1
                    while end < bytes.count && bytes[end] == digit { end += 1 }
                    if !isDigit(end) {
                        return chunk(index, .fraction(digits: end - index - 1, trimZeros: digit == UInt8(ascii: "9"), separator: bytes[index]), end)
                    }
                }
            default:
                break
            }
            index += 1
        }
        return Chunk(prefix: layout, element: nil, suffix: "")
    }
}
