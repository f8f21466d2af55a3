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

    public func render(_ run: Run) -> String {
        var out = ""
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
            let gutterWidth = String(lastLine).count
            out += renderFindings(of: report, gutterWidth: gutterWidth)
        }
        let total = run.count(.error) + run.count(.warning) + run.count(.info)
        if total > 0 || verbose { out += summary(run) + "\n" }
        return out
    }

    /// The findings of one report in order. Thousands of them (an audit of a large configuration) are
    /// rendered in slices on all cores and joined: each finding's text depends on nothing but itself.
    private func renderFindings(of report: Report, gutterWidth: Int) -> String {
        let findings = report.findings
        let reporter = self
        return Slices.render(findings.count) { range in
            var out = ""
            out.reserveCapacity(range.count * 320)
            // Through the buffer, so each finding is read in place rather than copied out of the array.
            findings.withUnsafeBufferPointer { findings in
                for index in range { reporter.render(findings[index], in: report, gutterWidth: gutterWidth, into: &out) }
            }
            return out
        }.joined()
    }

    /// Below this many findings per core, one thread renders them all.
    static let findingsPerSlice = Slices.itemsPerSlice

    /// One finding: the location line, the excerpt with its caret, the fix, then a `note:` with its own
    /// excerpt for each related location.
    func render(_ finding: Finding, in report: Report, gutterWidth: Int = 1) -> String {
        var out = ""
        render(finding, in: report, gutterWidth: gutterWidth, into: &out)
        return out
    }

    /// `render(_:in:gutterWidth:)`, appended to `out` (no string per finding).
    func render(_ finding: Finding, in report: Report, gutterWidth: Int, into out: inout String) {
        let positions = report.positions(of: finding.location)
        let severityStyle = style(for: finding.severity)
        header(at: finding.location, start: positions.start, in: report, label: finding.severity.rawValue + ":", style: severityStyle, into: &out)
        out += oneLine(Redaction.scrub(finding.message, in: report))
        out += " "
        paint("[" + finding.ruleID + "]", .dim, into: &out)
        out += "\n"
        excerpt(at: finding.location, positions: positions, in: report, gutterWidth: gutterWidth, style: severityStyle, into: &out)
        if let fix = finding.fix {
            out += "  "
            paint("fix:", .cyan, into: &out)
            out += " "
            out += oneLine(Redaction.scrub(fix, in: report))
            out += "\n"
        }
        for related in finding.related {
            let relatedPositions = report.positions(of: related.location)
            header(at: related.location, start: relatedPositions.start, in: report, label: "note:", style: .bold, into: &out)
            out += oneLine(Redaction.scrub(related.message, in: report))
            out += "\n"
            excerpt(at: related.location, positions: relatedPositions, in: report, gutterWidth: gutterWidth, style: .cyan, into: &out)
        }
    }

    /// `path:line:col: label ` in front of a message.
    private func header(at location: Location, start: SourcePosition, in report: Report, label: String, style labelStyle: Style, into out: inout String) {
        paint("\(report.file(of: location).path):\(start.line):\(start.column):", .bold, into: &out)
        out += " "
        paint(label, labelStyle, into: &out)
        out += " "
    }

    /// The source line of a location, secrets masked, with a caret line under the span.
    private func excerpt(
        at location: Location, positions: (start: SourcePosition, end: SourcePosition), in report: Report, gutterWidth: Int,
        style caretStyle: Style, into out: inout String
    ) {
        let (start, end) = positions
        guard let excerpt = Redaction.excerpt(ofLine: start.line, of: report.file(of: location), in: report, anchor: start.offset) else {
            return
        }
        let number = String(start.line)
        let padding = String(repeating: " ", count: max(0, gutterWidth - number.count))
        out += " "
        paint(padding + number + " |", .dim, into: &out)
        out += " "
        out += excerpt.text
        out += "\n "
        paint(String(repeating: " ", count: padding.count + number.count) + " |", .dim, into: &out)
        out += " "
        let first = excerpt.displayColumn(start.column)
        let last = end.line == start.line ? excerpt.displayColumn(end.column) : excerpt.width + 1
        out += excerpt.padding(before: first)
        paint(excerpt.underline(from: first, to: last), caretStyle, into: &out)
        out += "\n"
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
    private func oneLine(_ text: String) -> String {
        // Printable ASCII, the usual message, has nothing to replace.
        if Self.isPrintableASCII(text) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar == "\n" || scalar == "\r" ? " " : MaskedLine.printable(scalar))
        }
        return String(out)
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

    private func paint(_ text: String, _ style: Style, into out: inout String) {
        guard color else {
            out += text
            return
        }
        out += "\u{1B}["
        out += style.rawValue
        out += "m"
        out += text
        out += "\u{1B}[0m"
    }
}
