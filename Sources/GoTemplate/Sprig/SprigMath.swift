/// sprig's integer and float math: `add`, `sub`, `mul`, `div`, `mod`, `max`, `min`, `round`, `addf`…
/// Integer functions convert every argument with cast's `ToInt64` and wrap on overflow as Go does; the
/// `…f` functions go through shopspring's decimal (see ``DecimalNumber``).
enum SprigMath {
    static var functions: FunctionMap {
        [
            "add1": TemplateFunction(parameters: [.interface], result: .int64) { arguments, _ in
                .int64(SprigCast.toInt64(arguments[0]) &+ 1)
            },
            "add": TemplateFunction(parameters: [], variadic: .interface, result: .int64) { arguments, _ in
                .int64(arguments.reduce(Int64(0)) { $0 &+ SprigCast.toInt64($1) })
            },
            "sub": TemplateFunction(parameters: [.interface, .interface], result: .int64) { arguments, _ in
                .int64(SprigCast.toInt64(arguments[0]) &- SprigCast.toInt64(arguments[1]))
            },
            "div": TemplateFunction(parameters: [.interface, .interface], result: .int64) { arguments, _ in
                let divisor = SprigCast.toInt64(arguments[1])
                guard divisor != 0 else { throw FunctionError("runtime error: integer divide by zero") }
                return .int64(SprigCast.toInt64(arguments[0]).dividedReportingOverflow(by: divisor).partialValue)
            },
            "mod": TemplateFunction(parameters: [.interface, .interface], result: .int64) { arguments, _ in
                let divisor = SprigCast.toInt64(arguments[1])
                guard divisor != 0 else { throw FunctionError("runtime error: integer divide by zero") }
                return .int64(SprigCast.toInt64(arguments[0]).remainderReportingOverflow(dividingBy: divisor).partialValue)
            },
            "mul": TemplateFunction(parameters: [.interface], variadic: .interface, result: .int64) { arguments, _ in
                .int64(arguments.dropFirst().reduce(SprigCast.toInt64(arguments[0])) { $0 &* SprigCast.toInt64($1) })
            },
            "biggest": largestInteger,
            "max": largestInteger,
            "min": TemplateFunction(parameters: [.interface], variadic: .interface, result: .int64) { arguments, _ in
                .int64(arguments.map(SprigCast.toInt64).min() ?? 0)
            },
            "randInt": TemplateFunction(parameters: [.int, .int], result: .int, isDeterministic: false) { arguments, _ in
                let low = arguments[0].intArgument, high = arguments[1].intArgument
                let (span, overflow) = high.subtractingReportingOverflow(low)
                guard !overflow, span > 0 else { throw FunctionError("invalid argument to Intn") }
                return .int(Int.random(in: 0..<span) + low)
            },
            "add1f": TemplateFunction(parameters: [.interface], result: .float64) { arguments, _ in
                try decimalOperation(arguments[0], [.int(1)]) { $0 + $1 }
            },
            "addf": TemplateFunction(parameters: [], variadic: .interface, result: .float64) { arguments, _ in
                try decimalOperation(.float64(0), arguments[...]) { $0 + $1 }
            },
            "subf": TemplateFunction(parameters: [.interface], variadic: .interface, result: .float64) { arguments, _ in
                try decimalOperation(arguments[0], arguments.dropFirst()) { $0 - $1 }
            },
            "mulf": TemplateFunction(parameters: [.interface], variadic: .interface, result: .float64) { arguments, _ in
                try decimalOperation(arguments[0], arguments.dropFirst()) { $0 * $1 }
            },
            "divf": TemplateFunction(parameters: [.interface], variadic: .interface, result: .float64) { arguments, _ in
                try decimalOperation(arguments[0], arguments.dropFirst()) { try $0.divided(by: $1) }
            },
            "maxf": TemplateFunction(parameters: [.interface], variadic: .interface, result: .float64) { arguments, _ in
                .float64(arguments.dropFirst().reduce(SprigCast.toFloat64(arguments[0])) { goMax($0, SprigCast.toFloat64($1)) })
            },
            "minf": TemplateFunction(parameters: [.interface], variadic: .interface, result: .float64) { arguments, _ in
                .float64(arguments.dropFirst().reduce(SprigCast.toFloat64(arguments[0])) { goMin($0, SprigCast.toFloat64($1)) })
            },
            "ceil": TemplateFunction(parameters: [.interface], result: .float64) { arguments, _ in
                .float64(SprigCast.toFloat64(arguments[0]).rounded(.up))
            },
            "floor": TemplateFunction(parameters: [.interface], result: .float64) { arguments, _ in
                .float64(SprigCast.toFloat64(arguments[0]).rounded(.down))
            },
            "round": TemplateFunction(parameters: [.interface, .int], variadic: .float64, result: .float64) { arguments, _ in
                let roundOn = arguments.count > 2 ? arguments[2].floatArgument : 0.5
                return .float64(round(SprigCast.toFloat64(arguments[0]), places: arguments[1].intArgument, roundOn: roundOn))
            },
        ]
    }

    private static let largestInteger = TemplateFunction(parameters: [.interface], variadic: .interface, result: .int64) {
        arguments, _ in .int64(arguments.map(SprigCast.toInt64).max() ?? 0)
    }

    /// sprig's `execDecimalOp`: folds the operands through shopspring decimals and returns the nearest float64.
    private static func decimalOperation(
        _ first: Value, _ rest: ArraySlice<Value>,
        _ operation: (DecimalNumber, DecimalNumber) throws -> DecimalNumber
    ) throws -> Value {
        var result = try DecimalNumber(SprigCast.toFloat64(first))
        for operand in rest {
            result = try operation(result, DecimalNumber(SprigCast.toFloat64(operand)))
        }
        return .float64(result.doubleValue)
    }

    /// sprig's `round`: scales by `10^places` (Go's `math.Pow`), rounds up when the fraction reaches `roundOn`.
    static func round(_ value: Double, places: Int, roundOn: Double) -> Double {
        let scale = GoMath.powerOfTen(places)
        let scaled = scale * value
        let fraction = scaled.isInfinite ? 0 : scaled - scaled.rounded(.towardZero)
        let rounded = fraction >= roundOn ? scaled.rounded(.up) : scaled.rounded(.down)
        return rounded / scale
    }

    /// Go's `math.Max`: NaN wins, and +0 is larger than -0.
    static func goMax(_ a: Double, _ b: Double) -> Double {
        if a.isInfinite && a > 0 || b.isInfinite && b > 0 { return .infinity }
        if a.isNaN || b.isNaN { return .nan }
        if a == 0 && a == b { return a.sign == .minus ? b : a }
        return a > b ? a : b
    }

    /// Go's `math.Min`: NaN wins, and -0 is smaller than +0.
    static func goMin(_ a: Double, _ b: Double) -> Double {
        if a.isInfinite && a < 0 || b.isInfinite && b < 0 { return -.infinity }
        if a.isNaN || b.isNaN { return .nan }
        if a == 0 && a == b { return a.sign == .minus ? a : b }
        return a < b ? a : b
    }
}
