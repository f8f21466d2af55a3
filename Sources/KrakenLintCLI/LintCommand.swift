import ArgumentParser
import ConfigTree
import FlexibleConfig
import Foundation
import JSONSchema
import KrakenLint
import Reporting

/// When the text format uses ANSI colors.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// `auto`: only on a terminal, and not when `NO_COLOR` is set to anything or `TERM` is `dumb`.
    func enabled(io: CommandIO) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            let noColor = io.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return io.stdoutIsTerminal && !noColor && io.environment["TERM"] != "dumb"
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension FailLevel: ExpressibleByArgument {}
extension Edition: ExpressibleByArgument {}

/// `krakenlint lint PATH...`
struct LintCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check KrakenD configuration files (JSON or YAML).",
        discussion: """
            Directories are searched recursively for .json, .yaml and .yml files. Use - to read standard input. \
            Settings come from the nearest .krakenlint.yml (or .yaml, .json) above each file, up to the \
            repository root, or from --config. Exit status: 0 nothing at or above the fail level, 1 findings, \
            2 usage error, unreadable file or broken configuration, 3 internal error.

            Examples:
              krakenlint lint krakend.json
              krakenlint lint --format json config/
              krakenlint lint --format sarif --sarif-root . config/ > krakenlint.sarif
              krakenlint lint --format github --fail-level warning krakend.yaml
              krakenlint lint --format junit config/ > krakenlint-junit.xml
              cat krakend.yaml | krakenlint lint --stdin-filename krakend.yaml -
            """
    )

    @Argument(help: "Files or directories to lint; - reads standard input.")
    var paths: [String] = []

    @Option(help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "File name used for standard input in messages, and to pick its format.")
    var stdinFilename: String?

    @Option(help: "Warn about features the given KrakenD edition does not have (ce or ee); overrides the configuration.")
    var edition: Edition?

    @Option(help: "Lowest severity that makes the exit code 1: error, warning, info or none (default: the configuration's fail-level, else error).")
    var failLevel: FailLevel?

    @Option(help: ArgumentHelp("Validate against this KrakenD schema instead of the built-in one: a file, or a folder whose schema files are registered offline (for example KrakenD's published schema).", valueName: "path"))
    var schema: String?

    @Option(name: .customLong("config"), help: "Configuration file to use instead of searching for .krakenlint.yml.")
    var configPath: String?

    @Option(help: "Colors in the text format: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Directory that SARIF, GitHub, JUnit and Checkstyle paths are relative to (default: the working directory).")
    var sarifRoot: String?

    @Flag(name: .customLong("flexible-config"), help: "Render each file as a KrakenD flexible-configuration template first (also on with FC_ENABLE, FC_CONFIG or a folder flag), and report findings at the template, partial or settings line that produced them.")
    var flexibleConfig = false

    @OptionGroup(title: "Flexible configuration")
    var folders: FlexibleConfigFlags

    @Flag(help: "Also print the summary when there are no findings, and which configuration files were used (on standard error).")
    var verbose = false

    @Flag(help: "Also run krakend audit's rules (audit/*, see `krakenlint audit`) in the same pass over the same tree.")
    var audit = false

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @OptionGroup(title: "Flexible-configuration limits")
    var renderLimitOptions: RenderLimitOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or directory to lint (or - for standard input)") }
    }

    func run(io: CommandIO) throws -> ExitStatus {
        let limits = limitOptions.loadLimits
        let budget = limitOptions.timeBudgetDuration
        let renderLimits = renderLimitOptions.renderLimits(files: limits)
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
            let options = LintOptions(
                edition: edition ?? configuration?.edition,
                policy: configuration?.policy(for: displayPath.map(discovery.absolute)) ?? .none,
                audit: audit ? .alongside : .off
            )
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
            let options = LintOptions(edition: edition ?? configuration.edition, policy: configuration.policy(for: absolute))
            let rendering = FlexibleConfigProject.options(settings, configuration: configuration, flags: folders, io: io)
            jobs.append((file, options, failLevel ?? configuration.failLevel ?? .error, rendering))
        }

        guard broken.isEmpty else {
            let reports = broken.keys.sorted().compactMap { broken[$0] }.map {
                Report(file: $0.file, findings: $0.diagnostics)
            }
            io.err(TextReporter(color: false).render(Run(reports: reports, toolVersion: krakenlintVersion)))
            io.err("krakenlint: fix the configuration file above; nothing was linted\n")
            return .usage
        }
        if verbose {
            for (source, count) in used.sorted(by: { $0.key < $1.key }) { io.err("krakenlint: \(source) applies to \(count) file\(count == 1 ? "" : "s")\n") }
            if ignored > 0 { io.err("krakenlint: \(ignored) file\(ignored == 1 ? "" : "s") ignored by configuration\n") }
        }

        // Reporters need no tree. With many files, each tree is freed on its worker as soon as the file is
        // linted, so memory holds the trees in flight and not every tree of the run. A single file keeps its
        // tree until the process exits, which frees it for nothing.
        let keepsTrees = jobs.count == 1
        let linted = Concurrently.map(jobs) { job -> (report: Report, root: Node?) in
            let linter = Linter(options: job.options, limits: limits, schema: schemaChoice)
            let work: @Sendable () -> (report: Report, root: Node?) = {
                if let rendering = job.rendering {
                    let project = ProjectRenderer(options: rendering, limits: renderLimits).render(base: job.file)
                    return FlexibleConfigLint(project: project, linter: linter, failLevel: job.failLevel).report()
                }
                let file = linter.lintedFile(job.file)
                var report = TemplateHint.explainingUnrenderedTemplate(file.report)
                report.failLevel = job.failLevel
                return (report, file.root)
            }
            guard let done = TimeBudget.run(budget, work) else {
                var report = TimeBudget.overBudget(job.file, budget: budget)
                report.failLevel = job.failLevel
                return (report, nil)
            }
            return (done.report, keepsTrees ? done.root : nil)
        }
        io.leaveToProcessExit(TreesHeldUntilExit(linted.map(\.root)))
        let reports = linted.map(\.report)
        io.leaveToProcessExit(ReportsHeldUntilExit(reports))
        let run = Run(reports: reports, toolVersion: krakenlintVersion)
        let settings = ReportSettings(
            verbose: verbose,
            color: color.enabled(io: io),
            paths: ArtifactPath(root: sarifRoot ?? io.currentDirectory, currentDirectory: io.currentDirectory),
            rules: RuleRegistry.allDescriptions.map(\.descriptor)
        )
        io.out(format.reporter(settings).render(run))
        // A file that could not be read as JSON or YAML was not linted at all: that is an unreadable input
        // (exit 2) whatever the fail level, even though its syntax error is reported like any finding.
        if reports.contains(where: { !$0.isReadable }) { return .usage }
        return reports.contains(where: \.fails) ? .findings : .success
    }

    /// The flexible-configuration options when rendering is on (the flag, a folder flag, or KrakenD's
    /// `FC_ENABLE`/`FC_CONFIG`), else nil.
    private func flexibleConfigOptions(io: CommandIO) -> FlexibleConfigOptions? {
        guard flexibleConfig || folders.anyGiven || FlexibleConfigOptions.isEnabled(by: io.environment) else { return nil }
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

/// Reads a command-line input into a `SourceFile`, turning I/O problems into usage errors.
enum SourceLoading {
    static func read(_ path: String, stdinName: String?, limits: LoadLimits, io: CommandIO) throws -> SourceFile {
        if path == "-" {
            let name = stdinName ?? "<stdin>"
            let bytes = io.readStandardInput()
            guard bytes.count <= limits.maxFileSize else {
                throw UsageError("\(name): standard input is \(bytes.count) bytes, more than the limit of \(limits.maxFileSize) (raise it with --max-file-size)")
            }
            return SourceFile(path: name, format: SourceFormat(fileName: name) ?? SourceReader.sniffFormat(bytes), bytes: bytes)
        }
        do {
            return try SourceReader.read(path: path, limits: limits)
        } catch {
            throw UsageError(error.description)
        }
    }
}

/// The trees of a run, kept for the process's lifetime by `CommandIO.leaveToProcessExit` (freeing a large
/// tree costs time the process exit does not).
final class TreesHeldUntilExit {
    let trees: [Node?]
    init(_ trees: [Node?]) { self.trees = trees }
}

/// The reports of a run, kept like its trees: an audit of a large configuration has tens of thousands of
/// findings, which the process exit frees for nothing.
final class ReportsHeldUntilExit {
    let reports: [Report]
    init(_ reports: [Report]) { self.reports = reports }
}
