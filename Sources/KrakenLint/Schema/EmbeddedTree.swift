import ConfigTree

/// The compact form in which SchemaEmbedder embeds a schema file: its tree parsed at build time, so a
/// process builds the tree without tokenizing JSON (no whitespace, escapes, number grammar or UTF-8
/// checks: parsing the files a small lint reaches was a sixth of its instructions).
///
/// `~` and one value; a value is `{` COUNT `:` and COUNT members (a TEXT key and a value), `[` COUNT `:`
/// and COUNT values, `"` TEXT (a string), `#` TEXT (a number's literal), `t`, `f` or `n`; a TEXT is its
/// UTF-8 length in decimal, `:` and its bytes. Nothing reports positions inside the bundled schema, so
/// every span is empty. A test checks each embedded tree against its file parsed from disk.
enum EmbeddedTree {
    /// The tree `contents` holds in the compact form, or nil when it is not in that form (a file
    /// SchemaEmbedder embedded as JSON text) or is malformed.
    static func decode(_ contents: String) -> Node? {
        var contents = contents
        return contents.withUTF8 { bytes in
            guard bytes.first == UInt8(ascii: "~") else { return nil }
            var reader = Reader(bytes: bytes, index: 1)
            guard let root = reader.value(), reader.index == bytes.count else { return nil }
            return root
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        private let span = Span(at: 0)

        init(bytes: UnsafeBufferPointer<UInt8>, index: Int) {
            self.bytes = bytes
            self.index = index
        }

        mutating func value() -> Node? {
            guard index < bytes.count else { return nil }
            let tag = bytes[index]
            index += 1
            switch tag {
            case UInt8(ascii: "{"):
                guard let count = count() else { return nil }
                var members: [Member] = []
                // Each member takes bytes, so the bytes left bound what a count can ask to reserve.
                members.reserveCapacity(min(count, bytes.count - index))
                for _ in 0 ..< count {
                    guard let key = text(), let value = value() else { return nil }
                    members.append(Member(key: key, keySpan: span, value: value))
                }
                return Node(.object(members), span: span)
            case UInt8(ascii: "["):
                guard let count = count() else { return nil }
                var elements: [Node] = []
                elements.reserveCapacity(min(count, bytes.count - index))
                for _ in 0 ..< count {
                    guard let value = value() else { return nil }
                    elements.append(value)
                }
                return Node(.array(elements), span: span)
            case UInt8(ascii: "\""):
                return text().map { Node(.string($0), span: span) }
            case UInt8(ascii: "#"):
                return text().map { Node(.number(Number(json: $0)), span: span) }
            case UInt8(ascii: "t"):
                return Node(.bool(true), span: span)
            case UInt8(ascii: "f"):
                return Node(.bool(false), span: span)
            case UInt8(ascii: "n"):
                return Node(.null, span: span)
            default:
                return nil
            }
        }

        /// A decimal count ended by `:`.
        private mutating func count() -> Int? {
            var count = 0
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: ":") { return index - 1 > start ? count : nil }
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < Int.max / 10 - 9 else { return nil }
                count = count * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return nil
        }

        /// A TEXT: its length, `:` and its bytes (whole UTF-8 sequences, as the embedder wrote them).
        private mutating func text() -> String? {
            guard let length = count(), length <= bytes.count - index else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index ..< index + length]), as: UTF8.self)
            index += length
            return text
        }
    }
}
