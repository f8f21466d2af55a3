/// Go's `time.ParseInLocation` with a layout, and its `ParseError` texts
/// (`parsing time "x" as "2006-01-02": cannot parse "x" as "2006"`).
enum GoTimeParsing {
    static func parse(layout: String, value: String, local: GoTimeZone) throws(FunctionError) -> GoTime {
        var layoutRest = Substring(layout)
        var valueRest = Substring(value)
        var rangeError = ""
        var amSet = false, pmSet = false
        var year: Int64 = 0
        var month = -1, day = -1, yearDay = -1, hour = 0, minute = 0, second = 0
        var nanosecond: Int64 = 0
        var explicitZone: GoTimeZone?
        var zoneOffset: Int?
        var zoneName = ""

        func failure(_ layoutElement: Substring, _ valueElement: Substring) -> FunctionError {
            FunctionError(
                "parsing time \(GoFormat.quote(value)) as \(GoFormat.quote(layout)): cannot parse "
                    + "\(GoFormat.quote(String(valueElement))) as \(GoFormat.quote(String(layoutElement)))")
        }
        func message(_ text: String) -> FunctionError { FunctionError("parsing time \(GoFormat.quote(value))" + text) }

        while true {
            let chunk = GoTimeLayout.nextChunk(layoutRest)
            guard let skipped = skip(valueRest, prefix: chunk.prefix) else { throw failure(chunk.prefix, valueRest) }
            valueRest = skipped
            guard let element = chunk.element else {
                if !valueRest.isEmpty { throw message(": extra text: " + GoFormat.quote(String(valueRest))) }
                break
            }
            let elementText = layoutRest.dropFirst(chunk.prefix.count).dropLast(chunk.suffix.count)
            layoutRest = chunk.suffix
            var bad = false
            let hold = valueRest
            switch element {
            case .year:
                guard valueRest.utf8.count >= 2, let value = Int(String(valueRest.prefix(2))), valueRest.prefix(2).allSatisfy(\.isASCIIDigit) else {
                    bad = true
                    break
                }
                valueRest = valueRest.dropFirst(2)
                year = Int64(value >= 69 ? value + 1900 : value + 2000)
            case .longYear:
                guard valueRest.utf8.count >= 4, valueRest.first?.isASCIIDigit == true else {
                    bad = true
                    break
                }
                let digits = valueRest.prefix(4)
                valueRest = valueRest.dropFirst(4)
                guard digits.allSatisfy(\.isASCIIDigit), let value = Int64(String(digits)) else {
                    bad = true
                    break
                }
                year = value
            case .month, .longMonth:
                let names = element == .longMonth ? GoTime.longMonthNames : GoTime.longMonthNames.map { String($0.prefix(3)) }
                guard let (index, rest) = lookup(names, valueRest) else { bad = true; break }
                month = index + 1
                valueRest = rest
            case .numMonth, .zeroMonth:
                guard let (value, rest) = number(valueRest, fixed: element == .zeroMonth) else { bad = true; break }
                month = value
                valueRest = rest
                if month <= 0 || month > 12 { rangeError = "month" }
            case .weekDay, .longWeekDay:
                let names = element == .longWeekDay ? GoTime.longDayNames : GoTime.longDayNames.map { String($0.prefix(3)) }
                guard let (_, rest) = lookup(names, valueRest) else { bad = true; break }
                valueRest = rest
            case .day, .underDay, .zeroDay:
                if element == .underDay, valueRest.first == " " { valueRest = valueRest.dropFirst() }
                guard let (value, rest) = number(valueRest, fixed: element == .zeroDay) else { bad = true; break }
                day = value
                valueRest = rest
            case .underYearDay, .zeroYearDay:
                for _ in 0..<2 where element == .underYearDay && valueRest.first == " " { valueRest = valueRest.dropFirst() }
                guard let (value, rest) = number3(valueRest, fixed: element == .zeroYearDay) else { bad = true; break }
                yearDay = value
                valueRest = rest
            case .hour:
                guard let (value, rest) = number(valueRest, fixed: false) else { bad = true; break }
                hour = value
                valueRest = rest
                if hour < 0 || hour >= 24 { rangeError = "hour" }
            case .hour12, .zeroHour12:
                guard let (value, rest) = number(valueRest, fixed: element == .zeroHour12) else { bad = true; break }
                hour = value
                valueRest = rest
                if hour < 0 || hour > 12 { rangeError = "hour" }
            case .minute, .zeroMinute:
                guard let (value, rest) = number(valueRest, fixed: element == .zeroMinute) else { bad = true; break }
                minute = value
                valueRest = rest
                if minute < 0 || minute >= 60 { rangeError = "minute" }
            case .second, .zeroSecond:
                guard let (value, rest) = number(valueRest, fixed: element == .zeroSecond) else { bad = true; break }
                second = value
                valueRest = rest
                if second < 0 || second >= 60 { rangeError = "second"; break }
                let bytes = Array(valueRest.utf8)
                if bytes.count >= 2, bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: ","),
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1])
                {
                    if case .fraction = GoTimeLayout.nextChunk(layoutRest).element { break }
                    var count = 2
                    while count < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[count]) { count += 1 }
                    guard let value = nanoseconds(bytes, count) else { bad = true; break }
                    if value < 0 { rangeError = "fractional second" } else { nanosecond = value }
                    valueRest = valueRest.dropFirst(count)
                }
            case .pm, .lowerPM:
                guard valueRest.utf8.count >= 2 else { bad = true; break }
                let marker = String(valueRest.prefix(2))
                valueRest = valueRest.dropFirst(2)
                let (afternoon, morning) = element == .pm ? ("PM", "AM") : ("pm", "am")
                if marker == afternoon { pmSet = true } else if marker == morning { amSet = true } else { bad = true }
            case .offset(let style):
                if style.isISO8601 && !style.hasSeconds && valueRest.first == "Z" {
                    valueRest = valueRest.dropFirst()
                    explicitZone = .utc
                    break
                }
                let bytes = Array(valueRest.utf8)
                let length = style.isShort ? 3 : style.hasSeconds ? (style.hasColon ? 9 : 7) : (style.hasColon ? 6 : 5)
                guard bytes.count >= length else { bad = true; break }
                if style.hasColon && (bytes[3] != UInt8(ascii: ":") || style.hasSeconds && bytes[6] != UInt8(ascii: ":")) {
                    bad = true
                    break
                }
                func field(_ start: Int) -> Int? {
                    guard start + 2 <= bytes.count else { return nil }
                    let digits = bytes[start..<(start + 2)]
                    guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
                    return Int(digits[start] - 48) * 10 + Int(digits[start + 1] - 48)
                }
                let hours = field(1)
                let minutes = style.isShort ? 0 : field(style.hasColon ? 4 : 3)
                let seconds = style.hasSeconds ? field(style.hasColon ? 7 : 5) : 0
                valueRest = Substring(String(decoding: bytes[length...], as: UTF8.self))
                guard let hours, let minutes, let seconds else { bad = true; break }
                var offset = (hours * 60 + minutes) * 60 + seconds
                switch bytes[0] {
                case UInt8(ascii: "+"): break
                case UInt8(ascii: "-"): offset = -offset
                default: bad = true
                }
                zoneOffset = offset
            case .zoneName:
                if valueRest.hasPrefix("UTC") {
                    explicitZone = .utc
                    valueRest = valueRest.dropFirst(3)
                    break
                }
                guard let length = timeZoneLength(valueRest) else { bad = true; break }
                zoneName = String(valueRest.prefix(length))
                valueRest = valueRest.dropFirst(length)
            case .fraction(let digits, let trimZeros, _):
                let bytes = Array(valueRest.utf8)
                if !trimZeros {
                    guard bytes.count >= digits + 1, let value = nanoseconds(bytes, digits + 1) else { bad = true; break }
                    if value < 0 { rangeError = "fractional second" } else { nanosecond = value }
                    valueRest = valueRest.dropFirst(digits + 1)
                } else {
                    guard bytes.count >= 2, bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: ","),
                        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1])
                    else { break }
                    var count = 0
                    while count < 9, count + 1 < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[count + 1]) { count += 1 }
                    guard let value = nanoseconds(bytes, count + 1) else { bad = true; break }
                    nanosecond = value
                    valueRest = valueRest.dropFirst(count + 1)
                }
            }
            if !rangeError.isEmpty { throw message(": \(rangeError) out of range") }
            if bad {
                if case .year = element { valueRest = hold }
                throw failure(elementText, valueRest)
            }
        }
        if pmSet && hour < 12 { hour += 12 } else if amSet && hour == 12 { hour = 0 }
        if yearDay >= 0 {
            var dayOfYear = yearDay
            var foundMonth = 0, foundDay = 0
            if GoTime.isLeap(year) {
                if dayOfYear == 31 + 29 {
                    foundMonth = 2
                    foundDay = 29
                } else if dayOfYear > 31 + 29 {
                    dayOfYear -= 1
                }
            }
            if dayOfYear < 1 || dayOfYear > 365 { throw message(": day-of-year out of range") }
            if foundMonth == 0 {
                let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365]
                foundMonth = (dayOfYear - 1) / 31 + 1
                if before[foundMonth] < dayOfYear { foundMonth += 1 }
                foundDay = dayOfYear - before[foundMonth - 1]
            }
            if month >= 0 && month != foundMonth { throw message(": day-of-year does not match month") }
            month = foundMonth
            if day >= 0 && day != foundDay { throw message(": day-of-year does not match day") }
            day = foundDay
        } else {
            if month < 0 { month = 1 }
            if day < 0 { day = 1 }
        }
        if day < 1 || day > GoTime.daysIn(month: month, year: year) { throw message(": day out of range") }
        if let explicitZone {
            return GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: explicitZone)
        }
        if let zoneOffset {
            var time = GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: .utc)
            time.unixSeconds -= Int64(zoneOffset)
            let localType = local.lookup(time.unixSeconds)
            if localType.offset == zoneOffset && (zoneName.isEmpty || localType.abbreviation == zoneName) {
                return time.inZone(local)
            }
            return time.inZone(.fixed(name: zoneName, offset: zoneOffset))
        }
        if !zoneName.isEmpty {
            var time = GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: .utc)
            let localType = local.lookup(time.unixSeconds)
            if localType.abbreviation == zoneName {
                time.unixSeconds -= Int64(localType.offset)
                return time.inZone(local)
            }
            var offset = 0
            if zoneName.count > 3, zoneName.hasPrefix("GMT"), let hours = Int(zoneName.dropFirst(3)) { offset = hours * 3600 }
            return time.inZone(.fixed(name: zoneName, offset: offset))
        }
        return GoTime.date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, zone: local)
    }

    /// Go's `skip`: the layout's literal text must appear in the value; a space in the layout matches any run
    /// of spaces (at least one).
    private static func skip(_ value: Substring, prefix: Substring) -> Substring? {
        var value = value.utf8[...]
        var prefix = prefix.utf8[...]
        while let first = prefix.first {
            if first == UInt8(ascii: " ") {
                if let next = value.first, next != UInt8(ascii: " ") { return nil }
                prefix = prefix.drop { $0 == UInt8(ascii: " ") }
                value = value.drop { $0 == UInt8(ascii: " ") }
                continue
            }
            guard let next = value.first, next == first else { return nil }
            prefix = prefix.dropFirst()
            value = value.dropFirst()
        }
        return Substring(value)
    }

    /// Go's `lookup`: a case-insensitive name at the start of the value.
    private static func lookup(_ names: [String], _ value: Substring) -> (Int, Substring)? {
        for (index, name) in names.enumerated() where value.utf8.count >= name.utf8.count {
            let candidate = value.utf8.prefix(name.utf8.count)
            if zip(candidate, name.utf8).allSatisfy({ lowerASCII($0) == lowerASCII($1) }) {
                return (index, Substring(value.utf8.dropFirst(name.utf8.count)))
            }
        }
        return nil
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte | 0x20 : byte }

    /// Go's `getnum`: one or two digits (exactly two when `fixed`).
    private static func number(_ value: Substring, fixed: Bool) -> (Int, Substring)? {
        let bytes = Array(value.utf8.prefix(2))
        func digit(_ index: Int) -> Int? {
            index < bytes.count && (48...57).contains(bytes[index]) ? Int(bytes[index] - 48) : nil
        }
        guard let first = digit(0) else { return nil }
        guard let second = digit(1) else {
            if fixed { return nil }
            return (first, Substring(value.utf8.dropFirst(1)))
        }
        return (first * 10 + second, Substring(value.utf8.dropFirst(2)))
    }

    /// Go's `getnum3`: one to three digits (exactly three when `fixed`).
    private static func number3(_ value: Substring, fixed: Bool) -> (Int, Substring)? {
        var result = 0, count = 0
        for byte in value.utf8.prefix(3) {
            guard (48...57).contains(byte) else { break }
            result = result * 10 + Int(byte - 48)
            count += 1
        }
        if count == 0 || fixed && count != 3 { return nil }
        return (result, Substring(value.utf8.dropFirst(count)))
    }

    /// Go's `parseNanoseconds` of `bytes[0..<count]` (a separator and digits): nil for bad syntax, -1 out of range.
    private static func nanoseconds(_ bytes: [UInt8], _ count: Int) -> Int64? {
        guard count <= bytes.count, bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: ",") else { return nil }
        let digits = bytes[1..<min(count, 10)]
        guard digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        var value: Int64 = 0
        for byte in digits { value = value * 10 + Int64(byte - 48) }
        for _ in digits.count..<9 { value *= 10 }
        return value
    }

    /// Go's `parseTimeZone`: how many bytes of a zone abbreviation start the value, or nil.
    private static func timeZoneLength(_ value: Substring) -> Int? {
        let bytes = Array(value.utf8)
        guard bytes.count >= 3 else { return nil }
        if bytes.count >= 4, bytes[0..<4].elementsEqual("ChST".utf8) || bytes[0..<4].elementsEqual("MeST".utf8) { return 4 }
        if bytes[0..<3].elementsEqual("GMT".utf8) {
            var length = 3
            if bytes.count > 3, bytes[3] == UInt8(ascii: "+") || bytes[3] == UInt8(ascii: "-") {
                var end = 4
                var hours = 0
                while end < bytes.count, (48...57).contains(bytes[end]) {
                    hours = hours * 10 + Int(bytes[end] - 48)
                    end += 1
                    if hours > 24 { return 3 }
                }
                if end == 4 || hours > 23 { return 3 }
                length = end
            }
            return length
        }
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            if bytes.count >= 3, (48...57).contains(bytes[1]), (48...57).contains(bytes[2]) {
                if bytes.count >= 5, (48...57).contains(bytes[3]), (48...57).contains(bytes[4]) { return 5 }
                return 3
            }
            return nil
        }
        var upper = 0
        while upper < bytes.count, (65...90).contains(bytes[upper]) { upper += 1 }
        switch upper {
        case 0, 1, 2, 6: return nil
        case 5: return bytes[4] == UInt8(ascii: "T") ? 5 : nil
        case 4:
            if bytes[3] == UInt8(ascii: "T") || bytes[0..<4].elementsEqual("WITA".utf8) { return 4 }
            return nil
        case 3: return 3
        default: return nil
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
