import ConfigTree

/// Lints one file at a time: load, build views, run every rule, apply options, sort.
///
/// A `Linter` is a value with no shared mutable state, so files can be linted in parallel.
public struct Linter: Sendable {
    public var options: LintOptions
    public var limits: LoadLimits
    public var model: ServiceModel
    /// The schema every configuration is validated against.
    public var schema: SchemaChoice

    public init(
        options: LintOptions = LintOptions(), limits: LoadLimits = .default,
        model: ServiceModel = ServiceModel(canonicalNamespace: LegacyNamespaces.canonical),
        schema: SchemaChoice = .bundled
    ) {
        self.options = options
        self.limits = limits
        self.model = model
        self.schema = schema
    }

    /// The findings for one file, with its secrets.
    public func lint(_ file: SourceFile) -> Report { lintedFile(file).report }

    /// The report of one file, with the tree and the typed model it was linted with (a caller may keep the
    /// tree alive to free it at process exit, or inspect the model in tests).
    public func lintedFile(_ file: SourceFile) -> LintedFile {
        // The bundled schema compiles each subschema the first time a validation meets it, whatever the file's
        // size: the 10 MB benchmark configuration meets a part of it that costs 13.7 M instructions to compile,
        // where compiling all of it on another core during the read cost 93.8 M.
        let loaded = ConfigLoader.load(file, limits: limits)
        let parallel = file.bytes.count >= Self.parallelThreshold
        var diagnostics = loaded.issues.map { Diagnostic($0) }
        var secrets: [SecretValue] = []
        var service: ServiceView?
        var auditFacts: AuditFacts?
        if let root = loaded.root, options.audit == .only {
            // The audit alone: no schema, unless KrakenD could not decode a value the audit reads.
            let rules = runRules(on: root, file: file, parallel: parallel)
            secrets = rules.secrets
            service = rules.service
            auditFacts = rules.auditFacts
            diagnostics = AuditGate.only(diagnostics + rules.diagnostics, root: root, service: rules.service, facts: rules.auditFacts) {
                SchemaCheck(choice: schema).diagnostics(for: root, in: file)
            }
        } else if let root = loaded.root {
            // The rules and the schema read the same tree and share nothing else: run them side by side.
            var rules: RuleResults
            let schemaDiagnostics: [Diagnostic]
            (rules, schemaDiagnostics) = Concurrently.both(
                inParallel: parallel,
                { runRules(on: root, file: file, parallel: parallel) },
                { SchemaCheck(choice: schema).diagnostics(for: root, in: file) }
            )
            secrets = rules.secrets
            service = rules.service
            auditFacts = rules.auditFacts
            // A rule the configuration turns off no longer speaks for the schema finding it restated.
            let restated = Self.withoutRestatements(schemaDiagnostics, of: rules.diagnostics.lazy.filter { $0.severity == .error && !isOff($0) })
            // The rules' findings (an audit's tens of thousands) are moved into the list rather than copied,
            // and the load's issues go in front of them, where they were.
            swap(&diagnostics, &rules.diagnostics)
            diagnostics.insert(contentsOf: rules.diagnostics, at: 0)
            diagnostics += restated
            if options.audit == .alongside {
                diagnostics = AuditGate.alongside(diagnostics, root: root, service: rules.service, facts: rules.auditFacts)
            }
        } else {
            secrets = SecretCatalog.secrets(inUnreadable: file)
        }
        diagnostics = finalize(consume diagnostics, root: loaded.root, file: file)
        let report = Report(file: file, findings: diagnostics, secrets: secrets, isReadable: loaded.root != nil)
        return LintedFile(report: report, root: loaded.root, service: service, auditFacts: auditFacts)
    }

    private func isOff(_ diagnostic: Diagnostic) -> Bool {
        if case .off? = options.policy.level(for: diagnostic.ruleID, at: diagnostic.pointer) { return true }
        return false
    }

    /// Files of this many bytes and more are linted with work on two cores; smaller ones on the calling
    /// thread alone: on generated configurations of 129 KB to 536 KB one thread took half the CPU (33–45 ms
    /// against 66–83 ms) and less wall time (docs/benchmarks.md, "Start-up").
    public static let parallelThreshold = 1 << 20

    /// What the rules found in one file, with the model they read and the audit's facts when it ran.
    private struct RuleResults {
        var service: ServiceView
        var diagnostics: [Diagnostic]
        var secrets: [SecretValue]
        var auditFacts: AuditFacts?
    }

