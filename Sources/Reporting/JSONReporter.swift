import KrakenLint

/// `--format json`: the fixed contract CI tools parse.
///
/// `{"tool":{"name","version"},"files":[{"path","format","diagnostics":[{"rule","severity","message",
/// "line","column","end_line","end_column","pointer","fix"?,"properties"?}]}],"summary":{"files","errors","warnings","infos"}}`;
/// audit findings carry `"properties": {"krakend_id", "krakend_severity"}` (KrakenD's own id and severity).
public struct JSONReporter: Reporter {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ run: LintRun) -> String {
        let files: [JSONValue] = run.reports.map { report in
            .object([
                ("path", .string(report.file.path)),
                ("format", .string(report.file.format.rawValue)),
                ("diagnostics", .array(report.diagnostics.map { diagnostic(for: $0, in: report) })),
            ])
        }
        let document = JSONValue.object([
            ("tool", .object([("name", .string("krakenlint")), ("version", .string(run.toolVersion))])),
            ("files", .array(files)),
            ("summary", .object([
                ("files", .int(run.reports.count)),
                ("errors", .int(run.count(.error))),
                ("warnings", .int(run.count(.warning))),
                ("infos", .int(run.count(.info))),
            ])),
        ])
        return document.serialized(pretty: pretty) + "\n"
    }

    private func diagnostic(for diagnostic: Diagnostic, in report: FileReport) -> JSONValue {
        let (start, end) = report.positions(of: diagnostic)
        var members: [(String, JSONValue)] = [
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(Redaction.scrub(diagnostic.message, in: report))),
            ("line", .int(start.line)),
            ("column", .int(start.column)),
            ("end_line", .int(end.line)),
            ("end_column", .int(end.column)),
            ("pointer", .string(diagnostic.pointer.description)),
        ]
        if let fix = diagnostic.fix { members.append(("fix", .string(Redaction.scrub(fix, in: report)))) }
        if let audit = AuditRules.rule(for: diagnostic.ruleID) {
            members.append(("properties", .object([("krakend_id", .string(audit.krakendID)), ("krakend_severity", .string(audit.krakendSeverity.rawValue))])))
        }
        return .object(members)
    }
}
