import ConfigTree
import Findings
import FlexibleConfig

/// A file that holds `{{` and cannot be parsed is almost always a flexible-configuration template linted
/// without rendering: one clear error that says how to render it replaces the JSON syntax error.
enum TemplateHint {
    static let ruleID = "template/not-rendered"

    static func explainingUnrenderedTemplate(_ report: Report) -> Report {
        // Only when the reader stopped at or after the first `{{`: a syntax error before it has another cause.
        guard !report.isReadable, let open = firstAction(in: report.file.bytes),
              let stop = report.findings.first(where: { $0.severity == .error }), stop.span.start >= open
        else { return report }
        let finding = Finding(
            ruleID: ruleID, severity: .error,
            message: "this file is a flexible-configuration template ({{ … }}), which is not JSON until it is rendered",
            location: Location(file: report.file, span: Span(start: open, end: open + 2)), pointer: .root,
            fix: "lint it rendered: krakenlint lint --flexible-config [--settings DIR] [--partials DIR] [--templates DIR] "
                + "\(report.file.path), or set FC_ENABLE=1 and the FC_* folders as for krakend check"
        )
        return Report(file: report.file, findings: [finding], secrets: report.secrets, isReadable: false, failLevel: report.failLevel)
    }

    static func firstAction(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        return (0..<(bytes.count - 1)).first { bytes[$0] == UInt8(ascii: "{") && bytes[$0 + 1] == UInt8(ascii: "{") }
    }
}

extension Array where Element == UInt8 {
    /// Whether the bytes hold `{{`, the start of a Go template action.
    var containsTemplateAction: Bool { TemplateHint.firstAction(in: self) != nil }
}
