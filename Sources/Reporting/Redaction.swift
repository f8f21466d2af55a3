import ConfigTree
import KrakenLint

/// Keeps secret values out of every output.
public enum Redaction {
    /// `text` with every secret of `report` replaced by the mask.
    public static func scrub(_ text: String, in report: FileReport) -> String {
        report.secrets.reduce(text) { $1.redact($0) }
    }

    /// Source line `line` of the report's file with every secret on it masked.
    public static func maskedLine(_ line: Int, in report: FileReport) -> String? {
        guard let range = report.file.byteRange(ofLine: line) else { return nil }
        var bytes = Array(report.file.bytes[range])
        // Mask from the right so earlier offsets stay valid.
        for secret in report.secrets.sorted(by: { $0.span.start.offset > $1.span.start.offset }) {
            let start = max(secret.span.start.offset, range.lowerBound)
            let end = min(max(secret.span.end.offset, secret.span.start.offset), range.upperBound)
            guard start < end else { continue }
            bytes.replaceSubrange((start - range.lowerBound)..<(end - range.lowerBound), with: Array(SecretValue.mask.utf8))
        }
        return scrub(String(decoding: bytes, as: UTF8.self), in: report)
    }
}
