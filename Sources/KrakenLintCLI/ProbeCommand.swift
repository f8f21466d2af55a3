import ArgumentParser
import ConfigTree
import Findings
import FlexibleConfig
import Foundation
import NTLM
import NTLMProbe
import Reporting

extension NTLMClientProfile: ExpressibleByArgument {}

/// `krakenlint probe CONFIG`: the NTLM credential smoke test against every backend with `auth/ntlm`.
struct ProbeCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Try the NTLM credentials of every auth/ntlm backend against its hosts.",
        discussion: """
            Each backend with auth/ntlm is probed at each of its hosts (or the root host list) with the \
            handshake KrakenD's NTLM client (go-ntlmssp) performs: an anonymous request, NEGOTIATE and \
            AUTHENTICATE over HTTP/1.1. A flexible-configuration template (a file holding {{ }}, or any file \
            with FC_ENABLE, FC_CONFIG, --flexible-config or a folder flag) is rendered first exactly as \
            KrakenD renders it, so {{ env "NAME" }} credentials are read from the environment; a user or \
            password that renders empty while a variable the template reads is unset is reported, not sent. \
            Passwords are never printed.

            The text format is a table of targets; json lists the targets and the same results as \
            findings; sarif, github, junit and checkstyle report one finding per target (probe/rejected, \
            probe/unreachable...) on its backend's auth/ntlm key, like lint.

            Exit codes: 0 every probed target authenticated; 1 a target did not; 2 usage error or \
            unreadable configuration.

            Examples:
              krakenlint probe krakend.json
              krakenlint probe --param id=42 --endpoint /users/{id} krakend.json
              krakenlint probe --format junit --https-only krakend.yaml > probe.xml
              krakenlint probe --format sarif krakend.json > probe.sarif
            """
    )

    @Argument(help: "The configuration file (JSON or YAML); - reads standard input.")
    var config: String

    @Option(name: .customLong("param"), help: "Value for a {name} placeholder in url_pattern, as name=value (repeatable).")
    var parameters: [String] = []

    @Option(name: .customLong("endpoint"), help: "Only backends of this endpoint path, or 'async_agent NAME' (repeatable).")
    var endpoints: [String] = []

    @Option(name: .customLong("host"), help: "Only this host: as configured, its name, or name:port (repeatable).")
    var hosts: [String] = []

    @Option(help: "HTTP method of every request (the backend's own method is never replayed).")
    var method = "GET"

    @Option(help: "NTLM client to reproduce: go-ntlmssp (v0.1.x) or go-ntlmssp-legacy (2022-era builds).")
    var profile: NTLMClientProfile = .current

    @Option(help: "PEM file with CA certificates to trust in addition to the system store.")
    var caFile: String?

    @Flag(help: "Do not verify TLS certificates (results say so).")
    var insecure = false

    @Flag(help: "Refuse plain http:// targets instead of probing them.")
    var httpsOnly = false

    @Option(help: "Parallel targets.")
    var concurrency = 4

    @Option(help: "Seconds allowed to open a connection.")
    var connectTimeout: Double = 5

    @Option(help: "Seconds allowed for one target, all requests included.")
    var timeout: Double = 15

    @Option(help: "Seconds allowed for the whole run.")
    var deadline: Double = 120

    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "Directory that SARIF, GitHub, JUnit and Checkstyle paths are relative to (default: the working directory).")
    var sarifRoot: String?

    @Option(help: "File name used for standard input in messages, and to pick its format.")
    var stdinFilename: String?

    @Flag(name: .customLong("flexible-config"), help: "Render the file as a KrakenD flexible-configuration template first (also on with FC_ENABLE, FC_CONFIG, a folder flag, or {{ in the file).")
    var flexibleConfig = false

    @OptionGroup(title: "Flexible configuration")
    var folders: FlexibleConfigFlags

    @OptionGroup(title: "Flexible-configuration limits")
    var renderLimitOptions: RenderLimitOptions

    func validate() throws {
        guard (1...256).contains(concurrency) else {
            throw ValidationError("--concurrency must be from 1 to 256, got \(concurrency)")
        }
        for (name, value) in [("--connect-timeout", connectTimeout), ("--timeout", timeout), ("--deadline", deadline)] {
            guard value.isFinite, value > 0, value <= 86_400 else {
                throw ValidationError("\(name) must be a number of seconds above 0 and at most 86400, got \(value)")
            }
        }
        let tokenCharacters = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        guard !method.isEmpty, method.unicodeScalars.allSatisfy(tokenCharacters.contains) else {
            throw ValidationError("--method \"\(method)\" is not an HTTP method name")
        }
        for parameter in parameters where !parameter.contains("=") || parameter.hasPrefix("=") {
            throw ValidationError("--param \"\(parameter)\" must be name=value")
        }
        if insecure && caFile != nil {
            throw ValidationError("--insecure and --ca-file contradict each other; use one")
        }
    }

    func run(io: CommandIO) throws -> ExitStatus {
        let source = try SourceLoading.read(config, stdinName: stdinFilename, limits: .default, io: io)
        let project = try rendered(source, io: io)
        let file = project?.output ?? source
        let loaded = ConfigLoader.load(file)
        guard let root = loaded.root else {
            let first = loaded.issues.first { $0.severity == .error }
            let position = first.map { "\(file.position(ofOffset: $0.span.start)): " } ?? ""
            throw UsageError("\(file.path):\(position)\(first?.message ?? "cannot read the configuration")")
        }

        let selection = TargetSelection(parameters: parsedParameters(), endpoints: endpoints, hosts: hosts)
        var targets = TargetExtractor.targets(in: root, of: file, selection: selection)
        if let project {
            // A credential that rendered empty because its variable is unset is reported, not sent.
            let unset = project.environmentVariablesRead.filter { io.environment[$0] == nil }
            for index in targets.indices { targets[index].credentials.unsetVariables = unset }
        }
        if targets.isEmpty && (!endpoints.isEmpty || !hosts.isEmpty) {
            throw UsageError("no auth/ntlm backend matches the --endpoint/--host filters in \(file.path)")
        }

        var settings = ProbeSettings()
        settings.method = method.uppercased()
        settings.profile = profile
        settings.caFilePath = caFile
        settings.insecure = insecure
        settings.httpsOnly = httpsOnly
        settings.concurrency = concurrency
        settings.connectTimeout = .milliseconds(Int(connectTimeout * 1000))
        settings.targetTimeout = .milliseconds(Int(timeout * 1000))
        settings.totalDeadline = .milliseconds(Int(deadline * 1000))

        let prober: Prober
        do {
            prober = try Prober(settings: settings)
        } catch {
            throw UsageError(error.message)
        }
        let start = ContinuousClock.now
        let probed = targets
        let results = runBlocking { await prober.run(probed) }
        let elapsed = Int((ContinuousClock.now - start) / .milliseconds(1))
        let summary = ProbeSummary(results: results, elapsedMilliseconds: elapsed, settings: settings)

        var report = ProbeFindings.report(results, file: file)
        if let project, let output = project.output, let map = project.sourceMap {
            // Each finding at the template or settings line that wrote its auth/ntlm block.
            report = Report(
                file: project.baseTemplate, findings: FlexibleConfigLint.placed(report.findings, project: project, output: output, map: map),
                secrets: (report.secrets.map { $0.reveal() } + project.environmentValuesToMask.sorted()).map { SecretValue($0, span: Span(at: 0)) },
                failLevel: report.failLevel
            )
        }
        switch format {
        case .text: io.out(ProbeTextFormat.render(results, summary: summary))
        case .json: io.out(ProbeJSONFormat.render(results, summary: summary, report: report))
        default:
            let settings = ReportSettings(
                paths: ArtifactPath(root: sarifRoot ?? io.currentDirectory, currentDirectory: io.currentDirectory),
                rules: ProbeFindings.rules
            )
            io.out(format.reporter(settings).render(Run(reports: [report], toolVersion: krakenlintVersion)))
        }
        return summary.passed ? .success : .findings
    }

    /// The rendered project when the file is a flexible-configuration template (or rendering is asked for),
    /// nil for a plain configuration. A template that KrakenD could not render ends the command.
    private func rendered(_ source: SourceFile, io: CommandIO) throws -> RenderedProject? {
        let asked = flexibleConfig || folders.anyGiven || FlexibleConfigOptions.isEnabled(variable: { io.environment[$0] })
        guard asked || source.bytes.containsTemplateAction else { return nil }
        let limits = renderLimitOptions.renderLimits(files: .default)
        let project = ProjectRenderer(options: folders.options(io: io), limits: limits).render(base: source)
        guard project.output != nil, !project.problems.contains(where: { $0.severity == .error }) else {
            let report = Report(
                file: project.baseTemplate, findings: project.problems.map { FlexibleConfigLint.finding(for: $0, in: project) },
                isReadable: false
            )
            io.err(TextReporter(color: false).render(Run(reports: [report], toolVersion: krakenlintVersion)))
            throw UsageError("\(source.path) could not be rendered as KrakenD renders it; nothing was probed")
        }
        return project
    }

    private func parsedParameters() -> [String: String] {
        var values: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            values[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        return values
    }
}

/// Runs async work to completion from synchronous code (the CLI entry is synchronous).
private func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
    let box = BlockingResult<Value>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.set(await work())
        done.signal()
    }
    done.wait()
    return box.get()
}

/// The value handed from the detached task to the waiting thread.
private final class BlockingResult<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?

    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value {
        lock.withLock {
            guard let value else { preconditionFailure("runBlocking returned before its work finished") }
            return value
        }
    }
}
