import Foundation
import KrakenLintCLI
import XCTest

/// One test per bound on rendering a flexible-configuration template: a hostile template or settings file stops
/// `render` with exit status 2, an error at the file and position that names the limit and its flag, and nothing
/// written; the flag lets the same project through. Defaults: docs/reliability.md.
final class RenderLimitTests: XCTestCase {
    private func render(_ files: [String: String], _ arguments: [String]) throws -> (run: CLIRun, wrote: Bool) {
        let tree = try TemporaryTree(files)
        let out = Capture(), err = Capture()
        let io = CommandIO(stdout: { out.append($0) }, stderr: { err.append($0) }, environment: [:], currentDirectory: tree.root.path)
        let status = KrakenLintCommand.run(["render", "--out", "out.json"] + arguments + ["krakend.tmpl"], io: io)
        let wrote = FileManager.default.fileExists(atPath: tree.path("out.json"))
        return (CLIRun(status: status, stdout: out.value, stderr: err.value), wrote)
    }

    private func assertStopped(_ result: (run: CLIRun, wrote: Bool), at place: String, _ message: String, flag: String,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.run.status, 2, result.run.stderr, file: file, line: line)
        XCTAssertTrue(result.run.stderr.contains("\(place): error: rendering stopped at a limit of krakenlint's: "), result.run.stderr, file: file, line: line)
        XCTAssertTrue(result.run.stderr.contains(message), result.run.stderr, file: file, line: line)
        XCTAssertTrue(result.run.stderr.contains("[template/limit]"), result.run.stderr, file: file, line: line)
        XCTAssertTrue(result.run.stderr.contains(flag), result.run.stderr, file: file, line: line)
        XCTAssertFalse(result.wrote, "nothing is written when rendering stops", file: file, line: line)
    }

    func testOutputSize() throws {
        let project = ["krakend.tmpl": #"{{ range until 100 }}{{ repeat 1000 "x" }}{{ end }}"#]
        assertStopped(try render(project, ["--max-output-size", "50000"]), at: "krakend.tmpl:1:25",
                      "output exceeds the limit of 50000 bytes", flag: "--max-output-size")
        let raised = try render(project, ["--max-output-size", "100000"])
        XCTAssertEqual(raised.run.status, 0, raised.run.stderr)
        XCTAssertTrue(raised.wrote)
    }

    func testATemplateThatCallsItself() throws {
        let recursive = #"{{ define "a" }}x{{ template "a" . }}{{ end }}{{ template "a" . }}"#
        assertStopped(try render(["krakend.tmpl": recursive], []), at: "krakend.tmpl:1:30",
                      "exceeded maximum template depth (10000)", flag: "--max-template-depth")
        // A chain of 100 calls, one per element of a settings list.
        let chain = [
            "krakend.tmpl": #"{{ define "a" }}{{ if . }}x{{ template "a" (rest .) }}{{ end }}{{ end }}{{ template "a" .s.l }}"#,
            "settings/s.json": #"{"l": ["# + (1...100).map(String.init).joined(separator: ",") + "]}",
        ]
        assertStopped(try render(chain, ["--settings", "settings", "--max-template-depth", "20"]), at: "krakend.tmpl:1:40",
                      "exceeded maximum template depth (20)", flag: "--max-template-depth")
        let raised = try render(chain, ["--settings", "settings", "--max-template-depth", "2000"])
        XCTAssertEqual(raised.run.status, 0, raised.run.stderr)
    }

    func testRangeOverAHugeInteger() throws {
        assertStopped(try render(["krakend.tmpl": "{{ range 100000000000 }}{{ end }}"], []), at: "krakend.tmpl:1:10",
                      "range iterations exceed the limit of 1000000", flag: "--max-range-iterations")
        let project = ["krakend.tmpl": "[{{ range $i := 2000 }}{{ if $i }},{{ end }}{{ $i }}{{ end }}]"]
        assertStopped(try render(project, ["--max-range-iterations", "1000"]), at: "krakend.tmpl:1:11",
                      "range iterations exceed the limit of 1000", flag: "--max-range-iterations")
        XCTAssertEqual(try render(project, ["--max-range-iterations", "2000"]).run.status, 0)
    }

    func testStringAndListGrowthInSprig() throws {
        let cases: [(template: String, column: Int)] = [
            (#"{{ repeat 2000 "x" }}"#, 4),
            ("{{ len (until 2000) }}", 9),
            ("{{ len (untilStep 0 4000 2) }}", 9),
            ("{{ seq 2000 }}", 4),
            (#"{{ "a\nb" | indent 2000 }}"#, 13),
        ]
        for (template, column) in cases {
            let project = ["krakend.tmpl": template]
            assertStopped(try render(project, ["--max-function-result", "1000"]), at: "krakend.tmpl:1:\(column)",
                          "exceeds the limit of 1000", flag: "--max-function-result")
            let raised = try render(project, ["--max-function-result", "10000"])
            XCTAssertEqual(raised.run.status, 0, "\(template): \(raised.run.stderr)")
        }
        // The default stops a list of 30 million integers (about 2 GB) at 4 Mi elements.
        assertStopped(try render(["krakend.tmpl": "{{ len (until 30000000) }}"], []), at: "krakend.tmpl:1:9",
                      "exceeds the limit of 4194304", flag: "--max-function-result")
    }

    func testSettingsFilesAreReadUnderTheJSONLimits() throws {
        let deep = #"{"a": "# + String(repeating: "[", count: 1200) + String(repeating: "]", count: 1200) + "}"
        let project = ["krakend.tmpl": "{{ len .deep.a }}", "settings/deep.json": deep]
        let refused = try render(project, ["--settings", "settings"])
        XCTAssertEqual(refused.run.status, 2)
        XCTAssertTrue(refused.run.stderr.contains("settings/deep.json:1:1006: error: the settings file settings/deep.json is not valid JSON: nesting deeper than 1000 levels"), refused.run.stderr)
        XCTAssertTrue(refused.run.stderr.contains("--max-depth"), refused.run.stderr)
        XCTAssertFalse(refused.wrote)
        XCTAssertEqual(try render(project, ["--settings", "settings", "--max-depth", "1300"]).run.status, 0)

        let wide = ["krakend.tmpl": "{{ len .wide.a }}", "settings/wide.json": #"{"a": ["# + Array(repeating: "0", count: 100).joined(separator: ",") + "]}"]
        let tooMany = try render(wide, ["--settings", "settings", "--max-json-nodes", "50"])
        XCTAssertEqual(tooMany.run.status, 2)
        XCTAssertTrue(tooMany.run.stderr.contains("settings/wide.json:1:"), tooMany.run.stderr)
        XCTAssertTrue(tooMany.run.stderr.contains("more than 50 values"), tooMany.run.stderr)
        XCTAssertEqual(try render(wide, ["--settings", "settings", "--max-json-nodes", "200"]).run.status, 0)
    }

    func testTheTimeBudget() throws {
        let project = ["krakend.tmpl": "{{ range until 200000 }}x{{ end }}"]
        let stopped = try render(project, ["--time-budget", "0.001"])
        XCTAssertEqual(stopped.run.status, 2)
        XCTAssertTrue(stopped.run.stderr.contains("krakend.tmpl: rendering took more than the time budget of 0.001 s; it was stopped and nothing was written"), stopped.run.stderr)
        XCTAssertTrue(stopped.run.stderr.contains("--time-budget"), stopped.run.stderr)
        XCTAssertFalse(stopped.wrote)
        XCTAssertEqual(try render(project, ["--time-budget", "300"]).run.status, 0)
    }

    func testLintAuditAndProbeApplyTheSameLimitsWhenTheyRender() throws {
        let tree = try TemporaryTree(["krakend.tmpl": "{\"version\": 3, \"n\": [{{ range 5000 }}0,{{ end }}0]}"])
        func run(_ command: String, iterations: Int) -> CLIRun {
            runCLI([command, "--flexible-config", "--max-range-iterations", String(iterations), tree.path("krakend.tmpl")])
        }
        for command in ["lint", "audit", "probe"] {
            let refused = run(command, iterations: 100)
            // lint and audit report the rendering error; probe prints it on standard error and stops.
            let report = command == "probe" ? refused.stderr : refused.stdout
            XCTAssertEqual(refused.status, 2, "\(command): \(refused.stdout + refused.stderr)")
            XCTAssertTrue(report.contains("range iterations exceed the limit of 100"), "\(command): \(report)")
            XCTAssertTrue(report.contains("--max-range-iterations"), "\(command): \(report)")
            let raised = run(command, iterations: 5000)
            XCTAssertNotEqual(raised.status, 2, "\(command): \(raised.stdout + raised.stderr)")
        }
        XCTAssertTrue(run("probe", iterations: 100).stderr.contains("nothing was probed"))
        let audited = run("audit", iterations: 5000)
        XCTAssertEqual(audited.status, 1, audited.stdout + audited.stderr)
        XCTAssertTrue(audited.stdout.contains("[audit/"), audited.stdout)
    }
}
