import Foundation
import XCTest

/// `krakenlint lint --format sarif` output checked with `krakenlint validate --schema` against the official
/// SARIF 2.1.0 schema (Tests/ReportingTests/Data, source named there).
final class SARIFValidateCommandTests: XCTestCase {
    func testLintSARIFOutputPassesTheValidateCommand() throws {
        let schema = packageRoot.appendingPathComponent("Tests/ReportingTests/Data/sarif-schema-2.1.0.json").path
        let tree = try TemporaryTree(["gw/krakend.json": #"{"version": 2, "endpoints": []}"#])
        let lint = runCLI(["lint", "--format", "sarif", "--sarif-root", tree.path("."), tree.path("gw/krakend.json")])
        XCTAssertEqual(lint.status, 1, lint.stderr)
        try tree.write("out.sarif.json", lint.stdout)
        let validate = runCLI(["validate", "--schema", schema, "--format-assertion", tree.path("out.sarif.json")])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        try tree.write("bad.sarif.json", lint.stdout.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\""))
        let invalid = runCLI(["validate", "--schema", schema, tree.path("bad.sarif.json")])
        XCTAssertEqual(invalid.status, 1, "a SARIF log with an unknown level must fail the schema: " + invalid.stdout)
        XCTAssertTrue(invalid.stdout.contains("\"fatal\" is not one of"), invalid.stdout)
    }

    /// `validate` reports in SARIF too, and its own log passes the official schema.
    func testValidateSARIFOutputPassesTheOfficialSchema() throws {
        let schema = packageRoot.appendingPathComponent("Tests/ReportingTests/Data/sarif-schema-2.1.0.json").path
        let tree = try TemporaryTree(["s.json": #"{"type": "object", "required": ["a"]}"#, "i.json": #"{"b": 1}"#])
        let run = runCLI(["validate", "--format", "sarif", "--schema", tree.path("s.json"), tree.path("i.json")])
        XCTAssertEqual(run.status, 1, run.stderr)
        try tree.write("v.sarif.json", run.stdout)
        let check = runCLI(["validate", "--schema", schema, "--format-assertion", tree.path("v.sarif.json")])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