    private func runRules(on root: Node, file: SourceFile, parallel: Bool) -> RuleResults {
        let service = model.service(root)
        let enabled = AuditGate.visitorRules(for: options.audit).filter { !options.disabledRules.contains($0.id) }
        let groups = Self.ruleGroups(enabled)
        var walks: [GroupWalk]
        let secrets: [SecretValue]
        (walks, secrets) = Concurrently.both(
            inParallel: parallel,
            {
                // The audit's group, the longest, starts first, so that it does not run alone at the end while
                // the other core waits; the walks are put back in group order.
                let order = groups.indices.sorted { groups[$0].isAudit && !groups[$1].isAudit }
                let walks = Concurrently.map(inParallel: parallel, order) { index in traverse(service, with: groups[index].rules, root: root, file: file) }
                var inGroupOrder = walks
                for (position, index) in order.enumerated() { inGroupOrder[index] = walks[position] }
                return inGroupOrder
            },
            { SecretCatalog.secrets(in: service) }
        )
        let facts = walks.lazy.compactMap(\.auditFacts).first
        // The groups' findings in group order. The last group's (the audit's, tens of thousands on a large
        // configuration) are moved into the list rather than copied, and the other groups' go in front.
        guard var last = walks.popLast() else { return RuleResults(service: service, diagnostics: [], secrets: secrets, auditFacts: facts) }
        var all: [Diagnostic] = []
        swap(&all, &last.diagnostics)
        all.insert(contentsOf: walks.lazy.map(\.diagnostics).joined(), at: 0)
        return RuleResults(service: service, diagnostics: all, secrets: secrets, auditFacts: facts)
    }

    /// The rules in groups that walk the model at the same time, each group with its own context: the two
    /// route rules together (they share one router table), the other KrakenD rules, and the NTLM and secret rules
    /// with the audit.
    static func ruleGroups(_ rules: [any Rule.Type]) -> [RuleGroup] {
        let routeRules: Set<String> = [DuplicateEndpointRule.id, RouteCollisionRule.id]
        let routes = rules.filter { routeRules.contains($0.id) }
        let runtime = rules.filter { !routeRules.contains($0.id) && $0.id.hasPrefix("krakend/") }
        // The audit walks with the NTLM and secret rules: it gathers each endpoint's facts as that walk reaches
        // it, when the endpoint's backends and blocks are in the cache, instead of reading them all again alone.
        let others = rules.filter { !routeRules.contains($0.id) && !$0.id.hasPrefix("krakend/") }
        return [routes, runtime, others].filter { !$0.isEmpty }.map(RuleGroup.init)
    }

    private func traverse(_ service: ServiceView, with rules: [any Rule.Type], root: Node, file: SourceFile) -> GroupWalk {
        let context = LintContext(file: file, root: root, service: service, options: options)
        Traversal(rules: rules.map { $0.init() }, context: context).run()
        return GroupWalk(diagnostics: context.diagnostics, auditFacts: context.auditFacts)
    }

    /// Applies suppressions in the file, then the configuration's policy; sorts, and removes exact duplicates.
    func finalize(_ diagnostics: consuming [Diagnostic], root: Node?, file: SourceFile) -> [Diagnostic] {
        var kept = AuditGate.withoutUnusedForRulesNotRun(
            Suppressions.apply(to: consume diagnostics, root: root, file: file, knownRules: RuleRegistry.allIDs),
            mode: options.audit, disabled: options.disabledRules
        )
        // The findings are completed in place (copying tens of thousands of findings is not free), and those
        // the policy turns off are then left out.
        var turnedOff = false
        // The audit's findings come in runs of one rule, whose id is one shared string: its properties are
        // looked up once per run.
        var lastAuditID = "", lastAuditProperties: [String: PropertyValue]?
        for index in kept.indices {
            // The file `Report` would give findings without one, given here where each is visited anyway.
            if kept[index].location.file == nil { kept[index].location.file = file }
            for related in kept[index].related.indices where kept[index].related[related].location.file == nil {
                kept[index].related[related].location.file = file
            }
            if kept[index].ruleID != lastAuditID, kept[index].ruleID.hasPrefix(AuditRules.prefix) {
                lastAuditID = kept[index].ruleID
                lastAuditProperties = AuditRules.properties(forRuleID: lastAuditID)
            }
            if kept[index].ruleID == lastAuditID {
                // KrakenD's own id and severity, for the JSON and SARIF property bags.
                if let audit = lastAuditProperties {
                    if kept[index].properties.isEmpty {
                        kept[index].properties = audit
                    } else {
                        kept[index].properties.merge(audit) { _, krakend in krakend }
                    }
                }
            }
            switch options.policy.level(for: kept[index].ruleID, at: kept[index].pointer) {
            case .off?:
                kept[index].ruleID = Self.turnedOffMark
                turnedOff = true
            case .on(let severity)?: kept[index].severity = severity
            case nil: break
            }
        }
        if turnedOff { kept.removeAll { $0.ruleID == Self.turnedOffMark } }
        Self.sortWithoutDuplicates(&kept)
        return kept
    }

    /// A rule id no rule has, given to the findings the policy turns off until they are removed.
    private static let turnedOffMark = "\u{0}off"

