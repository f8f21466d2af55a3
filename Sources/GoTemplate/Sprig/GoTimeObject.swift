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
}

/// A Go integer type with a `String` method, such as `time.Month` (prints `January`).
struct GoNamedInteger: GoObject {
    let typeName: String
    let value: Int
    let name: String

    var goType: GoType { .named(typeName) }
    var goKind: String { "int" }
    var formatted: String { name }
    func member(_ memberName: String) throws -> Value? { memberName == "String" ? .string(name) : nil }
}

/// A Go value printed through its `String` method, such as a `*time.Location` (prints `UTC`).
struct GoNamedText: GoObject {
    let typeName: String
    let text: String

    var goType: GoType { .named(typeName) }
    var goKind: String { "ptr" }
    var formatted: String { text }
    func member(_ memberName: String) throws -> Value? { memberName == "String" ? .string(text) : nil }
}
