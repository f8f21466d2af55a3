import ConfigTree
import XCTest

/// A configuration given as JSON text in a test.
struct ConfigFile {
    let text: String

    func root() throws -> Node {
        let loaded = ConfigLoader.load(SourceFile(path: "test.json", format: .json, text: text))
        return try XCTUnwrap(loaded.root, "the test configuration does not load: \(loaded.issues)")
    }
}
