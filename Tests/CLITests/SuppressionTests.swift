import XCTest

/// `"@krakenlint"` keys and `# krakenlint:` comments silence findings in their subtree, and are checked themselves.
final class SuppressionTests: XCTestCase {
    private func lint(_ name: String, _ text: String) throws -> CLIRun {
        let tree = try TemporaryTree([name: text])
        return runCLI(["lint", "--fail-level", "info", tree.path(name)])
    }

    func testAKeySuppressionWithAReasonSilencesItsSubtree() throws {
        let run = try lint("k.json", #"{"version": 2, "@krakenlint": {"disable": ["krakend/unsupported-version"], "reason": "archived"}}"#)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "")
    }

    func testAKeySuppressionSpelledWithAnEscapeStillCounts() throws {
        // The linter skips the suppression walk when the file cannot spell the key; an escape can.
        let run = try lint("k.json", #"{"version": 2, "\u0040krakenlint": {"disable": ["krakend/unsupported-version"], "reason": "archived"}}"#)
        XCTAssertEqual(run.status, 0, run.stdout)
        XCTAssertEqual(run.stdout, "")
    }

    func testASuppressionDeeperInTheTreeDoesNotReachUp() throws {
        let run = try lint("k.json", #"{"version": 2, "extra_config": {"@krakenlint": {"disable": ["krakend/unsupported-version"], "reason": "x"}}}"#)
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("[krakend/unsupported-version]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("k.json:1:61: warning: suppression of \"krakend/unsupported-version\" silences nothing here [suppression/unused]"), run.stdout)
    }

    func testMissingReasonIsReported() throws {
        let run = try lint("k.json", #"{"version": 2, "@krakenlint": {"disable": ["krakend/unsupported-version"]}}"#)
        XCTAssertFalse(run.stdout.contains("[krakend/unsupported-version]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("k.json:1:16: warning: suppression without a reason"), run.stdout)
    }

    func testYAMLCommentOnTheLineBeforeAndAtTheEnd() throws {
        let before = try lint("k.yaml", "# krakenlint: disable=krakend/unsupported-version archived v1 file\nversion: 2\n")
        XCTAssertEqual(before.stdout, "", before.stdout)
        let after = try lint("k.yaml", "version: 2 # krakenlint: disable=krakend/unsupported-version archived\n")
        XCTAssertEqual(after.stdout, "", after.stdout)
    }

    func testAQuotedKeySuppressionWorksInYAMLToo() throws {
        let run = try lint("k.yaml", "version: 2\n\"@krakenlint\":\n  disable: [krakend/unsupported-version]\n  reason: archived v1 file\n")
        XCTAssertEqual(run.stdout, "", run.stdout)
    }

    func testCommentTextInsideAStringIsNotASuppression() throws {
        let run = try lint("k.yaml", "version: 2\nname: \"a # krakenlint: disable=krakend/unsupported-version no\"\n")
        XCTAssertTrue(run.stdout.contains("[krakend/unsupported-version]"), run.stdout)
        XCTAssertFalse(run.stdout.contains("suppression/"), run.stdout)
    }

    func testUnknownRuleIdsInSuppressionsAreMalformed() throws {
        let run = try lint("k.yaml", "version: 3 # krakenlint: disable=no-such-rule because\n")
        XCTAssertTrue(run.stdout.contains("k.yaml:1:34: error: \"no-such-rule\" is not a rule id"), run.stdout)
    }
}
