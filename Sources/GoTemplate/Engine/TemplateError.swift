/// A failure to parse or execute a template. `description` is exactly what Go's `err.Error()` prints
/// (`template: krakend.tmpl:23:16: executing "krakend.tmpl" at <.x>: …`); the other properties give the same
/// facts in structured form.
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The text is not a valid template (or names an unknown function).
        case parse
        /// Evaluation failed as Go's would.
        case execution
        /// A bound of ``ExecutionOptions`` was exceeded (depth, output size, iterations, native stack).
        case limit
    }

    public let kind: Kind
    /// Go's error text.
    public let description: String
    /// The template the error is reported in: for parse errors the name given to `parse`, for execution
    /// errors the template being executed.
    public let templateName: String
    /// 1-based line, when Go reports one.
    public let line: Int?
    /// 0-based byte column, when Go reports one (execution errors).
    public let column: Int?
    /// The file path given to `parse`, if any.
    public let source: String?
    /// Byte offset in the template text, when known.
    public let offset: Int?

    public init(
        kind: Kind, description: String, templateName: String, line: Int? = nil, column: Int? = nil,
        source: String? = nil, offset: Int? = nil
    ) {
        self.kind = kind
        self.description = description
        self.templateName = templateName
        self.line = line
        self.column = column
        self.source = source
        self.offset = offset
    }
}
