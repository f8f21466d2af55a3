/// A value as a Go template sees it: the dynamic type and contents of an `interface{}`.
///
/// Data handed to a template is JSON-like (objects, arrays, strings, float64 numbers, bools, nil), as Go's
/// `encoding/json` decodes it into `map[string]interface{}`. Literals in a template and the results of
/// functions add Go's other types (`int`, `int64`, `[]string`, `map[string]string`, a struct such as
/// `time.Time`), so a value keeps its Go type name where output depends on it (`printf "%T"`, sprig's
/// `typeOf`, `kindOf`).
///
/// A value may carry an ``origin``: where it came from (for example a settings file and a span in it). The
/// executor keeps the origin when the value moves through variables, `index`, `range`, pipelines and
/// functions that return their argument or a part of it.
public struct Value: Sendable {
    public var storage: Storage
    public var origin: ValueOrigin?

    public init(_ storage: Storage, origin: ValueOrigin? = nil) {
        self.storage = storage
        self.origin = origin
    }

    /// The dynamic contents of the interface.
    public enum Storage: Sendable {
        /// Go's untyped `nil` in an interface (JSON `null`, a missing key's zero value).
        case `nil`
        case bool(Bool)
        /// A signed or unsigned integer of the given Go type (`int` for template literals).
        case int(Int64, IntType)
        /// An unsigned integer that does not fit in `Int64` (`uint64`), kept exactly.
        case uint(UInt64, IntType)
        /// `float64` (every JSON number) or `float32`.
        case float(Double, FloatType)
        /// A Go `complex128` constant such as `1i`.
        case complex(Double, Double)
        /// A Go `string` whose bytes are valid UTF-8, which is the rule.
        case string(String)
        /// A Go `string` whose bytes are not valid UTF-8 (Go builds such strings from `"\xff"` literals,
        /// `b64dec`, a cut inside a character and the like). Valid bytes are always ``string(_:)``: build
        /// either with ``Value/goString(_:)``. This is a `string`, not a `[]byte` (a ``list(_:elementType:)``
        /// of `uint8`).
        case byteString([UInt8])
        /// A slice (`[]interface{}`, `[]string`, `[]int`, …); `elementType` is the Go element type.
        case list([Value], elementType: GoType)
        /// A map with string keys (`map[string]interface{}`, `map[string]string`); `valueType` is the Go
        /// element type. Keys are Go strings, told apart by their bytes (see ``MapKey``). Go ranges over and
        /// prints maps in the keys' byte order.
        case map([MapKey: Value], valueType: GoType)
        /// Any other Go value (a struct like `time.Time` or `*semver.Version`, a function) that functions
        /// produce and that templates reach only through fields, methods and printing.
        case object(any GoObject)
    }

    /// Go's type for this value, as `%T` prints it (`float64`, `[]interface {}`, `map[string]interface {}`).
    public var goType: GoType {
        switch storage {
        case .nil: return .nilType
        case .bool: return .bool
        case .int(_, let type), .uint(_, let type): return .integer(type)
        case .float(_, let type): return type == .float64 ? .float64 : .float32
        case .complex: return .complex128
        case .string, .byteString: return .string
        case .list(_, let element): return .slice(element)
        case .map(_, let element): return .map(element)
        case .object(let object): return object.goType
        }
    }
}

extension Value {
    public static let `nil` = Value(.nil)
    public static func bool(_ value: Bool) -> Value { Value(.bool(value)) }
    /// A Go `int`, the type of integer literals and of most sprig results.
    public static func int(_ value: Int) -> Value { Value(.int(Int64(value), .int)) }
    public static func int64(_ value: Int64) -> Value { Value(.int(value, .int64)) }
    public static func float64(_ value: Double) -> Value { Value(.float(value, .float64)) }
    public static func string(_ value: String) -> Value { Value(.string(value)) }
    /// A `[]interface{}`.
    public static func list(_ values: [Value]) -> Value { Value(.list(values, elementType: .interface)) }
    /// A `[]string`.
    public static func strings(_ values: [String]) -> Value {
        Value(.list(values.map { .string($0) }, elementType: .string))
    }
    /// A `map[string]interface{}` of `String` keys. A Swift dictionary has already made canonically
    /// equivalent keys one; build ``Storage/map(_:valueType:)`` with ``MapKey``s to keep Go's byte keys.
    public static func map(_ members: [String: Value]) -> Value {
        var keyed: [MapKey: Value] = [:]
        keyed.reserveCapacity(members.count)
        for (key, member) in members { keyed[MapKey(key)] = member }
        return Value(.map(keyed, valueType: .interface))
    }

