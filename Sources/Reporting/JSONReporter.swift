import ConfigTree
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
        let pretty = self.pretty
        let tool = JSONValue.object([("name", .string("krakenlint")), ("version", .string(run.toolVersion))])
        let summary = JSONValue.object([
            ("files", .int(run.reports.count)),
            ("errors", .int(run.count(.error))),
            ("warnings", .int(run.count(.warning))),
            ("infos", .int(run.count(.info))),
        ])
        var out: [UInt8] = []
        // The document is written in place rather than built as a `JSONValue`: an audit of a large
        // configuration has tens of thousands of findings, rendered in slices on all cores.
        JSONValue.writeObject(3, into: &out, pretty: pretty, indent: 0) { index, out in
            switch index {
            case 0:
                JSONValue.writeMember("tool", index: 0, into: &out, pretty: pretty, indent: 0)
                tool.write(into: &out, pretty: pretty, indent: 1)
            case 1:
                JSONValue.writeMember("files", index: 1, into: &out, pretty: pretty, indent: 0)
                JSONValue.writeArray(run.reports.count, into: &out, pretty: pretty, indent: 1) { out in
                    for (index, report) in run.reports.enumerated() {
                        JSONValue.writeItemStart(index: index, into: &out, pretty: pretty, indent: 1)
                        writeFile(report, into: &out, indent: 2)
                    }
                }
            default:
                JSONValue.writeMember("summary", index: 2, into: &out, pretty: pretty, indent: 0)
                summary.write(into: &out, pretty: pretty, indent: 1)
            }
        }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// One entry of `files`: its path, format and findings, at nesting level `indent`.
    private func writeFile(_ report: Report, into out: inout [UInt8], indent: Int) {
        let pretty = self.pretty
        let header: [(String, String)] = [("path", report.file.path), ("format", report.file.format.rawValue)]
        JSONValue.writeObject(3, into: &out, pretty: pretty, indent: indent) { index, out in
            if index < 2 {
                JSONValue.writeMember(header[index].0, index: index, into: &out, pretty: pretty, indent: indent)
                JSONWriter.appendQuoted(header[index].1, to: &out)
                return
            }
            JSONValue.writeMember("diagnostics", index: 2, into: &out, pretty: pretty, indent: indent)
            let findings = report.findings
            JSONValue.writeArray(findings.count, into: &out, pretty: pretty, indent: indent + 1) { out in
                let slices = Slices.render(findings.count) { range in
                    var text: [UInt8] = []
                    text.reserveCapacity(range.count * 700)
                    findings.withUnsafeBufferPointer { findings in
                        for index in range {
                            JSONValue.writeItemStart(index: index, into: &text, pretty: pretty, indent: indent + 1)
                            Self.writeDiagnostic(findings[index], in: report, into: &text, pretty: pretty, indent: indent + 2)
                        }
                    }
                    return text
                }
                out.reserveCapacity(out.count + slices.reduce(0) { $0 + $1.count } + 64 * (indent + 2))
                for slice in slices { out += slice }
            }
        }
    }

    /// `diagnostic(for:in:)` written in place, at nesting level `indent`, without building the value.
    static func writeDiagnostic(_ diagnostic: Finding, in report: Report, into out: inout [UInt8], pretty: Bool, indent: Int) {
        var count = 0
        func key(_ name: String) {
            JSONValue.writeMember(name, index: count, into: &out, pretty: pretty, indent: indent)
            count += 1
        }
        func string(_ name: String, _ text: String) {
            key(name)
            JSONWriter.appendQuoted(text, to: &out)
        }
        out.append(UInt8(ascii: "{"))
        string("rule", diagnostic.ruleID)
        string("severity", diagnostic.severity.rawValue)
        string("message", Redaction.scrub(diagnostic.message, in: report))
        writePosition(of: diagnostic.location, in: report, into: &out, pretty: pretty, indent: indent, count: &count)
        key("pointer")
        appendPointer(diagnostic.pointer, to: &out)
        if let fix = diagnostic.fix { string("fix", Redaction.scrub(fix, in: report)) }
        if !diagnostic.related.isEmpty {
            key("related")
            JSONValue.array(diagnostic.related.map { related in
                .object([("message", .string(Redaction.scrub(related.message, in: report)))] + position(of: related.location, in: report))
            }).write(into: &out, pretty: pretty, indent: indent + 1)
        }
        if !diagnostic.properties.isEmpty {
            key("properties")
            let properties = diagnostic.properties.sorted { $0.key < $1.key }
            JSONValue.writeObject(properties.count, into: &out, pretty: pretty, indent: indent + 1) { index, out in
                JSONValue.writeMember(properties[index].key, index: index, into: &out, pretty: pretty, indent: indent + 1)
                JSONValue(property: properties[index].value).write(into: &out, pretty: pretty, indent: indent + 2)
            }
        }
        JSONValue.newline(indent, pretty: pretty, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `JSONWriter.quote(pointer.description)`, appended: tokens without `~` or `/` are written as they are,
    /// ASCII ones with `~0` and `~1` for them byte by byte (in ASCII text each of the two is a character of
    /// its own, as `JSONPointer.escape` compares them), and others through `JSONPointer.escape`.
    static func appendPointer(_ pointer: JSONPointer, to out: inout [UInt8]) {
        var text: [UInt8] = []
        for token in pointer.tokens {
            text.append(UInt8(ascii: "/"))
            if !token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                text += token.utf8
            } else if token.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in token.utf8 {
                    if byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") {
                        text.append(UInt8(ascii: "~"))
                        text.append(byte == UInt8(ascii: "~") ? UInt8(ascii: "0") : UInt8(ascii: "1"))
                    } else {
                        text.append(byte)
                    }
                }
            } else {
                text += JSONPointer.escape(token).utf8
            }
        }
        JSONWriter.appendQuoted(String(decoding: text, as: UTF8.self), to: &out)
    }

    /// The members of `position(of:in:)`, written in place as members `count`... of an object.
    private static func writePosition(of location: Location, in report: Report, into out: inout [UInt8], pretty: Bool, indent: Int, count: inout Int) {
        let (start, end) = report.positions(of: location)
        JSONValue.writeMember("path", index: count, into: &out, pretty: pretty, indent: indent)
        JSONWriter.appendQuoted(report.file(of: location).path, to: &out)
        for (index, (name, number)) in [("line", start.line), ("column", start.column), ("end_line", end.line), ("end_column", end.column)].enumerated() {
            JSONValue.writeMember(name, index: count + 1 + index, into: &out, pretty: pretty, indent: indent)
            out += String(number).utf8
        }
        count += 5
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
