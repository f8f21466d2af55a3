/// A Go `time.Time`: an instant (Unix seconds and nanoseconds) seen in a zone. It formats with Go's reference
/// layouts (`2006-01-02T15:04:05Z07:00`) and parses with them (``GoTimeParsing``).
struct GoTime: Sendable {
    var unixSeconds: Int64
    var nanoseconds: Int64
    var zone: GoTimeZone

    /// Go's zero `time.Time`: January 1 of year 1, 00:00:00 UTC.
    static let zero = GoTime(unixSeconds: -62_135_596_800, nanoseconds: 0, zone: .utc)

    static let longMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let longDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The wall clock in the time's zone.
    struct Civil {
        var year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int
        var weekday: Int, yearDay: Int
        var zone: GoTimeZone.ZoneType
    }

    var civil: Civil {
        let zoneType = zone.lookup(unixSeconds)
        let local = unixSeconds &+ Int64(zoneType.offset)
        let days = Self.floorDivide(local, 86_400)
        let secondsOfDay = Int(local - days * 86_400)
        let (year, month, day) = Self.civilDate(days: days)
        let weekday = Int(((days % 7) + 11) % 7)
        let yearDay = Int(days - Self.days(year: year, month: 1, day: 1)) + 1
        return Civil(
            year: year, month: month, day: day, hour: secondsOfDay / 3600, minute: secondsOfDay / 60 % 60,
            second: secondsOfDay % 60, weekday: weekday, yearDay: yearDay, zone: zoneType)
    }

    /// `time.Date` for a wall clock in `zone` (the offset in force at that wall time, as Go picks it).
    static func date(year: Int64, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int64, zone: GoTimeZone) -> GoTime {
        let localSeconds = days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        var offset = zone.lookup(localSeconds).offset
        let adjusted = zone.lookup(localSeconds - Int64(offset)).offset
        if adjusted != offset { offset = adjusted }
        var time = GoTime(unixSeconds: localSeconds - Int64(offset), nanoseconds: 0, zone: zone)
        time = time.adding(nanosecond)
        return time
    }

    /// `Time.Add`.
    func adding(_ nanoseconds: Int64) -> GoTime {
        var seconds = unixSeconds &+ nanoseconds / 1_000_000_000
        var fraction = self.nanoseconds + nanoseconds % 1_000_000_000
        if fraction >= 1_000_000_000 {
            seconds &+= 1
            fraction -= 1_000_000_000
        } else if fraction < 0 {
            seconds &-= 1
            fraction += 1_000_000_000
        }
        return GoTime(unixSeconds: seconds, nanoseconds: fraction, zone: zone)
    }

