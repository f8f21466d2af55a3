import Foundation
import XCTest

/// `.krakenlint.yml` / `.yaml` / `.json`: found by walking up, applied per file, checked strictly.
final class ConfigurationFileTests: XCTestCase {
    static let versionTwo = #"{"version": 2, "endpoints": []}"#
    static let good = #"{"version": 3, "endpoints": []}"#

    func testWithoutConfigurationTheDefaultSeverityApplies() throws {
        let tree = try TemporaryTree(["a/krakend.json": Self.versionTwo])
        let run = runCLI(["lint", tree.path("a/krakend.json")])
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("error: unsupported version 2"), run.stdout)
    }

    func testRuleLevelsFromTheNearestConfigurationAbove() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": "rules:\n  krakend/unsupported-version: warning\n",
            "a/b/krakend.json": Self.versionTwo,
        ])
        let run = runCLI(["lint", tree.path("a/b/krakend.json")])
        XCTAssertEqual(run.status, 0, "a warning is below the default fail level: " + run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("warning: unsupported version 2"), run.stdout)
    }

    func testTheSearchStopsAtTheRepositoryRoot() throws {
        let tree = try TemporaryTree([".krakenlint.yml": "rules:\n  krakend/*: off\n"], gitRoot: false)
        try tree.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        try tree.write("repo/krakend.json", Self.versionTwo)
        let run = runCLI(["lint", tree.path("repo/krakend.json")])
        XCTAssertEqual(run.status, 1, "the configuration above the repository root must not apply: " + run.stdout)
    }

    func testFamilyGlobsAndFailLevelFromTheConfiguration() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yaml": "fail-level: warning\nrules:\n  \"krakend/*\": warning\n",
            "krakend.json": Self.versionTwo,
        ])
        let run = runCLI(["lint", tree.path("krakend.json")])
        XCTAssertEqual(run.status, 1, "fail-level warning from the file: " + run.stdout)
        XCTAssertEqual(runCLI(["lint", "--fail-level", "error", tree.path("krakend.json")]).status, 0, "the flag wins over the file")
    }

    func testIgnoredPathsAreNotLinted() throws {
        let tree = try TemporaryTree([
            ".krakenlint.json": #"{"ignore": ["legacy"]}"#,
            "legacy/old/krakend.json": Self.versionTwo,
            "current/krakend.json": Self.good,
        ])
        let run = runCLI(["lint", "--verbose", tree.path(".")])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("no problems in 1 file"), run.stdout)
        XCTAssertTrue(run.stderr.contains("1 file ignored by configuration"), run.stderr)
    }

    func testOverridesPerFileAndPerPointer() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": """
                overrides:
                  - files: ["staging/*.json"]
                    rules:
                      krakend/unsupported-version: off
                      schema/const: off
                  - files: ["prod/krakend.json#/version"]
                    rules:
                      krakend/unsupported-version: info

                """,
            "staging/krakend.json": Self.versionTwo,
            "prod/krakend.json": Self.versionTwo,
            "other/krakend.json": Self.versionTwo,
        ])
        let run = runCLI(["lint", tree.path(".")])
        XCTAssertFalse(run.stdout.contains("staging/krakend.json"), run.stdout)
        XCTAssertTrue(run.stdout.contains("prod/krakend.json:1:13: info: unsupported version 2"), run.stdout)
        XCTAssertTrue(run.stdout.contains("other/krakend.json:1:13: error: unsupported version 2"), run.stdout)
    }

    /// A rule that restates a schema finding in its own words replaces it; turned off, it gives the schema
    /// finding back instead of silencing the problem.
    func testTurningARuleOffKeepsTheSchemaFindingItHadReplaced() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": "rules:\n  krakend/unsupported-version: off\n",
            "krakend.json": Self.versionTwo,
        ])
        let run = runCLI(["lint", tree.path("krakend.json")])
        XCTAssertEqual(run.status, 1, run.stdout)
        XCTAssertTrue(run.stdout.contains("krakend.json:1:13: error: expected 3, got 2 [schema/const]"), run.stdout)
        XCTAssertFalse(run.stdout.contains("krakend/unsupported-version"), run.stdout)
    }

    func testUnknownKeysAndBadValuesAreErrorsWithPositions() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": "rules:\n  krakend/unsupported-version: loud\n  no-such/rule: off\nignroe: [a]\n",
            "krakend.json": Self.good,
        ])
        let run = runCLI(["lint", tree.path("krakend.json")])
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains(".krakenlint.yml:2:32: error: the level of \"krakend/unsupported-version\" must be off, info, warning or error, found \"loud\" [config/invalid]"), run.stderr)
        XCTAssertTrue(run.stderr.contains(".krakenlint.yml:3:3: error: \"no-such/rule\" matches no rule"), run.stderr)
        XCTAssertTrue(run.stderr.contains(".krakenlint.yml:4:1: error: unknown key \"ignroe\"; expected one of \"edition\""), run.stderr)
    }

    func testAnExplicitConfigurationReplacesTheSearch() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": "rules:\n  krakend/unsupported-version: error\n",
            "ci/lenient.yml": "rules:\n  krakend/unsupported-version: off\n  schema/const: off\n",
            "krakend.json": Self.versionTwo,
        ])
        let run = runCLI(["lint", "--config", tree.path("ci/lenient.yml"), tree.path("krakend.json")])
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(runCLI(["lint", "--config", tree.path("missing.yml"), tree.path("krakend.json")]).status, 2)
    }

    func testStandardInputUsesTheConfigurationOfItsStdinFilename() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": "overrides:\n  - files: [\"staging/**\"]\n    rules:\n      krakend/unsupported-version: off\n      schema/const: off\n",
        ])
        let staging = runCLI(["lint", "--stdin-filename", tree.path("staging/krakend.json"), "-"], stdin: Self.versionTwo)
        XCTAssertEqual(staging.status, 0, staging.stdout + staging.stderr)
        let prod = runCLI(["lint", "--stdin-filename", tree.path("prod/krakend.json"), "-"], stdin: Self.versionTwo)
        XCTAssertEqual(prod.status, 1, prod.stdout + prod.stderr)
    }

    func testConfigPrintShowsTheEffectiveConfiguration() throws {
        let tree = try TemporaryTree([
            ".krakenlint.yml": "edition: ce\nrules:\n  krakend/*: warning\nignore: [legacy/**]\n",
            "krakend.json": Self.good,
        ])
        let run = runCLI(["config", "--print", tree.path("krakend.json")])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("edition: ce\nfail-level: error\nrules:\n  \"krakend/*\": warning\nignore:\n  - \"legacy/**\"\n"), run.stdout)
        let versionLine = run.stdout.split(separator: "\n").first { $0.contains("krakend/unsupported-version ") }
        XCTAssertTrue(versionLine?.hasSuffix(" warning") ?? false, run.stdout)
        XCTAssertTrue(run.stdout.contains("syntax"), run.stdout)
    }

    func testConfigWithoutPrintIsAUsageError() {
        XCTAssertEqual(runCLI(["config"]).status, 2)
    }
}

/// Broken configuration files end the run with a clear message and exit status 2, never a crash.
final class BrokenConfigurationTests: XCTestCase {
    private func lint(withConfiguration text: String, named name: String = ".krakenlint.yml") throws -> CLIRun {
        let tree = try TemporaryTree([name: text, "krakend.json": #"{"version": 3}"#])
        return runCLI(["lint", tree.path("krakend.json")])
    }

    func testAConfigurationThatIsNotAMapping() throws {
        let run = try lint(withConfiguration: "- rules\n")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(".krakenlint.yml:1:1: error: the configuration must be a single mapping with keys such as rules and ignore [config/invalid]"), run.stderr)
    }

    func testAYAMLSyntaxErrorInTheConfiguration() throws {
        let run = try lint(withConfiguration: "rules: [unclosed\n")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("[syntax]"), run.stderr)
    }

    func testAJSONConfigurationWithWrongTypes() throws {
        let run = try lint(withConfiguration: #"{"ignore": "legacy", "overrides": [{"files": ["a.json#nope"], "rules": {}}], "edition": "pro"}"#, named: ".krakenlint.json")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("expected a list of path globs, found a string"), run.stderr)
        XCTAssertTrue(run.stderr.contains("the part after # must be a JSON Pointer"), run.stderr)
        XCTAssertTrue(run.stderr.contains("edition must be ce or ee, found \"pro\""), run.stderr)
    }

    func testAnAliasBombInTheConfigurationIsALimitNotAHang() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let run = try lint(withConfiguration: text)
        XCTAssertEqual(run.status, 2)
        XCTAssertFalse(run.stderr.isEmpty)
    }

    func testAnEmptyConfigurationIsReported() throws {
        let run = try lint(withConfiguration: "")
        XCTAssertEqual(run.status, 2, run.stdout)
        XCTAssertTrue(run.stderr.contains(".krakenlint.yml:1:1: error:"), run.stderr)
    }
}
