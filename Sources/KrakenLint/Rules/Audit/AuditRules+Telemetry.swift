import ConfigTree

/// Audit section 4: metrics, tracing and logging.
extension AuditRules {
    /// The service namespaces the audit counts as metrics exporters (OpenTelemetry is counted apart).
    static let metricsNamespaces = ["telemetry/opencensus", "telemetry/metrics", "telemetry/newrelic", "telemetry/ganalytics", "telemetry/instana"]

    static let telemetry: [AuditRule] = [
        AuditRule(
            "4.1.1", .medium,
            summary: "No metrics exporter the audit recognises",
            explanation: """
                The audit looks for telemetry/opencensus, telemetry/metrics, telemetry/newrelic, \
                telemetry/ganalytics or telemetry/instana at service level. It does not count OpenTelemetry, so a \
                configuration that exports metrics only through telemetry/opentelemetry still gets this finding.
                """,
            fix: "Add a metrics exporter at service level; with OpenTelemetry only, ignore this rule (audit/4.1.1) deliberately.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"extra_config": {"telemetry/opentelemetry": {"exporters": {"prometheus": [{"name": "p"}]}}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"telemetry/metrics": {"collection_time": "60s"}}}"#),
            ],
            evaluate: { facts in
                if metricsNamespaces.contains(where: { facts.serviceBlock($0) != nil }) { return [] }
                return [AuditCause(pointer: facts.serviceExtraConfigPointer, message: "no metrics exporter that the audit recognises is set (OpenTelemetry is not counted)")]
            }
        ),
        AuditRule(
            "4.1.2", .medium,
            summary: "The service has no name for telemetry (never reported: not implemented in KrakenD)",
            explanation: """
                KrakenD lists this rule, meant for a missing root "name" when telemetry is on, but its check is not \
                implemented and never fires. krakenlint keeps the id so ignore lists and severities match KrakenD's, \
                and never reports it either.
                """,
            fix: "Set a root name so telemetry backends can tell this gateway apart (nothing to do for the audit).",
            triggering: [],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"telemetry/opentelemetry": {"exporters": {"otlp": [{"name": "o", "host": "c"}]}}}}"#),
            ],
            evaluate: { _ in [] }
        ),
        AuditRule(
            "4.1.3", .high,
            summary: "More than one metrics pipeline",
            explanation: """
                Several metrics exporters collect the same data twice and cost CPU and memory on every request. The \
                audit adds the service namespaces of audit/4.1.1 to the OpenTelemetry OTLP and Prometheus exporters \
                that do not set disable_metrics to true, and reports when the total is above one.
                """,
            fix: "Keep a single metrics pipeline; set disable_metrics on the OpenTelemetry exporters that only trace.",
            triggering: [
                RuleExample(#"""
                    {"version": 3, "extra_config": {"telemetry/opentelemetry": {"exporters": {
                      "otlp": [↓{"name": "o", "host": "collector"}], "prometheus": [{"name": "p"}]}}}}
                    """#),
                RuleExample(#"{"version": 3, "extra_config": {↓"telemetry/metrics": {}, "telemetry/newrelic": {}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"""
                    {"version": 3, "extra_config": {"telemetry/opentelemetry": {"exporters": {
                      "otlp": [{"name": "o", "host": "collector", "disable_metrics": true}], "prometheus": [{"name": "p"}]}}}}
                    """#),
            ],
            evaluate: { facts in
                var pipelines: [(pointer: JSONPointer, name: String)] = metricsNamespaces.compactMap { name in facts.serviceBlock(name).map { (pointer: $0.pointer, name: name) } }
                if let otel = facts.serviceBlock("telemetry/opentelemetry") {
                    for exporter in ["otlp", "prometheus"] {
                        for entry in exporters(otel, exporter) where !AuditFacts.isJSONTrue(entry.node["disable_metrics"]) {
                            pipelines.append((pointer: entry.pointer, name: "OpenTelemetry \(exporter) exporter"))
                        }
                    }
                }
                guard pipelines.count > 1, let first = pipelines.first else { return [] }
                return [AuditCause(pointer: first.pointer, message: "\(pipelines.count) metrics pipelines are set: " + pipelines.map(\.name).joined(separator: ", "))]
            }
        ),
        AuditRule(
            "4.2.1", .medium,
            summary: "No distributed tracing",
            explanation: """
                Without tracing, a slow or failing request cannot be followed through the gateway to its backends. \
                The audit counts telemetry/opencensus, telemetry/newrelic, telemetry/instana, and OpenTelemetry OTLP \
                exporters that do not set disable_traces to true; Prometheus exporters do not trace.
                """,
            fix: "Add an OpenTelemetry OTLP exporter (telemetry/opentelemetry) that sends traces.",
            triggering: [
                RuleExample(#"↓{"version": 3}"#),
                RuleExample(#"{"version": 3, ↓"extra_config": {"telemetry/opentelemetry": {"exporters": {"otlp": [{"name": "o", "host": "c", "disable_traces": true}]}}}}"#),
            ],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"telemetry/opentelemetry": {"exporters": {"otlp": [{"name": "o", "host": "c"}]}}}}"#),
            ],
            evaluate: { facts in
                if ["telemetry/opencensus", "telemetry/newrelic", "telemetry/instana"].contains(where: { facts.serviceBlock($0) != nil }) { return [] }
                if let otel = facts.serviceBlock("telemetry/opentelemetry"),
                   exporters(otel, "otlp").contains(where: { !AuditFacts.isJSONTrue($0.node["disable_traces"]) }) { return [] }
                return [AuditCause(pointer: facts.serviceExtraConfigPointer, message: "no tracing exporter is set")]
            }
        ),
        AuditRule(
            "4.3.1", .medium,
            summary: "No structured logging component",
            explanation: "Without telemetry/logging, telemetry/gelf or telemetry/logstash, KrakenD logs with its defaults, which are hard to ship and search.",
            fix: "Add telemetry/logging (with a level and, for log shippers, a format) to the root extra_config.",
            triggering: [RuleExample(#"↓{"version": 3}"#)],
            nonTriggering: [
                RuleExample(#"{"version": 3, "extra_config": {"telemetry/logging": {"level": "INFO"}}}"#),
                RuleExample(#"{"version": 3, "extra_config": {"github_com/devopsfaith/krakend-gologging": {"level": "INFO"}}}"#),
            ],
            evaluate: { facts in
                if ["telemetry/logging", "telemetry/gelf", "telemetry/logstash"].contains(where: { facts.serviceBlock($0) != nil }) { return [] }
                return [AuditCause(pointer: facts.serviceExtraConfigPointer, message: "no structured logging component is set (telemetry/logging, telemetry/gelf or telemetry/logstash)")]
            }
        ),
    ]

    /// The object entries of an OpenTelemetry block's `exporters.<kind>` list.
    static func exporters(_ otel: NamespaceView, _ kind: String) -> [(node: Node, pointer: JSONPointer)] {
        guard let list = otel.node["exporters"]?[kind]?.elements else { return [] }
        let pointer = otel.pointer.appending("exporters").appending(kind)
        return list.enumerated().compactMap { index, entry in entry.isObject ? (entry, pointer.appending(index)) : nil }
    }
}
