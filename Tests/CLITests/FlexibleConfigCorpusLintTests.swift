import Foundation
import KrakenLintCLI
import TestPeers
import XCTest

/// `lint` of a real flexible-configuration project (`../shared/fc-corpus`) finds exactly what `lint` of the
/// bytes Go renders for it finds, but reports each finding in the project's own files, with the rendered
/// position as its "rendered here" note.
final class FlexibleConfigCorpusLintTests: XCTestCase {
    /// One finding of `--format json`, with the rendered-output position it is noted at (none for a plain file).
    private struct Diagnostic: Hashable {
        var rule: String
        var message: String
        var path: String
        var renderedLine: Int?
        var renderedColumn: Int?
    }

    /// A finding repeated by `range` or by several calls of one template is reported once; its message ends
    /// with the number of copies in the rendered output.
    private static let repetition = try! NSRegularExpression(
        pattern: #" \(([0-9]+) times in the rendered output, once per expansion of this line\)$"#)

    func testEachProjectFindsWhatALintOfItsRenderedFileFindsAtProjectLines() throws {
        let corpus = try Self.corpus()
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        var compared = 0, findings = 0
        for name in names {
            let folder = corpus.appendingPathComponent(name)
            let expected = folder.appendingPathComponent("expected.rendered")
            guard FileManager.default.fileExists(atPath: expected.path) else { continue }
            let settings = try Self.runEnvironment(folder.appendingPathComponent("run.env"))
            let base = try XCTUnwrap(settings["BASE_TEMPLATE"], name)

            // As KrakenD is started: FC_ENABLE and the folders from the environment, the project as working directory.
            var environment = settings.filter { $0.key != "BASE_TEMPLATE" }
            environment["PATH"] = "/usr/bin:/bin"
            environment["FC_ENABLE"] = "1"
            // Input paths are opened from the process's directory, so the base template is given whole.
            let templated = try diagnostics(
                of: lint([folder.appendingPathComponent(base).path], in: folder.path, environment: environment), name)

            let scratch = try TemporaryTree([:], gitRoot: false)
            try Data(contentsOf: expected).write(to: scratch.root.appendingPathComponent("rendered.json"))
            let plain = try diagnostics(
                of: lint([scratch.path("rendered.json")], in: scratch.root.path, environment: ["PATH": "/usr/bin:/bin"]), name)

            // The same findings, counted with their repetitions.
            var templatedCounts: [String: Int] = [:]
            for diagnostic in templated {
                let (message, copies) = Self.splitRepetition(diagnostic.message)
                templatedCounts["\(diagnostic.rule) \(message)", default: 0] += copies
            }
            let plainCounts = Dictionary(plain.map { ("\($0.rule) \($0.message)", 1) }, uniquingKeysWith: +)
            XCTAssertEqual(templatedCounts, plainCounts, "\(name): the rendered lint and the project lint disagree")

            // Each one in a file of the project, noted at a rendered position where the plain lint has it.
            let plainPositions = Set(plain.map { "\($0.rule) \($0.message) \($0.renderedLine ?? 0):\($0.renderedColumn ?? 0)" })
            for diagnostic in templated {
                let file = diagnostic.path.hasPrefix("/") ? URL(fileURLWithPath: diagnostic.path) : folder.appendingPathComponent(diagnostic.path)
                XCTAssertTrue(
                    file.path.hasPrefix(folder.path + "/") && FileManager.default.fileExists(atPath: file.path),
                    "\(name): \(diagnostic.rule) is reported in \(diagnostic.path), not a file of the project")
                let line = try XCTUnwrap(diagnostic.renderedLine, "\(name): \(diagnostic.rule) has no rendered position")
                let message = Self.splitRepetition(diagnostic.message).message
                XCTAssertTrue(
                    plainPositions.contains("\(diagnostic.rule) \(message) \(line):\(diagnostic.renderedColumn ?? 0)"),
                    "\(name): \(diagnostic.rule) is noted at rendered \(line):\(diagnostic.renderedColumn ?? 0), where the plain lint has no such finding")
            }
            compared += 1
            findings += plain.count
        }
        XCTAssertEqual(compared, 8, "eight corpus projects render")
        XCTAssertGreaterThan(findings, 500, "the corpus has findings to place (570 in one project alone)")
    }

    private func lint(_ paths: [String], in directory: String, environment: [String: String]) -> CLIRun {
        let out = Capture(), err = Capture()
        let io = CommandIO(stdout: { out.append($0) }, stderr: { err.append($0) }, environment: environment, currentDirectory: directory)
        let status = KrakenLintCommand.run(["lint", "--format", "json"] + paths, io: io)
        return CLIRun(status: status, stdout: out.value, stderr: err.value)
    }

    private func diagnostics(of run: CLIRun, _ name: String) throws -> [Diagnostic] {
        XCTAssertTrue([0, 1].contains(run.status), "\(name): exit \(run.status): \(run.stderr)")
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], name)
        var result: [Diagnostic] = []
        for file in try XCTUnwrap(document["files"] as? [[String: Any]], name) {
            for item in try XCTUnwrap(file["diagnostics"] as? [[String: Any]], name) {
                let related = (item["related"] as? [[String: Any]]) ?? []
                let rendered = related.first { $0["message"] as? String == "rendered here" }
                result.append(Diagnostic(
                    rule: try XCTUnwrap(item["rule"] as? String), message: try XCTUnwrap(item["message"] as? String),
                    path: try XCTUnwrap(item["path"] as? String),
                    // A plain file's finding is at its own position.
                    renderedLine: (rendered ?? item)["line"] as? Int, renderedColumn: (rendered ?? item)["column"] as? Int))
            }
        }
        return result
    }

    private static func splitRepetition(_ message: String) -> (message: String, copies: Int) {
        let whole = NSRange(message.startIndex..., in: message)
        guard let match = repetition.firstMatch(in: message, range: whole),
              let count = Range(match.range(at: 1), in: message).flatMap({ Int(message[$0]) }),
              let suffix = Range(match.range, in: message)
        else { return (message, 1) }
        return (String(message[..<suffix.lowerBound]), count)
    }

    private static func corpus() throws -> URL {
        try TestPeers.requireShared("fc-corpus", for: "the flexible-config corpus lint test")
    }

    /// run.env: `KEY=VALUE` lines split at the first `=`, the value taken literally; empty and `#` lines ignored.
    private static func runEnvironment(_ url: URL) throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }
}
