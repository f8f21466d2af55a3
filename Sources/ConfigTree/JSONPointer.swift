/// An RFC 6901 JSON Pointer: the path from a document's root to one of its values.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    public private(set) var tokens: [String]

    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses `""`, `"/a/b~1c"`; a leading `#` (URI fragment form) is accepted and percent-decoding is applied then.
    public init?(parsing text: String) {
        var body = Substring(text)
        var fragment = false
        if body.first == "#" {
            body = body.dropFirst()
            fragment = true
        }
        if body.isEmpty {
            tokens = []
            return
        }
        guard body.first == "/" else { return nil }
        var result: [String] = []
        for raw in JSONPointer.splitTokens(body.dropFirst()) {
            var token = String(raw)
            if fragment {
                guard let decoded = token.removingPercentEncodingStrict() else { return nil }
                token = decoded
            }
            guard let unescaped = JSONPointer.unescape(token) else { return nil }
            result.append(unescaped)
        }
        tokens = result
    }

    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// `appending(first).appending(second)`, with one allocation for the tokens.
    public func appending(_ first: String, _ second: String) -> JSONPointer {
        var tokens: [String] = []
        tokens.reserveCapacity(self.tokens.count + 2)
        tokens.append(contentsOf: self.tokens)
        tokens.append(first)
        tokens.append(second)
        return JSONPointer(tokens: tokens)
    }

    public var parent: JSONPointer? {
        guard !tokens.isEmpty else { return nil }
        return JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// True when `self` equals `other` or lies above it.
    public func isAncestor(of other: JSONPointer) -> Bool {
        tokens.count <= other.tokens.count && Array(other.tokens.prefix(tokens.count)) == tokens
    }

    public var description: String {
        var text = ""
        for token in tokens {
            text.append("/")
            text.append(JSONPointer.escape(token))
        }
        return text
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }

    public static func escape(_ token: String) -> String {
        // A byte test first: most tokens hold neither, and a search by Character walked grapheme clusters.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        // An ASCII token (a namespace name such as `qos/ratelimit/router`) is escaped byte by byte; by
        // Character it cost a lazy schema compilation about 6% of a small lint.
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(token.utf8.count + 4)
            for byte in token.utf8 {
                switch byte {
                case UInt8(ascii: "~"): bytes.append(UInt8(ascii: "~")); bytes.append(UInt8(ascii: "0"))
                case UInt8(ascii: "/"): bytes.append(UInt8(ascii: "~")); bytes.append(UInt8(ascii: "1"))
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }

    /// The tokens of a pointer's body (after its first `/`), split at each `/`. An ASCII body is split by
    /// byte; any other by Character, as before (a `/` followed by a combining mark is one Character).
    static func splitTokens(_ body: Substring) -> [Substring] {
        guard body.utf8.allSatisfy({ $0 < 0x80 }) else { return body.split(separator: "/", omittingEmptySubsequences: false) }
        return body.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    static func unescape(_ token: String) -> String? {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        var out = ""
        var iterator = token.makeIterator()
        while let character = iterator.next() {
            guard character == "~" else {
                out.append(character)
                continue
            }
            switch iterator.next() {
            case "0": out.append("~")
            case "1": out.append("/")
            default: return nil
            }
        }
        return out
    }
}

extension Node {
    /// The value at `pointer`, or nil when the path does not exist.
    public func resolve(_ pointer: JSONPointer) -> Node? {
        var current = self
        for token in pointer.tokens {
            switch current.value {
            case .object:
                guard let next = current[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The key span of the member `pointer` names, when its last token is an object key.
    public func keySpan(at pointer: JSONPointer) -> Span? {
        guard let last = pointer.tokens.last, let parent = pointer.parent, let container = resolve(parent) else { return nil }
        return container.member(last)?.keySpan
    }

    /// The pointer of the innermost value whose span contains `offset` (keys count as part of their value's path).
    public func pointer(toOffset offset: Int) -> JSONPointer? {
        guard span.contains(offset: offset) else { return nil }
        var pointer = JSONPointer.root
        var current = self
        descent: while true {
            switch current.value {
            case .object(let members):
                for member in members.reversed() where member.value.span.contains(offset: offset) || member.keySpan.contains(offset: offset) {
                    pointer = pointer.appending(member.key)
                    current = member.value
                    continue descent
                }
                return pointer
            case .array(let elements):
                for (index, element) in elements.enumerated() where element.span.contains(offset: offset) {
                    pointer = pointer.appending(index)
                    current = element
                    continue descent
                }
                return pointer
            default:
                return pointer
            }
        }
    }
}

extension JSONPointer {
    /// A canonical array index token (`0`, `12`; not `01` or `-`).
    static func arrayIndex(_ token: String) -> Int? {
        guard let first = token.utf8.first, first != UInt8(ascii: "0") || token.utf8.count == 1 else { return nil }
        guard token.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(token)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }

    /// Percent-decoding that fails on a malformed escape or invalid UTF-8 instead of guessing.
    func removingPercentEncodingStrict() -> String? {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
}
