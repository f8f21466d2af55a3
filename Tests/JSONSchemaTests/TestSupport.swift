import ConfigTree
import Foundation
import TestPeers
import XCTest

/// Locating `../shared` and reading JSON for the tests.
enum TestSupport {
    /// The shared facts folder, holding the conformance suite (else a skip, or a failure under
    /// `KRAKENLINT_REQUIRE_PEERS=1`).
    static func requireShared() throws -> URL {
        try TestPeers.requireShared("conformance", for: "the conformance suite")
        return TestPeers.sharedDirectory
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

