import ConfigTree

/// Something wrong with a flexible-configuration project, found while loading or rendering it, at the place
/// in a template, partial, settings file or folder that caused it.
///
/// KrakenD logs most of these in one line and falls back to parsing the raw template, or renders without a
/// word (a missing partial, `<no value>`); here each one is a finding with a position.
public struct FlexibleConfigProblem: Sendable {
    /// Stable codes, used as rule ids (`template/parse`).
    public enum Code: String, Sendable, CaseIterable {
        /// A settings file that does not decode into an object, or a folder that cannot be listed.
        case settings = "template/settings"
        /// The templates folder or a template file cannot be read.
        case templates = "template/templates"
        /// A parse error in the base template or a sub-template (KrakenD falls back to the raw file).
        case parse = "template/parse"
        /// An execution error (KrakenD falls back to the raw file).
        case execution = "template/execution"
        /// A render limit was reached (output size, depth, iterations).
        case limit = "template/limit"
        /// `include` of a partial that does not exist: KrakenD inserts nothing and says nothing.
        case missingPartial = "template/missing-partial"
        /// `<no value>` in the output: a missing settings key or a null, printed as text.
        case noValue = "template/no-value"
        /// A formatting error such as `%!d(string=x)` in the output.
        case formatError = "template/format-error"
        /// An Enterprise `$ref` that cannot be replaced.
        case reference = "template/reference"
        /// The Enterprise behaviour file is unreadable or invalid.
        case enterpriseConfig = "template/enterprise-config"
    }

    public enum Severity: String, Sendable { case error, warning }

    /// A place in one of the project's files.
    public struct Location: Sendable, Equatable {
        public var path: String
        public var span: Span
        public init(path: String, span: Span) {
            self.path = path
            self.span = span
        }
    }

    /// A second place that explains the first ("included from", "expanded by range at").
    public struct Note: Sendable, Equatable {
        public var message: String
        public var location: Location
        public init(message: String, location: Location) {
            self.message = message
            self.location = location
        }
    }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var location: Location
    public var notes: [Note]
    public var hint: String?

    public init(code: Code, severity: Severity = .error, message: String, location: Location, notes: [Note] = [], hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.hint = hint
    }

    /// A settings or templates folder that cannot be listed: KrakenD CE stops before any template is parsed.
    static func unreadableFolder(_ code: Code, role: String, folder: String, reason: String, hint: String) -> FlexibleConfigProblem {
        FlexibleConfigProblem(
            code: code,
            message: "the \(role) folder \(folder) cannot be read: \(reason); KrakenD stops with \"loading flexible-config settings\"",
            location: .init(path: folder, span: Span(at: 0)), hint: hint
        )
    }
}
