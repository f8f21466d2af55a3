import KrakenLint

/// The default format: `path:line:col: severity: message [rule]`, a source excerpt with a caret, the fix.
public struct TextReporter: Reporter {
    public var verbose: Bool

    public init(verbose: Bool = false) { self.verbose = verbose }

    public func render(_ run: LintRun) -> String {
        var out = ""
        for report in run.reports {
            for diagnostic in report.diagnostics {
                let start = diagnostic.span.start
                out += "\(report.file.path):\(start.line):\(start.column): \(diagnostic.severity.rawValue): "
                out += Redaction.scrub(diagnostic.message, in: report) + " [\(diagnostic.ruleID)]\n"
                if let line = Redaction.maskedLine(start.line, in: report) {
                    out += "  " + line + "\n"
                    out += "  " + String(repeating: " ", count: max(0, start.column - 1)) + "^\n"
                }
                if let fix = diagnostic.fix { out += "  fix: " + Redaction.scrub(fix, in: report) + "\n" }
            }
        }
        let errors = run.count(.error), warnings = run.count(.warning), infos = run.count(.info)
        if errors + warnings + infos > 0 || verbose {
            out += "\(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(infos, "info")) in \(plural(run.reports.count, "file"))\n"
        }
        return out
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
