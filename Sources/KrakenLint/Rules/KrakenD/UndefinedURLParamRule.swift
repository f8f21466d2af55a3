import ConfigTree

/// `krakend/undefined-url-param`: a `{placeholder}` in a backend `url_pattern` that the endpoint does not define.
public final class UndefinedURLParamRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/undefined-url-param",
        severity: .error,
        summary: "A backend url_pattern uses a {placeholder} the endpoint does not define",
        explanation: """
            KrakenD fills each {placeholder} of a backend url_pattern (query string included) from the \
            endpoint path, and refuses to start when one has no source ("undefined output param" or "input \
            and output params do not match"). An endpoint defines a parameter only with "/{name}" right \
            after a slash, name made of letters, digits, "_" and "-": "/users/{id}.json" defines id, \
            "/users/user-{id}" defines nothing. With the root "disable_rest": true, every {name} in the \
            path counts. Two kinds are filled from elsewhere and always allowed: {resp0_field} (a value from \
            an earlier backend of a sequential proxy) and {JWT.claim}. Backends of async agents are not checked.
            """,
        fix: "Define the parameter in the endpoint path as \"/{name}\", rename the placeholder to one the endpoint defines, or use {respN_field} / {JWT.claim} where that is what you mean.",
        triggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/users/{user}", "backend": [{"url_pattern": ↓"/u/{id}"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/users/user-{id}", "backend": [{"url_pattern": ↓"/u/{id}"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a/{id}", "backend": [{"url_pattern": "/a/{id}"}, {"url_pattern": ↓"/b?x={resp0}"}]}]}"#),
            RuleExample("version: 3\nendpoints:\n  - endpoint: /items\n    backend:\n      - url_pattern: ↓/items/{item}\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/users/{id}.json", "backend": [{"url_pattern": "/u/{id}?me={JWT.sub}"}]}]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a/{id}", "backend": [{"url_pattern": "/a/{id}"}, {"url_pattern": "/b/{resp0_user.id}"}]}]}"#),
            RuleExample(#"{"version": 3, "disable_rest": true, "endpoints": [{"endpoint": "/users/user-{id}", "backend": [{"url_pattern": "/u/{id}"}]}]}"#),
            RuleExample(#"""
                {"version": 3, "async_agent": [{"name": "a", "consumer": {"topic": "t"}, "extra_config": {},
                  "backend": [{"url_pattern": "/q/{anything}"}]}]}
                """#),
        ]
    )

    public init() {}

    public func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {
        // Workflows (Enterprise) are not checked by KrakenD CE's loader; their rules are not public.
        guard !endpoint.isWorkflow else { return }
        let disableREST = WeakTyping.isTrue(context.service.node["disable_rest"])
        let inputs = EndpointPaths.firstOfEach(EndpointPaths.inputParameters(of: EndpointPaths.normalized(endpoint.path ?? ""), disableREST: disableREST))
        let definedSet = inputs.count > EndpointPaths.shortList ? Set(inputs) : nil
        let isDefined = { (name: String) in definedSet?.contains(name) ?? inputs.contains(name) }
        let rule = Self.description
        for index in endpoint.backends.indices {
            let backend = endpoint.backends[index]
            // The view's `urlPattern` is the member's string; the member itself is looked up only to report it.
            guard let pattern = backend.urlPattern else { continue }
            let undefined = EndpointPaths.outputPlaceholders(of: pattern).filter { !EndpointPaths.isExempt($0) && !isDefined($0) }
            guard !undefined.isEmpty, let value = backend.node["url_pattern"] else { continue }
            let names = KrakenDText.placeholders(undefined)
            let available = inputs.isEmpty ? "defines no parameters" : "defines only " + KrakenDText.placeholders(inputs)
            context.report(
                rule,
                "url_pattern uses \(names), but endpoint \(KrakenDText.endpoint(endpoint)) \(available); KrakenD refuses to start",
                at: value.span, pointer: backend.pointer.appending("url_pattern"), fix: rule.fix
            )
        }
    }
}
