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
    /// rendered in chunks on all cores, in order: each finding's text depends on nothing but itself. Each chunk
    /// lends its own copy of the report's file to the findings (`FindingFile`).
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
                let ownFile = FindingFile(report.file)
                for index in range {
                    reporter.render(base + index, in: report, ownFile: ownFile, gutterWidth: gutterWidth, cursors: &cursors, into: &text)
                }
            }
        }
    }

    /// The findings rendered together as one chunk; a report of fewer than two chunks is rendered on one thread.
    static let findingsPerSlice = Slices.itemsPerSlice

    /// One finding, read in place through a pointer into the report's findings: the location line, the excerpt
    /// with its caret, the fix, then a `note:` with its own excerpt for each related location; appended to `out`
    /// as UTF-8. `ownFile` is the report's file, which most findings are in; `cursors` are where the previous
    /// finding and related location were.
    func render<Out: ByteSink & ~Copyable>(
        _ finding: UnsafePointer<Finding>, in report: Report, ownFile: FindingFile, gutterWidth: Int, cursors: inout FindingCursors,
        into out: inout Out
    ) {
        let location = finding.pointer(to: \.location)!
        if ownFile.contains(location) {
            render(finding, in: report, file: ownFile, gutterWidth: gutterWidth, cursors: &cursors, into: &out)
        } else {
            render(finding, in: report, file: FindingFile(report.file(of: location.pointee)), gutterWidth: gutterWidth, cursors: &cursors, into: &out)
        }
        for related in finding.pointee.related {
            let file = FindingFile(report.file(of: related.location))
            let relatedPositions = file.positions(of: related.location.span, from: &cursors.related)
            header(path: file.path, start: relatedPositions.start, label: "note", style: .bold, into: &out)
            appendOneLine(Redaction.scrub(related.message, in: report), to: &out)
            out.append(UInt8(ascii: "\n"))
            excerpt(of: file.file, positions: relatedPositions, cursor: cursors.related, in: report, gutterWidth: gutterWidth, style: .cyan, into: &out)
        }
    }

    /// A finding whose location is in `file`, without its related locations.
    private func render<Out: ByteSink & ~Copyable>(
        _ finding: UnsafePointer<Finding>, in report: Report, file: FindingFile, gutterWidth: Int, cursors: inout FindingCursors,
        into out: inout Out
    ) {
        let positions = file.positions(of: finding.pointee.location.span, from: &cursors.finding)
        let severityStyle = style(for: finding.pointee.severity)
        header(path: file.path, start: positions.start, label: finding.pointee.severity.rawValue, style: severityStyle, into: &out)
        appendOneLine(Redaction.scrub(finding.pointee.message, in: report), to: &out)
        out.append(UInt8(ascii: " "))
        open(.dim, into: &out)
        out.append(UInt8(ascii: "["))
        out.appendUTF8(finding.pointee.ruleID)
        out.append(UInt8(ascii: "]"))
        close(into: &out)
        out.append(UInt8(ascii: "\n"))
        excerpt(of: file.file, positions: positions, cursor: cursors.finding, in: report, gutterWidth: gutterWidth, style: severityStyle, into: &out)
        if let fix = finding.pointee.fix {
            out.appendStatic("  ")
            open(.cyan, into: &out)
            out.appendStatic("fix:")
            close(into: &out)
            out.append(UInt8(ascii: " "))
            appendOneLine(Redaction.scrub(fix, in: report), to: &out)
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// `path:line:col: label: ` in front of a message.
    private func header<Out: ByteSink & ~Copyable>(
        path: [UInt8], start: SourcePosition, label: String, style labelStyle: Style, into out: inout Out
    ) {
        open(.bold, into: &out)
        path.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(start.line)
        out.append(UInt8(ascii: ":"))
        out.appendDecimal(start.column)
        out.append(UInt8(ascii: ":"))
        close(into: &out)
        out.append(UInt8(ascii: " "))
        open(labelStyle, into: &out)
        out.appendUTF8(label)
        out.append(UInt8(ascii: ":"))
        close(into: &out)
        out.append(UInt8(ascii: " "))
    }

    /// The source line of a position in `file`, secrets masked, with a caret line under the span; `cursor` is at
    /// its start.
    private func excerpt<Out: ByteSink & ~Copyable>(
        of file: SourceFile, positions: (start: SourcePosition, end: SourcePosition), cursor: SourceCursor, in report: Report,
        gutterWidth: Int, style caretStyle: Style, into out: inout Out
    ) {
        let (start, end) = positions
        // The usual line, shown as it is (`Redaction.withPlainLine`), is copied from the file's bytes: its columns
        // are its characters.
        let plain = Redaction.withPlainLine(start.line, of: file, in: report) { line in
            let first = MaskedLine.plainColumn(start.column, width: line.count)
            let last = end.line == start.line ? MaskedLine.plainColumn(end.column, width: line.count) : line.count + 1
            appendSourceGutter(line: start.line, gutterWidth: gutterWidth, into: &out)
            out.append(contentsOf: line)
            appendCaretGutter(line: start.line, gutterWidth: gutterWidth, into: &out)
            out.appendSpaces(first - 1)
            open(caretStyle, into: &out)
            MaskedLine.appendCaret(cells: last - first, to: &out)
            close(into: &out)
            out.append(UInt8(ascii: "\n"))
        }
        if plain { return }
        guard let excerpt = Redaction.excerpt(ofLine: start.line, of: file, in: report, anchor: start.offset, near: cursor) else {
            return
        }
        appendSourceGutter(line: start.line, gutterWidth: gutterWidth, into: &out)
        excerpt.appendText(to: &out)
        appendCaretGutter(line: start.line, gutterWidth: gutterWidth, into: &out)
        let first = excerpt.displayColumn(start.column)
        let last = end.line == start.line ? excerpt.displayColumn(end.column) : excerpt.width + 1
        excerpt.appendPadding(before: first, to: &out)
        open(caretStyle, into: &out)
        excerpt.appendUnderline(from: first, to: last, to: &out)
        close(into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// ` 12 | ` in front of an excerpt's source line, the number right-aligned to `gutterWidth`.
    private func appendSourceGutter<Out: ByteSink & ~Copyable>(line: Int, gutterWidth: Int, into out: inout Out) {
        let digits = ByteAppending.digitCount(line)
        out.append(UInt8(ascii: " "))
        open(.dim, into: &out)
        out.appendSpaces(gutterWidth - digits)
        out.appendDecimal(line)
        out.appendStatic(" |")
        close(into: &out)
        out.append(UInt8(ascii: " "))
    }

    /// The end of source line `line`, then `    | ` in front of its caret line.
    private func appendCaretGutter<Out: ByteSink & ~Copyable>(line: Int, gutterWidth: Int, into out: inout Out) {
        out.appendStatic("\n ")
        open(.dim, into: &out)
        out.appendSpaces(max(gutterWidth, ByteAppending.digitCount(line)))
        out.appendStatic(" |")
        close(into: &out)
        out.append(UInt8(ascii: " "))
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
        text.utf8.withContiguousStorageIfAvailable(MaskedLine.isPlain) ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
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

    /// Starts `style` when colors are on; `close` ends it.
    @inline(__always)
    private func open<Out: ByteSink & ~Copyable>(_ style: Style, into out: inout Out) {
        guard color else { return }
        out.appendStatic("\u{1B}[")
        out.appendUTF8(style.rawValue)
        out.append(UInt8(ascii: "m"))
    }

    /// Ends the style `open` started.
    @inline(__always)
    private func close<Out: ByteSink & ~Copyable>(into out: inout Out) {
        guard color else { return }
        out.appendStatic("\u{1B}[0m")
    }
}
