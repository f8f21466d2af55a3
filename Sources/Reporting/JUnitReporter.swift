import Findings

/// `--format junit`: JUnit XML for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins).
///
/// One `<testsuite>` per file; in it one `<testcase>` per rule that found something, or a single passing
/// `<testcase>` when the file is clean. A rule's testcase fails when its worst finding is at or above the
/// file's fail level (`Report.failLevel`, as for the exit code); below it, the findings are the passing
/// testcase's `<system-out>`.
public struct JUnitReporter: Reporter {
    public var paths: ArtifactPath

    public init(paths: ArtifactPath) { self.paths = paths }

    public func render(_ run: Run) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0
        for report in run.reports {
            let file = paths.display(report.file.path)
            var cases = ""
            var failures = 0
            let byRule = Dictionary(grouping: report.findings, by: \.ruleID)
            let ruleIDs = byRule.keys.sorted()
            if ruleIDs.isEmpty {
                cases += "    <testcase classname=\"\(XMLText.escapeAttribute(file))\" name=\"krakenlint\"/>\n"
            }
            for ruleID in ruleIDs {
                let findings = byRule[ruleID] ?? []
                let worst = findings.map(\.severity).max() ?? .error
                let first = Redaction.scrub(findings[0].message, in: report)
                let summary = findings.count == 1 ? first : "\(findings.count) findings; first: \(first)"
                var cursors = FindingCursors()
                let body = findings.map { diagnostic -> String in
                    let start = report.positions(of: diagnostic.location, from: &cursors.finding).start
                    let path = paths.display(report.file(of: diagnostic.location).path)
                    var line = "\(path):\(start.line):\(start.column): \(diagnostic.severity.rawValue): \(Redaction.scrub(diagnostic.message, in: report))"
                    if let fix = diagnostic.fix { line += "\n  fix: " + Redaction.scrub(fix, in: report) }
                    for note in report.relatedNotes(of: diagnostic, display: paths.display, from: &cursors.related) { line += "\n  " + note }
                    return line
                }.joined(separator: "\n")
                cases += "    <testcase classname=\"\(XMLText.escapeAttribute(file))\" name=\"\(XMLText.escapeAttribute(ruleID))\">\n"
                if report.failLevel.fails(worst) {
                    failures += 1
                    cases += "      <failure type=\"\(worst.rawValue)\" message=\"\(XMLText.escapeAttribute(summary))\">\(XMLText.escapeContent(body))</failure>\n"
                } else {
                    cases += "      <system-out>\(XMLText.escapeContent(body))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            let tests = max(1, ruleIDs.count)
            totalTests += tests
            totalFailures += failures
            suites += "  <testsuite name=\"\(XMLText.escapeAttribute(file))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            suites += cases
            suites += "  </testsuite>\n"
        }
        var out = XMLText.declaration + "\n"
        out += "<testsuites name=\"krakenlint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
        out += suites
        out += "</testsuites>\n"
        return out
    }
}
