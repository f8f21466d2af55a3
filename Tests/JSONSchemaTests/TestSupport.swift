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

    static let noSpan = Span(at: 0)

    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses JSON text (any top-level value) with the project's reader, failing the test on bad input.
    static func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Node {
        let result = ConfigLoader.loadJSONValue(SourceFile(path: "test.json", format: .json, text: text))
        guard let root = result.root else {
            XCTFail("test JSON does not parse: \(result.issues.map(\.message))", file: file, line: line)
            return Node(.null, span: noSpan)
        }
        return root
    }

    /// Reads a JSON file (any top-level value) with the project's reader.
    static func load(_ url: URL) throws -> Node {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Unreadable(description: "cannot read \(url.path)") }
        let result = ConfigLoader.loadJSONValue(SourceFile(path: url.path, format: .json, bytes: Array(data)))
        guard let root = result.root else { throw Unreadable(description: "\(url.path): \(result.issues.map(\.message))") }
        return root
    }
}

