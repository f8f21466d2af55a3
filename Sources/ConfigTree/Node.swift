/// A value of a configuration file with its place in the source.
///
/// Objects keep their members in source order, duplicates included (JSON allows them; the reader
/// reports them). Lookups by key follow KrakenD's Go decoder: the last member with that key wins.
public struct Node: Sendable {
    public enum Value: Sendable {
        case object([Member])
        case array([Node])
        case string(String)
        case number(Number)
        case bool(Bool)
        case null
    }

    public var value: Value
    public var span: Span

    public init(_ value: Value, span: Span) {
        self.value = value
        self.span = span
    }
}

/// One `key: value` pair of an object, with the key's own span.
public struct Member: Sendable {
    public var key: String {
        didSet { keyHash = Self.hash(of: key) }
    }
    public var keySpan: Span
    public var value: Node
    /// A hash of the key's UTF-8 bytes (`Member.hash(of:)`), kept up to date with `key`: the schema engine
    /// looks every member's name up in its property tables, and the readers have hashed the name already.
    /// Declared last, it takes the padding after `value`, so a member stays 56 bytes.
    public private(set) var keyHash: UInt32

    public init(key: String, keySpan: Span, value: Node) {
        self.init(key: key, keyHash: Self.hash(of: key), keySpan: keySpan, value: value)
    }

    /// A member whose key's hash the caller worked out already: `ByteHash` of the key's UTF-8 bytes.
    init(key: String, byteHash: UInt64, keySpan: Span, value: Node) {
        self.init(key: key, keyHash: UInt32(truncatingIfNeeded: byteHash), keySpan: keySpan, value: value)
    }

    private init(key: String, keyHash: UInt32, keySpan: Span, value: Node) {
        self.key = key
        self.keySpan = keySpan
        self.value = value
        self.keyHash = keyHash
    }

    /// The hash `keyHash` holds for `key`: the low 32 bits of `ByteHash` of its UTF-8 bytes. Like `ByteHash`, not
    /// stable across versions or platforms; never stored or sent anywhere.
    public static func hash(of key: String) -> UInt32 {
        UInt32(truncatingIfNeeded: RepeatedKeys.hash(key))
    }
}

extension Node {
    /// The JSON type name of the value: object, array, string, number, boolean or null.
    public var typeName: String {
        switch value {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }

    public var members: [Member]? {
        if case .object(let members) = value { return members }
        return nil
    }

    public var elements: [Node]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    public var number: Number? {
        if case .number(let number) = value { return number }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// Whether the value is an object (asked without copying its members out).
    public var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    /// The member with this key (the last one when the key is repeated), or nil.
    public func member(_ key: String) -> Member? {
        guard case .object(let members) = value, let index = Self.lastIndex(of: key, in: members) else { return nil }
        return members[index]
    }

    /// The value of the member with this key (the last one when repeated), or nil.
    public subscript(key: String) -> Node? {
        // Only the value is copied out: rules and the model look keys up millions of times in a large file.
        guard case .object(let members) = value, let index = Self.lastIndex(of: key, in: members) else { return nil }
        return members[index].value
    }

    /// The position of the last member named `key`, comparing keys in place.
    @inline(__always)
    private static func lastIndex(of key: String, in members: [Member]) -> Int? {
        members.withUnsafeBufferPointer { lastIndex(of: key, in: $0) }
    }

    /// The position of the last member named `key` (KrakenD's decoder keeps the last of a repeated key) among
    /// members read in place, or nil.
    @inline(__always)
    public static func lastIndex(of key: String, in members: UnsafeBufferPointer<Member>) -> Int? {
        let length = key.utf8.count
        var index = members.endIndex
        while index > members.startIndex {
            index -= 1
            if isKey(members[index].key, key, length: length) { return index }
        }
        return nil
    }

    /// Whether member name `name` is `key`, whose UTF-8 length is `length`. Most names of an object differ from
    /// the key sought in length, which is read from the strings' headers; comparing their text costs ten times as
    /// much, and a large file's lookups compare hundreds of thousands of names.
    @inline(__always)
    public static func isKey(_ name: String, _ key: String, length: Int) -> Bool {
        name.utf8.count == length && name == key
    }

    /// The array element at `index`, or nil when out of range or not an array.
    public subscript(index: Int) -> Node? {
        guard let elements, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}
