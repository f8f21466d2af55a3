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

    public func render(_ run: Run) -> String { String(utf8Parts: renderParts(run)) }

    public func write(_ run: Run, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
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
        // configuration has tens of thousands of findings, rendered in chunks on all cores and emitted as
        // they are made, between the text before and after them.
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
                        writeFile(report, into: &out, indent: 2, emit: emit)
                    }
                }
            default:
                JSONValue.writeMember("summary", index: 2, into: &out, pretty: pretty, indent: 0)
                summary.write(into: &out, pretty: pretty, indent: 1)
            }
        }
        out.append(UInt8(ascii: "\n"))
        out.withUnsafeBufferPointer(emit)
    }

    /// One entry of `files`: its path, format and findings, at nesting level `indent`. Before the findings,
    /// the text so far is emitted, then the findings' chunks, and `out` starts again after them.
    private func writeFile(_ report: Report, into out: inout [UInt8], indent: Int, emit: (UnsafeBufferPointer<UInt8>) -> Void) {
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
                out.withUnsafeBufferPointer(emit)
                out = []
                Slices.stream(findings.count, emit: emit) { range, text in
                    // A layout per chunk: its byte arrays are appended a dozen times per finding, and retaining
                    // arrays that the other chunks' threads retain as often made the cores wait for each other.
                    let layout = DiagnosticLayout(pretty: pretty, indent: indent + 2)
                    text.reserveCapacity(range.count * 700)
                    var cursors = FindingCursors()
                    findings.withUnsafeBufferPointer { findings in
                        guard let base = findings.baseAddress else { return }
                        for index in range {
                            layout.writeItemStart(index: index, into: &text)
                            Self.writeDiagnostic(base + index, in: report, into: &text, layout: layout, cursors: &cursors)
                        }
                    }
                }
            }
        }
    }

    /// `diagnostic(for:in:)` written in place, without building the value, at the nesting level of `layout`
    /// (which holds the members' names and indentation, made once for all the findings of a file). The finding is
    /// read in place through a pointer into the report's findings: passed by value, it was copied out of the array.
    static func writeDiagnostic<Out: ByteSink & ~Copyable>(
        _ diagnostic: UnsafePointer<Finding>, in report: Report, into out: inout Out, layout: DiagnosticLayout, cursors: inout FindingCursors
    ) {
        let pretty = layout.pretty, indent = layout.indent
        func key(_ member: DiagnosticLayout.Member) { layout.writeMember(member, into: &out) }
        func string(_ member: DiagnosticLayout.Member, _ text: String) {
            key(member)
            JSONWriter.appendQuoted(text, to: &out)
        }
        out.append(UInt8(ascii: "{"))
        string(.rule, diagnostic.pointee.ruleID)
        string(.severity, diagnostic.pointee.severity.rawValue)
        string(.message, Redaction.scrub(diagnostic.pointee.message, in: report))
        let (start, end) = report.positions(of: diagnostic.pointee.location, from: &cursors.finding)
        string(.path, report.file(of: diagnostic.pointee.location).path)
        key(.line)
        out.appendDecimal(start.line)
        key(.column)
        out.appendDecimal(start.column)
        key(.endLine)
        out.appendDecimal(end.line)
        key(.endColumn)
        out.appendDecimal(end.column)
        key(.pointer)
        appendPointer(diagnostic.pointee.pointer, to: &out)
        if let fix = diagnostic.pointee.fix { string(.fix, Redaction.scrub(fix, in: report)) }
        if !diagnostic.pointee.related.isEmpty {
            key(.related)
            var related: [UInt8] = []
            JSONValue.array(diagnostic.pointee.related.map { related in
                .object([("message", .string(Redaction.scrub(related.message, in: report)))]
                        + position(of: related.location, in: report, from: &cursors.related))
            }).write(into: &related, pretty: pretty, indent: indent + 1)
            related.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        }
        if !diagnostic.pointee.properties.isEmpty {
            key(.properties)
            func write(_ property: (key: String, value: PropertyValue), index: Int, into out: inout Out) {
                JSONValue.writeMember(property.key, index: index, into: &out, pretty: pretty, indent: indent + 1)
                if case .string(let text) = property.value {
                    JSONWriter.appendQuoted(text, to: &out)
                } else {
                    var value: [UInt8] = []
                    JSONValue(property: property.value).write(into: &value, pretty: pretty, indent: indent + 2)
                    value.withUnsafeBufferPointer { out.append(contentsOf: $0) }
                }
            }
            if diagnostic.pointee.properties.count == 2 {
                // The usual two (an audit finding's) put in key order without a sort or a list.
                var members = diagnostic.pointee.properties.makeIterator()
                let first = members.next()!, second = members.next()!
                let ordered = first.key < second.key ? (first, second) : (second, first)
                JSONValue.writeObject(2, into: &out, pretty: pretty, indent: indent + 1) { index, out in
                    write(index == 0 ? ordered.0 : ordered.1, index: index, into: &out)
                }
            } else {
                let properties = diagnostic.pointee.properties.sorted { $0.key < $1.key }
                JSONValue.writeObject(properties.count, into: &out, pretty: pretty, indent: indent + 1) { index, out in
                    write(properties[index], index: index, into: &out)
                }
            }
        }
        JSONValue.newline(indent, pretty: pretty, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `JSONWriter.quote(pointer.description)`, appended, a token at a time (quoting the joined text escapes
    /// character by character, so it is the same). A token of plain ASCII (nothing JSON escapes, the usual
    /// `endpoints`, `0`, `backend`) is written from its bytes with `~0` and `~1` for `~` and `/`: in ASCII text
    /// each of the two is a character of its own, as `JSONPointer.escape` compares them. Any other token goes
    /// through `JSONPointer.escape` and `JSONWriter.appendEscaped`.
    static func appendPointer<Out: ByteSink & ~Copyable>(_ pointer: JSONPointer, to out: inout Out) {
        out.append(UInt8(ascii: "\""))
        for token in pointer.tokens {
            let plain = token.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                // One pass without early exits sorts the token out.
                var special = 0, other = 0
                for byte in bytes {
                    special |= byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") ? 1 : 0
                    other |= byte &- 0x20 >= 0x60 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") ? 1 : 0
                }
                guard other == 0 else { return false }
                out.append(UInt8(ascii: "/"))
                guard special != 0 else {
                    out.append(contentsOf: bytes)
                    return true
                }
                for byte in bytes {
                    if byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") {
                        out.append(UInt8(ascii: "~"))
                        out.append(byte == UInt8(ascii: "~") ? UInt8(ascii: "0") : UInt8(ascii: "1"))
                    } else {
                        out.append(byte)
                    }
                }
                return true
            }
            if plain != true { JSONWriter.appendEscaped("/" + JSONPointer.escape(token), to: &out) }
        }
        out.append(UInt8(ascii: "\""))
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
        var cursor = SourceCursor()
        return position(of: location, in: report, from: &cursor)
    }

    /// `position(of:in:)` worked out from `cursor`.
    private static func position(of location: Location, in report: Report, from cursor: inout SourceCursor) -> [(String, JSONValue)] {
        let (start, end) = report.positions(of: location, from: &cursor)
        return [
            ("path", .string(report.file(of: location).path)),
            ("line", .int(start.line)),
            ("column", .int(start.column)),
            ("end_line", .int(end.line)),
            ("end_column", .int(end.column)),
        ]
    }
}