    /// `Diagnostic.ordered`, answered from the positions alone when both findings are in the same file object
    /// (the usual case), without reading and comparing its path for each of the many comparisons.
    static func sortOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        withUnsafePointer(to: lhs) { lhs in withUnsafePointer(to: rhs) { rhs in isOrdered(lhs, before: rhs) } }
    }

    /// Sorts `findings` (stably, by `sortOrder`) and removes exact duplicates, the first of each kept. The
    /// findings are moved in place by swaps, as the sorted indices say, rather than copied into a new list;
    /// equal findings have the same sort key, so only findings within a run of equal keys are compared.
    static func sortWithoutDuplicates(_ findings: inout [Diagnostic]) {
        let kept = findings.withUnsafeMutableBufferPointer { findings in
            guard let mutableBase = findings.baseAddress else { return 0 }
            let base = UnsafePointer(mutableBase)
            var order = sortedOrder(base, count: findings.count)
            // Swaps in the buffer move the findings' bytes; the array's `swapAt` copied and destroyed them.
            // Each cycle of the permutation is followed once: after it, position `i` holds the finding `order[i]`.
            for start in order.indices {
                var current = start
                while order[current] != start {
                    let next = order[current]
                    findings.swapAt(current, next)
                    order[current] = current
                    current = next
                }
                order[current] = current
            }
            var kept = 0, runStart = 0
            for index in findings.indices {
                if kept > 0, isOrdered(base + kept - 1, before: base + index) { runStart = kept }
                if !(runStart..<kept).contains(where: { findings[$0] == findings[index] }) {
                    findings.swapAt(kept, index)
                    kept += 1
                }
            }
            return kept
        }
        findings.removeLast(findings.count - kept)
    }

    /// The indices of the `count` findings at `base` in `isOrdered` order. When all are in one file object (the
    /// usual case) their starts are read once into a list, and two findings that start apart are compared
    /// there; `isOrdered` reads them through the findings for each of the comparisons (tens of thousands of
    /// findings, some 200,000 comparisons).
    private static func sortedOrder(_ base: UnsafePointer<Diagnostic>, count: Int) -> [Int] {
        let file = count > 0 ? base.pointee.location.file : nil
        guard (0..<count).allSatisfy({ base[$0].location.file === file }) else {
            return (0..<count).sorted { isOrdered(base + $0, before: base + $1) }
        }
        let starts = (0..<count).map { base[$0].location.span.start }
        return starts.withUnsafeBufferPointer { starts in
            (0..<count).sorted { starts[$0] != starts[$1] ? starts[$0] < starts[$1] : isOrdered(base + $0, before: base + $1) }
        }
    }

    /// `sortOrder` of two findings in place: when both are in the same file object, by their positions, rule
    /// ids and messages, read through the pointers (passing the findings copied them, which for tens of
    /// thousands of comparisons showed in profiles); any other pair is compared by `Diagnostic.ordered`.
    private static func isOrdered(_ lhs: UnsafePointer<Diagnostic>, before rhs: UnsafePointer<Diagnostic>) -> Bool {
        guard lhs.pointee.location.file === rhs.pointee.location.file else { return Diagnostic.ordered(lhs.pointee, rhs.pointee) }
        let leftStart = lhs.pointee.location.span.start, rightStart = rhs.pointee.location.span.start
        if leftStart != rightStart { return leftStart < rightStart }
        if lhs.pointee.ruleID != rhs.pointee.ruleID { return lhs.pointee.ruleID < rhs.pointee.ruleID }
        return lhs.pointee.message < rhs.pointee.message
    }

    /// Schema findings that a rule already reports as an error at the same place, in its own words
    /// (`ntlm/missing-field` for `schema/required`, `krakend/unsupported-version` for `schema/const`...),
    /// are dropped so every problem is reported once.
    static func withoutRestatements(_ schemaDiagnostics: [Diagnostic], of ruleDiagnostics: some Sequence<Diagnostic>) -> [Diagnostic] {
        guard !schemaDiagnostics.isEmpty else { return [] }
        let covered = Set(ruleDiagnostics.lazy.filter { $0.severity == .error }.map(\.pointer))
        return schemaDiagnostics.filter { !covered.contains($0.pointer) }
    }
}

/// A linted file: its report, and the tree and model the rules read (nil when the file could not be read).
public struct LintedFile: Sendable {
    public let report: Report
    public let root: Node?
    public let service: ServiceView?
    /// The audit's summary, when it ran: held with the tree and the views (freeing its tens of thousands of
    /// references to them cost an audit of a large file 2 ms), so a caller that keeps them until the process
    /// exits keeps this too.
    let auditFacts: AuditFacts?
}

/// What one group of rules found in its walk, and the audit's facts when the group ran the audit.
struct GroupWalk: Sendable {
    var diagnostics: [Diagnostic]
    let auditFacts: AuditFacts?
}

/// Rule types handed to another thread. A rule type is immutable metadata (its instances, which hold
/// state while they walk a file, are created on the thread that uses them), so sharing the types is safe.
struct RuleGroup: @unchecked Sendable {
    let rules: [any Rule.Type]

    /// Whether this is the audit's group (the one with `AuditCollector`).
    var isAudit: Bool { rules.contains { $0.id == AuditCollector.id } }
}
