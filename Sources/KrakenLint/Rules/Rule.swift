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
    /// The namespaces (current names) whose blocks `visitNamespace` receives, or nil for every one. A rule
    /// about one namespace names it here, so the walk skips it for the thousands of other blocks.
    static var visitedNamespaces: Set<String>? { get }
}

extension Rule {
    public func visitService(_ service: ServiceView, in context: LintContext) {}
    public func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {}
    public func visitBackend(_ backend: BackendView, in context: LintContext) {}
    public func visitAsyncAgent(_ agent: AsyncAgentView, in context: LintContext) {}
    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {}
    public func finish(in context: LintContext) {}
    public static var visitedNamespaces: Set<String>? { nil }

    /// Shorthand for the rule's id.
    public static var id: String { description.id }
}
