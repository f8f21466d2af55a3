import ConfigTree
import NTLMProbe
import XCTest

/// A configuration given as JSON text in a test.
struct ConfigFile {
    let text: String

    /// The probe targets of the configuration.
    func targets() throws -> [ProbeTarget] {
        let source = SourceFile(path: "test.json", format: .json, text: text)
        let loaded = ConfigLoader.load(source)
        let root = try XCTUnwrap(loaded.root, "the test configuration does not load: \(loaded.issues)")
        return TargetExtractor.targets(in: root, of: source)
    }
}
