import ArgumentParser
import ConfigTree
import Foundation
import KrakenLint
import Reporting

/// Output formats of `krakenlint lint`.
enum LintOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The lowest severity that makes `lint` exit 1.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, none

    func fails(_ severity: Severity?) -> Bool {
        guard let severity else { return false }
        switch self {
        case .none: return false
        case .info: return true
        case .warning: return severity >= .warning
        case .error: return severity == .error
        }
    }
}

/// `krakenlint lint PATH...`
struct LintCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check KrakenD configuration files (JSON or YAML).",
        discussion: """
            Directories are searched recursively for .json, .yaml and .yml files. Use - to read standard input.

            Examples:
              krakenlint lint krakend.json
              krakenlint lint --format json config/
              cat krakend.yaml | krakenlint lint --stdin-filename krakend.yaml -
            """
    )

    @Argument(help: "Files or directories to lint; - reads standard input.")
    var paths: [String] = []

    @Option(help: "Output format.")
    var format: LintOutputFormat = .text

    @Option(help: "File name used for standard input in messages, and to pick its format.")
    var stdinFilename: String?

    @Option(help: "Warn about features the given KrakenD edition does not have (ce or ee).")
    var edition: Edition?

    @Option(help: "Lowest severity that makes the exit code 1.")
    var failLevel: FailLevel = .error

    @Flag(help: "Also print a summary when there are no findings.")
    var verbose = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or directory to lint (or - for standard input)") }
    }

    func run(io: CommandIO) throws -> ExitStatus {
        let limits = LoadLimits.default
        var files: [SourceFile] = []
        for path in try InputFiles.expand(paths) {
            files.append(try SourceLoading.read(path, stdinName: stdinFilename, limits: limits, io: io))
        }
        let linter = Linter(options: LintOptions(edition: edition))
        let run = LintRun(reports: files.parallelMap { linter.lint($0) }, toolVersion: krakenlintVersion)
        let reporter: any Reporter
        switch format {
        case .text: reporter = TextReporter(verbose: verbose)
        case .json: reporter = JSONReporter()
        }
        io.out(reporter.render(run))
        let worst = run.reports.compactMap(\.worstSeverity).max()
        return failLevel.fails(worst) ? .findings : .success
    }
}

extension Edition: ExpressibleByArgument {}

/// Reads a command-line input into a `SourceFile`, turning I/O problems into usage errors.
enum SourceLoading {
    static func read(_ path: String, stdinName: String?, limits: LoadLimits, io: CommandIO) throws -> SourceFile {
        if path == "-" {
            let name = stdinName ?? "<stdin>"
            let bytes = io.readStandardInput()
            guard bytes.count <= limits.maxFileSize else {
                throw UsageError("\(name): standard input is \(bytes.count) bytes, more than the limit of \(limits.maxFileSize)")
            }
            return SourceFile(path: name, format: SourceFormat(fileName: name) ?? sniff(bytes), bytes: bytes)
        }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw UsageError("\(path): cannot read the file")
        }
        if let size = attributes[.size] as? Int, size > limits.maxFileSize {
            throw UsageError("\(path): file is \(size) bytes, more than the limit of \(limits.maxFileSize)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("\(path): cannot read the file (permission denied?)")
        }
        let bytes = Array(data)
        return SourceFile(path: path, format: SourceFormat(fileName: path) ?? sniff(bytes), bytes: bytes)
    }

    /// JSON when the first non-space byte opens an object or array, YAML otherwise.
    static func sniff(_ bytes: [UInt8]) -> SourceFormat {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0xEF && byte != 0xBB && byte != 0xBF {
            return byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") ? .json : .yaml
        }
        return .json
    }
}
