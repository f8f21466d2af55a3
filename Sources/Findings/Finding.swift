import ConfigTree

/// One finding: which rule, how serious, what, where (its own file and span), where else it concerns,
/// and how to fix it. Lint rules, the schema check, the prober and `validate` all produce findings; the
/// reporters print them.
///
/// Messages never contain the value of a secret field; producers word them so, and reporters additionally
/// redact every registered secret value as a safety net.
public struct Finding: Sendable, Hashable {
    /// The stable rule id, e.g. `ntlm/plaintext-password`, `schema/required`, `syntax`, `probe/rejected`.
    public var ruleID: String
    public var severity: Severity
    public var message: String
    /// Where the finding is: the key or value it is about, in its own file.
    public var location: Location
    /// Other places that explain the finding (the first definition of a duplicate, the rendered position
    /// of a template line), each with a message of its own. They may lie in other files.
    public var related: [RelatedLocation]
    /// The JSON Pointer of the value the finding is about (`""` for the root).
    public var pointer: JSONPointer
    /// A concrete fix, when there is one to suggest.
    public var fix: String?
    /// Free-form facts a producer keeps for machine-readable formats (JSON `properties`, SARIF
    /// `properties`): the severity an upstream tool gave, a score. Text formats do not print them.
    public var properties: [String: PropertyValue]

    /// A finding in the file its report is about (`location.file` is filled in by `Report`).
    /// Inlinable, so a producer builds the finding in place: called across the module boundary, the finding was
    /// made, then copied out and destroyed (an audit makes tens of thousands).
    @inlinable
    public init(ruleID: String, severity: Severity, message: String, span: Span, pointer: JSONPointer, fix: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = Location(span: span)
        self.related = []
        self.pointer = pointer
        self.fix = fix
        self.properties = [:]
    }

    public init(
        ruleID: String, severity: Severity, message: String, location: Location, pointer: JSONPointer,
        fix: String? = nil, related: [RelatedLocation] = [], properties: [String: PropertyValue] = [:]
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.related = related
        self.pointer = pointer
        self.fix = fix
        self.properties = properties
    }

    /// The span of `location`, in its file.
    public var span: Span {
        get { location.span }
        set { location.span = newValue }
    }

    /// Sort order for output: file, then position, rule id, message.
    public static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let leftPath = lhs.location.file?.path ?? "", rightPath = rhs.location.file?.path ?? ""
        if leftPath != rightPath { return leftPath < rightPath }
        if lhs.span.start != rhs.span.start { return lhs.span.start < rhs.span.start }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}

/// A span in a source file.
public struct Location: Sendable, Hashable {
    /// The file the span is in; nil means the input of the report that holds the finding, and `Report`
    /// replaces it with that file, so findings read from a report always have one.
    public var file: SourceFile?
    public var span: Span

    public init(file: SourceFile? = nil, span: Span) {
        self.file = file
        self.span = span
    }

    /// Where the span starts and ends as lines and columns (an end before the start is read as the start).
    /// Nil when the location has no file yet.
    public var positions: (start: SourcePosition, end: SourcePosition)? {
        guard let file else { return nil }
        let (start, end) = file.positions(of: span)
        return (start, end.offset >= start.offset ? end : start)
    }

    /// Files are the same when their display paths are: two reads of one file are one location.
    public static func == (lhs: Location, rhs: Location) -> Bool {
        lhs.span == rhs.span && lhs.file?.path == rhs.file?.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(span)
        hasher.combine(file?.path)
    }
}

/// Another place a finding concerns, with what to say about it (`first defined here`, `rendered here`).
public struct RelatedLocation: Sendable, Hashable {
    public var location: Location
    public var message: String

    public init(_ location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

/// The value of a finding property: a string or a number.
public enum PropertyValue: Sendable, Hashable {
    case string(String)
    case number(Double)
}

extension Finding {
    /// A reader's problem with a file (syntax, encoding, duplicate key, limit, structure) as a finding whose
    /// rule id is the issue's code; every command reports unreadable input this way.
    public init(_ issue: LoadIssue, in file: SourceFile? = nil) {
        self.init(
            ruleID: issue.code.rawValue, severity: issue.severity == .error ? .error : .warning, message: issue.message,
            location: Location(file: file, span: issue.span), pointer: .root, fix: issue.hint
        )
    }
}