    /// The member of a map under the key of these UTF-8 bytes; nil for a missing key or a value that is not
    /// a map.
    public func mapMember(_ key: String) -> Value? {
        if case .map(let members, _) = storage { return members[MapKey(key)] }
        return nil
    }

    /// Go's nil slice of the given element type: empty like `[]`, but `encoding/json` writes `null` for it,
    /// `%#v` prints `[]T(nil)` and `reflect.DeepEqual` tells it from an empty slice. It is what Go functions
    /// return when they build no slice at all (sprig's `initial` and `rest` of an empty list, `regexFindAll`
    /// without a match).
    public static func nilSlice(of elementType: GoType) -> Value {
        Value(.list(NilSliceMarker.elements, elementType: elementType))
    }

    /// Whether the value is a nil slice (see ``nilSlice(of:)``). A slice that any operation builds anew is not.
    public var isNilSlice: Bool {
        if case .list(let elements, _) = storage { return NilSliceMarker.marks(elements) }
        return false
    }

    /// The same value with another origin.
    public func withOrigin(_ origin: ValueOrigin?) -> Value { Value(storage, origin: origin) }

    public var isNil: Bool { if case .nil = storage { return true } else { return false } }
}

/// A nil slice is the one empty buffer that ``NilSliceMarker/elements`` allocates: copies of an array share
/// its buffer, and every other array, empty or not, has a buffer of its own (or the shared empty singleton,
/// which this is not), so the buffer's address tells a nil slice apart.
enum NilSliceMarker {
    static let elements: [Value] = {
        var elements: [Value] = []
        elements.reserveCapacity(1)
        return elements
    }()

    private static let address = elements.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }

    static func marks(_ elements: [Value]) -> Bool {
        elements.isEmpty && elements.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == address
    }
}

/// Go's integer types.
public enum IntType: String, Sendable, CaseIterable {
    case int, int8, int16, int32, int64
    case uint, uint8, uint16, uint32, uint64, uintptr

    public var isSigned: Bool {
        switch self {
        case .int, .int8, .int16, .int32, .int64: return true
        default: return false
        }
    }

    /// Width in bits (`int`, `uint` and `uintptr` are 64-bit, as on every platform KrakenD ships for).
    public var bitWidth: Int {
        switch self {
        case .int8, .uint8: return 8
        case .int16, .uint16: return 16
        case .int32, .uint32: return 32
        default: return 64
        }
    }
}

public enum FloatType: String, Sendable { case float32, float64 }

/// A Go static type, as far as templates and sprig need one: to print `%T`, to check a function's
/// argument, and to tell `[]string` from `[]interface{}`.
public indirect enum GoType: Sendable, Hashable, CustomStringConvertible {
    /// `interface {}`: any value.
    case interface
    /// The type of an untyped `nil` in an interface; `%T` prints `<nil>`.
    case nilType
    case bool
    case integer(IntType)
    case float32, float64, complex128
    case string
    case slice(GoType)
    /// `map[string]T`.
    case map(GoType)
    /// A named type (`time.Time`, `*semver.Version`, `error`, `func(...)`), printed as given.
    case named(String)

    public static let int = GoType.integer(.int)
    public static let int64 = GoType.integer(.int64)

    public var description: String {
        switch self {
        case .interface: return "interface {}"
        case .nilType: return "<nil>"
        case .bool: return "bool"
        case .integer(let type): return type.rawValue
        case .float32: return "float32"
        case .float64: return "float64"
        case .complex128: return "complex128"
        case .string: return "string"
        case .slice(let element): return "[]" + element.description
        case .map(let element): return "map[string]" + element.description
        case .named(let name): return name
        }
    }
}

