import ConfigTree
import Findings
import Foundation

/// The default format, for people at a terminal:
///
/// ```
/// krakend.json:12:21: error: plaintext NTLM password [ntlm/plaintext-password]
///    12 |         "password": ********,
///       |                     ^~~~~~~~
///   fix: read the password from an environment variable
/// ```
/// followed by a summary line (`2 errors, 1 warning in 3 files`). Prints nothing for a clean run unless `verbose`.
public struct TextReporter: Reporter, Sendable {
    public var verbose: Bool
    /// ANSI colors; the CLI decides (`--color`, `NO_COLOR`, whether stdout is a terminal).
    public var color: Bool

    public init(verbose: Bool = false, color: Bool = false) {
        self.verbose = verbose
        self.color = color
    }

    public func render(_ run: Run) -> String { String(utf8Parts: renderParts(run)) }

    public func write(_ run: Run, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        // The text is written as UTF-8 bytes: appending to a `String` piece by piece cost more than building
        // the findings (an audit of a large configuration prints tens of thousands).
        for report in run.reports {
            // One gutter width per report, so the `|` bars of its excerpts line up.
            // Lines grow with offsets, so the last line is that of the furthest offset in each file: one search
            // of the line index per file rather than per finding.
            var furthest: [(file: SourceFile, offset: Int)] = []
            func note(_ location: Location) {
                let file = report.file(of: location)
                if let index = furthest.firstIndex(where: { $0.file === file }) {
                    furthest[index].offset = max(furthest[index].offset, location.span.start)
                } else {
                    furthest.append((file, location.span.start))
                }
            }
            report.findings.withUnsafeBufferPointer { findings in
                for finding in findings.indices {
                    note(findings[finding].location)
                    for related in findings[finding].related { note(related.location) }
                }
            }
            let lastLine = furthest.reduce(1) { max($0, $1.file.line(ofOffset: $1.offset)) }
            writeFindings(of: report, gutterWidth: ByteAppending.digitCount(lastLine), to: emit)
        }
        let total = run.count(.error) + run.count(.warning) + run.count(.info)
        if total > 0 || verbose {
            var line = summary(run) + "\n"
            line.withUTF8(emit)
        }
    }

    /// The findings of one report in order. Thousands of them (an audit of a large configuration) are
    /// rendered in chunks on all cores, in order: each finding's text depends on nothing but itself.
    private func writeFindings(of report: Report, gutterWidth: Int, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard !report.findings.isEmpty else { return }
        let findings = report.findings
        let reporter = self
        Slices.stream(findings.count, emit: emit) { range, text in
            text.reserveCapacity(range.count * 320)
            // Through the buffer, so each finding is read in place rather than copied out of the array.
            findings.withUnsafeBufferPointer { findings in
                var cursors = FindingCursors()
                guard let base = findings.baseAddress else { return }
                for index in range { reporter.render(base + index, in: report, gutterWidth: gutterWidth, cursors: &cursors, into: &text) }
            }
        }
    }

    /// The findings rendered together as one chunk; a report of fewer than two chunks is rendered on one thread.
    static let findingsPerSlice = Slices.itemsPerSlice

