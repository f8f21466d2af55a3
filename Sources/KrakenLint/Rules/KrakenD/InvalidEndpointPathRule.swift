import ConfigTree

/// `krakend/invalid-endpoint-path`: an endpoint path that KrakenD refuses after normalising it.
public final class InvalidEndpointPathRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/invalid-endpoint-path",
        severity: .error,
        summary: "An endpoint path is one KrakenD refuses",
        explanation: """
            KrakenD first makes every endpoint path start with "/" ("foo" becomes "/foo"), then refuses to \
            start if the path ends with one of its own reserved paths, /__health, /__debug or /__echo, \
            optionally followed by "/..." (also deeper in the path, as in "/api/__health"), or if a "*" is \
            followed by anything. The published schema checks paths differently: it accepts "/__health" and \
            refuses "?", "&" and "%", so both checks are needed to predict what KrakenD does.
            """,
        fix: #"Rename the endpoint so it does not end in /__health, /__debug or /__echo, and keep "*" only as the last character."#,
        triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": ↓"/__health", "backend": [{"url_pattern": "/h"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": ↓"api/__debug/x", "backend": [{"url_pattern": "/h"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": ↓"/files/*/meta", "backend": [{"url_pattern": "/h"}]}]}"#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: ↓/v1/__echo\n    backend:\n      - url_pattern: /e\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/__debugger", "backend": [{"url_pattern": "/h"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/__catchall", "backend": [{"url_pattern": "/h"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/files/*", "backend": [{"url_pattern": "/h"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/api/health", "backend": [{"url_pattern": "/h"}]}]}"#),
        ]
    )

    public init() {}

    public func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {
        guard !endpoint.isWorkflow, let value = endpoint.node["endpoint"], let path = value.string else { return }
        let normalized = EndpointPaths.normalized(path)
        guard let reason = EndpointPaths.forbiddenReason(normalized) else { return }
        let rule = Self.description
        context.report(
            rule,
            "endpoint path \(KrakenDText.quoted(path)) is refused by KrakenD: \(reason)",
            at: value.span, pointer: endpoint.pointer.appending("endpoint"), fix: rule.fix
        )
    }
}
