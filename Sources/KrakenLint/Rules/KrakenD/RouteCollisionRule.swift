import ConfigTree

/// `krakend/route-collision`: an endpoint path that KrakenD's router (gin) refuses to register.
public final class RouteCollisionRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/route-collision",
        severity: .error,
        summary: "An endpoint path collides with another in the router, or has a wildcard the router cannot parse",
        explanation: """
            KrakenD's router (gin) turns "/{id}" into the parameter ":id"; a ":" written in the path starts a \
            parameter too, up to the next "/". For one method, the router cannot hold two different \
            parameters at the same place after the same prefix: "/a/{id}" and "/a/{name}/b" collide, while \
            "/a/{id}" and "/a/new" are fine. It also refuses a parameter with no name ("/a/:") or with a \
            second ":" in the same segment ("/v1/{a}:{b}" with disable_rest). Each of these makes KrakenD \
            panic at start; "krakend check" does not see it, only "krakend check -t" does. With the router's \
            auto_options, every path is also registered for OPTIONS, so paths collide across methods as well. \
            Paths with a "*" are not compared.
            """,
        fix: "Use the same parameter name at the same place in every path that shares the prefix (e.g. {id} everywhere), and avoid a literal \":\" in paths.",
        triggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/users/{id}", "backend": [{"url_pattern": "/u/{id}"}]},
                  {"endpoint": ↓"/users/{name}/posts", "backend": [{"url_pattern": "/p/{name}"}]}
                ]}
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/v1/users:batchGet", "method": "POST", "backend": [{"url_pattern": "/b"}]},
                  {"endpoint": ↓"/v1/users:search", "method": "POST", "backend": [{"url_pattern": "/s"}]}
                ]}
                """#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": ↓"/a/:", "backend": [{"url_pattern": "/a"}]}]}"#),
            RuleExample(#"""
                {"version": 3, "extra_config": {"router": {"auto_options": true}}, "endpoints": [
                  {"endpoint": "/items/{id}", "method": "GET", "backend": [{"url_pattern": "/i/{id}"}]},
                  {"endpoint": ↓"/items/{item}", "method": "DELETE", "backend": [{"url_pattern": "/i/{item}"}]}
                ]}
                """#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: /a/{x}\n    backend: [{url_pattern: /a}]\n  - endpoint: ↓/a/{y}\n    backend: [{url_pattern: /b}]\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/users/{id}", "backend": [{"url_pattern": "/u/{id}"}]},
                  {"endpoint": "/users/new", "backend": [{"url_pattern": "/n"}]},
                  {"endpoint": "/users/{id}/posts", "backend": [{"url_pattern": "/p/{id}"}]},
                  {"endpoint": "/users/{name}", "method": "DELETE", "backend": [{"url_pattern": "/d/{name}"}]}
                ]}
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [
                  {"endpoint": "/files/user-{id}", "backend": [{"url_pattern": "/f"}]},
                  {"endpoint": "/files/user-{name}", "backend": [{"url_pattern": "/g"}]}
                ]}
                """#),
        ]
    )

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        let rule = Self.description
        for finding in context.routes.findings {
            guard let value = finding.endpoint.node["endpoint"] else { continue }
            let path = KrakenDText.quoted(value.string ?? "")
            let message: String
            switch finding.refusal {
            case .duplicate:
                continue
            case .wildcardConflict(let owner, let existing, let new):
                let via = finding.method == "OPTIONS" ? " (auto_options registers every path for OPTIONS)" : ""
                message = "\(finding.method) \(path) collides with \(RouteRegistrations.describe(owner: owner, in: service, file: context.file))\(via): the router cannot hold parameter \(new) where \(existing) already is; KrakenD panics at start"
            case .malformedWildcard(let wildcard):
                message = "\(finding.method) \(path) has the router wildcard \(KrakenDText.quoted(wildcard)), which the router cannot parse (a parameter needs a name and only one \":\" per segment); KrakenD panics at start"
            }
            context.report(rule, message, at: value.span, pointer: finding.endpoint.pointer.appending("endpoint"), fix: rule.fix)
        }
    }
}
