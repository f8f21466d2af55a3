import ConfigTree
import Foundation
import JSONSchema
import KrakenLint
import Reporting
import XCTest

/// The SARIF output validates against the official OASIS SARIF 2.1.0 schema (Data/README.md names its source),
/// checked by the project's own JSON Schema engine.
final class SARIFSchemaTests: XCTestCase {
    static let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Data/sarif-schema-2.1.0.json")

    /// The schema is draft-04; every keyword it uses means the same in draft-07, which the engine implements,
    /// so it is compiled as draft-07 (its draft-04 `$schema` is not one the engine knows, so the default applies).
    private func validator() throws -> Validator {
        let data = try Data(contentsOf: Self.schemaURL)
        let loaded = ConfigLoader.load(SourceFile(path: Self.schemaURL.path, format: .json, bytes: Array(data)))
        let schema = try XCTUnwrap(loaded.root, "the schema file does not parse: \(loaded.issues.map(\.message))")
        let registry = SchemaRegistry(defaultDialect: .draft7)
        let uri = try registry.register(schema, uri: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        return try Validator(registry: registry, entry: uri, options: ValidationOptions(formatAssertion: true))
    }

    private func tree(_ text: String) throws -> Node {
        let loaded = ConfigLoader.load(SourceFile(path: "out.sarif", format: .json, text: text))
        return try XCTUnwrap(loaded.root, "the SARIF output does not parse: \(loaded.issues.map(\.message))")
    }

    func testOurSARIFIsValidAgainstTheOfficialSchema() throws {
        let validator = try validator()
        for rules in [RuleRegistry.allDescriptions.map(\.descriptor), ReportFixtures.rules] {
            let output = SARIFReporter(paths: ReportFixtures.paths, rules: rules).render(ReportFixtures.run)
            let errors = validator.validate(try tree(output))
            XCTAssertEqual(errors.map(\.description), [], "SARIF output is not valid SARIF 2.1.0")
        }
        let related = SARIFReporter(paths: ReportFixtures.paths, rules: ReportFixtures.rules).render(ReportFixtures.templatedRun)
        XCTAssertTrue(related.contains("\"relatedLocations\""), related)
        XCTAssertEqual(validator.validate(try tree(related)).map(\.description), [], "relatedLocations are valid SARIF 2.1.0")
        let clean = SARIFReporter(paths: ReportFixtures.paths, rules: RuleRegistry.allDescriptions.map(\.descriptor)).render(ReportFixtures.cleanRun)
        XCTAssertEqual(validator.validate(try tree(clean)).map(\.description), [])
    }

    func testTheSchemaCheckCatchesABrokenLog() throws {
        let validator = try validator()
        let output = SARIFReporter(paths: ReportFixtures.paths, rules: ReportFixtures.rules).render(ReportFixtures.run)
        let broken = output.replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"severe\"")
            .replacingOccurrences(of: "\"startLine\": 7", with: "\"startLine\": 0")
        let errors = validator.validate(try tree(broken))
        let places = Set(errors.map { $0.instancePointer.tokens.last ?? "" })
        XCTAssertTrue(places.contains("level"), "an invalid level must fail the schema: \(errors)")
        XCTAssertTrue(places.contains("startLine"), "line 0 must fail the schema: \(errors)")
    }
}
