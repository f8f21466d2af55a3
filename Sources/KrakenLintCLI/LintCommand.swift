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

    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
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

    /// What was asked, as plain values.
    var request: LintRequest {
        LintRequest(
            paths: paths, format: format, stdinFilename: stdinFilename, edition: edition, failLevel: failLevel,
            schema: schema, configPath: configPath, color: color, sarifRoot: sarifRoot,
            flexibleConfig: flexibleConfig, folders: folders.chosen, verbose: verbose, audit: audit ? .alongside : .off,
            limits: limitOptions.loadLimits, timeBudget: limitOptions.timeBudgetDuration,
            renderLimits: renderLimitOptions.renderLimits(files: limitOptions.loadLimits))
    }

    func run(io: CommandIO) throws -> ExitStatus {
        try request.run(io: io)
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

/// What a run leaves to the process exit (`CommandIO.leaveToProcessExit`): its trees, the views of them the
/// rules walked, and its reports. Freeing the tree and views of a 10 MB configuration, or an audit's tens
/// of thousands of findings, costs time the exit does not.
final class HeldUntilExit<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
