import Foundation

// Usage: SchemaEmbedder SCHEMAS_DIR OUTPUT.swift
// Writes `EmbeddedSchemas.files`: every *.json file under SCHEMAS_DIR, keyed by its path relative to it,
// already parsed, in the compact form `EmbeddedTree` reads (a process reading a file of the bundled
// schema builds its tree without tokenizing JSON); a file that form cannot carry is embedded as JSON
// without the whitespace between tokens. Nothing reports positions inside the bundled schema.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: SchemaEmbedder SCHEMAS_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let outputURL = URL(fileURLWithPath: arguments[2])

var relativePaths: [String] = []
if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
    for case let url as URL in walker where url.pathExtension == "json" {
        let full = url.standardizedFileURL.path
        relativePaths.append(String(full.dropFirst(root.path.count + 1)))
    }
}
relativePaths.sort()

/// `text` without the whitespace outside its JSON strings; every token is kept byte for byte.
func withoutWhitespaceBetweenTokens(_ text: String) -> String {
    var kept: [UInt8] = []
    kept.reserveCapacity(text.utf8.count)
    var inString = false
    var escaped = false
    for byte in text.utf8 {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
        } else if byte == UInt8(ascii: "\"") {
            inString = true
        } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            continue
        }
        kept.append(byte)
    }
    return String(decoding: kept, as: UTF8.self)
}

/// Writes the compact form of a JSON document: `~` and one value, where a value is `{` COUNT `:` and COUNT
/// members (each a TEXT key and a value), `[` COUNT `:` and COUNT values, `"` TEXT (a string), `#` TEXT (a
/// number's literal), `t`, `f` or `n`; a TEXT is its UTF-8 length in decimal, `:` and its bytes. Strings are
/// decoded; the form is refused (nil) for JSON it does not expect: an escape other than `\"`, `\\`, `\/`
/// and `\n`, or a control character in a string (a carriage return would not survive a Swift literal).
struct CompactWriter {
    private let bytes: [UInt8]
    private var index = 0

    static func compact(_ text: String) -> String? {
        var writer = CompactWriter(bytes: Array(text.utf8))
        guard let value = writer.value() else { return nil }
        writer.skipSpace()
        guard writer.index == writer.bytes.count else { return nil }
        return String(decoding: [UInt8(ascii: "~")] + value, as: UTF8.self)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func skipSpace() {
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index]) {
            index += 1
        }
    }

    private static func text(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(bytes.count).utf8) + [UInt8(ascii: ":")] + bytes
    }

    private mutating func value() -> [UInt8]? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [UInt8] = []
            var count = 0
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let value = value() else { return nil }
                    members += CompactWriter.text(key) + value
                    count += 1
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "}") { break }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
                }
            }
            return [UInt8(ascii: "{")] + Array(String(count).utf8) + [UInt8(ascii: ":")] + members
        case UInt8(ascii: "["):
            index += 1
            var elements: [UInt8] = []
            var count = 0
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
            } else {
                while true {
                    guard let value = value() else { return nil }
                    elements += value
                    count += 1
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "]") { break }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { return nil }
                }
            }
            return [UInt8(ascii: "[")] + Array(String(count).utf8) + [UInt8(ascii: ":")] + elements
        case UInt8(ascii: "\""):
            guard let text = string() else { return nil }
            return [UInt8(ascii: "\"")] + CompactWriter.text(text)
        case UInt8(ascii: "t"): return word("true", "t")
        case UInt8(ascii: "f"): return word("false", "f")
        case UInt8(ascii: "n"): return word("null", "n")
        default:
            let start = index
            while index < bytes.count, "-+.0123456789eE".utf8.contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            return [UInt8(ascii: "#")] + CompactWriter.text(Array(bytes[start ..< index]))
        }
    }

    private mutating func word(_ word: String, _ tag: Character) -> [UInt8]? {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index ..< index + expected.count]) == expected else { return nil }
        index += expected.count
        return Array(String(tag).utf8)
    }

    /// A string's decoded bytes, the opening quote at `index`.
    private mutating func string() -> [UInt8]? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var decoded: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return decoded
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
                case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
                default: return nil
                }
            case 0 ..< 0x20, 0x7F:
                return nil
            default:
                decoded.append(byte)
            }
        }
        return nil
    }
}

/// A raw string literal whose delimiter cannot occur in `text`.
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var source = """
// Generated by SchemaEmbedder from schemas/. Do not edit.

/// The project's KrakenD schema files, keyed by their path relative to `schemas/`.
enum EmbeddedSchemas {
    static let files: [(path: String, contents: String)] = [

"""
for path in relativePaths {
    let json = try String(contentsOf: root.appending(path: path), encoding: .utf8)
    let text = CompactWriter.compact(json) ?? withoutWhitespaceBetweenTokens(json)
    let quotedPath = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    source += "        (\"\(quotedPath)\", \(rawLiteral(text))),\n"
}
source += "    ]\n}\n"
try source.write(to: outputURL, atomically: true, encoding: .utf8)
