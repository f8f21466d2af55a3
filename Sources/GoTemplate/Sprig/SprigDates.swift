import Foundation

/// sprig's date functions: `now`, `date`, `dateInZone`, `htmlDate`, `htmlDateInZone`, `dateModify`,
/// `mustDateModify`, `ago`, `duration`, `durationRound`, `toDate`, `mustToDate`, `unixEpoch` (and the
/// snake-case aliases). Go's `time.Local` is the zone `FunctionContext.localTimeZone` names.
///
/// Differences from Go: `now` carries no monotonic clock reading, so printing it omits Go's `m=+0.000…`;
/// zones come from the host's zoneinfo files, read up to their last transition (see ``GoTimeZone``).
enum SprigDates {
    static var functions: FunctionMap {
        let dateModify = TemplateFunction(parameters: [.string, timeType], result: timeType) { arguments, _ in
            guard let duration = try? GoDuration.parse(arguments[0].stringArgument) else { return arguments[1] }
            return timeValue(time(of: arguments[1]).adding(duration))
        }
        let mustDateModify = TemplateFunction(parameters: [.string, timeType], result: timeType) { arguments, _ in
            timeValue(time(of: arguments[1]).adding(try GoDuration.parse(arguments[0].stringArgument)))
        }
        let dateInZone = TemplateFunction(parameters: [.string, .interface, .string], result: .string, isDeterministic: false) {
            arguments, context in
            .string(format(arguments[0].stringArgument, arguments[1], zone: arguments[2].stringArgument, context: context))
        }
        return [
            "now": TemplateFunction(parameters: [], result: timeType, isDeterministic: false) { _, context in
                timeValue(now(context))
            },
            "date": TemplateFunction(parameters: [.string, .interface], result: .string, isDeterministic: false) { arguments, context in
                .string(format(arguments[0].stringArgument, arguments[1], zone: "Local", context: context))
            },
            "dateInZone": dateInZone,
            "date_in_zone": dateInZone,
            "htmlDate": TemplateFunction(parameters: [.interface], result: .string, isDeterministic: false) { arguments, context in
                .string(format("2006-01-02", arguments[0], zone: "Local", context: context))
            },
            "htmlDateInZone": TemplateFunction(parameters: [.interface, .string], result: .string, isDeterministic: false) {
                arguments, context in
                .string(format("2006-01-02", arguments[0], zone: arguments[1].stringArgument, context: context))
            },
            "dateModify": dateModify,
            "date_modify": dateModify,
            "mustDateModify": mustDateModify,
            "must_date_modify": mustDateModify,
            "ago": TemplateFunction(parameters: [.interface], result: .string, isDeterministic: false) { arguments, context in
                let current = now(context)
                let start: GoTime
                switch arguments[0].storage {
                case .object(let object as GoTimeObject): start = object.time
                case .int(let seconds, .int64), .int(let seconds, .int): start = GoTime(unixSeconds: seconds, nanoseconds: 0, zone: .utc)
                default: start = current
                }
                return .string(GoDuration.format(GoDuration.round(current.since(start), toMultipleOf: GoDuration.second)))
            },
            "duration": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                var seconds: Int64 = 0
                switch arguments[0].storage {
                case .string(let text): seconds = Int64(decimal: text) ?? 0
                case .int(let value, .int64): seconds = value
                default: break
                }
                return .string(GoDuration.format(seconds &* GoDuration.second))
            },
            "durationRound": TemplateFunction(parameters: [.interface], result: .string, isDeterministic: false) { arguments, context in
                var duration: Int64 = 0
                switch arguments[0].storage {
                case .string(let text): duration = (try? GoDuration.parse(text)) ?? 0
                case .int(let value, .int64): duration = value
                case .object(let object as GoTimeObject): duration = now(context).since(object.time)
                default: break
                }
                return .string(roundedDuration(duration))
            },
            "toDate": TemplateFunction(parameters: [.string, .string], result: timeType) { arguments, context in
                let parsed = try? GoTimeParsing.parse(
                    layout: arguments[0].stringArgument, value: arguments[1].stringArgument,
                    local: GoTimeZone.localZone(context.localTimeZone))
                return timeValue(parsed ?? .zero)
            },
            "mustToDate": TemplateFunction(parameters: [.string, .string], result: timeType) { arguments, context in
                timeValue(try GoTimeParsing.parse(
                    layout: arguments[0].stringArgument, value: arguments[1].stringArgument,
                    local: GoTimeZone.localZone(context.localTimeZone)))
            },
            "unixEpoch": TemplateFunction(parameters: [timeType], result: .string) { arguments, _ in
                .string(String(time(of: arguments[0]).unixSeconds))
            },
        ]
    }

    static let timeType = GoType.named("time.Time")

    static func timeValue(_ time: GoTime) -> Value { Value(.object(GoTimeObject(time: time))) }

    /// The time of an argument checked against a `time.Time` parameter.
    private static func time(of value: Value) -> GoTime {
        if case .object(let object as GoTimeObject) = value.storage { return object.time }
        return .zero
    }

    /// The current instant in Go's `time.Local`.
    static func now(_ context: FunctionContext) -> GoTime {
        let interval = Date().timeIntervalSince1970
        let seconds = interval.rounded(.down)
        return GoTime(
            unixSeconds: Int64(seconds), nanoseconds: min(999_999_999, Int64((interval - seconds) * 1e9)),
            zone: GoTimeZone.localZone(context.localTimeZone))
    }

    /// sprig's `dateInZone`: a `time.Time` or Unix seconds (`int`, `int32`, `int64`), anything else meaning now,
    /// shown in the zone (UTC when Go cannot load it).
    private static func format(_ layout: String, _ date: Value, zone: String, context: FunctionContext) -> String {
        let time: GoTime
        switch date.storage {
        case .object(let object as GoTimeObject): time = object.time
        case .int(let seconds, .int64), .int(let seconds, .int), .int(let seconds, .int32):
            time = GoTime(unixSeconds: seconds, nanoseconds: 0, zone: .utc)
        default: time = now(context)
        }
        let location = GoTimeZone.load(zone, local: context.localTimeZone) ?? .utc
        return time.inZone(location).format(layout)
    }

    /// sprig's `durationRound`: the largest whole unit (years of 365 days, months of 30 days) that the
    /// duration exceeds.
    private static func roundedDuration(_ duration: Int64) -> String {
        let magnitude = duration.magnitude
        let hour = UInt64(GoDuration.hour)
        let units: [(UInt64, String)] = [
            (hour * 24 * 365, "y"), (hour * 24 * 30, "mo"), (hour * 24, "d"), (hour, "h"),
            (UInt64(GoDuration.minute), "m"), (UInt64(GoDuration.second), "s"),
        ]
        for (size, suffix) in units where magnitude > size { return String(magnitude / size) + suffix }
        return "0s"
    }
}

private extension Int64 {
    /// `strconv.ParseInt(text, 10, 64)`: an optional sign and decimal digits only.
    init?(decimal text: String) {
        let bytes = Array(text.utf8)
        let digits = bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard !digits.isEmpty, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        self.init(text.hasPrefix("+") ? String(text.dropFirst()) : text)
    }
}
