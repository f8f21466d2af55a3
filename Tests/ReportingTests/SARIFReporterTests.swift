import ConfigTree
import Foundation
import KrakenLint
import Reporting
import XCTest

/// The SARIF log read back as JSON: driver rules, result locations, stable fingerprints.
final class SARIFReporterTests: XCTestCase {
    private func sarif(_ run: Run = ReportFixtures.run, paths: ArtifactPath = ReportFixtures.paths) throws -> [String: Any] {
        let text = SARIFReporter(paths: paths, rules: RuleRegistry.allDescriptions.map(\.descriptor)).render(run)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func firstRun(_ log: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
    }

    func testDriverListsEveryRegisteredRule() throws {
        let run = try firstRun(try sarif())
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "krakenlint")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleRegistry.allDescriptions.map(\.id))
        for rule in rules {
            for key in ["name", "shortDescription", "fullDescription", "help", "defaultConfiguration"] {
                XCTAssertNotNil(rule[key], "\(rule["id"] ?? "?") lacks \(key)")
            }
        }
    }

    func testResultsPointAtRelativeFilesWithOneBasedRegions() throws {
        let run = try firstRun(try sarif())
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 6)
        let rules = RuleRegistry.allDescriptions.map(\.id)
        for result in results {
            if let index = result["ruleIndex"] as? Int {
                XCTAssertEqual(rules[index], result["ruleId"] as? String)
            }
        }
        let first = results[0]
        let location = try XCTUnwrap((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
        XCTAssertEqual(artifact["uri"] as? String, "gateway/krakend.json")
        XCTAssertEqual(artifact["uriBaseId"] as? String, "SRCROOT")
        let region = try XCTUnwrap(location["region"] as? [String: Any])
        XCTAssertEqual(region["startLine"] as? Int, 7)
        XCTAssertEqual(region["startColumn"] as? Int, 22)
        let odd = try XCTUnwrap(results.first { ($0["ruleId"] as? String) == "schema/type" })
        let oddURI = ((odd["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        XCTAssertEqual(oddURI?["uri"] as? String, "gateway/odd%20name,v2.json")
    }

    func testPathsOutsideTheRootStayAbsolute() throws {
        let paths = ArtifactPath(root: "/elsewhere", currentDirectory: "/work/project")
        let run = try firstRun(try sarif(paths: paths))
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let artifact = ((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        XCTAssertEqual(artifact?["uri"] as? String, "file:///work/project/gateway/krakend.json")
        XCTAssertNil(artifact?["uriBaseId"])
    }

    func testFingerprintsSurviveLinesMovingButNotTheLineChanging() throws {
        func fingerprint(_ text: String) throws -> (String, Int) {
            let file = SourceFile(path: "k.json", format: .json, text: text)
            let finding = Diagnostic(ruleID: "krakend/unsupported-version", severity: .error, message: "unsupported version 2",
                                     span: ReportFixtures.span(of: "2", in: file), pointer: JSONPointer(tokens: ["version"]))
            let report = Report(file: file, findings: [finding], secrets: [])
            let results = try XCTUnwrap(try firstRun(try sarif(Run(reports: [report], toolVersion: "t")))["results"] as? [[String: Any]])
            let print = try XCTUnwrap((results[0]["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey])
            let line = ((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap { ($0["region"] as? [String: Any])?["startLine"] as? Int }
            return (print, line ?? 0)
        }
        let original = try fingerprint("{\n  \"version\": 2\n}\n")
        let moved = try fingerprint("{\n\n\n    \"version\":   2\n}\n")
        let changed = try fingerprint("{\n  \"version\": 2, \"port\": 8080\n}\n")
        XCTAssertNotEqual(original.1, moved.1)
        XCTAssertEqual(original.0, moved.0, "moving or re-indenting the line keeps the fingerprint")
        XCTAssertNotEqual(original.0, changed.0)
    }

    func testIdenticalFindingsGetDistinctFingerprints() throws {
        let run = try firstRun(try sarif())
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let prints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        XCTAssertEqual(prints.count, results.count)
        XCTAssertEqual(Set(prints).count, prints.count)
    }
}
