/// `encoding/json`'s `Marshal` of an `interface{}` holding template values.
struct JSONEncoding {
    /// Nesting beyond this depth fails instead of recursing further.
    static let maximumDepth = 1_000

    let escapeHTML: Bool
    var output: [UInt8] = []

    private static let hexDigits = Array("0123456789abcdef".utf8)

    init(escapeHTML: Bool) {
        self.escapeHTML = escapeHTML
    }

    mutating func encode(_ value: Value, depth: Int = 0) throws {
        guard depth <= Self.maximumDepth else {
            throw FunctionError("json: unsupported value: nesting deeper than \(Self.maximumDepth) levels")
        }
        switch value.storage {
        case .nil:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number, _):
            output.append(contentsOf: String(number).utf8)
        case .uint(let number, _):
            output.append(contentsOf: String(number).utf8)
        case .float(let number, let type):
            try encodeFloat(number, bitSize: type == .float32 ? 32 : 64)
        case .complex:
            throw FunctionError("json: unsupported type: \(value.goType)")
        case .string(let string):
            encodeString(string)
        case .byteString(let bytes):
            encodeString(bytes)
        case .list(let elements, let elementType):
            if value.isNilSlice {
                output.append(contentsOf: "null".utf8)
                return
            }
            if elementType == .integer(.uint8) {
                encodeBase64(elements)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                try encode(element, depth: depth + 1)
            }
            output.append(UInt8(ascii: "]"))
        case .map(let members, _):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.sortedKeys.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if let text = key.string { encodeString(text) } else { encodeString(key.bytes) }
                output.append(UInt8(ascii: ":"))
                try encode(members[key] ?? .nil, depth: depth + 1)
            }
            output.append(UInt8(ascii: "}"))
        case .object(let object):
            guard let replacement = object.jsonValue else {
                throw FunctionError("json: unsupported type: \(object.goType)")
            }
            try encode(replacement, depth: depth + 1)
        }
    }

    /// A number as Go writes it: `f` format, or `e` with a one-digit negative exponent (`1e-7`) when the
    /// magnitude is below 1e-6 or at least 1e21. NaN and infinities are unsupported values.
    private mutating func encodeFloat(_ number: Double, bitSize: Int) throws {
        let stored = bitSize == 32 ? Double(Float(number)) : number
        if stored.isNaN || stored.isInfinite {
            throw FunctionError("json: unsupported value: \(GoFormat.formatFloat(stored, format: "g", precision: -1, bitSize: bitSize))")
        }
        let magnitude = abs(stored)
        var format = UInt8(ascii: "f")
        if magnitude != 0 {
            let small: Bool
            let large: Bool
            if bitSize == 32 {
                small = Float(magnitude) < 1e-6
                large = Float(magnitude) >= 1e21
            } else {
                small = magnitude < 1e-6
                large = magnitude >= 1e21
            }
            if small || large { format = UInt8(ascii: "e") }
        }
        let start = output.count
        FloatFormatting.append(stored, format: format, precision: -1, bitSize: bitSize, to: &output)
        if format == UInt8(ascii: "e") {
            let count = output.count - start
            let end = output.count
            if count >= 4 && output[end - 4] == UInt8(ascii: "e") && output[end - 3] == UInt8(ascii: "-")
                && output[end - 2] == UInt8(ascii: "0")
            {
                output[end - 2] = output[end - 1]
                output.removeLast()
            }
        }
    }

    /// A string's JSON form (see the overload below), its bytes read through a buffer pointer.
    mutating func encodeString(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            // A string of printable ASCII that needs no escape, the usual case, is copied whole.
            let plain = bytes.allSatisfy { byte in
                byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
                    && !(escapeHTML && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")))
            }
            guard plain else { return encodeString(bytes) }
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: bytes)
            output.append(UInt8(ascii: "\""))
        }
    }

    /// A JSON string: `"` `\` and control characters escaped (`\n \r \t`, others `\u00XX`), `< > &` too when
    /// escaping HTML, U+2028 and U+2029 always, invalid UTF-8 as `\ufffd`.
    mutating func encodeString<Bytes: BidirectionalCollection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        output.append(UInt8(ascii: "\""))
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x80 {
                index = bytes.index(after: index)
                let needsEscape =
                    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                    || (escapeHTML && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")))
                guard needsEscape else {
                    output.append(byte)
                    continue
                }
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): output.append(byte)
                case UInt8(ascii: "\n"): output.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): output.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): output.append(UInt8(ascii: "t"))
                default:
                    output.append(contentsOf: "u00".utf8)
                    output.append(Self.hexDigits[Int(byte >> 4)])
                    output.append(Self.hexDigits[Int(byte & 0xF)])
                }
                continue
            }
            let (rune, width) = UTF8Decoding.decodeRune(bytes, at: index)
            let next = bytes.index(index, offsetBy: width)
            if rune == UTF8Decoding.replacementCharacter && width == 1 {
                output.append(contentsOf: "\\ufffd".utf8)
            } else if rune == 0x2028 || rune == 0x2029 {
                output.append(contentsOf: "\\u202".utf8)
                output.append(Self.hexDigits[Int(rune & 0xF)])
            } else {
                output.append(contentsOf: bytes[index..<next])
            }
            index = next
        }
        output.append(UInt8(ascii: "\""))
    }

    /// A `[]byte` is a base64 string (standard alphabet, padded).
    private mutating func encodeBase64(_ elements: [Value]) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(elements.count)
        for element in elements {
            switch element.storage {
            case .int(let number, _): bytes.append(UInt8(truncatingIfNeeded: number))
            case .uint(let number, _): bytes.append(UInt8(truncatingIfNeeded: number))
            default: bytes.append(0)
            }
        }
        output.append(UInt8(ascii: "\""))
        var index = 0
        while index < bytes.count {
            let first = UInt32(bytes[index])
            let second = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let third = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            output.append(index + 1 < bytes.count ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
            output.append(index + 2 < bytes.count ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
            index += 3
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `json.Indent` of compact JSON: each element on its own line starting with `prefix` and one `indent` per
    /// level, `": "` after keys, empty objects and arrays kept as `{}` and `[]`.
    static func indent(_ compact: [UInt8], prefix: String, indent: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(compact.count * 2)
        let prefixBytes = Array(prefix.utf8)
        let indentBytes = Array(indent.utf8)
        var depth = 0
        var needsIndent = false
        var inString = false
        var escaped = false
        func newline(_ result: inout [UInt8], _ depth: Int) {
            result.append(UInt8(ascii: "\n"))
            result.append(contentsOf: prefixBytes)
            for _ in 0..<depth { result.append(contentsOf: indentBytes) }
        }
        for byte in compact {
            if inString {
                result.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if needsIndent && byte != UInt8(ascii: "]") && byte != UInt8(ascii: "}") {
                needsIndent = false
                depth += 1
                newline(&result, depth)
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                result.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                result.append(byte)
                needsIndent = true
            case UInt8(ascii: ","):
                result.append(byte)
                newline(&result, depth)
            case UInt8(ascii: ":"):
                result.append(byte)
                result.append(UInt8(ascii: " "))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if needsIndent {
                    needsIndent = false
                } else {
                    depth -= 1
                    newline(&result, depth)
                }
                result.append(byte)
            default:
                result.append(byte)
            }
        }
        return result
    }
}
