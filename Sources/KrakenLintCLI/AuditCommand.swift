import ArgumentParser
import ConfigTree
import Findings
import FlexibleConfig
import Foundation
import KrakenLint
import Reporting

/// `krakenlint audit FILE...`: `krakend audit`'s 52 rules, with KrakenD's flags, and findings placed where
/// they come from.
struct AuditCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Run krakend audit's 52 security and best-practice rules (audit/<id>), with positions.",
        discussion: """
            Findings have the ids audit/1.1.1 ... audit/7.3.1; KrakenD's CRITICAL and HIGH become errors, MEDIUM
            warnings and LOW infos (JSON and SARIF keep KrakenD's severity in "properties"). A file that KrakenD
            would refuse to load gets the reasons instead, as lint reports them. Suppress one finding where it
            points with "@krakenlint": {"disable": ["audit/2.2.3"], "reason": "..."}; set levels in .krakenlint.yml
            (rules: {audit/4.1.1: off} or {4.1.1: off}). Exit status: 0 nothing fired (at or above --fail-level),
            1 findings, 2 usage error (also a --format template that does not parse or run) or unreadable file,
            3 internal error. Output goes to standard output; a --format template's goes to standard error.

            Examples:
              krakenlint audit krakend.json
              krakenlint audit -i 2.1.2,4.1.1 -s CRITICAL,HIGH krakend.json
              krakenlint audit -I .auditignore --format sarif krakend.yaml > audit.sarif
              krakenlint audit -f '{{range .Recommendations}}{{.Rule}} {{colored .Severity}}{{"\\n"}}{{end}}' krakend.json
            """
    )

    @Argument(help: "KrakenD configuration files or directories; - reads standard input.")
    var paths: [String] = []

    @Option(name: .customShort("c"), help: ArgumentHelp("A KrakenD configuration file, as with krakend audit -c (the same as giving it as an argument).", valueName: "file"))
    var krakendConfigs: [String] = []

    @Option(name: .shortAndLong, help: "Comma-separated rule ids to skip, as 2.1.7 or audit/2.1.7; spaces are removed. May be repeated.")
    var ignore: [String] = []

    @Option(name: [.customShort("I"), .long], help: "File with one rule id to skip per line (spaces removed, empty lines skipped; a CR is kept, as KrakenD does).")
    var ignoreFile: String?

    @Option(name: .shortAndLong, help: "Comma-separated KrakenD severities to report, case-sensitive.")
    var severity = "CRITICAL,HIGH,MEDIUM,LOW"

    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), or a Go text/template as krakend audit -f takes (anything with {{; written to standard error, as KrakenD does).")
    var format = "text"

    @Option(help: "File name used for standard input in messages, and to pick its format.")
    var stdinFilename: String?

    @Option(help: "Lowest severity that makes the exit code 1: error, warning, info or none (default: info, so anything that fires fails, as with krakend audit).")
    var failLevel: FailLevel = .info

    @Option(name: .customLong("config"), help: "krakenlint configuration file to use instead of searching for .krakenlint.yml.")
    var configPath: String?

    @Option(help: "Colors in the text format: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Directory that SARIF, GitHub, JUnit and Checkstyle paths are relative to (default: the working directory).")
    var sarifRoot: String?

    @Flag(help: "Also print the summary when there are no findings, and which configuration files were used (on standard error).")
    var verbose = false

    @Flag(name: .customLong("flexible-config"), help: "Render each file as a KrakenD flexible-configuration template first (also on with FC_ENABLE, FC_CONFIG or a folder flag), and report findings at the template, partial or settings line that produced them.")
    var flexibleConfig = false

    @OptionGroup(title: "Flexible configuration")
    var folders: FlexibleConfigFlags

    func validate() throws {
        if paths.isEmpty && krakendConfigs.isEmpty { throw ValidationError("give at least one KrakenD configuration file (or - for standard input)") }
        guard ReportFormat(rawValue: format) == nil, !AuditTemplateFormat.isTemplate(format) else { return }
        throw ValidationError("unknown format \"\(format)\"; use one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")), or a Go text/template (containing {{)")
    }

    func run(io: CommandIO) throws -> ExitStatus {
        let limits = LoadLimits.default
        let template = AuditTemplateFormat.isTemplate(format) ? try AuditTemplateFormat(format, colored: color != .never) : nil
        let skipped = try AuditSelection.skippedRules(ignore: ignore, ignoreFile: ignoreFile, severities: severity, io: io)
        let discovery = ConfigurationDiscovery(currentDirectory: io.currentDirectory, limits: limits)
        let explicit = try configPath.map { try load($0, discovery) }

        var jobs: [(file: SourceFile, options: LintOptions)] = []
        var broken: [String: ConfigurationDiscovery.Loaded] = [:]
        var used: [String: Int] = [:]
        for path in try InputFiles.expand(krakendConfigs + paths) {
            let displayPath = path == "-" ? stdinFilename : path
            var loaded = explicit
            if loaded == nil, let found = discovery.configurationPath(forFile: displayPath) { loaded = try load(found, discovery) }
            if let loaded, loaded.configuration == nil {
                broken[loaded.file.path] = loaded
                continue
            }
            let configuration = loaded?.configuration
            if let source = configuration?.path { used[source, default: 0] += 1 }
            let file = try SourceLoading.read(path, stdinName: stdinFilename, limits: limits, io: io)
            let policy = configuration?.policy(for: displayPath.map(discovery.absolute)) ?? .none
            jobs.append((file, LintOptions(disabledRules: skipped, policy: policy, audit: .only)))
        }
        guard broken.isEmpty else {
            let reports = broken.keys.sorted().compactMap { broken[$0] }.map { Report(file: $0.file, findings: $0.diagnostics) }
            io.err(TextReporter(color: false).render(Run(reports: reports, toolVersion: krakenlintVersion)))
            io.err("krakenlint: fix the configuration file above; nothing was audited\n")
            return .usage
        }
        if verbose {
            for (source, count) in used.sorted(by: { $0.key < $1.key }) { io.err("krakenlint: \(source) applies to \(count) file\(count == 1 ? "" : "s")\n") }
        }

        let rendering = flexibleConfig || folders.anyGiven || FlexibleConfigOptions.isEnabled(by: io.environment)
            ? folders.options(io: io) : nil
        let linted = Concurrently.map(jobs) { job -> (report: Report, root: Node?) in
            let linter = Linter(options: job.options, limits: limits)
            if let rendering {
                let project = ProjectRenderer(options: rendering).render(base: job.file)
                return FlexibleConfigLint(project: project, linter: linter, failLevel: failLevel).report()
            }
            let file = linter.lintedFile(job.file)
            return (TemplateHint.explainingUnrenderedTemplate(file.report), file.root)
        }
        io.leaveToProcessExit(HeldUntilExit(linted.map(\.root)))
        let reports = linted.map(\.report)
        io.leaveToProcessExit(HeldUntilExit(reports))
        let settings = ReportSettings(
            verbose: verbose, color: color.enabled(io: io),
            paths: ArtifactPath(root: sarifRoot ?? io.currentDirectory, currentDirectory: io.currentDirectory),
            rules: ReportFormat(rawValue: format)?.describesRules == true ? RuleRegistry.allDescriptions.map(\.descriptor) : []
        )
        if let template {
            try writeTemplate(template, reports, io: io)
        } else {
            io.out(parts: ReportFormat(rawValue: format)!.reporter(settings).renderParts(Run(reports: reports, toolVersion: krakenlintVersion)))
        }
        if reports.contains(where: { !$0.isReadable }) { return .usage }
        return reports.contains { failLevel.fails($0.worstSeverity) } ? .findings : .success
    }

    /// A template's output goes to standard error, where KrakenD writes it: one execution per input, in input
    /// order. Findings that are not audit recommendations (why a file cannot be audited, a suppression without a
    /// reason) are printed before it in the text format; a file KrakenD would refuse gets no template output.
    private func writeTemplate(_ template: AuditTemplateFormat, _ reports: [Report], io: CommandIO) throws(UsageError) {
        for report in reports {
            var other = report
            other.findings = report.findings.filter { !$0.ruleID.hasPrefix(AuditRules.prefix) }
            if !other.findings.isEmpty { io.err(TextReporter(color: false).render(Run(reports: [other], toolVersion: krakenlintVersion))) }
            guard report.isReadable, !other.findings.contains(where: { $0.severity == .error }) else { continue }
            io.err(try template.render(report))
        }
    }

    private func load(_ path: String, _ discovery: ConfigurationDiscovery) throws -> ConfigurationDiscovery.Loaded {
        do {
            return try discovery.load(path)
        } catch let error as UnreadableConfiguration {
            throw UsageError(error.description)
        }
    }
}

/// Which audit rules a run skips, from KrakenD's `-i`, `-I` and `-s` flags.
enum AuditSelection {
    /// The ids of the audit rules to skip: those ignored, and those whose severity was not asked for.
    static func skippedRules(ignore: [String], ignoreFile: String?, severities: String, io: CommandIO) throws -> Set<String> {
        var ignored: [String] = ignore.flatMap(parseIgnoreList)
        if let ignoreFile {
            guard let data = FileManager.default.contents(atPath: ignoreFile) else { throw UsageError("\(ignoreFile): cannot read the ignore file") }
            ignored += parseIgnoreFile(Array(data))
        }
        let wanted = Set(severities.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        for name in wanted.sorted() where AuditSeverity(rawValue: name) == nil {
            io.err("krakenlint: severity \"\(name)\" matches no rule; the severities are \(AuditSeverity.allCases.map(\.rawValue).joined(separator: ", ")) (case-sensitive)\n")
        }
        let ignoredIDs = Set(ignored.map(AuditRules.normalizedID))
        return Set(AuditRules.all.filter { ignoredIDs.contains($0.id) || !wanted.contains($0.krakendSeverity.rawValue) }.map(\.id))
    }

    /// `-i`: a comma-separated list; spaces are removed.
    static func parseIgnoreList(_ text: String) -> [String] {
        text.replacingOccurrences(of: " ", with: "").split(separator: ",").map(String.init)
    }

    /// `-I`: one id per line; spaces are removed and empty lines skipped, but a CR stays (so a Windows line
    /// ending makes the id match nothing, as in KrakenD).
    static func parseIgnoreFile(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self) }
            .filter { !$0.isEmpty }
    }
}
