import GoTemplate

/// A TOML local date, local time or local date-time as go-toml v2 decodes it into `interface{}`
/// (`toml.LocalDate`, `toml.LocalTime`, `toml.LocalDateTime`): printed and marshalled through its text form
/// (`1979-05-27`, `07:32:00.5`, `1979-05-27T07:32:00`), with its fields reachable as `.Year`, `.Hour`…
struct TOMLLocalDateTime: GoObject {
    enum Kind: String { case date = "toml.LocalDate", time = "toml.LocalTime", dateTime = "toml.LocalDateTime" }

    let kind: Kind
    var year = 0, month = 0, day = 0
    var hour = 0, minute = 0, second = 0, nanosecond = 0

    var goType: GoType { .named(kind.rawValue) }
    var goKind: String { "struct" }

    /// go-toml's `String`: the fraction of a second only when there is one, with its trailing zeros cut
    /// (the digits as written are not known here; see the Enterprise section of docs/flexible-config.md).
    var formatted: String {
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        var time = pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if nanosecond > 0 {
            var fraction = pad(nanosecond, 9)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            time += "." + fraction
        }
        switch kind {
        case .date: return date
        case .time: return time
        case .dateTime: return date + "T" + time
        }
    }

    /// `MarshalText`, so `encoding/json` writes the text form as a string.
    var jsonValue: Value? { .string(formatted) }

    func member(_ name: String) throws -> Value? {
        let hasDate = kind != .time
        let hasTime = kind != .date
        switch name {
        case "Year" where hasDate: return .int(year)
        case "Month" where hasDate: return .int(month)
        case "Day" where hasDate: return .int(day)
        case "Hour" where hasTime: return .int(hour)
        case "Minute" where hasTime: return .int(minute)
        case "Second" where hasTime: return .int(second)
        case "Nanosecond" where hasTime: return .int(nanosecond)
        case "String": return .string(formatted)
        default: return nil
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
