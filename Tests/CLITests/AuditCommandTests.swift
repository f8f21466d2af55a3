import Foundation
import XCTest

/// `krakenlint audit` and `lint --audit`: KrakenD's flags, our formats, suppressions and exit codes.
final class AuditCommandTests: XCTestCase {
    /// Fires only audit/2.2.3 (all headers forwarded) and audit/2.2.4 at the second endpoint.
    static let config = #"""
        {"version": 3, "tls": {"keys": [{"public_key": "c.pem", "private_key": "k.pem"}]},
         "extra_config": {"security/http": {}, "security/cors": {}, "security/bot-detector": {}, "router": {"hide_version_header": true},
           "qos/ratelimit/service": {}, "telemetry/logging": {}, "telemetry/newrelic": {}},
         "endpoints": [
          {"endpoint": "/a", "input_headers": ["*"], "extra_config": {"auth/validator": {}},
           "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"qos/circuit-breaker": {}}}, {"url_pattern": "/b", "host": ["http://b"]}]},
          {"endpoint": "/b", "input_query_strings": ["*"],
           "backend": [{"url_pattern": "/b", "host": ["http://b"]}]}
         ]}
        """#

    private func audit(_ arguments: [String], files: [String: String] = ["krakend.json": config]) throws -> CLIRun {
        let tree = try TemporaryTree(files)
        return runCLI(["audit"] + arguments.map { $0.hasPrefix("@") ? tree.path(String($0.dropFirst())) : $0 })
    }

    func testFindingsArePlacedAtTheirCauseAndTheExitCodeIsOne() throws {
        let run = try audit(["@krakend.json"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("krakend.json:5:40: error: endpoint GET \"/a\" forwards every client header (input_headers \"*\") [audit/2.2.3]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("krakend.json:7:46: error: endpoint GET \"/b\" forwards every query string parameter (input_query_strings \"*\") [audit/2.2.4]"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: "[audit/").count - 1, 2, run.stdout)
    }

    func testNothingFiredExitsZero() throws {
        let run = try audit(["-i", "2.2.3, audit/2.2.4", "@krakend.json"])
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "")
    }

    func testTheIgnoreFileRemovesSpacesSkipsEmptyLinesAndKeepsCarriageReturns() throws {
        let run = try audit(["-I", "@ignore.txt", "@krakend.json"], files: ["krakend.json": Self.config, "ignore.txt": " 2.2. 3\n\n2.2.4\r\n"])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(run.stdout.contains("[audit/2.2.3]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[audit/2.2.4]"), "a CR is kept, so 2.2.4 is not ignored: \(run.stdout)")
    }

    func testAnUnreadableIgnoreFileIsAUsageError() throws {
        let run = try audit(["-I", "/nonexistent/ignore", "@krakend.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("cannot read the ignore file"), run.stderr)
    }

    func testSeveritiesAreCaseSensitive() throws {
        XCTAssertEqual(try audit(["-s", "MEDIUM,LOW", "@krakend.json"]).status, 0)
        let lower = try audit(["-s", "high", "@krakend.json"])
        XCTAssertEqual(lower.status, 0)
        XCTAssertTrue(lower.stderr.contains("severity \"high\" matches no rule"), lower.stderr)
        XCTAssertEqual(try audit(["--severity", "HIGH", "@krakend.json"]).status, 1)
    }

    func testEveryFormatPlacesTheFindingAtItsCause() throws {
        let expected = [
            "text": "krakend.json:5:40: error: endpoint GET \"/a\" forwards every client header",
            "github": "::error file=krakend.json,line=5,col=40,endLine=5,endColumn=42,title=audit/2.2.3::",
            "checkstyle": "<error line=\"5\" column=\"40\" severity=\"error\"",
            "junit": "krakend.json:5:40: error: endpoint GET \"/a\" forwards every client header",
        ]
        for (format, line) in expected {
            let run = try audit(["--format", format, "--sarif-root", "@", "@krakend.json"])
            XCTAssertEqual(run.status, 1, format)
            XCTAssertTrue(run.stdout.contains(line), "\(format): \(run.stdout)")
        }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try audit(["-f", "json", "@krakend.json"]).stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(((json["files"] as? [[String: Any]])?.first?["diagnostics"]) as? [[String: Any]])
        let headers = try XCTUnwrap(diagnostics.first { $0["rule"] as? String == "audit/2.2.3" })
        XCTAssertEqual(headers["pointer"] as? String, "/endpoints/0/input_headers/0")
        XCTAssertEqual(headers["line"] as? Int, 5)
        XCTAssertEqual(headers["column"] as? Int, 40)
        XCTAssertEqual(headers["properties"] as? [String: String], ["krakend_id": "2.2.3", "krakend_severity": "HIGH"])
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try audit(["-f", "sarif", "@krakend.json"]).stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap(((sarif["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let result = try XCTUnwrap(results.first { $0["ruleId"] as? String == "audit/2.2.4" })
        XCTAssertEqual(result["properties"] as? [String: String], ["krakend_id": "2.2.4", "krakend_severity": "HIGH"])
        let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first)
        let region = try XCTUnwrap((location["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        XCTAssertEqual(region["startLine"], 7)
        XCTAssertEqual(region["startColumn"], 46)
    }

    func testAFormatThatIsNeitherANameNorATemplateIsAUsageError() throws {
        let run = try audit(["--format", "jsno", "@krakend.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("unknown format \"jsno\""), run.stderr)
        XCTAssertTrue(run.stderr.contains("or a Go text/template (containing {{)"), run.stderr)
    }

    func testASuppressionWithAReasonSilencesOneEndpoint() throws {
        let suppressed = Self.config.replacingOccurrences(
            of: #"{"endpoint": "/a", "#,
            with: #"{"endpoint": "/a", "@krakenlint": {"disable": ["audit/2.2.3"], "reason": "the backend filters headers itself"}, "#
        )
        let run = try audit(["@krakend.json"], files: ["krakend.json": suppressed])
        XCTAssertFalse(run.stdout.contains("[audit/2.2.3]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[audit/2.2.4]"), run.stdout)
        XCTAssertFalse(run.stdout.contains("suppression/"), run.stdout)
    }

    func testPlainLintDoesNotCallAnAuditSuppressionUnused() throws {
        let suppressed = Self.config.replacingOccurrences(
            of: #"{"endpoint": "/a", "#,
            with: #"{"endpoint": "/a", "@krakenlint": {"disable": ["audit/2.2.3"], "reason": "filtered by the backend"}, "#
        )
        let tree = try TemporaryTree(["krakend.json": suppressed])
        let run = runCLI(["lint", "--fail-level", "info", tree.path("krakend.json")])
        XCTAssertFalse(run.stdout.contains("suppression/unused"), run.stdout)
    }

    func testTheConfigurationFileAcceptsBareAndPrefixedIDs() throws {
        let run = try audit(["@krakend.json"], files: [
            "krakend.json": Self.config,
            ".krakenlint.yml": "rules:\n  2.2.3: off\n  audit/2.2.4: warning\n",
        ])
        XCTAssertFalse(run.stdout.contains("[audit/2.2.3]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("warning: endpoint GET \"/b\" forwards every query string parameter"), run.stdout)
        XCTAssertEqual(try audit(["--fail-level", "error", "@krakend.json"], files: [
            "krakend.json": Self.config, ".krakenlint.yml": "rules:\n  2.2.3: off\n  audit/2.2.4: warning\n",
        ]).status, 0)
    }

    func testARefusedConfigurationGetsLintErrorsInstead() throws {
        let run = try audit(["@krakend.json"], files: ["krakend.json": #"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": []}]}"#])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("[krakend/endpoint-without-backends]"), run.stdout)
        XCTAssertFalse(run.stdout.contains("[audit/"), run.stdout)
        let broken = try audit(["@krakend.json"], files: ["krakend.json": "{"])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains("[syntax]"), broken.stdout)
    }

    func testLintWithAuditRunsBothInOnePass() throws {
        let config = Self.config.replacingOccurrences(of: #""timeout""#, with: #""timeout""#)
            .replacingOccurrences(of: #"{"version": 3, "#, with: #"{"version": 3, "timeuot": "3s", "#)
        let tree = try TemporaryTree(["krakend.json": config])
        let run = runCLI(["lint", "--audit", tree.path("krakend.json")])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("[schema/additional-properties]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[audit/2.2.3]"), run.stdout)
        let plain = runCLI(["lint", tree.path("krakend.json")])
        XCTAssertFalse(plain.stdout.contains("[audit/"), plain.stdout)
    }

    func testDashCNamesTheFileAsKrakenDDoes() throws {
        let run = try audit(["-c", "@krakend.json", "-i", "2.2.3,2.2.4"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
    }
    // MARK: - The same files, configurations and bounds as lint

    func testJUnitFailsWhereTheExitCodeFails() throws {
        // Only LOW recommendations (infos) are asked for; audit's default fail level is info, so they fail the
        // run, and JUnit must say so too rather than list them as passing output.
        let run = try audit(["-s", "LOW", "--format", "junit", "@krakend.json"], files: ["krakend.json": #"{"version": 3}"#])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("<failure type=\"info\""), run.stdout)
        XCTAssertFalse(run.stdout.contains("<system-out>"), run.stdout)
        let passing = try audit(["-s", "LOW", "--fail-level", "warning", "--format", "junit", "@krakend.json"], files: ["krakend.json": #"{"version": 3}"#])
        XCTAssertEqual(passing.status, 0, passing.stderr)
        XCTAssertFalse(passing.stdout.contains("<failure"), passing.stdout)
        XCTAssertTrue(passing.stdout.contains("<system-out>"), passing.stdout)
    }

    func testTheInputLimitsAndTheTimeBudgetBoundAnAudit() throws {
        let small = try audit(["--max-file-size", "10", "@krakend.json"])
        XCTAssertEqual(small.status, 2)
        XCTAssertTrue(small.stderr.contains("more than the limit of 10 (raise it with --max-file-size)"), small.stderr)
        XCTAssertEqual(try audit(["--max-file-size", "100000", "@krakend.json"]).status, 1)

        let endpoints = (0..<4000).map { #"{"endpoint": "/e\#($0)", "backend": [{"host": ["https://b"], "url_pattern": "/b\#($0)"}]}"# }
        let big = #"{"version": 3, "endpoints": ["# + endpoints.joined(separator: ",\n") + "]}"
        let slow = try audit(["--time-budget", "0.001", "@big.json"], files: ["big.json": big])
        XCTAssertEqual(slow.status, 2)
        XCTAssertTrue(slow.stdout.contains("big.json:1:1: error: checking this file took more than the time budget of 0.001 s"), slow.stdout)
        XCTAssertFalse(slow.stdout.contains("[audit/"), slow.stdout)
        XCTAssertEqual(try audit(["--max-depth", "0", "@krakend.json"]).status, 2)
    }

    func testTheConfigurationsIgnoreListAppliesToAnAudit() throws {
        let tree = try TemporaryTree([
            "configs/.krakenlint.yml": "ignore: [old/**]\n", "configs/krakend.json": Self.config, "configs/old/krakend.json": Self.config,
        ])
        let run = runCLI(["audit", "--verbose", tree.path("configs")])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("configs/krakend.json:5:40:"), run.stdout)
        XCTAssertFalse(run.stdout.contains("old/krakend.json"), run.stdout)
        XCTAssertTrue(run.stderr.contains("1 file ignored by configuration"), run.stderr)
    }

    func testADeclaredProjectIsAuditedRenderedAndItsSettingsAreNot() throws {
        let tree = try TemporaryTree(FlexibleConfigCommandTests.declaredProject)
        let environment = ["NTLM_PASSWORD": FlexibleConfigCommandTests.password]
        for arguments in [["audit"], ["lint", "--audit"]] {
            let run = runCLI(arguments + [tree.path("config")], environment: environment)
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stdout) \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("config/krakend.tmpl:"), "\(arguments): \(run.stdout)")
            XCTAssertTrue(run.stdout.contains("[audit/"), "\(arguments) audits the rendered project: \(run.stdout)")
            XCTAssertFalse(run.stdout.contains("settings/api.json:1:1"), "\(arguments): settings are not configurations: \(run.stdout)")
            XCTAssertFalse(run.stdout.contains(FlexibleConfigCommandTests.password), "\(arguments) shows the password")
        }
    }
}
