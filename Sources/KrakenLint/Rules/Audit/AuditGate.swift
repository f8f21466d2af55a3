import ConfigTree

/// What stands between a configuration and its audit: KrakenD audits only what it can load, so a file that
/// its loader or `Init()` refuses gets lint's errors (the reasons it is refused) instead of audit findings.
enum AuditGate {
    /// The `krakend/*` rules that reproduce `Init()`'s checks; an error from one of them stops the audit.
    static let initRuleIDs: Set<String> = [
        UnsupportedVersionRule.id, InvalidListenIPRule.id, InvalidHostRule.id, InvalidEndpointPathRule.id,
        EndpointWithoutBackendsRule.id, NoOpMultipleBackendsRule.id, UndefinedURLParamRule.id,
    ]

    static let loaderRuleIDs: Set<String> = Set(LoaderRules.all.map(\.id))

    /// The visitor rules a lint run walks with, for its audit mode.
    static func visitorRules(for mode: AuditMode) -> [any Rule.Type] {
        switch mode {
        case .off: return RuleRegistry.visitorRules
        case .alongside: return RuleRegistry.visitorRules + AuditRules.visitors
        case .only: return RuleRegistry.visitorRules.filter { initRuleIDs.contains($0.id) } + AuditRules.visitors
        }
    }

    /// True when `diagnostic` is a reason KrakenD refuses to load the file.
    static func refuses(_ diagnostic: Diagnostic) -> Bool { refuses(diagnostic.severity, diagnostic.ruleID) }

    /// `refuses(_:)` of a finding with this severity and rule id.
    static func refuses(_ severity: Severity, _ ruleID: String) -> Bool {
        severity == .error && (initRuleIDs.contains(ruleID) || loaderRuleIDs.contains(ruleID))
    }

    /// `krakenlint lint --audit`: lint's findings, and the audit's unless the file would not load.
    /// `facts` are the audit's, when it ran: they hold the endpoints' decoded timeouts.
    static func alongside(_ diagnostics: [Diagnostic], root: Node, service: ServiceView, facts: AuditFacts?) -> [Diagnostic] {
        guard diagnostics.indices.contains(where: { refuses(diagnostics[$0].severity, diagnostics[$0].ruleID) })
                || !undecodable(root: root, service: service, facts: facts).isEmpty else { return diagnostics }
        return diagnostics.filter { !$0.ruleID.hasPrefix(AuditRules.prefix) }
    }

    /// `krakenlint audit`: the audit's findings, or, when KrakenD would refuse the file, the reasons (the load
    /// and `Init()` errors, and the schema's errors on values KrakenD's decoder cannot read).
    static func only(_ diagnostics: [Diagnostic], root: Node, service: ServiceView, facts: AuditFacts?, schema: () -> [Diagnostic]) -> [Diagnostic] {
        var reasons = diagnostics.filter(refuses)
        let pointers = undecodable(root: root, service: service, facts: facts)
        if !pointers.isEmpty {
            reasons += schema().filter { diagnostic in diagnostic.severity == .error && pointers.contains { $0.isAncestor(of: diagnostic.pointer) } }
        }
        return reasons.isEmpty ? diagnostics.filter { $0.ruleID.hasPrefix(AuditRules.prefix) } : reasons
    }

    /// Values the audit reads that KrakenD's weak decoder refuses (a duration Go cannot parse, a switch that is
    /// not a boolean): KrakenD stops loading there, before any audit. The endpoints' timeouts are taken from
    /// `facts` when the audit ran (it decoded them all already), and decoded here otherwise.
    static func undecodable(root: Node, service: ServiceView, facts: AuditFacts? = nil) -> [JSONPointer] {
        var pointers: [JSONPointer] = []
        if let timeout = root["timeout"], AuditFacts.duration(timeout) == nil { pointers.append(JSONPointer(tokens: ["timeout"])) }
        for key in ["debug_endpoint", "echo_endpoint", "disable_rest", "sequential_start", "use_h2c", "allow_insecure_connections"] {
            if let value = root[key], WeakTyping.bool(value) == nil { pointers.append(JSONPointer(tokens: [key])) }
        }
        for (object, key) in [("client_tls", "allow_insecure_connections"), ("tls", "disabled")] {
            if let value = root[object]?[key], WeakTyping.bool(value) == nil { pointers.append(JSONPointer(tokens: [object, key])) }
        }
        if let facts {
            pointers += facts.undecodableTimeouts
        } else {
            for endpoint in service.endpoints {
                if let timeout = endpoint.node["timeout"], AuditFacts.duration(timeout) == nil { pointers.append(endpoint.pointer.appending("timeout")) }
            }
        }
        return pointers
    }

    /// Drops `suppression/unused` findings about suppressions that name rules this run did not check: a
    /// suppression of `audit/2.1.7` is not unused in a lint without `--audit`, nor one of `ntlm/*` in an audit.
    static func withoutUnusedForRulesNotRun(_ diagnostics: [Diagnostic], mode: AuditMode, disabled: Set<String>) -> [Diagnostic] {
        // By index, reading the rule id alone: iterating the findings copies each one.
        guard diagnostics.indices.contains(where: { diagnostics[$0].ruleID == SuppressionRules.unused.id }) else { return diagnostics }
        func ran(_ id: String) -> Bool {
            if disabled.contains(id) { return false }
            let isAudit = id.hasPrefix(AuditRules.prefix)
            switch mode {
            case .off: return !isAudit
            case .alongside: return true
            case .only: return isAudit || initRuleIDs.contains(id) || loaderRuleIDs.contains(id) || id.hasPrefix("suppression/")
            }
        }
        return diagnostics.filter { diagnostic in
            guard diagnostic.ruleID == SuppressionRules.unused.id, let pattern = suppressedPattern(diagnostic) else { return true }
            return !RuleRegistry.allIDs.contains { Glob.matchesRule(pattern, $0) && !ran($0) }
        }
    }

    /// The rule pattern a `suppression/unused` finding is about, quoted in its message.
    private static func suppressedPattern(_ diagnostic: Diagnostic) -> String? {
        let parts = diagnostic.message.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }
}
