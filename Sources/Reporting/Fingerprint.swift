import Findings

/// Stable identities for findings, so code scanning follows an alert when lines move.
///
/// Built from the rule id, the JSON Pointer and a hash of the finding's source line with secrets masked
/// and whitespace collapsed, never from line numbers. The hash is FNV-1a (64 bits), the same on every
/// platform and run, unlike Swift's seeded `Hasher`.
enum Fingerprint {
    static func of(_ diagnostic: Finding, in report: Report) -> String {
        let start = diagnostic.span.start
        let file = report.file(of: diagnostic.location)
        let line = Redaction.excerpt(ofLine: file.line(ofOffset: start), of: file, in: report, anchor: start, maxWidth: 400)?.text ?? ""
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
