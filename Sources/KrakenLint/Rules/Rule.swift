/// A lint rule: a small visitor over the typed views of one configuration.
///
/// The linter makes a fresh instance per file and walks the tree once, calling the hooks in source
/// order (service, its namespaces, then each endpoint, its namespaces, its backends and theirs,
/// workflows nested inside backends, async agents). A rule overrides only the hooks it needs and may
/// keep per-file state between hooks; `finish` runs last for file-wide conclusions.
public protocol Rule: AnyObject {
    static var description: RuleDescription { get }
    init()
    func visitService(_ service: ServiceView, in context: LintContext)
    func visitEndpoint(_ endpoint: EndpointView, in context: LintContext)
    func visitBackend(_ backend: BackendView, in context: LintContext)
    func visitAsyncAgent(_ agent: AsyncAgentView, in context: LintContext)
    func visitNamespace(_ namespace: NamespaceView, in context: LintContext)
    func finish(in context: LintContext)
    /// Which namespace blocks `visitNamespace` receives: none (the default), all, or some by current name.
    /// A rule that implements `visitNamespace` says so here; a rule about one namespace names it, so the
    /// walk does not call it for the thousands of other blocks of a large file.
    static var visitedNamespaces: VisitedNamespaces { get }
}

/// The namespace blocks a rule's `visitNamespace` hook is called for.
public enum VisitedNamespaces: Sendable {
    case none
    case all
    case named(Set<String>)
}

extension Rule {
    public func visitService(_ service: ServiceView, in context: LintContext) {}
    public func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {}
    public func visitBackend(_ backend: BackendView, in context: LintContext) {}
    public func visitAsyncAgent(_ agent: AsyncAgentView, in context: LintContext) {}
    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {}
    public func finish(in context: LintContext) {}
    public static var visitedNamespaces: VisitedNamespaces { .none }

    /// Shorthand for the rule's id.
    public static var id: String { description.id }
}
