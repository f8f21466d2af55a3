import KrakenLint

/// `--format checkstyle`: Checkstyle XML, read by many CI plugins and code-review bots (reviewdog, Jenkins).
public struct CheckstyleReporter: Reporter {
    public var paths: ArtifactPath

    public init(paths: ArtifactPath) { self.paths = paths }

    public func render(_ run: LintRun) -> String {
        var out = XMLText.declaration + "\n<checkstyle version=\"4.3\">\n"
        for report in run.reports {
            let file = paths.display(report.file.path)
            guard !report.diagnostics.isEmpty else {
                out += "  <file name=\"\(XMLText.escapeAttribute(file))\"/>\n"
                continue
            }
            out += "  <file name=\"\(XMLText.escapeAttribute(file))\">\n"
            for diagnostic in report.diagnostics {
                let start = report.positions(of: diagnostic).start
                var message = Redaction.scrub(diagnostic.message, in: report)
                if let fix = diagnostic.fix { message += " (fix: " + Redaction.scrub(fix, in: report) + ")" }
                out += "    <error line=\"\(start.line)\" column=\"\(start.column)\" severity=\"\(diagnostic.severity.rawValue)\""
                out += " message=\"\(XMLText.escapeAttribute(message))\" source=\"krakenlint.\(XMLText.escapeAttribute(diagnostic.ruleID))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
