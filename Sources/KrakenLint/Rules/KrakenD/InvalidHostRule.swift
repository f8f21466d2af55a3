import ConfigTree

/// `krakend/invalid-host`: a host entry that KrakenD's host sanitizer refuses.
public final class InvalidHostRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/invalid-host",
        severity: .error,
        summary: "A host entry is not one that KrakenD's host check accepts",
        explanation: """
            When it loads a configuration, KrakenD checks every root host, and every backend host unless \
            the backend sets "disable_host_sanitize": true. An entry passes only if it is one optional \
            "http://" or "https://" (lower case), a name made of letters, digits, ".", "_" and "-", an \
            optional port of 2 to 6 digits and an optional trailing "/". Anything else, such as a path \
            ("http://api/v1"), credentials, an IPv6 literal, another scheme ("amqp://", "HTTP://") or an \
            unrendered template, makes KrakenD refuse to start with "invalid host". Root hosts are always \
            checked: disable_host_sanitize does not exist at the root.
            """,
        fix: #"Write the host as scheme, name and port only, e.g. "https://api.example.com:8443", and move any path into url_pattern. For a backend that is not HTTP (AMQP, pub/sub, Lambda...), set "disable_host_sanitize": true on it."#,
        triggering: [
            RuleExample(#"{"version": 3, "host": [↓"http://api.example.com/v1"], "endpoints": []}"#),
            RuleExample(#"{"version": 3, "host": [↓""]}"#),
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": [↓""]}]}]}"#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/a", "backend": [
                  {"url_pattern": "/a", "host": ["http://ok:8080", ↓"HTTP://upper"]},
                  {"url_pattern": "/b", "host": [↓"http://[::1]:8080"]}
                ]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "async_agent": [{"name": "a", "consumer": {"topic": "t"}, "extra_config": {},
                  "backend": [{"url_pattern": "/q", "host": [↓"amqp://guest:guest@rabbit:5672"]}]}]}
                """#),
            RuleExample(#"{"version": 3, "host": ↓"http://h/x"}"#),
            RuleExample("version: 3\nhost:\n  - ↓http://host:8\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "host": ["http://localhost:8080", "localhost:8080", "10.0.0.1:9000", "https://api.example.com/", "http://host_x", "${HOST}"]}"#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/q", "backend": [
                  {"url_pattern": "topic", "host": ["amqp://guest:guest@rabbit:5672"], "disable_host_sanitize": true}
                ]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/q", "backend": [
                  {"url_pattern": "topic", "host": ["kafka://"], "disable_host_sanitize": "true"}
                ]}]}
                """#),
            RuleExample("version: 3\nhost: [\"https://api.example.com:8443\"]\n", format: .yaml),
        ]
    )

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        // The root list has no disable_host_sanitize: it is always checked.
        check(service.hosts, where: "root host", in: context)
    }

    public func visitBackend(_ backend: BackendView, in context: LintContext) {
        // Workflow backends live inside extra_config, which KrakenD CE's loader does not check.
        guard backend.sanitizesHosts else { return }
        check(backend.hosts, where: "backend host", in: context)
    }

    private func check(_ entries: [HostEntry], where place: String, in context: LintContext) {
        let rule = Self.description
        for entry in entries where !HostSanitizer.accepts(entry.value) {
            context.report(
                rule,
                "\(place) \(KrakenDText.host(entry.value)) is not accepted by KrakenD's host check; expected [http:// or https://]name[:port] with nothing after it",
                at: entry.span, pointer: entry.pointer, fix: rule.fix
            )
        }
    }
}