    /// `Time.Sub`: the duration from `other` to `self`, saturating.
    func since(_ other: GoTime) -> Int64 {
        let (seconds, overflow) = unixSeconds.subtractingReportingOverflow(other.unixSeconds)
        let (scaled, overflowScale) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, overflowSum) = scaled.addingReportingOverflow(nanoseconds - other.nanoseconds)
        if overflow || overflowScale || overflowSum { return seconds < 0 ? Int64.min : Int64.max }
        return total
    }

    func inZone(_ zone: GoTimeZone) -> GoTime { GoTime(unixSeconds: unixSeconds, nanoseconds: nanoseconds, zone: zone) }

    var isZero: Bool { unixSeconds == Self.zero.unixSeconds && nanoseconds == 0 }

    /// `Time.String`: `2006-01-02 15:04:05.999999999 -0700 MST`.
    var text: String { format("2006-01-02 15:04:05.999999999 -0700 MST") }

    /// `Time.Format`.
    func format(_ layout: String) -> String {
        let wall = civil
        var output: [UInt8] = []
        var rest = Substring(layout)
        while !rest.isEmpty {
            let chunk = GoTimeLayout.nextChunk(rest)
            output += chunk.prefix.utf8
            rest = chunk.suffix
            guard let element = chunk.element else { break }
            append(element, wall: wall, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func append(_ element: GoTimeLayout.Element, wall: Civil, to output: inout [UInt8]) {
        func number(_ value: Int64, width: Int) {
            if value < 0 { output.append(UInt8(ascii: "-")) }
            let digits = String(value.magnitude)
            output += [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - digits.utf8.count)) + Array(digits.utf8)
        }
        func spaced(_ value: Int, width: Int) {
            let digits = String(value)
            output += [UInt8](repeating: UInt8(ascii: " "), count: max(0, width - digits.utf8.count)) + Array(digits.utf8)
        }
        let hour12 = wall.hour % 12 == 0 ? 12 : wall.hour % 12
        switch element {
        case .longYear: number(wall.year, width: 4)
        case .year: number(wall.year % 100, width: 2)
        case .longMonth: output += Self.longMonthNames[wall.month - 1].utf8
        case .month: output += Self.longMonthNames[wall.month - 1].prefix(3).utf8
        case .numMonth: number(Int64(wall.month), width: 0)
        case .zeroMonth: number(Int64(wall.month), width: 2)
        case .longWeekDay: output += Self.longDayNames[wall.weekday].utf8
        case .weekDay: output += Self.longDayNames[wall.weekday].prefix(3).utf8
        case .day: number(Int64(wall.day), width: 0)
        case .underDay: spaced(wall.day, width: 2)
        case .zeroDay: number(Int64(wall.day), width: 2)
        case .underYearDay: spaced(wall.yearDay, width: 3)
        case .zeroYearDay: number(Int64(wall.yearDay), width: 3)
        case .hour: number(Int64(wall.hour), width: 2)
        case .hour12: number(Int64(hour12), width: 0)
        case .zeroHour12: number(Int64(hour12), width: 2)
        case .minute: number(Int64(wall.minute), width: 0)
        case .zeroMinute: number(Int64(wall.minute), width: 2)
        case .second: number(Int64(wall.second), width: 0)
        case .zeroSecond: number(Int64(wall.second), width: 2)
        case .pm: output += (wall.hour >= 12 ? "PM" : "AM").utf8
        case .lowerPM: output += (wall.hour >= 12 ? "pm" : "am").utf8
        case .zoneName:
            if !wall.zone.abbreviation.isEmpty {
                output += wall.zone.abbreviation.utf8
            } else {
                let minutes = wall.zone.offset / 60
                output.append(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                number(Int64(abs(minutes) / 60), width: 2)
                number(Int64(abs(minutes) % 60), width: 2)
            }
        case .offset(let style):
            let offset = wall.zone.offset
            if offset == 0 && style.isISO8601 {
                output.append(UInt8(ascii: "Z"))
                break
            }
            let minutes = offset / 60
            output.append(minutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            number(Int64(abs(minutes) / 60), width: 2)
            if style.hasColon { output.append(UInt8(ascii: ":")) }
            if !style.isShort { number(Int64(abs(minutes) % 60), width: 2) }
            if style.hasSeconds {
                if style.hasColon { output.append(UInt8(ascii: ":")) }
                number(Int64(abs(offset) % 60), width: 2)
            }
        case .fraction(let digits, let trimZeros, let separator):
            var text = Array(String(nanoseconds).utf8)
            text = [UInt8](repeating: UInt8(ascii: "0"), count: 9 - text.count) + text
            var count = min(digits, 9)
            if trimZeros {
                while count > 0 && text[count - 1] == UInt8(ascii: "0") { count -= 1 }
                if count == 0 { break }
            }
            output.append(separator)
            output += text[0..<count]
        }
    }

    // MARK: - Proleptic Gregorian calendar

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Days from 1970-01-01 to the given date (month and day may be out of range, as Go normalizes them).
    static func days(year: Int64, month: Int, day: Int) -> Int64 {
        var year = year
        var month = Int64(month) - 1
        year += floorDivide(month, 12)
        month -= floorDivide(month, 12) * 12
        let shiftedYear = month < 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 10) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + Int64(day) - 1
    }

    static func civilDate(days: Int64) -> (Int64, Int, Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1)
        let month = Int(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int64) -> Int {
        if month == 2 { return isLeap(year) ? 29 : 28 }
        return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
