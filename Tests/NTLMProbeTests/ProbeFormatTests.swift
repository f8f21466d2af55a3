import ConfigTree
import Findings
import Foundation
import NTLM
import NTLMProbe
import Reporting
import XCTest

/// The output formats and the exit contract, over fixed results.
final class ProbeFormatTests: XCTestCase {
    private func target(_ index: Int, url: String?, reason: String? = nil) -> ProbeTarget {
        let parsed = url.flatMap { try? BackendHost.parse($0).get().url(path: "/api/<x>&\"y\"") }
        return ProbeTarget(
            endpoint: "/e/{id}", backendIndex: index, pointer: "/endpoints/0/backend/\(index)", line: 7,
            hostEntry: url ?? "dns-name", urlPattern: "/api/<x>&\"y\"", url: parsed,
            credentials: ConfiguredCredentials(user: .text(SecretValue("CORP\\svc", span: Span(at: 0))), password: .text(SecretValue("pw", span: Span(at: 0)))),
            notProbedReason: reason)
    }

    private var server: ServerInfo {
        ServerInfo(
            targetName: "CORP", netbiosComputer: "SRV1", netbiosDomain: "CORP", dnsComputer: "srv1.corp.example",
            dnsDomain: "corp.example", dnsTree: nil, version: ServerVersion(major: 10, minor: 0, build: 20348, ntlmRevision: 15),
            timestamp: nil, flags: NegotiateFlags(rawValue: 0xA28A_8205))
    }

    private var results: [ProbeResult] {
        [
            ProbeResult(
                target: target(0, url: "https://srv1.corp.example"), outcome: .authenticated, user: "CORP\\svc",
                status: 200, elapsedMilliseconds: 42, server: server, scheme: "NTLM",
                detail: "logged on as CORP\\svc; final status 200", profile: .current),
            ProbeResult(
                target: target(1, url: "http://srv2"), outcome: .rejected, user: "CORP\\svc", status: 401,
                elapsedMilliseconds: 7, server: server, scheme: "NTLM", detail: "401 after AUTHENTICATE",
                hints: ["plain http: <not encrypted>"], profile: .current),
            ProbeResult(
                target: target(2, url: nil, reason: "service discovery \"dns\""), outcome: .notProbed, user: "CORP\\svc",
                detail: "service discovery \"dns\"", profile: .current),
        ]
    }

    private var summary: ProbeSummary {
        ProbeSummary(results: results, elapsedMilliseconds: 1234, settings: ProbeSettings())
    }

    private let file = SourceFile(path: "krakend.json", format: .json, text: "{\n  \"version\": 3\n}\n")

    private var report: Report { ProbeFindings.report(results, file: file) }

