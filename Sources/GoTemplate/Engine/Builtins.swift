/// How a parameter takes its argument: as Go's `reflect.Value` (anything, unconverted, even no value) or
/// as a value of a Go type, checked and converted as Go's `validateType` and `evalArg` do.
enum ParameterType: Sendable {
    case reflectValue
    case type(GoType)
}

/// A function name resolved when the template is parsed: a built-in or a function of the set, with the
/// signature arguments are checked against.
struct ResolvedFunction: Sendable {
    enum Implementation: Sendable {
        case builtin(Builtin)
        case user(TemplateFunction)
    }

    let implementation: Implementation
    let parameters: [ParameterType]
    let variadic: ParameterType?

    static func builtin(_ builtin: Builtin) -> ResolvedFunction {
        ResolvedFunction(implementation: .builtin(builtin), parameters: builtin.parameters, variadic: builtin.variadic)
    }

    static func user(_ function: TemplateFunction) -> ResolvedFunction {
        ResolvedFunction(
            implementation: .user(function), parameters: function.parameters.map { .type($0) },
            variadic: function.variadic.map { .type($0) })
    }
}

/// Go's built-in template functions, with their Go signatures.
enum Builtin: String, CaseIterable, Sendable {
    case and, or, not, len, index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery, call

    var parameters: [ParameterType] {
        switch self {
        case .and, .or, .not, .len, .index, .slice, .eq, .call: return [.reflectValue]
        case .ne, .lt, .le, .gt, .ge: return [.reflectValue, .reflectValue]
        case .print, .println, .html, .js, .urlquery: return []
        case .printf: return [.type(.string)]
        }
    }

    var variadic: ParameterType? {
        switch self {
        case .and, .or, .index, .slice, .eq, .call: return .reflectValue
        case .print, .println, .printf, .html, .js, .urlquery: return .type(.interface)
        case .not, .len, .ne, .lt, .le, .gt, .ge: return nil
        }
    }

    /// Whether the built-in takes plain values (`...interface{}` and `string` parameters) rather than Go's
    /// `reflect.Value`: the printing and escaping functions.
    var takesPlainValues: Bool {
        switch self {
        case .print, .printf, .println, .html, .js, .urlquery: return true
        default: return false
        }
    }

    /// Calls a built-in that takes plain values (``takesPlainValues``) on checked arguments. What `print`,
    /// `println` and `printf` build is bounded by `limit` bytes (the function result limit).
    func call(plain arguments: [Value], limit: Int = .max) throws(FunctionError) -> Value {
        switch self {
        case .print: return try Self.bounded(GoFormat.sprintValue(arguments, limit: limit), limit)
        case .println: return try Self.bounded(GoFormat.sprintlnValue(arguments, limit: limit), limit)
        case .printf: return try Self.bounded(GoFormat.sprintfValue(arguments[0], Array(arguments.dropFirst()), limit: limit), limit)
        case .html: return .goString(TextEscaping.html(Self.printedArguments(arguments)))
        case .js: return .goString(TextEscaping.javaScript(Self.printedArguments(arguments)))
        case .urlquery: return .goString(TextEscaping.urlQuery(Self.printedArguments(arguments)))
        default: return .nil
        }
    }

    /// Calls the built-in on checked arguments. `and` and `or` are evaluated by the executor (they short-
    /// circuit) and never reach here.
    func call(_ arguments: [EvaluatedValue], limit: Int = .max) throws(FunctionError) -> EvaluatedValue {
        switch self {
        case .and, .or:
            return arguments.last ?? .missing
        case .not:
            return EvaluatedValue(.bool(!isTrue(arguments[0].value)))
        case .len:
            return EvaluatedValue(.int(try Self.length(arguments[0])))
        case .index:
            return try Self.index(arguments[0], Array(arguments.dropFirst()))
        case .slice:
            return try Self.slice(arguments[0], Array(arguments.dropFirst()))
        case .eq:
            return EvaluatedValue(.bool(try Comparison.equal(arguments[0], Array(arguments.dropFirst()))))
        case .ne:
            return EvaluatedValue(.bool(!(try Comparison.equal(arguments[0], [arguments[1]]))))
        case .lt:
            return EvaluatedValue(.bool(try Comparison.less(arguments[0], arguments[1])))
        case .le:
            return EvaluatedValue(.bool(try Comparison.lessOrEqual(arguments[0], arguments[1])))
        case .gt:
            return EvaluatedValue(.bool(!(try Comparison.lessOrEqual(arguments[0], arguments[1]))))
        case .ge:
            return EvaluatedValue(.bool(!(try Comparison.less(arguments[0], arguments[1]))))
        case .print, .printf, .println, .html, .js, .urlquery:
            return EvaluatedValue(try call(plain: arguments.map(\.value), limit: limit))
        case .call:
            if arguments[0].value.isNil { throw FunctionError("call of nil") }
            throw FunctionError("non-function of type \(arguments[0].value.goType)")
        }
    }

