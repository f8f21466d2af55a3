import ConfigTree
import FlexibleConfig
import Foundation
import JSONSchema
import KrakenLint
import Reporting

/// Everything `krakenlint lint` was asked to do, as plain values: what the parsed `LintCommand` hands over,
/// and what ``init(plainArguments:)`` builds for the common `lint PATH...` without the argument parser.
/// `krakenlint audit` asks through the same request (``audit`` `.only`), so both commands find their files,
/// configurations and flexible-configuration projects, and bound their work, in one way.
struct LintRequest: Sendable {
    var paths: [String]
    var format: ReportFormat = .text
    var stdinFilename: String?
    var edition: Edition?
    var failLevel: FailLevel?
    var schema: String?
    var configPath: String?
    var color: ColorChoice = .auto
    var sarifRoot: String?
    var flexibleConfig = false
    var folders = FlexibleConfigFolders()
    var verbose = false
    /// Whether `krakend audit`'s rules run: not at all (`lint`), alongside lint's (`lint --audit`), or alone
    /// with the checks that gate them (`audit`).
    var audit: AuditMode = .off
    /// Rule ids the run skips entirely (`audit -i`, `-I`, `-s`).
    var disabledRules: Set<String> = []
    var limits: LoadLimits = .default
    var timeBudget: Duration = LimitOptions.duration(seconds: LimitOptions.defaultTimeBudget)
    var renderLimits: RenderLimits = .default
}

extension LintRequest {
    /// The request of a command line that names files to lint (`lint PATH...`, or `PATH...` since lint is the
    /// default subcommand), with every option at its default but `--audit` and `--format`/`-f` (after `lint`);
    /// nil for anything else, which goes through the argument parser.
    ///
    /// swift-argument-parser builds the argument set of every subcommand by reflection before it parses
    /// (about 4 ms, a quarter of a small lint; 35 M instructions of `lint --audit` on a 10 MB file, a sixth
    /// of what its audit added); a pre-commit hook, an editor or a CI step calls these forms. A test checks that
    /// the parser reads every accepted command line into the same request.
    init?(plainArguments arguments: [String]) {
        var words = arguments[...]
        let named = words.first == "lint"
        if named {
            words = words.dropFirst()
        } else if let first = words.first, Self.isReservedWord(first) {
            return nil
        }
        var paths: [String] = []
        var format: ReportFormat?, audit = false
        while let word = words.popFirst() {
            if Self.isPlainPath(word) {
                paths.append(word)
                continue
            }
            // An option the parser reads as these do, each at most once: anything else is the parser's.
            guard named else { return nil }
            if word == "--audit", !audit {
                audit = true
            } else if word == "--format" || word == "-f" || word.hasPrefix("--format="), format == nil {
                let value = word.hasPrefix("--format=") ? String(word.dropFirst("--format=".count)) : words.popFirst()
                guard let value, let chosen = ReportFormat(rawValue: value) else { return nil }
                format = chosen
            } else {
                return nil
            }
        }
        guard !paths.isEmpty else { return nil }
        self.init(paths: paths, format: format ?? .text, audit: audit ? .alongside : .off)
    }

    /// A path the parser can only read as a positional argument: not empty, not an option, not `-`
    /// (standard input), and not a word the parser treats specially.
    private static func isPlainPath(_ argument: String) -> Bool {
        !argument.isEmpty && !argument.hasPrefix("-") && argument != "help"
    }

    /// A first argument that names a subcommand (or `help`) rather than a file.
    private static func isReservedWord(_ argument: String) -> Bool {
        if argument == "help" { return true }
        return KrakenLintCommand.configuration.subcommands.contains { command in
            command.configuration.commandName == argument || command.configuration.aliases.contains(argument)
        }
    }
}

