import XCTest

final class ExitCodeTests: XCTestCase {
    func testUnknownOptionIsAUsageError() {
        let run = runCLI(["lint", "--no-such-option", "x.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no-such-option"), run.stderr)
    }

    func testMissingPathIsAUsageError() {
        let run = runCLI(["lint", "/definitely/not/here.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("/definitely/not/here.json: no such file or directory"), run.stderr)
    }

    func testDirectoryWithoutConfigsIsAUsageError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("krakenlint-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = runCLI(["lint", directory.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no .json, .yaml or .yml files"), run.stderr)
    }

    func testUnknownRuleInExplainSuggestsTheNearestId() {
        let run = runCLI(["explain", "krakend/unsupported-versio"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(#"did you mean "krakend/unsupported-version""#), run.stderr)
    }

    func testExplainPrintsTheExamples() {
        let run = runCLI(["explain", "krakend/unsupported-version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("Fix:"), run.stdout)
        XCTAssertTrue(run.stdout.contains(#"{"version": ↓2"#), run.stdout)
    }

    func testVersionFlagPrintsTheVersion() {
        let run = runCLI(["--version"])
        XCTAssertEqual(run.status, 0)
        XCTAssertFalse(run.stdout.isEmpty)
    }
}
