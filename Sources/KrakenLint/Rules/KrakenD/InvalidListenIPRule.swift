import ConfigTree

/// `krakend/invalid-listen-ip`: KrakenD refuses a `listen_ip` that is not an IP address literal.
public final class InvalidListenIPRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/invalid-listen-ip",
        severity: .error,
        summary: "listen_ip is not an IP address",
        explanation: """
            KrakenD binds to "listen_ip" and refuses to start unless it is empty or an IPv4 or IPv6 address \
            that Go's net.ParseIP accepts. Host names such as "localhost", addresses with a port or a zone \
            ("fe80::1%eth0"), and IPv4 fields with leading zeros ("010.0.0.1") are all refused.
            """,
        fix: #"Use an IP address such as "0.0.0.0" (all IPv4 interfaces), "::" (all interfaces) or "127.0.0.1", or remove listen_ip."#,
        triggering: [
            RuleExample(#"{"version": 3, "listen_ip": ↓"localhost"}"#),
            RuleExample(#"{"version": 3, "listen_ip": ↓"127.0.0.1:8080"}"#),
            RuleExample(#"{"version": 3, "listen_ip": ↓"010.0.0.1"}"#),
            RuleExample(#"{"version": 3, "listen_ip": ↓"fe80::1%eth0"}"#),
            RuleExample("version: 3\nlisten_ip: ↓my-host\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "listen_ip": "0.0.0.0"}"#),
            RuleExample(#"{"version": 3, "listen_ip": "::"}"#),
            RuleExample(#"{"version": 3, "listen_ip": "::ffff:10.0.0.1"}"#),
            RuleExample(#"{"version": 3, "listen_ip": "2001:db8::8a2e:370:7334"}"#),
            RuleExample(#"{"version": 3, "listen_ip": ""}"#),
            RuleExample("version: 3\nlisten_ip: 192.168.1.10\n", format: .yaml),
        ]
    )

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        guard let value = service.node["listen_ip"], let text = value.string, !text.isEmpty, !GoIPAddress.isValid(text) else { return }
        context.report(
            Self.description,
            "listen_ip \(KrakenDText.quoted(text)) is not an IP address; KrakenD refuses to start (\"invalid ip address\")",
            at: value.span, pointer: JSONPointer.root.appending("listen_ip"), fix: Self.description.fix
        )
    }
}