extension LintRequest {
    /// Lints every file asked for and prints the report; the exit status follows the fail level.
    func run(io: CommandIO) throws -> ExitStatus {
        guard let reports = try reports(io: io) else { return .usage }
        let run = Run(reports: reports, toolVersion: krakenlintVersion)
        let settings = ReportSettings(
            verbose: verbose,
            color: color.enabled(io: io),
            paths: ArtifactPath(root: sarifRoot ?? io.currentDirectory, currentDirectory: io.currentDirectory),
            rules: format.describesRules ? RuleRegistry.allDescriptions.map(\.descriptor) : []
        )
        let reporter = format.reporter(settings)
        io.out { reporter.write(run, to: $0) }
        return Self.exitStatus(reports)
    }

    /// The exit status of a run with these reports: a file that could not be read as JSON or YAML was not
    /// linted at all, which is an unreadable input (2) whatever the fail level, even though its syntax error is
    /// reported like any finding; then 1 when a file has a finding at or above its fail level.
    static func exitStatus(_ reports: [Report]) -> ExitStatus {
        if reports.contains(where: { !$0.isReadable }) { return .usage }
        return reports.contains(where: \.fails) ? .findings : .success
    }

    /// The report of every file asked for, in order, each with its fail level; nil when a krakenlint
    /// configuration file is broken, whose errors are then printed on standard error and no file is checked.
    /// The reports, and the trees they were made from, are left to the process exit.
    func reports(io: CommandIO) throws -> [Report]? {
        let schemaChoice = try loadSchema()
        let discovery = ConfigurationDiscovery(currentDirectory: io.currentDirectory, limits: limits)
        let explicit = try configPath.map { try loadConfiguration($0, discovery) }

        var jobs: [(file: SourceFile, options: LintOptions, failLevel: FailLevel, rendering: FlexibleConfigOptions?)] = []
        var broken: [String: ConfigurationDiscovery.Loaded] = [:]
        var used: [String: Int] = [:]
        var ignored = 0
        let commandRendering = flexibleConfigOptions(io: io)
        // Projects declared by a configuration's flexible-config: whose base template is linted rendered,
        // and whose settings, partials and templates are not configurations of their own.
        var projects: [String: (configuration: LintConfiguration, linted: Bool)] = [:]
        for path in try InputFiles.expand(paths) {
            // Standard input takes its configuration from --stdin-filename's place, as an editor expects.
            let displayPath = path == "-" ? stdinFilename : path
            var loaded = explicit
            if loaded == nil, let found = discovery.configurationPath(forFile: displayPath) {
                loaded = try loadConfiguration(found, discovery)
            }
            if let loaded, loaded.configuration == nil {
                broken[loaded.file.path] = loaded
                continue
            }
            let configuration = loaded?.configuration
            if let configuration, path != "-", configuration.ignores(discovery.absolute(path)) {
                ignored += 1
                continue
            }
            var rendering = commandRendering
            if let configuration, let project = configuration.flexibleConfig, path != "-", let key = configuration.path {
                let absolute = discovery.absolute(path)
                if absolute == FlexibleConfigProject.absolute(project.template ?? "", in: configuration) {
                    projects[key] = (configuration, true)
                    rendering = FlexibleConfigProject.options(project, configuration: configuration, flags: folders, io: io)
                } else if FlexibleConfigProject.holds(absolute, project, configuration: configuration) {
                    if projects[key] == nil { projects[key] = (configuration, false) }
                    continue
                }
            }
            if let source = configuration?.path { used[source, default: 0] += 1 }
            let file = try SourceLoading.read(path, stdinName: stdinFilename, limits: limits, io: io)
            let options = lintOptions(configuration, policyPath: displayPath.map(discovery.absolute))
            jobs.append((file, options, failLevel ?? configuration?.failLevel ?? .error, rendering))
        }
        // A project met through its folders (its .tmpl base template is no JSON or YAML file of the walk).
        for (source, project) in projects.sorted(by: { $0.key < $1.key }) where !project.linted {
            let configuration = project.configuration
            guard let settings = configuration.flexibleConfig, let template = settings.template else { continue }
            let absolute = FlexibleConfigProject.absolute(template, in: configuration)
            let path = FlexibleConfigProject.shown(absolute, io: io)
            used[source, default: 0] += 1
            let read = try SourceLoading.read(absolute, stdinName: nil, limits: limits, io: io)
            let file = SourceFile(path: path, format: read.format, bytes: read.bytes)
            let options = lintOptions(configuration, policyPath: absolute)
            let rendering = FlexibleConfigProject.options(settings, configuration: configuration, flags: folders, io: io)
            jobs.append((file, options, failLevel ?? configuration.failLevel ?? .error, rendering))
        }

        guard broken.isEmpty else {
            let reports = broken.keys.sorted().compactMap { broken[$0] }.map {
                Report(file: $0.file, findings: $0.diagnostics)
            }
            io.err(TextReporter(color: false).render(Run(reports: reports, toolVersion: krakenlintVersion)))
            io.err("krakenlint: fix the configuration file above; nothing was \(audit == .only ? "audited" : "linted")\n")
            return nil
        }
        if verbose {
            for (source, count) in used.sorted(by: { $0.key < $1.key }) { io.err("krakenlint: \(source) applies to \(count) file\(count == 1 ? "" : "s")\n") }
            if ignored > 0 { io.err("krakenlint: \(ignored) file\(ignored == 1 ? "" : "s") ignored by configuration\n") }
        }

        // Reporters need no tree. With many files, each tree is freed on its worker as soon as the file is
        // linted, so memory holds the trees in flight and not every tree of the run. A single file keeps its
        // tree, and the views its rules walked, until the process exits, which frees them for nothing.
        let keepsTrees = jobs.count == 1
        let linted = Concurrently.map(jobs) { job -> (report: Report, root: Node?, views: LintedFile?) in
            let linter = Linter(options: job.options, limits: limits, schema: schemaChoice)
            let work: @Sendable () -> (report: Report, root: Node?, views: LintedFile?) = {
                if let rendering = job.rendering {
                    let project = ProjectRenderer(options: rendering, limits: renderLimits).render(base: job.file)
                    let done = FlexibleConfigLint(project: project, linter: linter, failLevel: job.failLevel).report()
                    return (done.report, done.root, nil)
                }
                let file = linter.lintedFile(job.file)
                var report = TemplateHint.explainingUnrenderedTemplate(file.report)
                report.failLevel = job.failLevel
                return (report, file.root, file)
            }
            guard let done = TimeBudget.run(timeBudget, work) else {
                var report = TimeBudget.overBudget(job.file, budget: timeBudget)
                report.failLevel = job.failLevel
                return (report, nil, nil)
            }
            return keepsTrees ? done : (done.report, nil, nil)
        }
        io.leaveToProcessExit(HeldUntilExit(linted.map { ($0.root, $0.views) }))
        let reports = linted.map(\.report)
        io.leaveToProcessExit(HeldUntilExit(reports))
        return reports
    }

