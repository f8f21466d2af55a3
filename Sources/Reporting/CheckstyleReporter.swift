import Findings

/// `--format checkstyle`: Checkstyle XML, read by many CI plugins and code-review bots (reviewdog, Jenkins).
public struct CheckstyleReporter: Reporter {
    public var paths: ArtifactPath

    public init(paths: ArtifactPath) { self.paths = paths }

    public func render(_ run: Run) -> String {
        var out = XMLText.declaration + "\n<checkstyle version=\"4.3\">\n"
        for report in run.reports {
            guard !report.findings.isEmpty else {
                out += "  <file name=\"\(XMLText.escapeAttribute(paths.display(report.file.path)))\"/>\n"
                continue
            }
            // Checkstyle groups errors by file: a finding in another file (a partial) gets its own <file>.
            let byFile = Dictionary(grouping: report.findings) { report.file(of: $0.location).path }
            let files = [report.file.path] + byFile.keys.filter { $0 != report.file.path }.sorted()
            for path in files {
                let name = XMLText.escapeAttribute(paths.display(path))
                guard let findings = byFile[path] else {
                    out += "  <file name=\"\(name)\"/>\n"
                    continue
                }
                out += "  <file name=\"\(name)\">\n"
                var cursors = FindingCursors()
                for diagnostic in findings { out += error(diagnostic, in: report, cursors: &cursors) }
                out += "  </file>\n"
            }
        }
        return out + "</checkstyle>\n"
    }

    /// One `<error>`, its position worked out from `cursors`.
    private func error(_ diagnostic: Finding, in report: Report, cursors: inout FindingCursors) -> String {
        let start = report.positions(of: diagnostic.location, from: &cursors.finding).start
        var message = Redaction.scrub(diagnostic.message, in: report)
        if let fix = diagnostic.fix { message += " (fix: " + Redaction.scrub(fix, in: report) + ")" }
        for note in report.relatedNotes(of: diagnostic, display: paths.display, from: &cursors.related) { message += " (" + note + ")" }
        var out = "    <error line=\"\(start.line)\" column=\"\(start.column)\" severity=\"\(diagnostic.severity.rawValue)\""
        out += " message=\"\(XMLText.escapeAttribute(message))\" source=\"krakenlint.\(XMLText.escapeAttribute(diagnostic.ruleID))\"/>\n"
        return out
    }
}
