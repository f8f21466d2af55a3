import ConfigTree

/// `krakend/legacy-namespace`: an `extra_config` key written with its pre-2.0 name.
public final class LegacyNamespaceRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/legacy-namespace",
        severity: .warning,
        summary: "An extra_config namespace uses its old (pre-2.0) name",
        explanation: """
            KrakenD 2.x still accepts 34 old namespace names such as "github_com/devopsfaith/krakend-cors" \
            and treats them as their current names ("security/cors"), but the official schema rejects them, \
            "krakend check --lint" fails, and the modules are moving to the current names only. When both \
            spellings are set in the same extra_config, KrakenD keeps only one of the two blocks, and which \
            one is not predictable. The old rate-limit names (".../krakend-ratelimit/juju/router" and \
            ".../juju/proxy") have no alias at all: KrakenD ignores them and applies no rate limit. The block \
            is checked as if it had the current name.
            """,
        fix: "Rename the key to the current namespace name; the block itself stays the same.",
        triggering: [
            RuleExample(#"{"version": 3, "extra_config": {↓"github_com/devopsfaith/krakend-cors": {"allow_origins": ["*"]}}}"#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"],
                  "extra_config": {↓"github.com/devopsfaith/krakend-circuitbreaker/gobreaker": {"interval": 60, "timeout": 10, "max_errors": 1}}}]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "extra_config": {"security/cors": {"allow_origins": ["a"]}, ↓"github_com/devopsfaith/krakend-cors": {"allow_origins": ["b"]}}}
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a"}],
                  "extra_config": {↓"github.com/devopsfaith/krakend-ratelimit/juju/router": {"max_rate": 10}}}]}
                """#),
            RuleExample("version: 3\nextra_config:\n  ↓github_com/devopsfaith/krakend-gologging:\n    level: INFO\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "extra_config": {"security/cors": {"allow_origins": ["*"]}, "@github_com/devopsfaith/krakend-cors": "comment"}}"#),
            RuleExample("version: 3\nextra_config:\n  telemetry/logging:\n    level: INFO\n", format: .yaml),
        ]
    )

    /// Old names with no alias in KrakenD CE: the module reads only the current name, so they do nothing.
    /// Both `github_com` and `github.com` spellings have been used, so both are listed.
    static let unaliased: [String: String] = [
        "github_com/devopsfaith/krakend-ratelimit/juju/router": "qos/ratelimit/router",
        "github.com/devopsfaith/krakend-ratelimit/juju/router": "qos/ratelimit/router",
        "github_com/devopsfaith/krakend-ratelimit/juju/proxy": "qos/ratelimit/proxy",
        "github.com/devopsfaith/krakend-ratelimit/juju/proxy": "qos/ratelimit/proxy",
    ]

    /// A legacy alias is seen under its current name; an old name without alias keeps its own.
    public static let visitedNamespaces = VisitedNamespaces.named(Set(LegacyNamespaces.table.values).union(unaliased.keys))

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        let rule = Self.description
        let written = namespace.writtenName
        // Every old name, aliased or not, starts like the legacy table's names; current names skip the lookups.
        guard written.utf8.starts(with: LegacyNamespaces.sharedPrefix.utf8) else { return }
        if let current = LegacyNamespaces.currentName(for: written) {
            var message = "legacy namespace \(KrakenDText.quoted(written)); its current name is \(KrakenDText.quoted(current))"
            let extraConfig = context.root.resolve(namespace.pointer.parent ?? .root)
            if extraConfig?.members?.contains(where: { $0.key == current }) == true {
                message += ", which is also set here: KrakenD keeps only one of the two blocks, unpredictably"
            }
            context.report(rule, message, at: namespace.keySpan, pointer: namespace.pointer, fix: "Rename \(KrakenDText.quoted(written)) to \(KrakenDText.quoted(current)).")
        } else if let current = Self.unaliased[written] {
            context.report(
                rule,
                "old namespace \(KrakenDText.quoted(written)) has no alias in KrakenD 2.x and is ignored (no rate limit applies); its current name is \(KrakenDText.quoted(current))",
                at: namespace.keySpan, pointer: namespace.pointer, fix: "Rename \(KrakenDText.quoted(written)) to \(KrakenDText.quoted(current)) and check the block against the current settings."
            )
        }
    }
}