    /// The options one file is checked with: the request's, completed by the file's krakenlint configuration
    /// (its edition, and its rule settings for the file at `policyPath`).
    private func lintOptions(_ configuration: LintConfiguration?, policyPath: String?) -> LintOptions {
        LintOptions(
            edition: edition ?? configuration?.edition, disabledRules: disabledRules,
            policy: configuration?.policy(for: policyPath) ?? .none, audit: audit)
    }

    /// The flexible-configuration options when rendering is on (the flag, a folder flag, or KrakenD's
    /// `FC_ENABLE`/`FC_CONFIG`), else nil.
    private func flexibleConfigOptions(io: CommandIO) -> FlexibleConfigOptions? {
        guard flexibleConfig || folders.anyGiven || FlexibleConfigOptions.isEnabled(variable: { io.environment[$0] }) else { return nil }
        return folders.options(io: io)
    }

    /// The schema to validate against: the built-in one, or `--schema PATH` compiled once for every file.
    private func loadSchema() throws -> SchemaChoice {
        guard let schema else { return .bundled }
        do throws(SchemaError) {
            return .custom(try KrakenDSchema.load(path: schema))
        } catch {
            throw UsageError("--schema \(schema): \(error)")
        }
    }

    private func loadConfiguration(_ path: String, _ discovery: ConfigurationDiscovery) throws -> ConfigurationDiscovery.Loaded {
        do {
            return try discovery.load(path)
        } catch let error as UnreadableConfiguration {
            throw UsageError(error.description)
        }
    }
}

