/// A `time.Time` as a template sees it: printed as `Time.String`, with the niladic methods templates call
/// (`.Unix`, `.Year`, `.Month`, `.Weekday`, `.UTC`, `.IsZero`…).
struct GoTimeObject: GoObject {
    let time: GoTime

    var goType: GoType { .named("time.Time") }
    var goKind: String { "struct" }
    var formatted: String { time.text }

    func member(_ name: String) throws -> Value? {
        let civil = time.civil
        switch name {
        case "Unix": return .int64(time.unixSeconds)
        case "UnixMilli": return .int64(time.unixSeconds &* 1000 &+ time.nanoseconds / 1_000_000)
        case "UnixMicro": return .int64(time.unixSeconds &* 1_000_000 &+ time.nanoseconds / 1000)
        case "UnixNano": return .int64(time.unixSeconds &* 1_000_000_000 &+ time.nanoseconds)
        case "Year": return .int(Int(civil.year))
        case "Month": return Value(.object(GoNamedInteger(typeName: "time.Month", value: civil.month, name: GoTime.longMonthNames[civil.month - 1])))
        case "Day": return .int(civil.day)
        case "Hour": return .int(civil.hour)
        case "Minute": return .int(civil.minute)
        case "Second": return .int(civil.second)
        case "Nanosecond": return .int(Int(time.nanoseconds))
        case "YearDay": return .int(civil.yearDay)
        case "Weekday": return Value(.object(GoNamedInteger(typeName: "time.Weekday", value: civil.weekday, name: GoTime.longDayNames[civil.weekday])))
        case "String": return .string(time.text)
        case "UTC": return Value(.object(GoTimeObject(time: time.inZone(.utc))))
        case "IsZero": return .bool(time.isZero)
        case "Location": return Value(.object(GoNamedText(typeName: "*time.Location", text: time.zone.name)))
        default: return nil
        }
    }

    /// `Time.MarshalJSON`: RFC 3339 with the nanoseconds it has.
    var jsonValue: Value? { .string(time.format("2006-01-02T15:04:05.999999999Z07:00")) }

    func method(_ name: String) -> TemplateFunction? {
        let time = self.time
        let timeType = GoType.named("time.Time")
        @Sendable func other(_ value: Value) -> GoTime {
            if case .object(let object as GoTimeObject) = value.storage { return object.time }
            return .zero
        }
        switch name {
        case "Format":
            return TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .string(time.format(arguments[0].stringArgument))
            }
        case "Add":
            return TemplateFunction(parameters: [.int64], result: timeType) { arguments, _ in
                Value(.object(GoTimeObject(time: time.adding(Int64(arguments[0].intArgument)))))
            }
        case "AddDate":
            return TemplateFunction(parameters: [.int, .int, .int], result: timeType) { arguments, _ in
                let civil = time.civil
                let moved = GoTime.date(
                    year: civil.year &+ Int64(arguments[0].intArgument), month: civil.month &+ arguments[1].intArgument,
                    day: civil.day &+ arguments[2].intArgument, hour: civil.hour, minute: civil.minute, second: civil.second,
                    nanosecond: time.nanoseconds, zone: time.zone)
                return Value(.object(GoTimeObject(time: moved)))
            }
        case "Before", "After", "Equal":
            return TemplateFunction(parameters: [timeType], result: .bool) { arguments, _ in
                let difference = time.since(other(arguments[0]))
                return .bool(name == "Before" ? difference < 0 : name == "After" ? difference > 0 : difference == 0)
            }
        default:
            return nil
        }
    }
}

/// A Go integer type with a `String` method, such as `time.Month` (prints `January`).
struct GoNamedInteger: GoObject {
    let typeName: String
    let value: Int
    let name: String

    var goType: GoType { .named(typeName) }
    var goKind: String { "int" }
    var formatted: String { name }
    var jsonValue: Value? { .int(value) }
    func member(_ memberName: String) throws -> Value? { memberName == "String" ? .string(name) : nil }
}

/// A Go value printed through its `String` method, such as a `*time.Location` (prints `UTC`).
struct GoNamedText: GoObject {
    let typeName: String
    let text: String

    var goType: GoType { .named(typeName) }
    var goKind: String { "ptr" }
    var formatted: String { text }
    /// A `*time.Location` has only unexported fields: `encoding/json` writes `{}`.
    var jsonValue: Value? { .map([:]) }
    func member(_ memberName: String) throws -> Value? { memberName == "String" ? .string(text) : nil }
}
