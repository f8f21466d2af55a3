/// A problem the loader found while reading a file: a syntax error, a limit, or a warning such as a duplicate key.
///
/// An `error` means the file could not be turned into a tree; a `warning` leaves the tree usable.
public struct LoadIssue: Sendable, Equatable {
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// Stable codes, used as rule ids by the linter.
    public enum Code: String, Sendable {
        /// Not valid JSON or YAML.
        case syntax = "syntax"
        /// Bytes that are not UTF-8.
        case encoding = "encoding"
        /// A JSON object repeats a key (KrakenD keeps the last one).
        case duplicateKey = "duplicate-key"
        /// The file or a part of it exceeds a `LoadLimits` bound.
        case limit = "limit"
        /// A well-formed file that cannot be a configuration (empty, top level not an object, several YAML documents).
        case structure = "structure"
    }

    public var code: Code
    public var severity: Severity
    public var message: String
    public var span: Span
    /// How to fix it, when there is something specific to say.
    public var hint: String?

    public init(code: Code, severity: Severity = .error, message: String, span: Span, hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.hint = hint
    }
}

/// What loading a file produced: the tree (nil when an error prevented it) and every issue found.
public struct LoadResult: Sendable {
    public var root: Node?
    public var issues: [LoadIssue]

    public init(root: Node?, issues: [LoadIssue]) {
        self.root = root
        self.issues = issues
    }
}
