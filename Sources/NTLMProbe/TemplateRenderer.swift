/// Renders the small part of KrakenD flexible configuration that credentials use: `{{ env "NAME" }}` actions
/// inside a string, each replaced by the variable's value from an injected environment.
///
/// Anything else between `{{` and `}}` (pipes, other functions, settings lookups) is not rendered; the caller
/// reports it so the user can render the file first (`FC_OUT`) and probe the result.
public enum TemplateRenderer {
    /// Why a template could not be rendered. Messages name variables, never values.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case unsetVariable(String)
        case unsupportedAction(String)
        case unterminatedAction

        public var description: String {
            switch self {
            case .unsetVariable(let name):
                return "environment variable \(name) is not set"
            case .unsupportedAction(let word):
                let shown = word.isEmpty ? "…" : word + " …"
                return "template action {{ \(shown) }} is not supported here; only {{ env \"NAME\" }} is rendered "
                    + "(render the file with FC_OUT and probe the result)"
            case .unterminatedAction:
                return "template action opened with {{ is never closed with }}"
            }
        }
    }

    /// Whether `text` contains a template action.
    public static func isTemplate(_ text: String) -> Bool { text.contains("{{") }

    /// `text` with every `{{ env "NAME" }}` replaced by the value of NAME in `environment`.
    public static func render(_ text: String, environment: [String: String]) throws(Problem) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            output += rest[rest.startIndex..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { throw .unterminatedAction }
            let action = String(afterOpen[afterOpen.startIndex..<close.lowerBound])
            output += try evaluate(action, environment: environment)
            rest = afterOpen[close.upperBound...]
        }
        output += rest
        return output
    }

    /// The variable names `text` reads, in order (for messages and tests).
    public static func variableNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.range(of: "}}") else { break }
            if let name = envVariableName(String(afterOpen[afterOpen.startIndex..<close.lowerBound])) {
                names.append(name)
            }
            rest = afterOpen[close.upperBound...]
        }
        return names
    }

    private static func evaluate(_ action: String, environment: [String: String]) throws(Problem) -> String {
        guard let name = envVariableName(action) else {
            throw .unsupportedAction(leadingIdentifier(of: action))
        }
        guard let value = environment[name] else { throw .unsetVariable(name) }
        return value
    }

    /// The action without Go's whitespace-trim markers (`{{- ... -}}`) and surrounding spaces.
    private static func trimmedAction(_ action: String) -> String {
        var body = Substring(action)
        if body.hasPrefix("- ") { body = body.dropFirst(2) }
        if body.hasSuffix(" -") { body = body.dropLast(2) }
        return body.strippingCharacters(" \t\n\r")
    }

    /// The action's first word when it is a function or field name, so a message can show it without
    /// echoing a literal that might be a secret.
    private static func leadingIdentifier(of action: String) -> String {
        let body = trimmedAction(action)
        let word = body.prefix { $0 != " " && $0 != "\t" && $0 != "|" }
        let allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$"
        guard !word.isEmpty, word.unicodeScalars.allSatisfy({ allowed.unicodeScalars.contains($0) }) else { return "" }
        return String(word)
    }

    /// NAME for an action of the form `env "NAME"` or ``env `NAME` ``, otherwise nil.
    private static func envVariableName(_ action: String) -> String? {
        let body = trimmedAction(action)
        guard body.hasPrefix("env") else { return nil }
        let argument = body.dropFirst(3)
        guard let first = argument.first, first == " " || first == "\t" else { return nil }
        let quoted = argument.strippingCharacters(" \t")
        guard quoted.count >= 2, let quote = quoted.first, quote == "\"" || quote == "`",
            quoted.last == quote
        else { return nil }
        let name = quoted.dropFirst().dropLast()
        guard !name.isEmpty, !name.contains(quote), !name.contains("\\") else { return nil }
        return String(name)
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `set`.
    func strippingCharacters(_ set: String) -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, set.unicodeScalars.contains(scalars[start]) { start += 1 }
        while end > start, set.unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
