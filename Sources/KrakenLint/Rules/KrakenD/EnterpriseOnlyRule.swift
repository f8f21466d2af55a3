import ConfigTree

/// `krakend/enterprise-only`: with `--edition ce`, an Enterprise-only namespace that KrakenD CE ignores.
public final class EnterpriseOnlyRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/enterprise-only",
        severity: .warning,
        summary: "An Enterprise-only namespace is set, and KrakenD CE ignores it silently",
        explanation: """
            Checked only with --edition ce. The schema accepts Enterprise namespaces for both editions, and \
            KrakenD Community Edition neither validates nor reads them: no error, no warning, the feature is \
            simply absent (a websocket endpoint is a plain endpoint, a security/policies block enforces \
            nothing). Whether a namespace is Enterprise only can depend on the level: telemetry/logging is \
            Community at the service and Enterprise on a backend. Namespaces inside an Enterprise workflow \
            are not reported again; the workflow itself is. auth/ntlm is left to ntlm/enterprise-only, which \
            explains the consequences for NTLM.
            """,
        fix: "Run KrakenD Enterprise for this feature, or remove the block (or replace it with a Community feature) so nobody relies on it.",
        triggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/ws", "backend": [{"url_pattern": "/ws", "host": ["http://a"]}],
                  "extra_config": {↓"websocket": {}}}]}
                """#, edition: .ce),
            RuleExample(#"""
                {"version": 3, "extra_config": {"telemetry/logging": {"level": "INFO"}}, "endpoints": [{"endpoint": "/a",
                  "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {↓"telemetry/logging": {}, ↓"workflow": {
                    "endpoint": "/w", "extra_config": {"security/policies": {}}, "backend": [{"url_pattern": "/w"}]}}}]}]}
                """#, edition: .ce),
            RuleExample("version: 3\nextra_config:\n  ↓auth/basic: {}\n", format: .yaml, edition: .ce),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "extra_config": {"auth/basic": {}}}"#, edition: .ee),
            RuleExample(#"{"version": 3, "extra_config": {"auth/basic": {}}}"#),
            RuleExample(#"""
                {"version": 3, "extra_config": {"telemetry/logging": {}, "security/cors": {}}, "endpoints": [{"endpoint": "/a",
                  "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"auth/ntlm": {}}}]}]}
                """#, edition: .ce),
        ]
    )

    /// Reported by `ntlm/enterprise-only` instead.
    static let excluded: Set<String> = ["auth/ntlm"]

    /// Every namespace: the hook consults the namespace catalog only in a lint for the Community Edition, so
    /// a lint for any other edition never builds the catalog (a fifth of a millisecond, 5% of a small lint).
    public static let visitedNamespaces = VisitedNamespaces.all

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard context.options.edition == .ce, !Self.excluded.contains(namespace.name),
              NamespaceCatalog.info(namespace.name, at: namespace.level)?.isEnterpriseOnly == true,
              !Self.isInsideWorkflow(namespace.pointer) else { return }
        let rule = Self.description
        context.report(
            rule,
            "\(KrakenDText.quoted(namespace.name)) in \(namespace.level.phrase) is an Enterprise feature; KrakenD CE ignores this block without a warning",
            at: namespace.keySpan, pointer: namespace.pointer, fix: rule.fix
        )
    }

    /// True when `pointer` lies inside the block of a `workflow` namespace (not the `workflow` key itself).
    static func isInsideWorkflow(_ pointer: JSONPointer) -> Bool {
        let tokens = pointer.tokens
        guard tokens.count > 2 else { return false }
        for index in 1..<(tokens.count - 1) where tokens[index] == "workflow" && tokens[index - 1] == "extra_config" {
            return true
        }
        return false
    }
}
