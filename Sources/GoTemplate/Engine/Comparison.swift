/// Go's `eq`, `lt` and `le` over basic kinds: integers of any signedness compare by value, other kinds
/// must match exactly (a `float64` from JSON and an integer literal are `incompatible types for comparison`).
enum Comparison {
    private enum Kind { case invalid, bool, complex, int, float, string, uint }

    private static func kind(_ value: Value) -> Kind {
        switch value.storage {
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .float: return .float
        case .complex: return .complex
        case .string, .byteString: return .string
        default: return .invalid
        }
    }

    static func equal(_ first: EvaluatedValue, _ others: [EvaluatedValue]) throws(FunctionError) -> Bool {
        if others.isEmpty { throw FunctionError("missing argument for comparison") }
        let left = first.value
        let leftKind = kind(left)
        for other in others {
            let right = other.value
            let rightKind = kind(right)
            var truth = false
            if leftKind != rightKind {
                switch (left.storage, right.storage) {
                case (.int(let signed, _), .uint(let unsigned, _)), (.uint(let unsigned, _), .int(let signed, _)):
                    truth = signed >= 0 && UInt64(signed) == unsigned
                default:
                    if !left.isNil && !right.isNil { throw FunctionError("incompatible types for comparison") }
                }
            } else {
                switch (left.storage, right.storage) {
                case (.bool(let a), .bool(let b)): truth = a == b
                case (.complex(let ar, let ai), .complex(let br, let bi)): truth = ar == br && ai == bi
                case (.float(let a, _), .float(let b, _)): truth = a == b
                case (.int(let a, _), .int(let b, _)): truth = a == b
                case (.string(let a), .string(let b)): truth = a.utf8.elementsEqual(b.utf8)
                case (.string, .byteString), (.byteString, .string): truth = false
                case (.byteString(let a), .byteString(let b)): truth = a == b
                case (.uint(let a, _), .uint(let b, _)): truth = a == b
                default:
                    truth = try equalOtherKinds(left, right)
                }
            }
            if truth { return true }
        }
        return false
    }

    /// Two values of no basic kind: nil, lists, maps, objects. As Go's `eq`: kinds must match unless one side
    /// is the untyped nil; then a nil on either side (a nil slice too) makes the answer whether both are nil.
    private static func equalOtherKinds(_ left: Value, _ right: Value) throws(FunctionError) -> Bool {
        func isNil(_ value: Value) -> Bool { value.isNil || value.isNilSlice }
        if left.isNil || right.isNil { return isNil(left) && isNil(right) }
        let leftShape = shape(left)
        let rightShape = shape(right)
        if leftShape != rightShape {
            throw FunctionError(
                GoFormat.sprintf("non-comparable types %s: ", [left]) + "\(left.goType), \(right.goType): "
                    + GoFormat.formatValue(right))
        }
        if isNil(left) || isNil(right) { return isNil(left) == isNil(right) }
        if leftShape != "object" {
            throw FunctionError(GoFormat.sprintf("non-comparable type %s: ", [right]) + right.goType.description)
        }
        return left.goType == right.goType && GoFormat.formatValue(left) == GoFormat.formatValue(right)
    }

    private static func shape(_ value: Value) -> String {
        switch value.storage {
        case .list: return "slice"
        case .map: return "map"
        default: return "object"
        }
    }

    static func less(_ first: EvaluatedValue, _ second: EvaluatedValue) throws(FunctionError) -> Bool {
        let left = first.value
        let right = second.value
        let leftKind = kind(left)
        if leftKind == .invalid { throw FunctionError("invalid type for comparison") }
        let rightKind = kind(right)
        if rightKind == .invalid { throw FunctionError("invalid type for comparison") }
        if leftKind != rightKind {
            switch (left.storage, right.storage) {
            case (.int(let a, _), .uint(let b, _)): return a < 0 || UInt64(a) < b
            case (.uint(let a, _), .int(let b, _)): return b >= 0 && a < UInt64(b)
            default: throw FunctionError("incompatible types for comparison")
            }
        }
        switch (left.storage, right.storage) {
        case (.float(let a, _), .float(let b, _)): return a < b
        case (.int(let a, _), .int(let b, _)): return a < b
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.string, .byteString), (.byteString, .string), (.byteString, .byteString):
            return (left.goStringBytes ?? []).lexicographicallyPrecedes(right.goStringBytes ?? [])
        case (.uint(let a, _), .uint(let b, _)): return a < b
        default: throw FunctionError("invalid type for comparison")
        }
    }

    static func lessOrEqual(_ first: EvaluatedValue, _ second: EvaluatedValue) throws(FunctionError) -> Bool {
        if try less(first, second) { return true }
        return try equal(first, [second])
    }
}
