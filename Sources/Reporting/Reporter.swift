import ConfigTree
import KrakenLint

/// Everything a lint run produced, in the order files were given.
public struct LintRun: Sendable {
    public var reports: [FileReport]
    public var toolVersion: String

    public init(reports: [FileReport], toolVersion: String) {
        self.reports = reports
        self.toolVersion = toolVersion
    }

    public func count(_ severity: Severity) -> Int { reports.reduce(0) { $0 + $1.count(severity) } }
}

/// Turns a lint run into the text of one output format.
///
/// Reporters must never print the value of a secret field: mask `FileReport.secrets` spans in any
/// source excerpt and pass free text through `Redaction.scrub`.
public protocol Reporter {
    func render(_ run: LintRun) -> String
}

extension FileReport {
    /// Where a finding starts and ends as lines and columns, worked out from the file's line index (an end
    /// before the start is read as the start).
    func positions(of diagnostic: Diagnostic) -> (start: SourcePosition, end: SourcePosition) {
        let (start, end) = file.positions(of: diagnostic.span)
        return (start, end.offset >= start.offset ? end : start)
    }
}
