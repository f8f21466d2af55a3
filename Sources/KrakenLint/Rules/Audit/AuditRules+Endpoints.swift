import ConfigTree

/// Audit sections 5 and 6: root switches, endpoint design and async agents.
extension AuditRules {
    static let endpointDesign: [AuditRule] = [
        rootFlagRule("5.1.1", "disable_rest", summary: "Strict RESTful paths are turned off (disable_rest)",
                     explanation: "disable_rest lets endpoint paths use placeholders anywhere and skips the checks that keep routes unambiguous.",
                     fix: "Remove disable_rest and give the endpoints RESTful paths."),
        rootFlagRule("5.1.2", "debug_endpoint", summary: "The /__debug endpoint is turned on",
                     explanation: "debug_endpoint exposes /__debug/, which logs whatever it receives; it is meant for development.",
                     fix: "Turn debug_endpoint off for production."),
        rootFlagRule("5.1.3", "echo_endpoint", summary: "The /__echo endpoint is turned on",
                     explanation: "echo_endpoint exposes /__echo/, which returns the request as KrakenD sees it, headers included; it is meant for development.",
                     fix: "Turn echo_endpoint off for production."),
        AuditRule(
            "5.1.4", .low,
            summary: "An endpoint path ends with a wildcard",
            explanation: "A path ending in * forwards whole subtrees to a backend, including routes nobody reviewed.",
            fix: "Declare the concrete routes the backend serves instead of a wildcard.",
            triggering: [RuleExample(#"{"version": 3, "endpoints": [{↓"endpoint": "/files/*", "backend": [{"url_pattern": "/", "host": ["http://a"]}]}]}"#)],
            nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/files/{name}", "backend": [{"url_pattern": "/{name}", "host": ["http://a"]}]}]}"#)],
            evaluate: { facts in
                pathCauses(facts) { $0.hasSuffix("*") ? "endpoint path \(KrakenDText.quoted($0)) ends with a wildcard" : nil }
            }
        ),
        AuditRule(
            "5.1.5", .medium,
            summary: "An endpoint catches all unmatched routes (/__catchall)",
            explanation: "The /__catchall endpoint sends every request no other endpoint matches to its backend, so KrakenD stops acting as a filter.",
            fix: "Replace /__catchall with the concrete routes the backend serves.",
            triggering: [RuleExample(#"{"version": 3, "endpoints": [{↓"endpoint": "/__catchall", "backend": [{"url_pattern": "/", "host": ["http://a"]}]}]}"#)],
            nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/__catchall/x", "backend": [{"url_pattern": "/", "host": ["http://a"]}]}]}"#)],
            evaluate: { facts in
                pathCauses(facts) { $0 == "/__catchall" ? "endpoint /__catchall sends every unmatched request to its backend" : nil }
            }
        ),
        AuditRule(
            "5.1.6", .medium,
            summary: "An endpoint calls more than one state-changing backend",
            explanation: """
                When one request fans out to several backends that change state (any method other than GET and \
                HEAD, or a gRPC backend), a failure half-way leaves them inconsistent and KrakenD cannot roll back. \
                A backend without a method inherits the endpoint's; methods are compared as written, so "get" \
                counts as state-changing.
                """,
            fix: "Give each state-changing operation its own endpoint, or let one backend coordinate the change.",
            triggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "method": "POST", ↓"backend": [{"url_pattern": "/a", "host": ["http://a"]}, {"url_pattern": "/b", "host": ["http://b"]}]}]}"#),
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"backend": [{"url_pattern": "/a", "host": ["http://a"], "method": "get"}, {"url_pattern": "/b", "host": ["http://b"], "extra_config": {"backend/grpc": {}}}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "method": "POST", "backend": [{"url_pattern": "/a", "host": ["http://a"]}, {"url_pattern": "/b", "host": ["http://b"], "method": "GET"}]}]}"#),
            ],
            evaluate: { facts in
                var causes: [AuditCause] = []
                for index in facts.endpoints.indices {
                    let unsafe = facts.stateChangingBackends[index]
                    guard unsafe > 1 else { continue }
                    let endpoint = facts.endpoints[index]
                    let message: AuditMessage = "endpoint \(name: endpoint, facts) calls \(unsafe) state-changing backends for one request"
                    causes.append(AuditCause(pointer: endpoint.pointer.appending("backend"), message: message.text,
                                             span: facts.endpointFields[index].backend?.keySpan))
                }
                return causes
            }
        ),
        AuditRule(
            "5.1.7", .medium,
            summary: "An endpoint calls its backends one after the other (proxy.sequential)",
            explanation: "With proxy.sequential each backend waits for the previous one, so latencies add up and one slow backend delays the whole response.",
            fix: "Call the backends in parallel unless a backend really needs the previous response.",
            triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "extra_config": {"proxy": {↓"sequential": true}}, "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#)],
            nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "extra_config": {"proxy": {"sequential": "true"}}, "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#)],
            evaluate: { facts in
                guard facts.isUsedByEndpointsOrBackends("proxy") else { return [] }
                return facts.endpoints.compactMap { endpoint in
                    guard let proxy = facts.block("proxy", in: endpoint.extraConfig), AuditFacts.isJSONTrue(proxy.node["sequential"]) else { return nil }
                    return AuditCause(pointer: proxy.pointer.appending("sequential"), message: "endpoint \(facts.name(of: endpoint)) calls its backends sequentially")
                }
            }
        ),
        AuditRule(
            "5.2.1", .critical,
            summary: "An endpoint has no backend (never reported: KrakenD refuses such a configuration first)",
            explanation: """
                KrakenD's loader refuses an endpoint without backends before the audit runs, so the audit never \
                reports it; krakenlint reports krakend/endpoint-without-backends instead and skips the audit, as \
                KrakenD does.
                """,
            fix: "Give every endpoint at least one backend.",
            triggering: [],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": []}]}"#),
            ],
            evaluate: { facts in
                facts.endpoints.indices.compactMap { index in
                    guard facts.endpointFields[index].backendCount == 0 else { return nil }
                    let endpoint = facts.endpoints[index]
                    return AuditCause(pointer: endpoint.pointer, message: "endpoint \(facts.name(of: endpoint)) has no backend")
                }
            }
        ),
        AuditRule(
            "5.2.2", .low,
            summary: "No endpoint aggregates more than one backend",
            explanation: "Every endpoint proxies a single backend, so the gateway adds a hop without merging responses; aggregation is where KrakenD saves clients round trips. A configuration without endpoints also gets this finding.",
            fix: "Where clients make several calls for one view, serve them from one endpoint with several backends.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}, {"url_pattern": "/b", "host": ["http://b"]}]}]}"#),
            ],
            evaluate: { facts in
                if facts.endpoints.indices.contains(where: { facts.endpointFields[$0].backendCount > 1 }) { return [] }
                return [AuditCause(pointer: facts.endpointsPointer, message: "no endpoint aggregates more than one backend")]
            }
        ),
        AuditRule(
            "5.2.3", .low,
            summary: "Every endpoint is a plain no-op proxy",
            explanation: "When every endpoint's effective output_encoding is no-op (its own, else the root's), KrakenD only forwards bytes and none of its response handling applies. A configuration without endpoints also gets this finding.",
            fix: "Use json (or another encoding) on the endpoints whose responses KrakenD should process.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"output_encoding": "no-op", "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "output_encoding": "no-op", "endpoints": [{"endpoint": "/a", "output_encoding": "json", "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#),
            ],
            evaluate: { facts in
                let rootEncoding = AuditFacts.string(facts.root["output_encoding"]) ?? ""
                for index in facts.endpoints.indices {
                    var encoding = AuditFacts.string(facts.endpointFields[index].outputEncoding) ?? ""
                    if encoding.isEmpty { encoding = rootEncoding }
                    if encoding != "no-op" { return [] }
                }
                let pointer = rootEncoding == "no-op" ? JSONPointer(tokens: ["output_encoding"]) : facts.endpointsPointer
                return [AuditCause(pointer: pointer, message: facts.endpoints.isEmpty ? "there are no endpoints, so none processes responses" : "every endpoint uses the no-op encoding")]
            }
        ),
        AuditRule(
            "6.1.1", .low,
            summary: "Ten or more async agents start one after the other",
            explanation: "With sequential_start, async agents connect one by one; with ten or more, startup and recovery get slow.",
            fix: "Remove sequential_start so the async agents start in parallel.",
            triggering: [
                RuleExample(#"{"version": 3, ↓"sequential_start": true, "async_agent": [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}]}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "sequential_start": true, "async_agent": [{}, {}, {}, {}, {}, {}, {}, {}, {}]}"#),
            ],
            evaluate: { facts in
                guard WeakTyping.isTrue(facts.root["sequential_start"]), (facts.root["async_agent"]?.elements?.count ?? 0) >= 10 else { return [] }
                return [AuditCause(pointer: JSONPointer(tokens: ["sequential_start"]), message: "sequential_start makes \(facts.root["async_agent"]?.elements?.count ?? 0) async agents start one after the other")]
            }
        ),
    ]

    /// A rule on a root switch that KrakenD decodes weakly (so `"true"` and `1` count).
    static func rootFlagRule(_ id: String, _ key: String, summary: String, explanation: String, fix: String) -> AuditRule {
        AuditRule(
            id, .low, summary: summary, explanation: explanation + " The value is decoded weakly, so \"true\" and 1 count.", fix: fix,
            triggering: [
                RuleExample(#"{"version": 3, ↓"\#(key)": true}"#),
                RuleExample("version: 3\n↓\(key): \"true\"\n", format: .yaml),
            ],
            nonTriggering: [RuleExample(#"{"version": 3, "\#(key)": false}"#)],
            evaluate: { facts in
                WeakTyping.isTrue(facts.root[key]) ? [AuditCause(pointer: JSONPointer(tokens: [key]), message: "\(key) is on")] : []
            }
        )
    }

    /// A finding on the path of each endpoint whose normalised path `check` describes.
    static func pathCauses(_ facts: AuditFacts, _ check: (String) -> String?) -> [AuditCause] {
        facts.endpoints.indices.compactMap { index in
            guard let path = AuditFacts.string(facts.endpointFields[index].path), let message = check(AuditFacts.normalizedPath(path)) else { return nil }
            return AuditCause(pointer: facts.endpoints[index].pointer.appending("endpoint"), message: message)
        }
    }
}
