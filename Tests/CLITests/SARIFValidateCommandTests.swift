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

/// `probe` in every format without an NTLM server: a closed port on 127.0.0.1 is `probe/unreachable`, an
/// error on the backend's auth/ntlm key, and the SARIF log passes the official schema.
final class ProbeFormatsCommandTests: XCTestCase {
    static let config = """
        {
          "version": 3,
          "endpoints": [{"endpoint": "/a", "backend": [{
            "url_pattern": "/a", "host": ["http://127.0.0.1:1"],
            "extra_config": {"auth/ntlm": {"user": "CORP\\\\svc", "password": "Probe-Marker-Pw-1"}}
          }]}]
        }

        """

    func testEveryFormatReportsTheUnreachableTargetAtItsNTLMBlock() throws {
        let tree = try TemporaryTree(["gw/krakend.json": Self.config])
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let run = runCLI(["probe", "--format", format, "--sarif-root", tree.path("."), "--connect-timeout", "2", "--timeout", "3", tree.path("gw/krakend.json")])
            XCTAssertEqual(run.status, 1, "\(format): \(run.stdout)\(run.stderr)")
            XCTAssertFalse(run.stdout.contains("Probe-Marker-Pw-1"), "\(format) shows the password:\n\(run.stdout)")
            XCTAssertTrue(run.stdout.contains(format == "text" ? "unreachable" : "probe/unreachable"), "\(format): \(run.stdout)")
        }
        let github = runCLI(["probe", "--format", "github", "--sarif-root", tree.path("."), tree.path("gw/krakend.json")])
        XCTAssertTrue(github.stdout.hasPrefix("::error file=gw/krakend.json,line=5,col=22,"), github.stdout)

        let sarif = runCLI(["probe", "--format", "sarif", "--sarif-root", tree.path("."), tree.path("gw/krakend.json")])
        try tree.write("probe.sarif.json", sarif.stdout)
        let schema = packageRoot.appendingPathComponent("Tests/ReportingTests/Data/sarif-schema-2.1.0.json").path
        let check = runCLI(["validate", "--schema", schema, "--format-assertion", tree.path("probe.sarif.json")])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
