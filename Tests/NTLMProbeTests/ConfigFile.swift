import ConfigTree
import NTLMProbe
import XCTest

/// A configuration given as JSON text in a test.
struct ConfigFile {
    let text: String

    var source: SourceFile { SourceFile(path: "test.json", format: .json, text: text) }

    /// The probe targets of the configuration.
    func targets() throws -> [ProbeTarget] {
        let source = self.source
        let loaded = ConfigLoader.load(source)
        let root = try XCTUnwrap(loaded.root, "the test configuration does not load: \(loaded.issues)")
        return TargetExtractor.targets(in: root, of: source)
    }
}
