import ConfigTree

/// Lints one file at a time: load, build views, run every rule, apply options, sort.
///
/// A `Linter` is a value with no shared mutable state, so files can be linted in parallel.
public struct Linter: Sendable {
    public var options: LintOptions
    public var limits: LoadLimits
    public var model: ServiceModel

    public init(options: LintOptions = LintOptions(), limits: LoadLimits = .default, model: ServiceModel = ServiceModel()) {
        self.options = options
        self.limits = limits
        self.model = model
    }

    public func lint(_ file: SourceFile) -> FileReport {
        let loaded = ConfigLoader.load(file, limits: limits)
        var diagnostics = loaded.issues.map(Self.diagnostic(from:))
        var secrets: [SecretValue] = []
        if let root = loaded.root {
            let service = model.service(root)
            secrets = SecretCatalog.secrets(in: service)
            let context = LintContext(file: file, root: root, service: service, options: options)
            let rules = RuleRegistry.visitorRules.filter { !options.disabledRules.contains($0.id) }.map { $0.init() }
            Traversal(rules: rules, context: context).run()
            diagnostics += context.diagnostics
        }
        diagnostics = finalize(diagnostics, root: loaded.root, file: file)
        return FileReport(file: file, root: loaded.root, diagnostics: diagnostics, secrets: secrets)
    }

    /// Applies suppressions in the file, then disabled rules, severity overrides and the configuration's
    /// policy; sorts, and removes exact duplicates.
    func finalize(_ diagnostics: [Diagnostic], root: Node?, file: SourceFile) -> [Diagnostic] {
        let unsuppressed = options.suppressions
            ? Suppressions.apply(to: diagnostics, root: root, file: file, knownRules: RuleRegistry.allIDs)
            : diagnostics
        var seen = Set<Diagnostic>()
        var result: [Diagnostic] = []
        for var diagnostic in unsuppressed where !options.disabledRules.contains(diagnostic.ruleID) {
            if let severity = options.severityOverrides[diagnostic.ruleID] { diagnostic.severity = severity }
            switch options.policy.level(for: diagnostic.ruleID, at: diagnostic.pointer) {
            case .off?: continue
            case .on(let severity)?: diagnostic.severity = severity
            case nil: break
            }
            if seen.insert(diagnostic).inserted { result.append(diagnostic) }
        }
        return result.sorted(by: Diagnostic.ordered)
    }

    static func diagnostic(from issue: LoadIssue) -> Diagnostic {
        let rule = LoaderRules.description(for: issue.code)
        return Diagnostic(
            ruleID: rule.id,
            severity: issue.severity == .error ? .error : .warning,
            message: issue.message,
            span: issue.span,
            pointer: .root,
            fix: issue.hint
        )
    }
}