/// What comes before each member of a diagnostic object at one nesting level (the comma, line break,
/// indentation and quoted name), made once for all the findings of a file: written piece by piece for each
/// member of each finding, it was a good part of the JSON reporter's time on an audit.
struct DiagnosticLayout: Sendable {
    /// The members of a diagnostic, in the order they are written; `rule` is always the first.
    enum Member: Int, CaseIterable {
        case rule, severity, message, path, line, column, endLine, endColumn, pointer, fix, related, properties

        var name: String {
            switch self {
            case .rule: return "rule"
            case .severity: return "severity"
            case .message: return "message"
            case .path: return "path"
            case .line: return "line"
            case .column: return "column"
            case .endLine: return "end_line"
            case .endColumn: return "end_column"
            case .pointer: return "pointer"
            case .fix: return "fix"
            case .related: return "related"
            case .properties: return "properties"
            }
        }
    }

    let pretty: Bool
    /// The nesting level of the diagnostic objects.
    let indent: Int
    private let members: [[UInt8]]
    private let firstItem: [UInt8], nextItem: [UInt8]

    init(pretty: Bool, indent: Int) {
        self.pretty = pretty
        self.indent = indent
        members = Member.allCases.map { member in
            var text: [UInt8] = []
            JSONValue.writeMember(member.name, index: member == .rule ? 0 : 1, into: &text, pretty: pretty, indent: indent)
            return text
        }
        var first: [UInt8] = [], next: [UInt8] = []
        JSONValue.writeItemStart(index: 0, into: &first, pretty: pretty, indent: indent - 1)
        JSONValue.writeItemStart(index: 1, into: &next, pretty: pretty, indent: indent - 1)
        firstItem = first
        nextItem = next
    }

    /// `JSONValue.writeMember` of `member`.
    func writeMember<Out: ByteSink & ~Copyable>(_ member: Member, into out: inout Out) {
        members[member.rawValue].withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    /// `JSONValue.writeItemStart` of item `index` of the array holding the diagnostics.
    func writeItemStart<Out: ByteSink & ~Copyable>(index: Int, into out: inout Out) {
        (index == 0 ? firstItem : nextItem).withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }
}
