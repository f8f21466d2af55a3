import ConfigTree

/// `krakend/backend-without-host`: a backend with no host of its own while the root has none either.
public final class BackendWithoutHostRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/backend-without-host",
        severity: .error,
        summary: "A backend has no host and the root has none to fall back on",
        explanation: """
            A backend without "host" uses the root "host" list. When that is missing or empty too, KrakenD \
            still starts and "krakend check" passes (KrakenD CE issue 948), but the backend has nowhere to \
            send requests: every call through it fails at request time. This is reported as an error because \
            the endpoint can never work, even though KrakenD accepts the file. Backends whose extra_config \
            replaces the HTTP call and does not need a host (backend/lambda, backend/static-filesystem, \
            workflow, plugin/http-client) are not reported.
            """,
        fix: #"Add "host": ["http://service:8080"] to the backend, or a root "host" list that backends without their own can use."#,
        triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [↓{"url_pattern": "/a"}]}]}"#),
            RuleExample(#"{"version": 3, "host": [], "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}, ↓{"url_pattern": "/b", "host": []}]}]}"#),
            RuleExample(#"""
                {"version": 3, "async_agent": [{"name": "a", "consumer": {"topic": "t"}, "extra_config": {},
                  "backend": [↓{"url_pattern": "/q"}]}]}
                """#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    backend:\n      - ↓url_pattern: /a\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "host": ["http://root:8080"], "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": "http://single"}]}]}"#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/fn", "backend": [
                  {"url_pattern": "/fn", "extra_config": {"backend/lambda": {"function_name": "f"}}}]}]}
                """#),
        ]
    )

    /// Namespaces that replace the HTTP call with something that does not use `host`.
    static let hostlessNamespaces: Set<String> = ["backend/lambda", "backend/static-filesystem", "workflow", "plugin/http-client"]

    private var rootHasHost = false

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        rootHasHost = Self.hasHost(service.node)
    }

    public func visitBackend(_ backend: BackendView, in context: LintContext) {
        // Workflow backends are an Enterprise feature whose host fallback is not documented in public code.
        guard backend.owner != .workflow, !rootHasHost, !Self.hasHost(backend.node) else { return }
        if let namespaces = backend.extraConfig?.namespaces, namespaces.contains(where: { Self.hostlessNamespaces.contains($0.name) }) { return }
        let rule = Self.description
        let pattern = backend.urlPattern.map { " (url_pattern \(KrakenDText.quoted($0)))" } ?? ""
        context.report(
            rule,
            "backend\(pattern) has no host and the root declares none; KrakenD starts, but every request through this backend fails",
            at: Span(at: backend.node.span.start), pointer: backend.pointer, fix: rule.fix
        )
    }

    /// True when `node` has a `host` that KrakenD decodes to at least one entry.
    static func hasHost(_ node: Node) -> Bool {
        guard let value = node["host"], !value.isNull else { return false }
        return value.elements.map { !$0.isEmpty } ?? true
    }
}
