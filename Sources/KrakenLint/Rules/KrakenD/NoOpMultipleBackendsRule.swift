import ConfigTree

/// `krakend/no-op-multiple-backends`: a `no-op` endpoint (proxy as is) with more than one backend.
public final class NoOpMultipleBackendsRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/no-op-multiple-backends",
        severity: .error,
        summary: "An endpoint with no-op encoding has more than one backend",
        explanation: """
            With output_encoding "no-op" KrakenD passes one backend response through untouched, so there is \
            nothing to merge several backends into. KrakenD refuses to start when such an endpoint has more \
            than one backend ("NoOp encoding with more than one backends"). An endpoint that sets no \
            output_encoding inherits the root one, so a root "no-op" applies to every endpoint without its own.
            """,
        fix: #"Keep a single backend on the no-op endpoint, or give the endpoint another output_encoding such as "json"."#,
        triggering: [
            RuleExample(#"""
                {"version": 3, "endpoints": [{"endpoint": "/a", "output_encoding": ↓"no-op",
                  "backend": [{"url_pattern": "/x"}, {"url_pattern": "/y"}]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "output_encoding": "no-op", "endpoints": [{"endpoint": "/a",
                  ↓"backend": [{"url_pattern": "/x"}, {"url_pattern": "/y"}]}]}
                """#),
            RuleExample("version: 3\noutput_encoding: no-op\nendpoints:\n  - endpoint: /a\n    ↓backend:\n      - url_pattern: /x\n      - url_pattern: /y\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "output_encoding": "no-op", "backend": [{"url_pattern": "/x"}]}]}"#),
            RuleExample(#"""
                {"version": 3, "output_encoding": "no-op", "endpoints": [{"endpoint": "/a", "output_encoding": "json",
                  "backend": [{"url_pattern": "/x"}, {"url_pattern": "/y"}]}]}
                """#),
        ]
    )

    public init() {}

    public func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {
        guard !endpoint.isWorkflow, let backends = endpoint.node["backend"]?.elements, backends.count > 1 else { return }
        let rule = Self.description
        if let value = endpoint.node["output_encoding"], let own = value.string, !own.isEmpty {
            guard own == "no-op" else { return }
            context.report(
                rule,
                "endpoint \(KrakenDText.endpoint(endpoint)) has output_encoding \"no-op\" and \(backends.count) backends; no-op allows exactly one",
                at: value.span, pointer: endpoint.pointer.appending("output_encoding"), fix: rule.fix
            )
        } else if context.service.node["output_encoding"]?.string == "no-op" {
            context.report(
                rule,
                "endpoint \(KrakenDText.endpoint(endpoint)) inherits output_encoding \"no-op\" from the root and has \(backends.count) backends; no-op allows exactly one",
                about: endpoint.pointer.appending("backend"), fix: rule.fix
            )
        }
    }
}
