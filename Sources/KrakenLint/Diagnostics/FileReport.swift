import ConfigTree

/// Everything the linter found in one file, with what a reporter needs to print it safely.
public struct FileReport: Sendable {
    public let file: SourceFile
    /// The parsed tree, or nil when the file could not be read as JSON or YAML.
    public let root: Node?
    /// The typed model of the tree (endpoints, backends, namespaces), or nil when there is no tree.
    public let service: ServiceView?
    /// Findings sorted by position, without duplicates.
    public var diagnostics: [Diagnostic]
    /// Values of secret fields in this file, with their spans, so reporters can mask them.
    public var secrets: [SecretValue]

    public init(file: SourceFile, root: Node?, service: ServiceView? = nil, diagnostics: [Diagnostic], secrets: [SecretValue]) {
        self.file = file
        self.root = root
        self.service = service
        self.diagnostics = diagnostics
        self.secrets = secrets
    }

    /// The same report without the tree and the model, for holding many reports until they are printed
    /// (reporters read only the file, the findings and the secrets).
    public var withoutTree: FileReport {
        FileReport(file: file, root: nil, service: nil, diagnostics: diagnostics, secrets: secrets)
    }

    public func count(_ severity: Severity) -> Int { diagnostics.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }

    /// The most serious severity found, or nil when clean.
    public var worstSeverity: Severity? { diagnostics.map(\.severity).max() }
}
