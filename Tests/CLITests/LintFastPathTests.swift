import ArgumentParser
@testable import KrakenLintCLI
import XCTest

/// `lint PATH...` skips swift-argument-parser (`LintRequest(plainArguments:)`); these tests hold it to
/// what the parser would have made of the same command line, and keep it away from anything else.
final class LintFastPathTests: XCTestCase {
    /// Every stored value of a request, nested ones included, as text: two requests that print alike ask
    /// for the same run. Reflection keeps this complete when `LintRequest` gains a field.
    private func described(_ request: LintRequest) -> String {
        var text = ""
        dump(request, to: &text)
        return text
    }

    private func parsed(_ arguments: [String]) throws -> LintRequest {
        let command = try KrakenLintCommand.parseAsRoot(arguments)
        return try XCTUnwrap(command as? LintCommand, "\(arguments) did not parse as lint").request
    }

    func testThePlainFormsAskForWhatTheParserReads() throws {
        let lines: [[String]] = [
            ["lint", "krakend.json"],
            ["krakend.json"],
            ["lint", "config/", "krakend.yaml", "other.yml"],
            ["lint", "lint"],
            ["lint", "audit"],
            ["lint", "a file with spaces.json", "key=value.json", "ünïcode.yaml"],
            ["config/", "krakend.json"],
            ["lint", "--audit", "a.json"],
            ["lint", "a.json", "--audit"],
            ["lint", "-f", "json", "a.json"],
            ["lint", "--format=sarif", "a.json", "b.yaml"],
            ["lint", "a.json", "--format", "checkstyle", "--audit", "c/"],
            ["lint", "--audit", "-f", "github", "lint"],
            ["lint", "--format", "junit", "audit"],
            ["lint", "--format", "text", "a.json"],
        ]
        for line in lines {
            let fast = try XCTUnwrap(LintRequest(plainArguments: line), "\(line) should take the fast path")
            XCTAssertEqual(described(fast), described(try parsed(line)), "\(line)")
        }
    }

    func testTheDefaultsItAssumesAreTheParsersDefaults() throws {
        let fast = try XCTUnwrap(LintRequest(plainArguments: ["lint", "a.json"]))
        let parsed = try parsed(["lint", "a.json"])
        // Spelled out for the values a wrong default would silently change, on top of the whole comparison.
        XCTAssertEqual(fast.format, parsed.format)
        XCTAssertEqual(fast.color, parsed.color)
        XCTAssertEqual(fast.timeBudget, parsed.timeBudget)
        XCTAssertEqual(fast.limits.maxFileSize, parsed.limits.maxFileSize)
        XCTAssertEqual(fast.renderLimits.maximumOutputBytes, parsed.renderLimits.maximumOutputBytes)
        XCTAssertEqual(fast.folders, parsed.folders)
        XCTAssertEqual(fast.audit, .off)
        XCTAssertFalse(fast.flexibleConfig)
    }

    func testAnythingElseGoesThroughTheParser() {
        let lines: [[String]] = [
            [], ["lint"], ["--version"], ["--help"], ["-h"], ["help"], ["help", "lint"], ["lint", "help"],
            ["lint", "-"], ["-"], ["lint", "--", "a.json"], ["lint", ""],
            // Options other than --audit and --format, a bad or missing format, repeats, no path, no `lint`.
            ["lint", "--audit"], ["lint", "-f", "json"], ["--audit", "a.json"], ["-f", "json", "a.json"],
            ["lint", "--audit", "--audit", "a.json"], ["lint", "-f", "json", "--format", "text", "a.json"],
            ["lint", "-f", "xml", "a.json"], ["lint", "a.json", "-f"], ["lint", "--format=", "a.json"],
            ["lint", "-f", "--audit", "a.json"], ["lint", "-fjson", "a.json"], ["lint", "--audit=true", "a.json"],
            ["lint", "--verbose", "a.json"], ["lint", "--color", "never", "a.json"], ["lint", "a.json", "--fail-level", "info"],
            ["audit", "a.json"], ["render", "a.tmpl"], ["probe", "a.json"], ["rules"], ["explain", "schema/enum"],
            ["validate", "a.sarif"], ["config", "show"],
        ]
        for line in lines {
            XCTAssertNil(LintRequest(plainArguments: line), "\(line) must go through the parser")
        }
        // Every subcommand's name (and alias) as the first word is that subcommand, never a file to lint.
        for command in KrakenLintCommand.configuration.subcommands where command != LintCommand.self {
            for name in [command.configuration.commandName ?? ""] + command.configuration.aliases {
                XCTAssertNil(LintRequest(plainArguments: [name, "a.json"]), name)
            }
        }
    }

    func testTheFastPathReadsItsOptions() throws {
        let request = try XCTUnwrap(LintRequest(plainArguments: ["lint", "a.json", "--audit", "-f", "sarif", "b/"]))
        XCTAssertEqual(request.paths, ["a.json", "b/"])
        XCTAssertEqual(request.audit, .alongside)
        XCTAssertEqual(request.format, .sarif)
    }

    func testAFastLintPrintsWhatTheParsedOneDoes() throws {
        let tree = try TemporaryTree([
            "krakend.json": #"{"version": 3, "timeuot": "3s", "endpoints": []}"#,
        ])
        let path = tree.path("krakend.json")
        // `--color never` is an option the fast path leaves to the parser; on a pipe it is what `auto` does.
        for options in [[], ["--audit", "-f", "json"], ["--format=sarif", "--audit"]] {
            XCTAssertNotNil(LintRequest(plainArguments: ["lint"] + options + [path]))
            let fast = runCLI(["lint"] + options + [path])
            let parsedRun = runCLI(["lint", "--color", "never"] + options + [path])
            XCTAssertEqual(fast.status, 1)
            XCTAssertTrue(fast.stdout.contains("timeuot"), fast.stdout)
            XCTAssertEqual(fast.status, parsedRun.status, "\(options)")
            XCTAssertEqual(fast.stdout, parsedRun.stdout, "\(options)")
            XCTAssertEqual(fast.stderr, parsedRun.stderr, "\(options)")
        }
    }
}
