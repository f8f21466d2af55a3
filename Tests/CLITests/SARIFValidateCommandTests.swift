import Foundation
import XCTest

/// `krakenlint lint --format sarif` output checked with `krakenlint validate --schema` against the official
/// SARIF 2.1.0 schema (Tests/ReportingTests/Data, source named there). Skipped until `validate` exists.
final class SARIFValidateCommandTests: XCTestCase {
    func testLintSARIFOutputPassesTheValidateCommand() throws {
        let help = runCLI(["validate", "--help"])
        guard help.stdout.contains("--schema") && help.stdout.contains("validate") else {
            throw XCTSkip("`krakenlint validate --schema` is not available in this build yet")
        }
        let schema = packageRoot.appendingPathComponent("Tests/ReportingTests/Data/sarif-schema-2.1.0.json").path
        let tree = try TemporaryTree(["gw/krakend.json": #"{"version": 2, "endpoints": []}"#])
        let lint = runCLI(["lint", "--format", "sarif", "--sarif-root", tree.path("."), tree.path("gw/krakend.json")])
        XCTAssertEqual(lint.status, 1, lint.stderr)
        try tree.write("out.sarif.json", lint.stdout)
        let validate = runCLI(["validate", "--schema", schema, tree.path("out.sarif.json")])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
    }
}
