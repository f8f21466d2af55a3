import ConfigTree

/// `krakend/duplicate-endpoint`: two endpoints with the same method and the same path.
public final class DuplicateEndpointRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/duplicate-endpoint",
        severity: .error,
        summary: "Two endpoints have the same method and path",
        explanation: """
            KrakenD registers every endpoint in its router under its method. A second endpoint with the same \
            method and the same path, once normalised ("a" is "/a", "{id}" is the parameter ":id"), is refused \
            by the router and KrakenD panics at start. "krakend check" does not see it; only "krakend check \
            -t" does. A path equal to the router's custom health_path counts too. Paths with a "*" are not \
            compared.
            """,
        fix: "Remove one of the two endpoints, merge their backends into one, or give them different paths or methods.",
        triggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/users/{id}", "backend": [{"url_pattern": "/u/{id}"}]},
                  {"endpoint": ↓"/users/:id", "method": "get", "backend": [{"url_pattern": "/v"}]}
                ]}
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/a", "method": "POST", "backend": [{"url_pattern": "/a"}]},
                  {"endpoint": ↓"a", "method": "POST", "backend": [{"url_pattern": "/b"}]}
                ]}
                """#),
            RuleExample(#"""
                {"version": 3, "extra_config": {"router": {"health_path": "/status"}}, "endpoints": [
                  {"endpoint": ↓"/status", "backend": [{"url_pattern": "/s"}]}
                ]}
                """#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    backend: [{url_pattern: /a}]\n  - endpoint: ↓/a\n    backend: [{url_pattern: /b}]\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/a", "method": "GET", "backend": [{"url_pattern": "/a"}]},
                  {"endpoint": "/a", "method": "POST", "backend": [{"url_pattern": "/a"}]},
                  {"endpoint": "/a/", "backend": [{"url_pattern": "/a"}]}
                ]}
                """#),
            RuleExample(#"""
                {"version": 3, "extra_config": {"router": {"health_path": "/status", "disable_health": true}}, "endpoints": [
                  {"endpoint": "/status", "backend": [{"url_pattern": "/s"}]}
                ]}
                """#),
        ]
    )

    static let healthFix = "Give the endpoint another path, or move the health check with router health_path (or turn it off with disable_health)."

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        let rule = Self.description
        for finding in context.routes.findings {
            guard case .duplicate(let owner) = finding.refusal, let value = finding.endpoint.node["endpoint"] else { continue }
            context.report(
                rule,
                "\(finding.method) \(KrakenDText.quoted(value.string ?? "")) is already defined by \(RouteRegistrations.describe(owner: owner, in: service, file: context.file)); the router refuses it and KrakenD panics at start",
                at: value.span, pointer: finding.endpoint.pointer.appending("endpoint"),
                fix: owner == RouteRegistrations.healthCheckOwner ? Self.healthFix : rule.fix
            )
        }
    }
}