/// A Go value that is not JSON-like: a struct, a pointer to one, a function. Templates reach it through
/// fields and methods (`.Major`, `.Unix`) and print it with `%v`.
public protocol GoObject: Sendable {
    /// The type `%T` prints, for example `time.Time` or `*semver.Version`.
    var goType: GoType { get }
    /// Go's `reflect.Kind` name (`struct`, `ptr`, `func`), as sprig's `kindOf` prints it.
    var goKind: String { get }
    /// A field or a niladic method reached as `.Name`, or nil when the type has neither.
    func member(_ name: String) throws -> Value?
    /// What `fmt` prints for the value with `%v` (its `String()` method, or Go's struct form).
    var formatted: String { get }
    /// The value `encoding/json` marshals in its place (what the type's `MarshalJSON` writes, for example
    /// `time.Time`'s RFC 3339 string), or nil when Go reports the type as unsupported.
    var jsonValue: Value? { get }
    /// A method that takes arguments, reached as `.Name arg…` (`.Format "2006"`, `.LessThan $v`), as a
    /// function of those arguments; nil when the type has none of that name.
    func method(_ name: String) -> TemplateFunction?
}

extension GoObject {
    /// By default a type has no JSON form: marshalling it fails with `json: unsupported type: T`.
    public var jsonValue: Value? { nil }
    /// By default a type has no methods with arguments.
    public func method(_ name: String) -> TemplateFunction? { nil }
}

/// Where a value came from: a span of a named source (a settings file, a template), given as byte offsets.
///
/// It is a class so that a value carries one pointer, however many times it is copied.
public final class ValueOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The source's name as the caller knows it (a path such as `settings/service.json`).
    public let source: String
    /// Byte offsets of the value in that source.
    public let range: Range<Int>
    /// The environment variable the value was read from, if any. Its value must never be shown.
    public let environmentVariable: String?
    private let pathParts: PathParts

    /// The path as given, or as a step below the origin of the value that contains this one, built only when
    /// asked for: a decoded settings file has an origin per value, and few paths are ever shown.
    private enum PathParts: Sendable {
        case none
        case text(String)
        case member(parent: ValueOrigin, key: String)
        case element(parent: ValueOrigin, index: Int)
    }

    public init(source: String, range: Range<Int>, path: String? = nil, environmentVariable: String? = nil) {
        self.source = source
        self.range = range
        self.pathParts = path.map { .text($0) } ?? .none
        self.environmentVariable = environmentVariable
    }

    /// The origin of the member `key` of the object whose origin is `parent`; its ``path`` is the parent's
    /// followed by ``memberStep(_:)``.
    public init(source: String, range: Range<Int>, parent: ValueOrigin, key: String) {
        self.source = source
        self.range = range
        self.pathParts = .member(parent: parent, key: key)
        self.environmentVariable = nil
    }

    /// The origin of element `index` of the array whose origin is `parent`; its ``path`` is the parent's
    /// followed by `[index]`.
    public init(source: String, range: Range<Int>, parent: ValueOrigin, index: Int) {
        self.source = source
        self.range = range
        self.pathParts = .element(parent: parent, index: index)
        self.environmentVariable = nil
    }

    /// A human-readable path to the value, such as `.service.port`, when the caller knows one.
    public var path: String? {
        switch pathParts {
        case .none: return nil
        case .text(let text): return text
        case .member(let parent, let key): return (parent.path ?? "") + Self.memberStep(key)
        case .element(let parent, let index): return (parent.path ?? "") + "[" + String(index) + "]"
        }
    }

    /// How a template reaches member `key` of a map: `.key` when the key is an identifier (letters, `_` and,
    /// after the first, decimal digits), `["key"]` otherwise.
    public static func memberStep(_ key: String) -> String {
        isIdentifier(key) ? "." + key : "[\"" + key + "\"]"
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        var asciiIdentifier = true
        var first = true
        for byte in key.utf8 {
            if byte >= 0x80 {
                return key.unicodeScalars.enumerated().allSatisfy { index, scalar in
                    scalar == "_" || scalar.properties.isAlphabetic || (index > 0 && scalar.properties.numericType == .decimal)
                }
            }
            let lower = byte | 0x20
            let letter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if !(byte == UInt8(ascii: "_") || letter || (!first && digit)) { asciiIdentifier = false }
            first = false
        }
        return asciiIdentifier
    }

    public static func == (lhs: ValueOrigin, rhs: ValueOrigin) -> Bool {
        lhs.source == rhs.source && lhs.range == rhs.range && lhs.path == rhs.path
            && lhs.environmentVariable == rhs.environmentVariable
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
    }

    public var description: String { "\(source)@\(range.lowerBound)..<\(range.upperBound)" }
}
