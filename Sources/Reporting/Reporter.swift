import ConfigTree
import Findings

/// Turns a run (of lint, probe or validate) into the text of one output format.
///
/// Reporters must never print the value of a secret field: mask `Report.secrets` spans in any
/// source excerpt and pass free text through `Redaction.scrub`.
public protocol Reporter {
    func render(_ run: Run) -> String

    /// `render(run)` as pieces of UTF-8 text handed to `emit` in order, as they are made, for a writer to send
    /// out one after the other: a report of tens of thousands of findings is neither copied into one string
    /// nor held whole (megabytes of fresh memory, page by page). A piece's storage may be reused once `emit`
    /// returns. By default, the one string's bytes.
    func write(_ run: Run, to emit: (UnsafeBufferPointer<UInt8>) -> Void)
}

extension Reporter {
    public func write(_ run: Run, to emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = render(run)
        text.withUTF8(emit)
    }

    /// The pieces `write(_:to:)` emits, kept.
    public func renderParts(_ run: Run) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        write(run) { parts.append(Array($0)) }
        return parts
    }
}

extension Report {
    /// Where a finding starts and ends as lines and columns, in its own file.
    func positions(of finding: Finding) -> (start: SourcePosition, end: SourcePosition) {
        positions(of: finding.location)
    }

    /// Where a location starts and ends as lines and columns, worked out from its file's line index (an
    /// end before the start is read as the start).
    func positions(of location: Location) -> (start: SourcePosition, end: SourcePosition) {
        let (start, end) = file(of: location).positions(of: location.span)
        return (start, end.offset >= start.offset ? end : start)
    }

    /// `positions(of:)` with the line search begun where `hint` says the previous finding was: a reporter asks for
    /// its findings' positions in order.
    func positions(of location: Location, near hint: inout LineHint) -> (start: SourcePosition, end: SourcePosition) {
        let file = file(of: location)
        if hint.file !== file { hint = LineHint(file: file) }
        let (start, end) = file.positions(of: location.span, nearLine: &hint.line)
        return (start, end.offset >= start.offset ? end : start)
    }

    /// The line a location starts on: `positions(of:).start.line`, without working out columns.
    func line(of location: Location) -> Int { file(of: location).line(ofOffset: location.span.start) }
}

extension Report {
    /// The related locations of a finding as one line each, `note: PATH:LINE:COL: MESSAGE`, for the formats
    /// that can only carry them in the message (GitHub, JUnit, Checkstyle). Paths go through `display`.
    func relatedNotes(of finding: Finding, display: (String) -> String) -> [String] {
        finding.related.map { related in
            let start = positions(of: related.location).start
            let path = display(file(of: related.location).path)
            return "note: \(path):\(start.line):\(start.column): " + Redaction.scrub(related.message, in: self)
        }
    }
}

/// The file and 0-based line of the previous finding a reporter placed, where the search for the next one's line
/// starts (`SourceFile.positions(of:nearLine:)`).
struct LineHint {
    fileprivate var file: SourceFile?
    fileprivate var line = 0
}
