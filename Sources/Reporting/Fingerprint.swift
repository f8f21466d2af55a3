import ConfigTree
import Findings

/// Stable identities for findings, so code scanning follows an alert when lines move.
///
/// Built from the rule id, the JSON Pointer and a hash of the finding's source line with secrets masked
/// and whitespace collapsed, never from line numbers. The hash is FNV-1a (64 bits), the same on every
/// platform and run, unlike Swift's seeded `Hasher`.
enum Fingerprint {
    /// The fingerprint of a finding; its line is found from `cursor`, which moves to the finding's start.
    static func of(_ diagnostic: Finding, in report: Report, from cursor: inout SourceCursor) -> String {
        let start = report.positions(of: diagnostic.location, from: &cursor).start
        let file = report.file(of: diagnostic.location)
        let line = Redaction.excerpt(ofLine: start.line, of: file, in: report, anchor: diagnostic.span.start, maxWidth: 400, near: cursor)?.text ?? ""
        let normalized = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return hex(fnv1a(diagnostic.ruleID + "\u{0}" + diagnostic.pointer.description + "\u{0}" + normalized))
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