    /// The printed result, or the limit error when printing stopped at `limit` bytes.
    private static func bounded(_ printed: Value?, _ limit: Int) throws(FunctionError) -> Value {
        guard let printed else { throw FunctionError("result exceeds the limit of \(limit) bytes") }
        return printed
    }

    /// Go's `evalArgs`: a single string as is, otherwise `fmt.Sprint` with nil printed as `<no value>`.
    private static func printedArguments(_ arguments: [Value]) -> [UInt8] {
        if arguments.count == 1, let bytes = arguments[0].goStringBytes { return bytes }
        return GoFormat.sprintValue(arguments.map { $0.isNil ? .string("<no value>") : $0 })?.goStringBytes ?? []
    }

    private static func length(_ item: EvaluatedValue) throws(FunctionError) -> Int {
        if item.boxed && item.value.isNil { throw FunctionError("len of nil pointer") }
        switch item.value.storage {
        case .nil: throw FunctionError("reflect: call of reflect.Value.Type on zero Value")
        case .string(let text): return text.utf8.count
        case .byteString(let bytes): return bytes.count
        case .list(let items, _): return items.count
        case .map(let members, _): return members.count
        default: throw FunctionError("len of type \(item.value.goType)")
        }
    }

    /// Go's `indexArg`: an integer index within `0...capacity`.
    private static func indexArgument(_ index: EvaluatedValue, capacity: Int) throws(FunctionError) -> Int {
        let position: Int64
        if index.boxed {
            throw FunctionError(index.value.isNil ? "cannot index slice/array with nil" : "cannot index slice/array with type interface {}")
        }
        switch index.value.storage {
        case .int(let number, _): position = number
        case .uint(let number, _): position = Int64(truncatingIfNeeded: number)
        case .nil: throw FunctionError("cannot index slice/array with nil")
        default: throw FunctionError("cannot index slice/array with type \(index.value.goType)")
        }
        if position < 0 || position > Int64(capacity) { throw FunctionError("index out of range: \(position)") }
        return Int(position)
    }

    private static func index(_ item: EvaluatedValue, _ indexes: [EvaluatedValue]) throws(FunctionError) -> EvaluatedValue {
        var current = item.unboxed
        if current.value.isNil { throw FunctionError("index of untyped nil") }
        for index in indexes {
            let key = index.unboxed
            if current.boxed && current.value.isNil { throw FunctionError("index of nil pointer") }
            switch current.value.storage {
            case .list(let items, let element):
                let position = try indexArgument(key, capacity: items.count)
                guard position < items.count else { throw FunctionError("reflect: slice index out of range") }
                current = EvaluatedValue(value: items[position], boxed: element.isInterface)
            case .string, .byteString:
                let bytes = current.value.goStringBytes ?? []
                let position = try indexArgument(key, capacity: bytes.count)
                guard position < bytes.count else { throw FunctionError("reflect: string index out of range") }
                current = EvaluatedValue(Value(.uint(UInt64(bytes[position]), .uint8)))
            case .map(let members, let valueType):
                guard let name = MapKey(key.value) else {
                    if key.value.isNil { throw FunctionError("value is nil; should be of type string") }
                    throw FunctionError("value has type \(key.value.goType); should be string")
                }
                if let member = members[name] {
                    current = EvaluatedValue(value: member, boxed: valueType.isInterface)
                } else {
                    current = valueType.zeroValue
                }
            default:
                throw FunctionError("can't index item of type \(current.typeDescription)")
            }
        }
        return current
    }

    private static func slice(_ item: EvaluatedValue, _ indexes: [EvaluatedValue]) throws(FunctionError) -> EvaluatedValue {
        let value = item.value
        if value.isNil { throw FunctionError("slice of untyped nil") }
        if indexes.count > 3 { throw FunctionError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch value.storage {
        case .string(let text):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            count = text.utf8.count
        case .byteString(let bytes):
            if indexes.count == 3 { throw FunctionError("cannot 3-index slice a string") }
            count = bytes.count
        case .list(let items, _):
            count = items.count
        default:
            throw FunctionError("can't slice item of type \(value.goType)")
        }
        var bounds = [0, count, count]
        for (position, index) in indexes.enumerated() {
            bounds[position] = try indexArgument(index, capacity: count)
        }
        if bounds[0] > bounds[1] { throw FunctionError("invalid slice index: \(bounds[0]) > \(bounds[1])") }
        if indexes.count == 3 && bounds[1] > bounds[2] {
            throw FunctionError("invalid slice index: \(bounds[1]) > \(bounds[2])")
        }
        switch value.storage {
        case .string, .byteString:
            let bytes = (value.goStringBytes ?? [])[bounds[0]..<bounds[1]]
            return EvaluatedValue(Value.goString(bytes, origin: value.origin))
        case .list(let items, let element):
            return EvaluatedValue(Value(.list(Array(items[bounds[0]..<bounds[1]]), elementType: element), origin: value.origin))
        default:
            return .missing
        }
    }
}