    func testJSONHasTheIssuesShapeWithOneObjectPerTarget() throws {
        let text = ProbeJSONFormat.render(results, summary: summary, report: report)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let targets = try XCTUnwrap(document["targets"] as? [[String: Any]])
        XCTAssertEqual(targets.count, 3)
        let first = targets[0]
        XCTAssertEqual(first["endpoint"] as? String, "/e/{id}")
        XCTAssertEqual(first["backend"] as? Int, 0)
        XCTAssertEqual(first["url"] as? String, "https://srv1.corp.example/api/<x>&\"y\"")
        XCTAssertEqual(first["user"] as? String, "CORP\\svc")
        XCTAssertEqual(first["outcome"] as? String, "authenticated")
        XCTAssertEqual(first["status"] as? Int, 200)
        XCTAssertEqual(first["elapsed_ms"] as? Int, 42)
        XCTAssertEqual(first["tls_verified"] as? Bool, true)
        XCTAssertEqual(first["profile"] as? String, "go-ntlmssp")
        let server = try XCTUnwrap(first["server"] as? [String: Any])
        XCTAssertEqual(server["netbios_domain"] as? String, "CORP")
        XCTAssertEqual(server["version"] as? String, "10.0.20348")
        XCTAssertEqual(server["flags"] as? [String], NegotiateFlags(rawValue: 0xA28A_8205).names)
        XCTAssertEqual(targets[1]["hints"] as? [String], ["plain http: <not encrypted>"])
        XCTAssertEqual(targets[1]["plain_http"] as? Bool, true)
        XCTAssertTrue(targets[2]["status"] is NSNull)
        XCTAssertTrue(targets[2]["server"] is NSNull)
        let counts = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual(counts["targets"] as? Int, 3)
        XCTAssertEqual(counts["probed"] as? Int, 2)
        XCTAssertEqual(counts["authenticated"] as? Int, 1)
        XCTAssertEqual(counts["failed"] as? Int, 1)
        XCTAssertEqual(counts["not_probed"] as? Int, 1)
        XCTAssertEqual(counts["passed"] as? Bool, false)
        XCTAssertEqual(counts["outcomes"] as? [String: Int], ["authenticated": 1, "rejected": 1, "not-probed": 1])
        let findings = try XCTUnwrap(document["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["rule"] as? String }, ["probe/authenticated", "probe/rejected", "probe/not-probed"])
        XCTAssertEqual(findings.map { $0["path"] as? String }, ["krakend.json", "krakend.json", "krakend.json"])
    }

    func testEveryOutcomeIsAFindingOnItsBackendsNTLMBlockWithASeverityThatMatchesTheExitCode() throws {
        let findings = report.findings
        XCTAssertEqual(findings.map(\.ruleID), ["probe/authenticated", "probe/rejected", "probe/not-probed"])
        XCTAssertEqual(findings.map(\.severity), [.info, .error, .warning])
        XCTAssertEqual(findings[1].pointer.description, "/endpoints/0/backend/1/extra_config/auth~1ntlm")
        XCTAssertEqual(findings[1].properties["status"], .number(401))
        XCTAssertEqual(findings[1].fix, "plain http: <not encrypted>")
        XCTAssertTrue(findings[1].message.contains("rejected (HTTP 401): 401 after AUTHENTICATE"), findings[1].message)
        var refused = results[2]
        refused.refusedBySettings = true
        XCTAssertEqual(ProbeFindings.finding(for: refused, in: file).severity, .error, "a refusal fails the run, so it is an error")
        XCTAssertEqual(Set(ProbeFindings.rules.map(\.id)), Set(ProbeOutcome.allCases.map(ProbeFindings.ruleID(for:))))
    }

    func testEveryFormatRendersTheProbeFindingsThroughTheSharedReporters() throws {
        let paths = ArtifactPath(root: "/work", currentDirectory: "/work")
        let run = Run(reports: [report], toolVersion: "t")
        for format in ReportFormat.allCases {
            let output = format.reporter(ReportSettings(paths: paths, rules: ProbeFindings.rules)).render(run)
            XCTAssertTrue(output.contains("probe/rejected"), "\(format): \(output)")
        }
        let junit = ReportFormat.junit.reporter(ReportSettings(paths: paths)).render(run)
        XCTAssertTrue(junit.contains("failures=\"1\""), "only the rejected target fails: \(junit)")
        let sarif = SARIFReporter(paths: paths, rules: ProbeFindings.rules).render(run)
        XCTAssertTrue(sarif.contains("\"ruleIndex\""), sarif)
    }

    /// Probe's output in every format from fixed results, compared with the reviewed files in Golden/.
    /// Set KRAKENLINT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
    func testEveryFormatMatchesItsGoldenFile() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let paths = ArtifactPath(root: "/work/project", currentDirectory: "/work/project")
        for format in ReportFormat.allCases {
            let output: String
            switch format {
            case .text: output = ProbeTextFormat.render(results, summary: summary)
            case .json: output = ProbeJSONFormat.render(results, summary: summary, report: report)
            default: output = format.reporter(ReportSettings(paths: paths, rules: ProbeFindings.rules)).render(Run(reports: [report], toolVersion: "0.1.0-test"))
            }
            let url = golden.appendingPathComponent("probe.\(format.rawValue)")
            if ProcessInfo.processInfo.environment["KRAKENLINT_UPDATE_GOLDEN"] == "1" {
                try output.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(output, expected, "probe --format \(format.rawValue) differs from Golden/probe.\(format.rawValue)")
        }
    }

    func testTextShowsATableRowDetailsHintsAndASummary() {
        let text = ProbeTextFormat.render(results, summary: summary)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("OUTCOME        STATUS  TIME  ENDPOINT"), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("authenticated  200     42ms  /e/{id} #0"), lines[1])
        XCTAssertTrue(text.contains("    server: target name \"CORP\""), text)
        XCTAssertTrue(text.contains("    hint: plain http: <not encrypted>"), text)
        XCTAssertTrue(text.contains("not-probed     -       -     /e/{id} #2  dns-name/api/<x>&\"y\""), text)
        XCTAssertEqual(lines.last(where: { !$0.isEmpty }),
                       "3 targets, 1 authenticated, 1 failed, 1 not probed (profile go-ntlmssp, 1234ms)")
        XCTAssertEqual(ProbeTextFormat.render([], summary: ProbeSummary(results: [], elapsedMilliseconds: 0, settings: ProbeSettings())),
                       "no backend with auth/ntlm to probe\n")
    }

    func testTheRunPassesOnlyWhenEveryProbedTargetAuthenticated() {
        let authenticated = results[0], rejected = results[1], discovery = results[2]
        func passes(_ list: [ProbeResult]) -> Bool {
            ProbeSummary(results: list, elapsedMilliseconds: 0, settings: ProbeSettings()).passed
        }
        XCTAssertTrue(passes([authenticated]))
        XCTAssertTrue(passes([authenticated, discovery]), "targets not probed for discovery do not fail the run")
        XCTAssertFalse(passes([authenticated, rejected]))
        var refused = discovery
        refused.refusedBySettings = true
        XCTAssertFalse(passes([authenticated, refused]), "--https-only refusals fail the run")
        for outcome in ProbeOutcome.allCases where outcome != .authenticated && outcome != .notProbed {
            var failing = authenticated
            failing.outcome = outcome
            XCTAssertFalse(passes([failing]), outcome.rawValue)
        }
    }

    func testOutcomeNamesAreTheStableOnesTheIssueLists() {
        XCTAssertEqual(ProbeOutcome.allCases.map(\.rawValue), [
            "authenticated", "rejected", "no-auth-required", "ntlm-not-offered", "refused-by-client", "protocol-error",
            "tls-error", "unreachable", "timeout", "credentials-unavailable", "not-probed",
        ])
    }
}
