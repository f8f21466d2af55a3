/// sprig's conversions between strings, numbers and lists: `toString`, `toStrings`, `atoi`, `int`, `int64`,
/// `float64`, `toDecimal`, and the integer sequences `until`, `untilStep` and `seq`.
enum SprigConversions {
    static var functions: FunctionMap {
        [
            "toString": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                if arguments[0].isGoString { return Value(arguments[0].storage) }
                return .string(stringValue(arguments[0]))
            },
            "toStrings": TemplateFunction(parameters: [.interface], result: .slice(.string)) { arguments, _ in
                if holdsByteString(arguments[0]) {
                    return Value(.list(stringValueBytes(of: arguments[0]).map { .goString($0) }, elementType: .string))
                }
                return .strings(stringValues(arguments[0]))
            },
            "atoi": TemplateFunction(parameters: [.string], result: .int) { arguments, _ in
                .int(Int(parseInteger(arguments[0].stringArgument, base: 10, valueOnRangeError: true) ?? 0))
            },
            "int": TemplateFunction(parameters: [.interface], result: .int) { arguments, _ in
                .int(Int(SprigCast.toInt64(arguments[0])))
            },
            "int64": TemplateFunction(parameters: [.interface], result: .int64) { arguments, _ in
                .int64(SprigCast.toInt64(arguments[0]))
            },
            "float64": TemplateFunction(parameters: [.interface], result: .float64) { arguments, _ in
                .float64(SprigCast.toFloat64(arguments[0]))
            },
            "toDecimal": TemplateFunction(parameters: [.interface], result: .int64) { arguments, _ in
                .int64(parseInteger(GoFormat.formatValue(arguments[0]), base: 8, valueOnRangeError: false) ?? 0)
            },
            "until": TemplateFunction(parameters: [.int], result: .slice(.int)) { arguments, context in
                let count = arguments[0].intArgument
                return integers(try steps(from: 0, to: count, by: count < 0 ? -1 : 1, context))
            },
            "untilStep": TemplateFunction(parameters: [.int, .int, .int], result: .slice(.int)) { arguments, context in
                integers(try steps(
                    from: arguments[0].intArgument, to: arguments[1].intArgument, by: arguments[2].intArgument, context))
            },
            "seq": TemplateFunction(parameters: [], variadic: .int, result: .string) { arguments, context in
                .string(try sequence(arguments.map(\.intArgument), context).map(String.init).joined(separator: " "))
            },
        ]
    }

    /// sprig's `strval`: a string as it is, an error or Stringer by its text, anything else as `%v` prints it.
    static func stringValue(_ value: Value) -> String {
        if case .string(let text) = value.storage { return text }
        return GoFormat.formatValue(value)
    }

    /// ``stringValue(_:)`` as the bytes Go has, which need not be valid UTF-8.
    static func stringValueBytes(_ value: Value) -> [UInt8] {
        if let bytes = value.goStringBytes { return bytes }
        var output: [UInt8] = []
        GoFormat.appendFormatted(value, to: &output)
        return output
    }

    /// ``stringValue(_:)`` as a map key (sprig's `dict` keys), with the bytes Go has.
    static func mapKey(_ value: Value) -> MapKey {
        MapKey(value) ?? MapKey(bytes: stringValueBytes(value))
    }

    /// ``stringValues(_:)`` as the bytes Go has.
    static func stringValueBytes(of value: Value) -> [[UInt8]] {
        switch value.storage {
        case .list(let elements, let elementType):
            if elementType == .string { return elements.map(\.stringArgumentBytes) }
            return elements.filter { !$0.isNil }.map(stringValueBytes)
        case .nil:
            return []
        default:
            return [stringValueBytes(value)]
        }
    }

    /// Whether a value is, or a list holds at its top level, a string that is not valid UTF-8.
    static func holdsByteString(_ value: Value) -> Bool {
        switch value.storage {
        case .byteString: return true
        case .list(let elements, _):
            return elements.contains { if case .byteString = $0.storage { return true } else { return false } }
        default: return false
        }
    }

    /// sprig's `strslice`: a list's elements as strings, nil elements skipped; a nil as no strings; any
    /// other value as one string.
    static func stringValues(_ value: Value) -> [String] {
        switch value.storage {
        case .list(let elements, let elementType):
            if elementType == .string { return elements.map(\.stringArgument) }
            return elements.filter { !$0.isNil }.map(stringValue)
        case .nil:
            return []
        default:
            return [stringValue(value)]
        }
    }

    /// `strconv.ParseInt(text, base, 64)` for base 8 or 10, without prefixes or underscores. On a range
    /// error Go still returns the clamped value, which `strconv.Atoi` callers that ignore the error receive.
    static func parseInteger(_ text: String, base: UInt8, valueOnRangeError: Bool) -> Int64? {
        var digits = text.utf8[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        var outOfRange = false
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < base else { return nil }
            if outOfRange { continue }
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: UInt64(base))
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
            if overflow || carry { outOfRange = true } else { magnitude = sum }
        }
        let limit = UInt64(1) << 63
        if outOfRange || (!negative && magnitude >= limit) || (negative && magnitude > limit) {
            guard valueOnRangeError else { return nil }
            return negative ? Int64.min : Int64.max
        }
        return negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude)
    }

    /// sprig's `untilStep`: from `start` towards `stop` (excluded) by `step`; nothing when the step goes the
    /// other way or is zero. Go's `int` additions wrap, so the bound is the result size limit.
    static func steps(from start: Int, to stop: Int, by step: Int, _ context: FunctionContext) throws -> [Int] {
        var result: [Int] = []
        if stop < start {
            guard step < 0 else { return result }
            var current = start
            while current > stop {
                try SprigLimits.check(result.count + 1, context.maximumResultSize)
                result.append(current)
                current = current &+ step
            }
            return result
        }
        guard step > 0 else { return result }
        var current = start
        while current < stop {
            try SprigLimits.check(result.count + 1, context.maximumResultSize)
            result.append(current)
            current = current &+ step
        }
        return result
    }

    /// sprig's `seq`: `seq END` counts from 1, `seq START END` and `seq START STEP END` include the end; any
    /// other number of arguments gives nothing.
    private static func sequence(_ parameters: [Int], _ context: FunctionContext) throws -> [Int] {
        switch parameters.count {
        case 1:
            let end = parameters[0]
            let increment = end < 1 ? -1 : 1
            return try steps(from: 1, to: end &+ increment, by: increment, context)
        case 2:
            let start = parameters[0], end = parameters[1]
            let step = end < start ? -1 : 1
            return try steps(from: start, to: end &+ step, by: step, context)
        case 3:
            let start = parameters[0], step = parameters[1], end = parameters[2]
            var increment = 1
            if end < start {
                increment = -1
                if step > 0 { return [] }
            }
            return try steps(from: start, to: end &+ increment, by: step, context)
        default:
            return []
        }
    }

    private static func integers(_ values: [Int]) -> Value {
        Value(.list(values.map { .int($0) }, elementType: .int))
    }
}
