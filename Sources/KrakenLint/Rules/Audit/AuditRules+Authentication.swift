import ConfigTree

/// Audit section 1: authentication.
extension AuditRules {
    static let authentication: [AuditRule] = [
        AuditRule(
            "1.1.1", .high,
            summary: "The service uses Basic authentication (the old basic-auth server plugin)",
            explanation: """
                Basic authentication sends a reusable password with every request, so anyone who captures one \
                request can replay it. KrakenD's audit looks for it in the service's "plugin/http-server" names; \
                its second branch (an "auth/basic" block) never fires in the Community Edition, so in practice \
                this rule fires exactly when audit/7.1.3 does.
                """,
            fix: "Replace Basic authentication with a token-based scheme such as JWT validation (auth/validator).",
            triggering: [
                RuleExample(#"{"version": 3, "extra_config": {"plugin/http-server": {"name": [↓"basic-auth"]}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {"plugin/http-server": {↓"name": "basic-auth"}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"auth/basic": {"@comment": "never audited"}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {"plugin/http-server": {"name": ["geoip"]}}}"#),
            ],
            evaluate: { facts in
                serverPluginCauses(facts, "basic-auth", "the service authenticates with Basic authentication (server plugin \"basic-auth\"); a captured request reveals a reusable password")
            }
        ),
        AuditRule(
            "1.1.2", .medium,
            summary: "The service authenticates clients with API keys",
            explanation: """
                API keys are long-lived shared secrets: they do not expire on their own, carry no claims and are \
                often copied into places where they leak. The audit fires whenever the service-level \
                "auth/api-keys" block exists, whatever it holds; an endpoint-level block alone does not count.
                """,
            fix: "Prefer short-lived signed tokens (JWT, validated with auth/validator) over API keys.",
            triggering: [
                RuleExample(#"{"version": 3, "extra_config": {↓"auth/api-keys": {"keys": []}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}], "extra_config": {"auth/api-keys": {"roles": ["user"]}}}]}"#),
            ],
            evaluate: { facts in
                guard let block = facts.serviceBlock("auth/api-keys") else { return [] }
                return [AuditCause(pointer: block.pointer, message: "the service authenticates clients with API keys (auth/api-keys); they are long-lived shared secrets")]
            }
        ),
        AuditRule(
            "1.2.1", .high,
            summary: "No endpoint validates JSON Web Tokens",
            explanation: """
                Without "auth/validator" on any endpoint, KrakenD lets every request through unauthenticated unless \
                something else protects it. The rule also fires on a configuration with no endpoints at all.
                """,
            fix: "Add auth/validator (JWT validation) to the endpoints that need authentication.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}], "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "https://idp/jwks"}}}]}"#),
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}], "extra_config": {"github.com/devopsfaith/krakend-jose/validator": {"alg": "RS256"}}}]}"#),
            ],
            evaluate: { facts in
                if facts.isUsedByEndpointsOrBackends("auth/validator"),
                   facts.endpoints.contains(where: { facts.block("auth/validator", in: $0.extraConfig) != nil }) { return [] }
                return [AuditCause(pointer: facts.endpointsPointer, message: "no endpoint validates JSON Web Tokens (auth/validator)")]
            }
        ),
    ]

    /// The first `name` of the service's `plugin/http-server` block equal to `plugin`.
    static func serverPluginCauses(_ facts: AuditFacts, _ plugin: String, _ message: String) -> [AuditCause] {
        guard let block = facts.serviceBlock("plugin/http-server"),
              let found = AuditFacts.pluginNames(block, allowString: true, allowArray: true).first(where: { $0.name == plugin })
        else { return [] }
        return [AuditCause(pointer: found.pointer, message: message)]
    }
}
