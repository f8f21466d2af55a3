/// A value during evaluation, with the one fact of Go's reflection the rules depend on: whether the value
/// is still inside an `interface{}` (a map element of `map[string]interface{}`, a `[]interface{}` element,
/// the result of a function returning `interface{}`).
///
/// A value that is not boxed and whose storage is `.nil` is Go's invalid `reflect.Value`: "no value" (a
/// missing key, a nil data). A boxed `.nil` is a nil interface. Go unwraps interfaces after each pipeline
/// command, which turns a boxed nil into no value.
struct EvaluatedValue {
    var value: Value
    var boxed: Bool

    static let missing = EvaluatedValue(value: .nil, boxed: false)

    @inline(__always)
    init(value: Value, boxed: Bool) {
        self.value = value
        self.boxed = boxed
    }

    @inline(__always)
    init(_ value: Value) {
        self.value = value
        self.boxed = false
    }

    var isMissing: Bool { !boxed && value.isNil }

    /// The static type Go's reflection reports for the value (`interface {}` while boxed).
    var typeDescription: String { boxed ? "interface {}" : value.goType.description }

    /// After a pipeline command: the value out of its interface.
    @inline(__always)
    var unboxed: EvaluatedValue { EvaluatedValue(value: value, boxed: false) }
}

/// Go's truth of a value (`if`, `with`, `and`, `or`, `not`): false for no value, nil, zero numbers, empty
/// strings, lists and maps.
func isTrue(_ value: Value) -> Bool {
    switch value.storage {
    case .nil: return false
    case .bool(let flag): return flag
    case .int(let number, _): return number != 0
    case .uint(let number, _): return number != 0
    case .float(let number, _): return number != 0
    case .complex(let real, let imaginary): return real != 0 || imaginary != 0
    case .string(let text): return !text.isEmpty
    case .byteString: return true
    case .list(let items, _): return !items.isEmpty
    case .map(let members, _): return !members.isEmpty
    case .object: return true
    }
}

extension Array {
    /// Drops the elements from `count` on, without the generic range replacement `removeSubrange` costs.
    @inline(__always)
    mutating func truncate(to count: Int) {
        if self.count > count { removeLast(self.count - count) }
    }
}

extension GoType {
    /// Whether the type is `interface {}` (a pattern match, cheaper than comparing indirect enums).
    @inline(__always)
    var isInterface: Bool {
        if case .interface = self { return true }
        return false
    }

    /// Whether Go's untyped nil can be assigned to the type (interfaces, slices, maps, pointers, funcs).
    var canBeNil: Bool {
        switch self {
        case .interface, .nilType, .slice, .map: return true
        case .named(let name):
            return name.hasPrefix("*") || name.hasPrefix("func") || name == "error" || name.hasPrefix("[]")
                || name.hasPrefix("map[") || name.hasPrefix("chan ")
        default: return false
        }
    }

    /// The zero value of the type, as a map lookup with `missingkey=zero` or a nil argument produces it.
    var zeroValue: EvaluatedValue {
        switch self {
        case .interface, .nilType: return EvaluatedValue(value: .nil, boxed: true)
        case .bool: return EvaluatedValue(.bool(false))
        case .integer(let type):
            return EvaluatedValue(type.isSigned ? Value(.int(0, type)) : Value(.uint(0, type)))
        case .float32: return EvaluatedValue(Value(.float(0, .float32)))
        case .float64: return EvaluatedValue(.float64(0))
        case .complex128: return EvaluatedValue(Value(.complex(0, 0)))
        case .string: return EvaluatedValue(.string(""))
        case .slice(let element): return EvaluatedValue(Value(.list([], elementType: element)))
        case .map(let element): return EvaluatedValue(Value(.map([:], valueType: element)))
        case .named: return EvaluatedValue(value: .nil, boxed: true)
        }
    }
}
