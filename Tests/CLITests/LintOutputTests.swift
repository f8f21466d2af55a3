import Foundation
import XCTest

/// `lint` options that shape the output: formats, colors, SARIF root, many files in a stable order.
final class LintOutputTests: XCTestCase {
    static let versionTwo = #"{"version": 2, "endpoints": []}"#

    func testEveryFormatIsAcceptedAndKeepsTheExitCode() throws {
        let tree = try TemporaryTree(["krakend.json": Self.versionTwo])
        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let run = runCLI(["lint", "--format", format, tree.path("krakend.json")])
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("krakend/unsupported-version"), "\(format): \(run.stdout)")
        }
        XCTAssertEqual(runCLI(["lint", "--format", "xml", tree.path("krakend.json")]).status, 2)
    }

    func testSARIFPathsAreRelativeToTheSARIFRoot() throws {
        let tree = try TemporaryTree(["gw/krakend.json": Self.versionTwo])
        let run = runCLI(["lint", "--format", "sarif", "--sarif-root", tree.path("."), tree.path("gw/krakend.json")])
        XCTAssertTrue(run.stdout.contains("\"uri\": \"gw/krakend.json\""), run.stdout)
    }

    func testColorFollowsTheFlagAndNoColor() throws {
        let tree = try TemporaryTree(["krakend.json": Self.versionTwo])
        let path = tree.path("krakend.json")
        XCTAssertTrue(runCLI(["lint", "--color", "always", path]).stdout.contains("\u{1B}["))
        XCTAssertFalse(runCLI(["lint", "--color", "auto", path]).stdout.contains("\u{1B}["), "not a terminal")
        XCTAssertFalse(runCLI(["lint", path]).stdout.contains("\u{1B}["))
        XCTAssertFalse(runCLI(["lint", "--color", "never", path]).stdout.contains("\u{1B}["))
    }

    func testHundredsOfFilesAreReportedInSortedOrder() throws {
        var files: [String: String] = [:]
        for index in 0..<300 {
            let name = String(format: "d%02d/f%03d.json", index % 7, index)
            files[name] = index % 3 == 0 ? Self.versionTwo : #"{"version": 3}"#
        }
        let tree = try TemporaryTree(files)
        let run = runCLI(["lint", "--format", "json", tree.path(".")])
        XCTAssertEqual(run.status, 1, run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let reported = try XCTUnwrap(document["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        XCTAssertEqual(reported.count, 300)
        XCTAssertEqual(reported, reported.sorted(), "output order is the sorted input order, whatever order the threads finished in")
        let withFindings = try XCTUnwrap(document["files"] as? [[String: Any]]).filter { !(($0["diagnostics"] as? [Any]) ?? []).isEmpty }
        XCTAssertEqual(withFindings.count, 100)
        XCTAssertEqual((document["summary"] as? [String: Int])?["errors"], 100)
    }

    func testHelpOfEveryCommandHasExamples() {
        for command in ["lint", "rules", "explain", "config"] {
            let run = runCLI([command, "--help"])
            XCTAssertEqual(run.status, 0, command)
            XCTAssertTrue(run.stdout.contains("Example"), "\(command) --help has no examples:\n\(run.stdout)")
        }
    }

    /// Discussions are written as paragraphs and wrapped by the argument parser alone: wrapped by hand as
    /// well, they came out ragged ("so" / "relative $refs" / "between them" on lines of their own).
    func testHelpProseIsWrappedOnceIntoFullLines() {
        for command in ["lint", "validate", "probe"] {
            let help = runCLI([command, "--help"]).stdout
            let prose = help.components(separatedBy: "\nUSAGE:").first ?? help
            for paragraph in prose.components(separatedBy: "\n\n") where !paragraph.hasPrefix("Examples") && !paragraph.hasPrefix("OVERVIEW") {
                let lines = paragraph.split(separator: "\n")
                for line in lines.dropLast() {
                    XCTAssertGreaterThan(line.count, 55, "\(command) --help has a ragged line \"\(line)\" in:\n\(paragraph)")
                }
            }
        }
    }

    func testShellCompletionScriptsAreGenerated() {
        for shell in ["bash", "zsh", "fish"] {
            let run = runCLI(["--generate-completion-script", shell])
            XCTAssertEqual(run.status, 0, shell + run.stderr)
            XCTAssertTrue(run.stdout.contains("krakenlint"), shell)
            XCTAssertTrue(run.stdout.contains("sarif-root"), "\(shell) completion lacks lint's options")
        }
    }
}
