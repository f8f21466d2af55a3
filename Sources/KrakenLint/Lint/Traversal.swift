/// Walks a configuration once, calling every rule's hooks in source order.
struct Traversal {
    let rules: [any Rule]
    let context: LintContext
    /// The rules that see every namespace block, and those that asked for some namespaces only, by name
    /// (rules that visit no namespace are in neither).
    private let everyNamespace: [any Rule]
    private let byNamespace: [String: [any Rule]]
    private let namedFilter: NameFilter

    init(rules: [any Rule], context: LintContext) {
        self.rules = rules
        self.context = context
        var every: [any Rule] = []
        var named: [String: [any Rule]] = [:]
        for rule in rules {
            switch type(of: rule).visitedNamespaces {
            case .none: continue
            case .all: every.append(rule)
            case .named(let names): for name in names { named[name, default: []].append(rule) }
            }
        }
        everyNamespace = every
        byNamespace = named
        namedFilter = NameFilter(named.keys)
    }

    // The walks index the model's arrays instead of iterating copies of them: the views are shared by the
    // rule groups, the secret catalog and the schema validation running on other cores, and each copy of a
    // shared reference is an atomic retain and release on a contended counter.

    func run() {
        let service = context.service
        for rule in rules { rule.visitService(service, in: context) }
        visitNamespaces(of: service.extraConfig)
        for endpoint in service.endpoints.indices { visit(service.endpoints[endpoint]) }
        for index in service.asyncAgents.indices {
            let agent = service.asyncAgents[index]
            for rule in rules { rule.visitAsyncAgent(agent, in: context) }
            visitNamespaces(of: agent.extraConfig)
            for backend in agent.backends.indices { visit(agent.backends[backend]) }
        }
        for rule in rules { rule.finish(in: context) }
    }

    private func visit(_ endpoint: EndpointView) {
        for rule in rules { rule.visitEndpoint(endpoint, in: context) }
        visitNamespaces(of: endpoint.extraConfig)
        for backend in endpoint.backends.indices { visit(endpoint.backends[backend]) }
    }

    private func visit(_ backend: BackendView) {
        for rule in rules { rule.visitBackend(backend, in: context) }
        visitNamespaces(of: backend.extraConfig)
        if let workflow = backend.workflow { visit(workflow) }
    }

    private func visitNamespaces(of extraConfig: ExtraConfigView?) {
        guard let extraConfig, !everyNamespace.isEmpty || !byNamespace.isEmpty else { return }
        let filtered = !byNamespace.isEmpty
        for index in extraConfig.namespaces.indices {
            let namespace = extraConfig.namespaces[index]
            for rule in everyNamespace { rule.visitNamespace(namespace, in: context) }
            if filtered, namedFilter.mayContain(namespace.name), let named = byNamespace[namespace.name] {
                for rule in named { rule.visitNamespace(namespace, in: context) }
            }
        }
    }
}
