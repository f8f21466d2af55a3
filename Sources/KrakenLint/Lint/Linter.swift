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
        let loaded = loadWhileCompilingSchema(file)
        let parallel = file.bytes.count >= Self.parallelThreshold
        var diagnostics = loaded.issues.map { Diagnostic($0) }
        var secrets: [SecretValue] = []
        var service: ServiceView?
        if let root = loaded.root, options.audit == .only {
            // The audit alone: no schema, unless KrakenD could not decode a value the audit reads.
            let rules = runRules(on: root, file: file, parallel: parallel)
            secrets = rules.secrets
            service = rules.service
            diagnostics = AuditGate.only(diagnostics + rules.diagnostics, root: root, service: rules.service) {
                SchemaCheck(choice: schema).diagnostics(for: root, in: file)
            }
        } else if let root = loaded.root {
            // The rules and the schema read the same tree and share nothing else: run them side by side.
            let (rules, schemaDiagnostics) = Concurrently.both(
                inParallel: parallel,
                { runRules(on: root, file: file, parallel: parallel) },
                { SchemaCheck(choice: schema).diagnostics(for: root, in: file) }
            )
            secrets = rules.secrets
            service = rules.service
            diagnostics += rules.diagnostics
            // A rule the configuration turns off no longer speaks for the schema finding it restated.
            let speaking = rules.diagnostics.filter { !isOff($0) }
            diagnostics += Self.withoutRestatements(schemaDiagnostics, of: speaking)
            if options.audit == .alongside { diagnostics = AuditGate.alongside(diagnostics, root: root, service: rules.service) }
        } else {
            secrets = SecretCatalog.secrets(inUnreadable: file)
        }
        diagnostics = finalize(diagnostics, root: loaded.root, file: file)
        let report = Report(file: file, findings: diagnostics, secrets: secrets, isReadable: loaded.root != nil)
        return LintedFile(report: report, root: loaded.root, service: service)
    }

    private func isOff(_ diagnostic: Diagnostic) -> Bool {
        if case .off? = options.policy.level(for: diagnostic.ruleID, at: diagnostic.pointer) { return true }
        return false
    }

    /// Loads the file. The bundled schema compiles each subschema the first time a validation meets it;
    /// for a large file, whose validation meets most of them, it is compiled in full meanwhile on another
    /// core. A smaller file's validation compiles the ones it meets for less than a second thread costs.
    private func loadWhileCompilingSchema(_ file: SourceFile) -> LoadResult {
        guard case .bundled = schema, options.audit != .only, file.bytes.count >= Self.parallelThreshold else {
            return ConfigLoader.load(file, limits: limits)
        }
        return Concurrently.both({ ConfigLoader.load(file, limits: limits) }, { KrakenDSchema.compileBundledInFull() }).0
    }

    /// Files of this many bytes and more are linted with work on two cores; smaller ones on the calling
    /// thread alone. Below it, compiling the whole schema on a second core (about 30 ms of CPU) costs more
    /// than compiling the parts the file meets: on generated configurations of 129 KB to 536 KB one
    /// thread took half the CPU (33–45 ms against 66–83 ms) and less wall time (docs/benchmarks.md,
    /// "Start-up").
    public static let parallelThreshold = 1 << 20

    private func runRules(on root: Node, file: SourceFile, parallel: Bool) -> (service: ServiceView, diagnostics: [Diagnostic], secrets: [SecretValue]) {
        let service = model.service(root)
        let enabled = AuditGate.visitorRules(for: options.audit).filter { !options.disabledRules.contains($0.id) }
        let groups = Self.ruleGroups(enabled)
        let (findings, secrets) = Concurrently.both(
            inParallel: parallel,
            { Concurrently.map(inParallel: parallel, groups) { group in traverse(service, with: group.rules, root: root, file: file) } },
            { SecretCatalog.secrets(in: service) }
        )
        return (service, findings.flatMap { $0 }, secrets)
    }

    /// The rules in groups that walk the model at the same time, each group with its own context: the two
    /// route rules together (they share one router table), the other KrakenD rules, the NTLM and secret rules,
    /// and the audit.
    static func ruleGroups(_ rules: [any Rule.Type]) -> [RuleGroup] {
        let routeRules: Set<String> = [DuplicateEndpointRule.id, RouteCollisionRule.id]
        let routes = rules.filter { routeRules.contains($0.id) }
        let runtime = rules.filter { !routeRules.contains($0.id) && $0.id.hasPrefix("krakend/") }
        let audit = rules.filter { $0.id == AuditCollector.id }
        let others = rules.filter { !routeRules.contains($0.id) && !$0.id.hasPrefix("krakend/") && $0.id != AuditCollector.id }
        return [routes, runtime, others, audit].filter { !$0.isEmpty }.map(RuleGroup.init)
    }

    private func traverse(_ service: ServiceView, with rules: [any Rule.Type], root: Node, file: SourceFile) -> [Diagnostic] {
        let context = LintContext(file: file, root: root, service: service, options: options)
        Traversal(rules: rules.map { $0.init() }, context: context).run()
        return context.diagnostics
    }

    /// Applies suppressions in the file, then the configuration's policy; sorts, and removes exact duplicates.
    func finalize(_ diagnostics: [Diagnostic], root: Node?, file: SourceFile) -> [Diagnostic] {
        let unsuppressed = AuditGate.withoutUnusedForRulesNotRun(
            Suppressions.apply(to: diagnostics, root: root, file: file, knownRules: RuleRegistry.allIDs),
            mode: options.audit, disabled: options.disabledRules
        )
        var kept: [Diagnostic] = []
        kept.reserveCapacity(unsuppressed.count)
        for var diagnostic in unsuppressed {
            // The file `Report` would give findings without one, given here where each is copied anyway.
            if diagnostic.location.file == nil { diagnostic.location.file = file }
            for index in diagnostic.related.indices where diagnostic.related[index].location.file == nil {
                diagnostic.related[index].location.file = file
            }
            if let audit = AuditRules.rule(for: diagnostic.ruleID) {
                // KrakenD's own id and severity, for the JSON and SARIF property bags.
                if diagnostic.properties.isEmpty {
                    diagnostic.properties = audit.properties
                } else {
                    diagnostic.properties.merge(audit.properties) { _, krakend in krakend }
                }
            }
            switch options.policy.level(for: diagnostic.ruleID, at: diagnostic.pointer) {
            case .off?: continue
            case .on(let severity)?: diagnostic.severity = severity
            case nil: break
            }
            kept.append(diagnostic)
        }
        // Indices are sorted rather than the findings themselves, which would be copied at every move.
        let order = kept.indices.sorted { Self.sortOrder(kept[$0], kept[$1]) }
        return Self.withoutDuplicates(order.lazy.map { kept[$0] })
    }

    /// `Diagnostic.ordered`, answered from the positions alone when both findings are in the same file object
    /// (the usual case), without reading and comparing its path for each of the many comparisons.
    static func sortOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.location.file === rhs.location.file, lhs.span.start != rhs.span.start { return lhs.span.start < rhs.span.start }
        return Diagnostic.ordered(lhs, rhs)
    }

    /// Sorted findings without exact duplicates, the first of each kept. Equal findings have the same sort
    /// key, so only findings within a run of equal keys are compared (no hashing of every finding).
    static func withoutDuplicates(_ sorted: some Collection<Diagnostic>) -> [Diagnostic] {
        var result: [Diagnostic] = []
        result.reserveCapacity(sorted.count)
        var runStart = 0
        for diagnostic in sorted {
            if let last = result.last, Diagnostic.ordered(last, diagnostic) { runStart = result.count }
            if !result[runStart...].contains(diagnostic) { result.append(diagnostic) }
        }
        return result
    }

    /// Schema findings that a rule already reports as an error at the same place, in its own words
    /// (`ntlm/missing-field` for `schema/required`, `krakend/unsupported-version` for `schema/const`...),
    /// are dropped so every problem is reported once.
    static func withoutRestatements(_ schemaDiagnostics: [Diagnostic], of ruleDiagnostics: [Diagnostic]) -> [Diagnostic] {
        let covered = Set(ruleDiagnostics.filter { $0.severity == .error }.map(\.pointer))
        return schemaDiagnostics.filter { !covered.contains($0.pointer) }
    }
}

/// A linted file: its report, and the tree and model the rules read (nil when the file could not be read).
public struct LintedFile: Sendable {
    public let report: Report
    public let root: Node?
    public let service: ServiceView?
}

/// Rule types handed to another thread. A rule type is immutable metadata (its instances, which hold
/// state while they walk a file, are created on the thread that uses them), so sharing the types is safe.
struct RuleGroup: @unchecked Sendable {
    let rules: [any Rule.Type]
}
