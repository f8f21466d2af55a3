import ConfigTree

/// What a rule sees while it checks one file, and where it reports.
public final class LintContext {
    public let file: SourceFile
    public let root: Node
    public let service: ServiceView
    public let options: LintOptions
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the audit worked out about the configuration, when it ran in this context (`AuditCollector`).
    var auditFacts: AuditFacts?

    init(file: SourceFile, root: Node, service: ServiceView, options: LintOptions) {
        self.file = file
        self.root = root
        self.service = service
        self.options = options
    }

    /// Records a finding of `rule` at `span`, with its default severity.
    public func report(_ rule: RuleDescription, _ message: String, at span: Span, pointer: JSONPointer, fix: String? = nil) {
        diagnostics.append(Diagnostic(ruleID: rule.id, severity: rule.defaultSeverity, message: message, span: span, pointer: pointer, fix: fix))
    }

    /// Makes room for `count` more findings.
    func reserveCapacity(forMore count: Int) { diagnostics.reserveCapacity(diagnostics.count + count) }

    /// Records a finding about the value at `pointer`, placed on its key when it has one (where people look)
    /// and on the value otherwise.
    public func report(_ rule: RuleDescription, _ message: String, about pointer: JSONPointer, fix: String? = nil) {
        let span = root.keySpan(at: pointer) ?? root.resolve(pointer)?.span ?? root.span
        report(rule, message, at: span, pointer: pointer, fix: fix)
    }

    /// The endpoints registered in KrakenD's router, and what it would refuse; built on first use and
    /// shared by the rules that need it (duplicate endpoints, route collisions).
    lazy var routes = RouteRegistrations(service: service)

    /// The hosts a backend will call: its own, or the root's when it has none.
    public func effectiveHosts(of backend: BackendView) -> [HostEntry] {
        backend.hosts.isEmpty ? service.hosts : backend.hosts
    }
}
