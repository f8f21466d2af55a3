/// A key of a Go `map[string]T`: a Go string, compared, hashed and ordered by its bytes, as Go does.
///
/// Swift compares `String`s by canonical equivalence (`"e\u{301}" == "\u{e9}"`), and a `String` cannot hold
/// bytes that are not valid UTF-8; Go's map keys are byte strings, so both are two keys there. A key keeps a
/// `String` when its bytes are valid UTF-8 (the rule, and the cheap case) and the bytes otherwise, so the two
/// forms never hold the same bytes.
///
/// A string literal is a key: `[MapKey: Value]` literals read like `[String: Value]` ones.
public struct MapKey: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    private enum Contents: Sendable {
        case text(String)
        /// Bytes that are not valid UTF-8.
        case bytes([UInt8])
    }

    private let contents: Contents

    /// The key of this text's UTF-8 bytes.
    public init(_ text: String) { contents = .text(text) }

    public init(stringLiteral text: String) { contents = .text(text) }

    /// The key of these bytes, valid UTF-8 or not.
    public init<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) {
            contents = .text(text)
        } else {
            contents = .bytes(Array(bytes))
        }
    }

    /// The key a Go string value makes (its bytes); nil for any other value.
    public init?(_ value: Value) {
        switch value.storage {
        case .string(let text): contents = .text(text)
        case .byteString(let bytes): contents = .bytes(bytes)
        default: return nil
        }
    }

    /// The key's text when its bytes are valid UTF-8; nil otherwise.
    public var string: String? {
        if case .text(let text) = contents { return text }
        return nil
    }

    /// The key as text, each byte that does not start a valid UTF-8 sequence read as U+FFFD (as Go's `range`
    /// over a string reads it). Two keys may have the same text; use the key itself to tell them apart.
    public var text: String {
        switch contents {
        case .text(let text): return text
        case .bytes(let bytes): return GoText.replacingInvalidBytes(bytes)
        }
    }

    /// The key's bytes.
    public var bytes: [UInt8] {
        switch contents {
        case .text(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        }
    }

    /// The key as a Go string value.
    public var value: Value {
        switch contents {
        case .text(let text): return Value(.string(text))
        case .bytes(let bytes): return Value(.byteString(bytes))
        }
    }

    public var description: String { text }

    /// Calls `body` with the key's bytes, without copying them for a native string.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch contents {
        case .text(let text):
            if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
            var copy = text
            return try copy.withUTF8(body)
        case .bytes(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        }
    }

    public static func == (lhs: MapKey, rhs: MapKey) -> Bool {
        lhs.withBytes { left in rhs.withBytes { right in left.count == right.count && left.elementsEqual(right) } }
    }

    public func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        // A terminator, as String's own hashing has, so that concatenations of keys hash apart.
        hasher.combine(0xFF as UInt8)
    }

    /// Go's order of string keys: by bytes (which is code point order for valid UTF-8).
    public static func < (lhs: MapKey, rhs: MapKey) -> Bool {
        lhs.withBytes { left in rhs.withBytes { right in left.lexicographicallyPrecedes(right) } }
    }
}

extension Dictionary where Key == MapKey {
    /// The keys in Go's order for printing and ranging over a map: by bytes.
    public var sortedKeys: [MapKey] { keys.sorted() }
}
