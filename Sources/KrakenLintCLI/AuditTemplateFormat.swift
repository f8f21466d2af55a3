import Findings
import GoTemplate
import KrakenLint
import Reporting

/// `krakenlint audit --format '{{…}}'`: KrakenD's `-f` option, a Go `text/template` executed over the data
/// `krakend audit` passes (``AuditTemplateData``) with KrakenD's two functions, `marshal` and `colored`,
/// besides Go's built-ins.
///
/// A format is a template when it is not one of krakenlint's format names and contains `{{`.
struct AuditTemplateFormat {
    /// KrakenD's name for the template, which Go's error messages quote (`template: audit:1: …`).
    static let name = "audit"

    private let templates: TemplateSet
    private let text: String

    /// Whether `format` is to be read as a template rather than a format name.
    static func isTemplate(_ format: String) -> Bool {
        ReportFormat(rawValue: format) == nil && format.contains("{{")
    }

    /// Parses the template. `colored` false makes the `colored` function return its argument unchanged
    /// (`--color never`); otherwise it adds KrakenD's ANSI colors whatever the output is, as KrakenD does.
    init(_ text: String, colored: Bool) throws(UsageError) {
        self.text = text
        templates = TemplateSet(functions: Self.functions(colored: colored))
        do {
            try templates.parse(name: Self.name, text: text)
        } catch {
            throw Self.usageError(error, in: text)
        }
    }

    /// The template's output for one report: its audit findings as KrakenD's recommendations.
    func render(_ report: Report) throws(UsageError) -> String {
        let data = AuditTemplateData(findings: report.findings) { Redaction.scrub($0, in: report) }
        do {
            return try templates.execute(Self.name, data: Value(.object(data))).text
        } catch {
            throw Self.usageError(error, in: text)
        }
    }

    static func functions(colored: Bool) -> FunctionMap {
        [
            "marshal": TemplateFunction(parameters: [.interface], result: .string) { arguments, _ in
                .string(AuditTemplateJSON.marshal(arguments[0]))
            },
            "colored": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                guard case .string(let severity) = arguments[0].storage else { return arguments[0] }
                return .string(colored ? Self.colored(severity) : severity)
            },
        ]
    }

    /// KrakenD's colors: LOW bold green, MEDIUM bold yellow, HIGH bold red, CRITICAL bold on a red
    /// background; any other text unchanged.
    static func colored(_ severity: String) -> String {
        let code: String
        switch severity {
        case AuditSeverity.low.rawValue: code = "32;1"
        case AuditSeverity.medium.rawValue: code = "33;1"
        case AuditSeverity.high.rawValue: code = "31;1"
        case AuditSeverity.critical.rawValue: code = "41;1"
        default: return severity
        }
        return "\u{1B}[\(code)m\(severity)\u{1B}[0m"
    }

    /// Go's error text, then the template line it is on with a caret under the place when Go gives one.
    private static func usageError(_ error: TemplateError, in text: String) -> UsageError {
        var message = "--format template: \(error.description)"
        if let excerpt = excerpt(of: error, in: text) { message += "\n" + excerpt }
        return UsageError(message)
    }

    private static func excerpt(of error: TemplateError, in text: String) -> String? {
        let bytes = Array(text.utf8)
        var lineStart = 0, lineNumber = 1
        let column: Int?
        if let offset = error.offset, offset >= 0, offset <= bytes.count {
            for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
                lineStart = index + 1
                lineNumber += 1
            }
            column = offset - lineStart
        } else if let line = error.line, line >= 1 {
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") && lineNumber < line {
                lineStart = index + 1
                lineNumber += 1
            }
            guard lineNumber == line else { return nil }
            column = error.column
        } else {
            return nil
        }
        let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let gutter = String(lineNumber)
        var out = " \(gutter) | \(line)"
        if let column, column >= 0, column <= lineEnd - lineStart {
            // Columns count bytes; the caret is placed under the same number of characters.
            let before = String(decoding: bytes[lineStart..<(lineStart + column)], as: UTF8.self)
            let padding = String(before.map { $0 == "\t" ? "\t" : " " })
            out += "\n " + String(repeating: " ", count: gutter.count) + " | " + padding + "^"
        }
        return out
    }
}
