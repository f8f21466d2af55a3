import Foundation
import NTLMProbe
import Findings
import Reporting
import XCTest

/// No output of the prober, in any format, through the library or the `krakenlint` executable, contains a
/// password. The marker password is unusual so that a match cannot be a coincidence.
final class ProbeSecrecyTests: XCTestCase {
    nonisolated(unsafe) static var servers: LoopbackServers?
    nonisolated(unsafe) static var startError: Error?

    override class func setUp() {
        super.setUp()
        do {
            servers = try LoopbackServers(listeners: ["ntlm", "basic-only"])
        } catch {
            startError = error
        }
    }

    override class func tearDown() {
        servers?.stop()
        super.tearDown()
    }

    private func running() throws -> LoopbackServers {
        if let error = Self.startError { throw error }
        return try XCTUnwrap(Self.servers)
    }

    private let marker = TestUsers.markerPassword

    /// A configuration whose targets end authenticated, rejected, not offered and credentials-unavailable, all
    /// with the marker password (literal or from the environment). `rendered` gives the bytes KrakenD renders
    /// from it when PROBE_MARKER_PW holds the marker and PROBE_UNSET_PW is unset.
    private func configuration(_ servers: LoopbackServers, rendered: Bool = false) -> String {
        let ntlm = servers.url("ntlm"), basic = servers.url("basic-only")
        let fromEnvironment = rendered ? marker : "{{ env `PROBE_MARKER_PW` }}"
        let fromUnset = rendered ? "" : "{{ env `PROBE_UNSET_PW` }}"
        return """
            {"version": 3, "endpoints": [{"endpoint": "/secret/{id}", "backend": [
              {"url_pattern": "/ok/{id}", "host": ["\(ntlm)"],
               "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\marker", "password": "\(marker)"}}},
              {"url_pattern": "/wrong", "host": ["\(ntlm)"],
               "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\alice", "password": "\(marker)"}}},
              {"url_pattern": "/basic", "host": ["\(basic)"],
               "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\marker", "password": "\(marker)"}}},
              {"url_pattern": "/env", "host": ["\(ntlm)"],
               "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\marker", "password": "\(fromEnvironment)"}}},
              {"url_pattern": "/unset", "host": ["\(ntlm)"],
               "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\marker", "password": "\(fromUnset)"}}}
            ]}]}
            """
    }

    private func assertNoMarker(_ text: String, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.contains(marker), "\(label) contains the password:\n\(text)", file: file, line: line)
        XCTAssertFalse(text.isEmpty, "\(label) is empty", file: file, line: line)
    }

    func testLibraryResultsAndEveryFormatKeepThePasswordOut() async throws {
        let servers = try running()
        let file = ConfigFile(text: configuration(servers, rendered: true))
        var targets = try file.targets()
        // What the CLI adds after rendering: the variables the template read that are unset.
        for index in targets.indices { targets[index].credentials.unsetVariables = ["PROBE_UNSET_PW"] }
        var settings = ProbeSettings()
        settings.targetTimeout = .seconds(10)
        let results = await (try Prober(settings: settings)).run(targets)
        XCTAssertEqual(
            results.map(\.outcome), [.authenticated, .rejected, .ntlmNotOffered, .authenticated, .credentialsUnavailable])
        let summary = ProbeSummary(results: results, elapsedMilliseconds: 1, settings: settings)
        assertNoMarker(ProbeTextFormat.render(results, summary: summary), "text output")
        let report = ProbeFindings.report(results, file: file.source)
        assertNoMarker(ProbeJSONFormat.render(results, summary: summary, report: report), "JSON output")
        let paths = ArtifactPath(root: "/", currentDirectory: "/")
        for format in ReportFormat.allCases {
            let output = format.reporter(ReportSettings(verbose: true, paths: paths, rules: ProbeFindings.rules))
                .render(Run(reports: [report], toolVersion: "t"))
            assertNoMarker(output, "\(format) output")
        }
        assertNoMarker(String(describing: results), "description of the results")
        assertNoMarker(String(reflecting: targets), "debug description of the targets")
        var dumped = ""
        dump(results, to: &dumped)
        assertNoMarker(dumped, "dump of the results")
    }

    func testTheExecutableKeepsThePasswordOutOfEveryFormatAndExitsByContract() throws {
        let servers = try running()
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("krakenlint")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("the krakenlint executable is not built next to the tests (run swift build first)")
        }
        let config = servers.directory.appendingPathComponent("secret.json")
        try configuration(servers).write(to: config, atomically: true, encoding: .utf8)

        for format in ["text", "json", "sarif", "github", "junit", "checkstyle"] {
            let run = try runExecutable(
                executable, ["probe", "--format", format, "--timeout", "10", config.path],
                environment: ["PROBE_MARKER_PW": marker])
            XCTAssertEqual(run.status, 1, "\(format): \(run.stderr)")
            if format == "json" {
                // The template is rendered as KrakenD renders it: the set variable authenticates, the unset one is named.
                let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
                let targets = try XCTUnwrap(document?["targets"] as? [[String: Any]])
                XCTAssertEqual(
                    targets.compactMap { $0["outcome"] as? String },
                    [ProbeOutcome.authenticated, .rejected, .ntlmNotOffered, .authenticated, .credentialsUnavailable].map(\.rawValue))
                XCTAssertTrue(run.stdout.contains("the template reads PROBE_UNSET_PW, which is not set"), run.stdout)
            }
            assertNoMarker(run.stdout, "\(format) standard output")
            XCTAssertFalse(run.stderr.contains(marker), "\(format) standard error: \(run.stderr)")
        }

        let passing = try runExecutable(
            executable, ["probe", "--format", "json", "--endpoint", "/secret/{id}", "--host", "127.0.0.1:\(servers.port("ntlm"))",
                         "--param", "id=7", config.path],
            environment: ["PROBE_MARKER_PW": marker])
        XCTAssertEqual(passing.status, 1, "the wrong-password and unset-variable targets still fail")
        XCTAssertTrue(passing.stdout.contains("/ok/7"), passing.stdout)
        XCTAssertFalse(passing.stdout.contains("/basic"), passing.stdout)

        let single = servers.directory.appendingPathComponent("single.json")
        try """
            {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["\(servers.url("ntlm"))"],
              "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\marker", "password": "\(marker)"}}}]}]}
            """.write(to: single, atomically: true, encoding: .utf8)
        let allGood = try runExecutable(executable, ["probe", single.path], environment: [:])
        XCTAssertEqual(allGood.status, 0, allGood.stdout + allGood.stderr)
        assertNoMarker(allGood.stdout, "text output of a passing run")

        let broken = servers.directory.appendingPathComponent("broken.json")
        try "{\"version\": 3, \"endpoints\": [\"password\": \"\(marker)\"".write(to: broken, atomically: true, encoding: .utf8)
        let unreadable = try runExecutable(executable, ["probe", broken.path], environment: [:])
        XCTAssertEqual(unreadable.status, 2, unreadable.stderr)
        XCTAssertFalse(unreadable.stderr.contains(marker), unreadable.stderr)

        let missing = try runExecutable(executable, ["probe", "--endpoint", "/nowhere", single.path], environment: [:])
        XCTAssertEqual(missing.status, 2, missing.stderr)
    }

    private func runExecutable(
        _ executable: URL, _ arguments: [String], environment: [String: String]
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        process.environment = merged
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
