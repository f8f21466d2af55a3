import Findings

/// `--format json`: the fixed contract CI tools parse.
///
/// `{"tool":{"name","version"},"files":[{"path","format","diagnostics":[{"rule","severity","message","path",
/// "line","column","end_line","end_column","pointer","fix"?,"related"?:[{"message","path","line","column",
/// "end_line","end_column"}],"properties"?:{…}}]}],"summary":{"files","errors","warnings","infos"}}`
///
/// A diagnostic's `path` is the file it is in, which may differ from its entry's input (a partial or a
/// settings file of a template); `related` and `properties` appear when the finding has them.
///
/// Audit findings carry `"properties": {"krakend_id", "krakend_severity"}` (KrakenD's own id and severity).
public struct JSONReporter: Reporter {
    public var pretty: Bool

    public init(pretty: Bool = true) { self.pretty = pretty }

    public func render(_ run: Run) -> String {
        let files: [JSONValue] = run.reports.map { report in
            .object([
                ("path", .string(report.file.path)),
                ("format", .string(report.file.format.rawValue)),
                ("diagnostics", .array(report.findings.map { Self.diagnostic(for: $0, in: report) })),
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

    /// One finding as the JSON object of the contract above (the prober's JSON embeds the same objects).
    public static func diagnostic(for diagnostic: Finding, in report: Report) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(diagnostic.ruleID)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(Redaction.scrub(diagnostic.message, in: report))),
        ]
        members += position(of: diagnostic.location, in: report)
        members.append(("pointer", .string(diagnostic.pointer.description)))
        if let fix = diagnostic.fix { members.append(("fix", .string(Redaction.scrub(fix, in: report)))) }
        if !diagnostic.related.isEmpty {
            members.append(("related", .array(diagnostic.related.map { related in
                .object([("message", .string(Redaction.scrub(related.message, in: report)))] + position(of: related.location, in: report))
            })))
        }
        if !diagnostic.properties.isEmpty {
            members.append(("properties", .object(diagnostic.properties.sorted { $0.key < $1.key }.map { ($0.key, JSONValue(property: $0.value)) })))
        }
        return .object(members)
    }

    private static func position(of location: Location, in report: Report) -> [(String, JSONValue)] {
        let (start, end) = report.positions(of: location)
        return [
            ("path", .string(report.file(of: location).path)),
            ("line", .int(start.line)),
            ("column", .int(start.column)),
            ("end_line", .int(end.line)),
            ("end_column", .int(end.column)),
        ]
    }
}
