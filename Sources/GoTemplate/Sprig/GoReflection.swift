/// What sprig learns from Go's `reflect` package: a value's kind, `reflect.DeepEqual`, and sprig's own
/// `empty`, and the runtime error Go raises when sprig asks `reflect.TypeOf(nil).Kind()`.
enum GoReflection {
    /// `reflect.Value.Kind().String()`, or nil for the untyped nil (Go's `invalid` kind).
    static func kind(of value: Value) -> String? {
        switch value.storage {
        case .nil: return nil
        case .bool: return "bool"
        case .int(_, let type), .uint(_, let type): return type.rawValue
        case .float(_, let type): return type.rawValue
        case .complex: return "complex128"
        case .string, .byteString: return "string"
        case .list: return "slice"
        case .map: return "map"
        case .object(let object): return object.goKind
        }
    }

    /// The panic of `reflect.TypeOf(nil).Kind()`, which sprig's list functions hit when given nil; the
    /// template engine reports it as the function's error.
    static let nilDereference = FunctionError("runtime error: invalid memory address or nil pointer dereference")

    /// The elements of a slice, the question sprig's list functions ask with `reflect.TypeOf(list).Kind()`:
    /// throws Go's panic for nil, and returns nil for a value of another kind.
    static func elements(of value: Value) throws -> [Value]? {
        switch value.storage {
        case .nil: throw nilDereference
        case .list(let elements, _): return elements
        default: return nil
        }
    }

    /// `kind(of:)` for an error message, where Go prints the kind of a non-nil value.
    static func kindName(of value: Value) -> String { kind(of: value) ?? "invalid" }

    /// `reflect.DeepEqual`: equal dynamic types and equal contents; strings compare byte by byte, `NaN`
    /// equals nothing. Values of other Go types (`time.Time`, `*semver.Version`) compare by type and printed
    /// form.
    static func deepEqual(_ left: Value, _ right: Value) -> Bool {
        switch (left.storage, right.storage) {
        case (.nil, .nil):
            return true
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.int, _), (.uint, _):
            guard let a = integer(left), let b = integer(right) else { return false }
            return a == b
        case (.float(let a, let typeA), .float(let b, let typeB)):
            return typeA == typeB && a == b
        case (.complex(let realA, let imaginaryA), .complex(let realB, let imaginaryB)):
            return realA == realB && imaginaryA == imaginaryB
        case (.string(let a), .string(let b)):
            return a.utf8.elementsEqual(b.utf8)
        case (.byteString(let a), .byteString(let b)):
            return a == b
        case (.list(let a, let typeA), .list(let b, let typeB)):
            return typeA == typeB && left.isNilSlice == right.isNilSlice && a.count == b.count
                && zip(a, b).allSatisfy { deepEqual($0, $1) }
        case (.map(let a, let typeA), .map(let b, let typeB)):
            guard typeA == typeB, a.count == b.count else { return false }
            return a.allSatisfy { key, value in b[key].map { deepEqual(value, $0) } ?? false }
        case (.object(let a), .object(let b)):
            return a.goType == b.goType && a.formatted == b.formatted
        default:
            return false
        }
    }

    /// An integer with its Go type, in one form whatever its storage.
    private struct TypedInteger: Equatable {
        let type: IntType
        let negative: Bool
        let magnitude: UInt64
    }

    private static func integer(_ value: Value) -> TypedInteger? {
        switch value.storage {
        case .int(let number, let type):
            return TypedInteger(type: type, negative: number < 0, magnitude: number.magnitude)
        case .uint(let number, let type):
            return TypedInteger(type: type, negative: false, magnitude: number)
        default:
            return nil
        }
    }

    /// sprig's `empty`: nil, a zero number, `false`, and an empty string, list or map; a struct never is.
    static func isEmpty(_ value: Value) -> Bool {
        switch value.storage {
        case .nil: return true
        case .bool(let flag): return !flag
        case .int(let number, _): return number == 0
        case .uint(let number, _): return number == 0
        case .float(let number, _): return number == 0
        case .complex(let real, let imaginary): return real == 0 && imaginary == 0
        case .string(let text): return text.isEmpty
        case .byteString: return false
        case .list(let elements, _): return elements.isEmpty
        case .map(let members, _): return members.isEmpty
        case .object: return false
        }
    }
}