    /// One finding, read in place through a pointer into the report's findings: the location line, the excerpt
    /// with its caret, the fix, then a `note:` with its own excerpt for each related location; appended to `out`
    /// as UTF-8. `cursors` are where the previous finding and related location were.
    func render<Out: ByteSink & ~Copyable>(
        _ finding: UnsafePointer<Finding>, in report: Report, gutterWidth: Int, cursors: inout FindingCursors, into out: inout Out
    ) {
        let positions = report.positions(of: finding.pointee.location, from: &cursors.finding)
        let severityStyle = style(for: finding.pointee.severity)
        header(at: finding.pointee.location, start: positions.start, in: report, label: finding.pointee.severity.rawValue, style: severityStyle, into: &out)
        appendOneLine(Redaction.scrub(finding.pointee.message, in: report), to: &out)
        out.append(UInt8(ascii: " "))
        // The rule id alone goes into the closure. The finding is read in place: passed by value, it was copied
        // out of the array (a dozen retains and releases).
        let ruleID = finding.pointee.ruleID
        paint(.dim, into: &out) { out in
            out.append(UInt8(ascii: "["))
            out.appendUTF8(ruleID)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "\n"))
        excerpt(at: finding.pointee.location, positions: positions, cursor: cursors.finding, in: report, gutterWidth: gutterWidth, style: severityStyle, into: &out)
        if let fix = finding.pointee.fix {
            out.appendStatic("  ")
            paint(.cyan, into: &out) { $0.appendStatic("fix:") }
            out.append(UInt8(ascii: " "))
            appendOneLine(Redaction.scrub(fix, in: report), to: &out)
            out.append(UInt8(ascii: "\n"))
        }
        for related in finding.pointee.related {
            let relatedPositions = report.positions(of: related.location, from: &cursors.related)
            header(at: related.location, start: relatedPositions.start, in: report, label: "note", style: .bold, into: &out)
            appendOneLine(Redaction.scrub(related.message, in: report), to: &out)
            out.append(UInt8(ascii: "\n"))
            excerpt(
                at: related.location, positions: relatedPositions, cursor: cursors.related, in: report, gutterWidth: gutterWidth,
                style: .cyan, into: &out
            )
        }
    }

    /// `path:line:col: label: ` in front of a message.
    private func header<Out: ByteSink & ~Copyable>(
        at location: Location, start: SourcePosition, in report: Report, label: String, style labelStyle: Style, into out: inout Out
    ) {
        paint(.bold, into: &out) { out in
            out.appendUTF8(report.file(of: location).path)
            out.append(UInt8(ascii: ":"))
            out.appendDecimal(start.line)
            out.append(UInt8(ascii: ":"))
            out.appendDecimal(start.column)
            out.append(UInt8(ascii: ":"))
        }
        out.append(UInt8(ascii: " "))
        paint(labelStyle, into: &out) { out in
            out.appendUTF8(label)
            out.append(UInt8(ascii: ":"))
        }
        out.append(UInt8(ascii: " "))
    }

    /// The source line of a location, secrets masked, with a caret line under the span; `cursor` is at its start.
    private func excerpt<Out: ByteSink & ~Copyable>(
        at location: Location, positions: (start: SourcePosition, end: SourcePosition), cursor: SourceCursor, in report: Report,
        gutterWidth: Int, style caretStyle: Style, into out: inout Out
    ) {
        let (start, end) = positions
        guard let excerpt = Redaction.excerpt(
            ofLine: start.line, of: report.file(of: location), in: report, anchor: start.offset, near: cursor
        ) else {
            return
        }
        let digits = ByteAppending.digitCount(start.line)
        let padding = max(0, gutterWidth - digits)
        out.append(UInt8(ascii: " "))
        paint(.dim, into: &out) { out in
            out.appendSpaces(padding)
            out.appendDecimal(start.line)
            out.appendStatic(" |")
        }
        out.append(UInt8(ascii: " "))
        excerpt.appendText(to: &out)
        out.appendStatic("\n ")
        paint(.dim, into: &out) { out in
            out.appendSpaces(padding + digits)
            out.appendStatic(" |")
        }
        out.append(UInt8(ascii: " "))
        let first = excerpt.displayColumn(start.column)
        let last = end.line == start.line ? excerpt.displayColumn(end.column) : excerpt.width + 1
        excerpt.appendPadding(before: first, to: &out)
        paint(caretStyle, into: &out) { excerpt.appendUnderline(from: first, to: last, to: &$0) }
        out.append(UInt8(ascii: "\n"))
    }

    /// `2 errors, 1 warning in 3 files`, or `no problems in 3 files`.
    func summary(_ run: Run) -> String {
        let counts = [(run.count(.error), "error"), (run.count(.warning), "warning"), (run.count(.info), "info")]
        let parts = counts.filter { $0.0 > 0 }.map { plural($0.0, $0.1) }
        let found = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
        return paint(found, .bold) + " in " + plural(run.reports.count, "file")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    /// Messages are single lines (a line break would break `path:line:col` parsers) without control characters.
    private func appendOneLine<Out: ByteSink & ~Copyable>(_ text: String, to out: inout Out) {
        // Printable ASCII, the usual message, has nothing to replace.
        if Self.isPrintableASCII(text) {
            out.appendUTF8(text)
            return
        }
        var line = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            line.append(scalar == "\n" || scalar == "\r" ? " " : MaskedLine.printable(scalar))
        }
        out.appendUTF8(String(line))
    }

    /// Whether every byte of `text` is printable ASCII: one pass over its bytes in place, without an early
    /// exit (messages are short, and most are entirely printable).
    static func isPrintableASCII(_ text: String) -> Bool {
        let scanned = text.utf8.withContiguousStorageIfAvailable { bytes in
            var outside: UInt8 = 0
            for byte in bytes { outside |= byte &- 0x20 >= 0x5F ? 1 : 0 }
            return outside == 0
        }
        return scanned ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    enum Style: String {
        case bold = "1", dim = "2", red = "1;31", yellow = "1;33", cyan = "36"
    }

    private func style(for severity: Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .yellow
        case .info: return .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m" + text + "\u{1B}[0m" : text
    }

    /// What `body` appends, in `style` when colors are on.
    private func paint<Out: ByteSink & ~Copyable>(_ style: Style, into out: inout Out, _ body: (inout Out) -> Void) {
        guard color else {
            body(&out)
            return
        }
        out.appendStatic("\u{1B}[")
        out.appendUTF8(style.rawValue)
        out.append(UInt8(ascii: "m"))
        body(&out)
        out.appendStatic("\u{1B}[0m")
    }
}
