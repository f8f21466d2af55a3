import ArgumentParser
@testable import KrakenLintCLI
import XCTest

/// `-f` is `--format` on every command that prints findings, as it is on `audit` (and on `krakend audit`).
final class FormatFlagTests: XCTestCase {
    func testLintPrintsTheSameWithEitherSpelling() throws {
        let tree = try TemporaryTree(["krakend.json": #"{"version": 3, "timeuot": "3s"}"#])
        let path = tree.path("krakend.json")
        let short = runCLI(["lint", "-f", "json", path])
        let long = runCLI(["lint", "--format", "json", path])
        XCTAssertEqual(short.status, 1, short.stderr)
        XCTAssertTrue(short.stdout.contains(#""pointer": "/timeuot""#), short.stdout)
        XCTAssertEqual(short.stdout, long.stdout)
        XCTAssertEqual(short.stderr, long.stderr)
    }

    func testProbeAndValidateReadTheShortFlag() throws {
        let probe = try XCTUnwrap(KrakenLintCommand.parseAsRoot(["probe", "-f", "sarif", "krakend.json"]) as? ProbeCommand)
        XCTAssertEqual(probe.format, .sarif)
        let validate = try XCTUnwrap(KrakenLintCommand.parseAsRoot(["validate", "--schema", "schema.json", "-f", "junit", "config.json"]) as? ValidateCommand)
        XCTAssertEqual(validate.format, .junit)
    }
}
