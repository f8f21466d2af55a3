import ConfigTree

/// `krakend audit`'s 52 rules, in KrakenD's order (which is also its output order), as `audit/<id>`.
///
/// They read one summary of the configuration (`AuditFacts`), built once per file by `AuditCollector`
/// in the same walk as the lint rules, and report every place that makes them fire.
public enum AuditRules {
    public static let prefix = "audit/"

    public static let all: [AuditRule] = authentication + security + trafficControl + telemetry + endpointDesign + deprecations

    public static let descriptions: [RuleDescription] = all.map(\.description)

    private static let byID: [String: AuditRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    /// The audit rule with this id (`audit/2.1.7`).
    public static func rule(for id: String) -> AuditRule? { byID[id] }

    /// KrakenD's id and severity of the audit rule with this id, as finding properties (`AuditRule.properties`),
    /// without copying the rule; nil when `id` is not an audit rule.
    static func properties(forRuleID id: String) -> [String: PropertyValue]? { propertiesByID[id] }

    private static let propertiesByID: [String: [String: PropertyValue]] = byID.mapValues(\.properties)

    /// KrakenD's severity of the audit rule with this id, or nil when `id` is not an audit rule.
    public static func krakendSeverity(forRuleID id: String) -> AuditSeverity? {
        id.hasPrefix(prefix) ? byID[id]?.krakendSeverity : nil
    }

    /// A rule id or pattern as users may write it: KrakenD's bare ids (`2.1.7`, `3.3.*`) get the `audit/` prefix;
    /// anything else is returned unchanged.
    public static func normalizedID(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ("0"..."9").contains(first),
              text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "*" || $0 == "?" }) else { return text }
        return prefix + text
    }

    /// The visitor that runs the audit in the lint walk.
    nonisolated(unsafe) static let visitors: [any Rule.Type] = [AuditCollector.self]
}

/// Builds the audit summary at the end of the walk and reports the findings of every enabled audit rule.
final class AuditCollector: Rule {
    static let description = RuleDescription(
        id: "audit", severity: .info, summary: "The audit rules (internal: the findings carry the ids audit/<id>)",
        explanation: "Runs krakend audit's rules.", fix: "See each audit rule.", triggering: [], nonTriggering: []
    )

    /// What the walk has handed over of each endpoint so far (none before it visits the service).
    private(set) var gathered: AuditEndpointFacts?

    init() {}

    func visitService(_ service: ServiceView, in context: LintContext) {
        gathered = AuditEndpointFacts(root: context.root, capacity: service.endpoints.count)
    }

    /// Each endpoint's facts are gathered as the walk reaches it, with its blocks in the cache (workflows are not
    /// audited).
    func visitEndpoint(_ endpoint: EndpointView, in context: LintContext) {
        guard !endpoint.isWorkflow else { return }
        gathered?.add(endpoint)
    }

    func finish(in context: LintContext) {
        let facts = AuditFacts(root: context.root, service: context.service, format: context.file.format, gathered: gathered)
        context.auditFacts = facts
        // Every rule's causes first, so the context's list of findings (tens of thousands on a large
        // configuration) is allocated once at its size rather than grown and copied a dozen times.
        let evaluated = AuditRules.all.filter { !context.options.disabledRules.contains($0.id) }.map { ($0, $0.evaluate(facts)) }
        context.reserveCapacity(forMore: evaluated.reduce(0) { $0 + $1.1.count })
        for (rule, causes) in evaluated {
            for cause in causes {
                let span = cause.span ?? Self.span(about: cause.pointer, in: context.root)
                context.report(rule.description, cause.message, at: span, pointer: cause.pointer, fix: rule.description.fix)
            }
        }
    }

    /// Where a finding about the value at `pointer` goes, as `LintContext.report(_:_:about:)` places it (on its
    /// key, else on the value, else on the root), found in one walk from the root instead of two.
    static func span(about pointer: JSONPointer, in root: Node) -> Span {
        guard let last = pointer.tokens.last, let parent = pointer.parent, let container = root.resolve(parent) else {
            return root.span
        }
        if let member = container.member(last) { return member.keySpan }
        return container.resolve(JSONPointer(tokens: [last]))?.span ?? root.span
    }
}
