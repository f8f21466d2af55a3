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
                    // The report's file is lent to each finding in it (`FindingFile`), and the properties the findings
                    // of a rule share (an audit rule's) are written once (`PropertiesCache`).
                    let ownFile = FindingFile(report.file)
                    var properties = PropertiesCache()
                    findings.withUnsafeBufferPointer { findings in
                        guard let base = findings.baseAddress else { return }
                        for index in range {
                            layout.writeItemStart(index: index, into: &text)
                            Self.writeDiagnostic(
                                base + index, in: report, ownFile: ownFile, into: &text, layout: layout, cursors: &cursors,
                                properties: &properties
                            )
                        }
                    }
                }
            }
        }
    }

    /// `diagnostic(for:in:)` written in place, without building the value, at the nesting level of `layout`
    /// (which holds the members' names and indentation, made once for all the findings of a file). The finding is
    /// read in place through a pointer into the report's findings: passed by value, it was copied out of the array.
    /// `ownFile` is the report's file, which most findings are in.
    static func writeDiagnostic<Out: ByteSink & ~Copyable>(
        _ diagnostic: UnsafePointer<Finding>, in report: Report, ownFile: FindingFile, into out: inout Out, layout: DiagnosticLayout,
        cursors: inout FindingCursors, properties: inout PropertiesCache
    ) {
        let location = diagnostic.pointer(to: \.location)!
        if ownFile.contains(location) {
            writeDiagnostic(diagnostic, in: report, file: ownFile, into: &out, layout: layout, cursors: &cursors, properties: &properties)
        } else {
            let other = FindingFile(report.file(of: location.pointee))
            writeDiagnostic(diagnostic, in: report, file: other, into: &out, layout: layout, cursors: &cursors, properties: &properties)
        }
    }

    /// A finding whose location is in `file`.
    private static func writeDiagnostic<Out: ByteSink & ~Copyable>(
        _ diagnostic: UnsafePointer<Finding>, in report: Report, file: FindingFile, into out: inout Out, layout: DiagnosticLayout,
        cursors: inout FindingCursors, properties: inout PropertiesCache
    ) {
        let pretty = layout.pretty, indent = layout.indent
        out.append(UInt8(ascii: "{"))
        layout.writeMember(.rule, into: &out)
        JSONWriter.appendQuoted(diagnostic.pointee.ruleID, to: &out)
        layout.writeMember(.severity, into: &out)
        JSONWriter.appendQuoted(diagnostic.pointee.severity.rawValue, to: &out)
        layout.writeMember(.message, into: &out)
        JSONWriter.appendQuoted(Redaction.scrub(diagnostic.pointee.message, in: report), to: &out)
        let (start, end) = file.positions(of: diagnostic.pointee.location.span, from: &cursors.finding)
        layout.writeMember(.path, into: &out)
        file.path.withUnsafeBufferPointer { JSONWriter.appendQuoted($0, to: &out) }
        layout.writeMember(.line, into: &out)
        out.appendDecimal(start.line)
        layout.writeMember(.column, into: &out)
        out.appendDecimal(start.column)
        layout.writeMember(.endLine, into: &out)
        out.appendDecimal(end.line)
        layout.writeMember(.endColumn, into: &out)
        out.appendDecimal(end.column)
        layout.writeMember(.pointer, into: &out)
        appendPointer(diagnostic.pointee.pointer, to: &out)
        if let fix = diagnostic.pointee.fix {
            layout.writeMember(.fix, into: &out)
            JSONWriter.appendQuoted(Redaction.scrub(fix, in: report), to: &out)
        }
        if !diagnostic.pointee.related.isEmpty {
            layout.writeMember(.related, into: &out)
            var related: [UInt8] = []
            JSONValue.array(diagnostic.pointee.related.map { related in
                .object([("message", .string(Redaction.scrub(related.message, in: report)))]
                        + position(of: related.location, in: report, from: &cursors.related))
            }).write(into: &related, pretty: pretty, indent: indent + 1)
            related.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        }
        if !diagnostic.pointee.properties.isEmpty {
            layout.writeMember(.properties, into: &out)
            properties.write(diagnostic.pointer(to: \.properties)!, of: diagnostic.pointer(to: \.ruleID)!, pretty: pretty, indent: indent, into: &out)
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

/// The `properties` object last written for each rule in a chunk, with its text: an audit rule's findings share
/// one dictionary, whose text is then copied rather than written again. The dictionary a finding has is compared
/// with the one of its rule's entry only (dictionaries that share their storage compare equal at once); other
/// rules' entries are not searched, which compared contents and hashed keys. Up to 64 rules are kept.
struct PropertiesCache {
    /// A rule's last `properties` and their text.
    private struct Entry {
        let ruleID: String
        var properties: [String: PropertyValue]
        var text: [UInt8]
    }

    private var entries: [Entry] = []
    private static let capacity = 64

    /// Writes `properties` (an object, keys in order) of a finding of rule `ruleID` at nesting level `indent` + 1.
    mutating func write<Out: ByteSink & ~Copyable>(
        _ properties: UnsafePointer<[String: PropertyValue]>, of ruleID: UnsafePointer<String>, pretty: Bool, indent: Int,
        into out: inout Out
    ) {
        let index = entries.firstIndex { $0.ruleID == ruleID.pointee }
        if let index, entries[index].properties == properties.pointee {
            entries[index].text.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            return
        }
        var text: [UInt8] = []
        Self.write(properties.pointee, pretty: pretty, indent: indent, into: &text)
        text.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        if let index {
            entries[index].properties = properties.pointee
            entries[index].text = text
        } else if entries.count < Self.capacity {
            entries.append(Entry(ruleID: ruleID.pointee, properties: properties.pointee, text: text))
        }
    }

    private static func write(_ properties: [String: PropertyValue], pretty: Bool, indent: Int, into out: inout [UInt8]) {
        func write(_ property: (key: String, value: PropertyValue), index: Int, into out: inout [UInt8]) {
            JSONValue.writeMember(property.key, index: index, into: &out, pretty: pretty, indent: indent + 1)
            if case .string(let text) = property.value {
                JSONWriter.appendQuoted(text, to: &out)
            } else {
                JSONValue(property: property.value).write(into: &out, pretty: pretty, indent: indent + 2)
            }
        }
        let sorted = properties.sorted { $0.key < $1.key }
        JSONValue.writeObject(sorted.count, into: &out, pretty: pretty, indent: indent + 1) { index, out in
            write(sorted[index], index: index, into: &out)
        }
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
