import ConfigTree

/// One finding in one file: which rule, how serious, where, and how to fix it.
///
/// Messages never contain the value of a secret field; rules word them so, and reporters
/// additionally redact every registered secret value as a safety net.
public struct Diagnostic: Sendable, Hashable {
    /// The stable rule id, e.g. `ntlm/plaintext-password`, `schema/required`, `syntax`.
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// Where in the file: the key or value the finding is about.
    public var span: Span
    /// The JSON Pointer of the value the finding is about (`""` for the root).
    public var pointer: JSONPointer
    /// A concrete fix, when there is one to suggest.
    public var fix: String?

    public init(ruleID: String, severity: Severity, message: String, span: Span, pointer: JSONPointer, fix: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.span = span
        self.pointer = pointer
        self.fix = fix
    }

    /// Sort order for output: line, column, rule id, message.
    public static func ordered(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.span.start != rhs.span.start { return lhs.span.start < rhs.span.start }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
