import ConfigTree
import GoTemplate

/// Turns the engine's errors, which carry Go's wording and a template name, line and column, into problems at
/// a span of the file that holds the template.
enum TemplateErrorPlacement {
    static func problem(for error: TemplateError, code: FlexibleConfigProblem.Code, sources: [String: SourceFile]) -> FlexibleConfigProblem {
        let path = error.source ?? error.templateName
        let span = span(of: error, in: sources[path])
        if code == .limit {
            return FlexibleConfigProblem(
                code: code,
                message: "rendering stopped at a limit of krakenlint's: \(plainMessage(of: error))",
                location: .init(path: path, span: span),
                hint: limitHint(for: error)
            )
        }
        let stage = code == .parse ? "KrakenD cannot parse the template" : "KrakenD stops rendering"
        return FlexibleConfigProblem(
            code: code,
            message: "\(stage): \(plainMessage(of: error)); KrakenD logs this and then parses the raw, unrendered file, "
                + "which fails with an unrelated JSON error",
            location: .init(path: path, span: span),
            hint: hint(for: error)
        )
    }

    /// The place of the error: its byte offset when the engine knows it, else the start of its line.
    private static func span(of error: TemplateError, in file: SourceFile?) -> Span {
        if let offset = error.offset { return Span(at: offset) }
        if let file, let line = error.line, let range = file.byteRange(ofLine: line) {
            return Span(at: range.lowerBound)
        }
        return Span(at: 0)
    }

    /// Go's message without the `template: NAME:LINE:COL: ` prefix, which the position already says.
    static func plainMessage(of error: TemplateError) -> String {
        var text = error.description
        if text.hasPrefix("template: ") {
            text.removeFirst("template: ".count)
            // NAME:LINE: or NAME:LINE:COL: — drop up to the ": " after the numbers.
            if let range = text.range(of: #"^[^:]*:\d+(:\d+)?: "#, options: .regularExpression) {
                text.removeSubrange(range)
            }
        }
        return text
    }

    /// The flag that raises the limit a rendering stopped at.
    private static func limitHint(for error: TemplateError) -> String {
        let text = error.description
        let flag: String
        if text.contains("output exceeds the limit") {
            flag = "--max-output-size BYTES"
        } else if text.contains("range iterations exceed") {
            flag = "--max-range-iterations N"
        } else if text.contains("bytes or elements exceeds the limit") {
            flag = "--max-function-result N"
        } else {
            flag = "--max-template-depth N"
        }
        return "a template that really needs more can pass with \(flag)"
    }

    private static func hint(for error: TemplateError) -> String? {
        let text = error.description
        if let name = quoted(after: "function \"", in: text), text.contains("not defined") {
            switch name {
            case "toYaml", "fromYaml", "tpl", "required", "lookup":
                return "\(name) is a Helm function; KrakenD offers Go's built-ins, sprig's functions, marshal and include"
            default:
                return "KrakenD offers Go's built-ins, sprig v3's functions, marshal and include; check the spelling"
            }
        }
        if text.contains("bad character U+002D '-'") {
            return "a key with a hyphen cannot be written as .a-b; use index, for example (index . \"api-gw\")"
        }
        if text.contains("bad number syntax") {
            return "a key that starts with a digit cannot be written as .key; use index, for example (index .a \"3rd\")"
        }
        if text.contains("template \""), text.hasSuffix("not defined") {
            return "a sub-template is named by its file name (endpoints.tmpl) or by a define in a file of the templates folder; "
                + "check FC_TEMPLATES (or --templates)"
        }
        return nil
    }

    private static func quoted(after marker: String, in text: String) -> String? {
        guard let start = text.range(of: marker) else { return nil }
        let rest = text[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
