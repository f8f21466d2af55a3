import ConfigTree
import Foundation
import XCTest

/// Locating `../shared` and reading JSON for the tests.
enum TestSupport {
    /// The shared fact folder: `$KRAKENLINT_SHARED`, else `../shared` next to the package root.
    static var sharedDirectory: URL? {
        if let override = ProcessInfo.processInfo.environment["KRAKENLINT_SHARED"] {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    static func requireShared() throws -> URL {
        guard let shared = sharedDirectory else {
            throw XCTSkip("../shared (or $KRAKENLINT_SHARED) is absent: the conformance suite cannot run here")
        }
        return shared
    }

    /// Parses JSON text into a tree, failing the test on bad input.
    static func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Node {
        do {
            return try TestJSON.parse(Array(text.utf8))
        } catch {
            XCTFail("test JSON does not parse: \(error)", file: file, line: line)
            return Node(.null, span: TestJSON.noSpan)
        }
    }

    static func load(_ url: URL) throws -> Node {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw TestJSON.Failure(message: "cannot read \(url.path)") }
        return try TestJSON.parse(Array(data))
    }
}

/// A small JSON reader for test data: the project's reader lives in ConfigTree; this one keeps the
/// schema tests independent of it (positions are not needed here, exact number literals are).
enum TestJSON {
    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static let noSpan = Span(at: SourcePosition(offset: 0, line: 1, column: 1))

    static func parse(_ bytes: [UInt8]) throws -> Node {
        var parser = Parser(bytes: bytes)
        parser.skipSpace()
        let node = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == bytes.count else { throw Failure(message: "trailing content at byte \(parser.index)") }
        return node
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        func fail(_ what: String) -> Failure { Failure(message: "\(what) at byte \(index)") }

        mutating func expect(_ literal: String) throws {
            let expected = Array(literal.utf8)
            guard index + expected.count <= bytes.count, Array(bytes[index..<(index + expected.count)]) == expected else { throw fail("expected \(literal)") }
            index += expected.count
        }

        mutating func value(depth: Int) throws -> Node {
            guard depth < 10_000 else { throw fail("too deep") }
            guard index < bytes.count else { throw fail("unexpected end") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [Member] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return Node(.object(members), span: noSpan)
                }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    skipSpace()
                    let child = try value(depth: depth + 1)
                    members.append(Member(key: key, keySpan: noSpan, value: child))
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated object") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("}")
                    return Node(.object(members), span: noSpan)
                }
            case UInt8(ascii: "["):
                index += 1
                var elements: [Node] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return Node(.array(elements), span: noSpan)
                }
                while true {
                    skipSpace()
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw fail("unterminated array") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("]")
                    return Node(.array(elements), span: noSpan)
                }
            case UInt8(ascii: "\""):
                return Node(.string(try string()), span: noSpan)
            case UInt8(ascii: "t"):
                try expect("true")
                return Node(.bool(true), span: noSpan)
            case UInt8(ascii: "f"):
                try expect("false")
                return Node(.bool(false), span: noSpan)
            case UInt8(ascii: "n"):
                try expect("null")
                return Node(.null, span: noSpan)
            default:
                let start = index
                while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw fail("unexpected character") }
                return Node(.number(Number(json: String(decoding: bytes[start..<index], as: UTF8.self))), span: noSpan)
            }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            var raw: [UInt8] = []
            func flushRaw() {
                if !raw.isEmpty {
                    scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                    raw.removeAll()
                }
            }
            while true {
                guard index < bytes.count else { throw fail("unterminated string") }
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { break }
                if byte != UInt8(ascii: "\\") {
                    raw.append(byte)
                    continue
                }
                flushRaw()
                guard index < bytes.count else { throw fail("bad escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else { throw fail("bad \\u") }
                    index += 4
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHigh = code
                        continue
                    }
                    if (0xDC00...0xDFFF).contains(code), let high = pendingHigh {
                        scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))!)
                        pendingHigh = nil
                        continue
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default:
                    scalars.append(Unicode.Scalar(escape))
                }
            }
            flushRaw()
            return String(scalars)
        }
    }
}
