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
    /// Where a location starts and ends as lines and columns, worked out from its file's line index (an
    /// end before the start is read as the start).
    func positions(of location: Location) -> (start: SourcePosition, end: SourcePosition) {
        let (start, end) = file(of: location).positions(of: location.span)
        return (start, end.offset >= start.offset ? end : start)
    }

    /// `positions(of:)` worked out from the previous finding's position (`SourceFile.positions(of:from:)`): a
    /// reporter asks for its findings' positions in order, and keeps one cursor for its findings and one for
    /// their related locations.
    func positions(of location: Location, from cursor: inout SourceCursor) -> (start: SourcePosition, end: SourcePosition) {
        FindingFile.positions(of: location.span, in: file(of: location), from: &cursor)
    }
}

extension Report {
    /// The related locations of a finding as one line each, `note: PATH:LINE:COL: MESSAGE`, for the formats
    /// that can only carry them in the message (GitHub, JUnit, Checkstyle). Paths go through `display`.
    func relatedNotes(of finding: Finding, display: (String) -> String, from cursor: inout SourceCursor) -> [String] {
        finding.related.map { related in
            let start = positions(of: related.location, from: &cursor).start
            let path = display(file(of: related.location).path)
            return "note: \(path):\(start.line):\(start.column): " + Redaction.scrub(related.message, in: self)
        }
    }
}

/// A file that findings are in, as the writers that render findings in chunks on all cores hold it: each chunk
/// makes its own of the report's file and lends it to each finding there. Counting references to the one file
/// object, its path or a copy of the report for every finding made the cores wait on each other more than the
/// rendering itself cost.
struct FindingFile {
    let file: SourceFile
    /// The file's path as UTF-8, this holder's own copy.
    let path: [UInt8]

    init(_ file: SourceFile) {
        self.file = file
        path = Array(file.path.utf8)
    }

    /// Whether a location is in this file, which is its report's (a location naming no file is in the report's):
    /// compared in place.
    @inline(__always)
    func contains(_ location: UnsafePointer<Location>) -> Bool {
        location.pointee.file == nil || location.pointee.file === file
    }

    /// The positions of a span's start and end in this file (`Report.positions(of:from:)` for a location in it).
    func positions(of span: Span, from cursor: inout SourceCursor) -> (start: SourcePosition, end: SourcePosition) {
        Self.positions(of: span, in: file, from: &cursor)
    }

    static func positions(of span: Span, in file: SourceFile, from cursor: inout SourceCursor) -> (start: SourcePosition, end: SourcePosition) {
        let (start, end) = file.positions(of: span, from: &cursor)
        return (start, end.offset >= start.offset ? end : start)
    }
}

/// Where a reporter's previous finding and previous related location were, from which the next positions are
/// worked out (`Report.positions(of:from:)`).
struct FindingCursors {
    var finding = SourceCursor(), related = SourceCursor()
}
