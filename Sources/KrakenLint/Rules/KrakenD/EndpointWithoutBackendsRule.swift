import ConfigTree

/// `krakend/endpoint-without-backends`: KrakenD refuses an endpoint with no backend.
public final class EndpointWithoutBackendsRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/endpoint-without-backends",
        severity: .error,
        summary: "An endpoint has no backend",
        explanation: """
            Every endpoint needs at least one backend to call. KrakenD refuses to start when an endpoint \
            has none ("since it has 0 backends defined"), whether the backend list is missing, null or empty.
            """,
        fix: #"Add a backend, e.g. "backend": [{"url_pattern": "/path", "host": ["http://service:8080"]}], or remove the endpoint."#,
        triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"backend": []}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [↓{"endpoint": "/a"}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"backend": null}]}"#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    ↓backend: []\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a"}]}]}"#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: /a\n    backend:\n      - url_pattern: /a\n", format: .yaml),
        ]
    )

    public init() {}

    public func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {
        // A workflow is an Enterprise feature that KrakenD CE's loader never checks.
        guard !endpoint.isWorkflow else { return }
        let member = endpoint.node.member("backend")
        if let value = member?.value {
            let isEmpty = value.isNull || value.elements?.isEmpty == true
            guard isEmpty else { return }
        }
        let rule = Self.description
        let message = "endpoint \(KrakenDText.endpoint(endpoint)) has no backend; KrakenD refuses endpoints with 0 backends"
        if let member {
            context.report(rule, message, at: member.keySpan, pointer: endpoint.pointer.appending("backend"), fix: rule.fix)
        } else {
            context.report(rule, message, at: Span(at: endpoint.node.span.start), pointer: endpoint.pointer, fix: rule.fix)
        }
    }
}
