import ArgumentParser
import ConfigTree
import Findings
import Foundation
import JSONSchema
import Reporting

/// `krakenlint validate`: a general JSON Schema validator (draft-07, 2019-09, 2020-12) over JSON and YAML files.
struct ValidateCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON or YAML files against any JSON Schema (draft-07, 2019-09, 2020-12).",
        discussion: """
            The schema is a file, or a folder whose schema files are all registered so relative $refs \
            between them resolve offline; then the entry is --entry NAME or the folder's root schema \
            (schema.json, root.json, _root.json or krakend.json). Nothing is fetched from the network: \
            map remote URIs to local folders with --map.

            Every error is a finding schema/KEYWORD at the key or value it is about, in any --format, as \
            lint reports them. An instance that cannot be read is a finding too, and the others are \
            still validated.

            Exit codes: 0 every instance is valid, 1 an instance is invalid, 2 the schema or an input \
            cannot be used.

            Examples:
              krakenlint validate --schema schemas/ krakend.json
              krakenlint validate --schema sarif-schema-2.1.0.json --format json report.sarif
              krakenlint validate --schema api.json --map https://example.com/schemas/=./schemas data.yaml
            """
    )

    @Option(help: "The schema: a file, or a folder of schema files.")
    var schema: String

    @Option(help: ArgumentHelp("Entry file inside a schema folder, relative to it.", valueName: "name"))
    var entry: String?

    @Option(help: ArgumentHelp("Serve URIs starting with PREFIX from files under DIR (repeatable).", valueName: "prefix=dir"))
    var map: [String] = []

    @Option(help: ArgumentHelp("Dialect of schemas without $schema: 7, 2019-09 or 2020-12.", valueName: "draft"))
    var draft: String = "2020-12"

    @Option(help: ArgumentHelp("A folder of official meta-schemas (with index.json) to check the schema against first.", valueName: "dir"))
    var metaSchemas: String?

    @Flag(help: "Treat `format` as an assertion instead of an annotation.")
    var formatAssertion = false

    @Option(name: .shortAndLong, help: "Output format: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Option(help: "Directory that SARIF, GitHub, JUnit and Checkstyle paths are relative to (default: the working directory).")
    var sarifRoot: String?

    @Option(help: ArgumentHelp("Work budget of one regular-expression match, in steps; a match that needs more is reported as an error (default: 1000000).", valueName: "steps"))
    var regexStepLimit: Int = ValidationOptions().regexStepLimit

    @Option(help: ArgumentHelp("Longest string a pattern is matched against, in bytes (default: 100000).", valueName: "bytes"))
    var maxPatternInput: Int = ValidationOptions().maxPatternInputLength

    @Option(help: ArgumentHelp("Most subschemas applied to one value without descending into it, which stops $ref loops (default: 64).", valueName: "count"))
    var maxRefChain: Int = ValidationOptions().maxInPlaceChain

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @Argument(help: "JSON or YAML files to validate; - reads standard input (as JSON).")
    var instances: [String] = []

    func validate() throws {
        if instances.isEmpty { throw ValidationError("give at least one instance file to validate") }
        if Dialect(name: draft) == nil { throw ValidationError("unknown draft \"\(draft)\"; expected 7, 2019-09 or 2020-12") }
        for (name, value) in [("--regex-step-limit", regexStepLimit), ("--max-pattern-input", maxPatternInput), ("--max-ref-chain", maxRefChain)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
        for item in map where !item.contains("=") {
            throw ValidationError("--map takes PREFIX=DIR, got \"\(item)\"")
        }
    }

    func run(io: CommandIO) throws -> ExitStatus {
        let validator = try compileSchema()
        if metaSchemas == nil {
            io.err("note: the schema was compiled (each keyword's form is checked) but not validated against its official meta-schema; give --meta-schemas DIR to do that\n")
        }
        let reports = try instances.map { try check($0, with: validator, io: io) }
        let settings = ReportSettings(
            verbose: true,
            paths: ArtifactPath(root: sarifRoot ?? io.currentDirectory, currentDirectory: io.currentDirectory),
            rules: Self.rules(for: reports)
        )
        io.out(format.reporter(settings).render(Run(reports: reports, toolVersion: krakenlintVersion)))
        if reports.contains(where: { !$0.isReadable }) { return .usage }
        // A limit that stopped validation means the instance was not checked: an unusable input, not a verdict.
        if reports.contains(where: { $0.findings.contains { $0.ruleID == Self.limitRuleID } }) {
            io.err("krakenlint: a validation limit stopped the check (see the errors above); raise it with --regex-step-limit, --max-pattern-input, --max-ref-chain or --max-depth\n")
            return .usage
        }
        return reports.allSatisfy { $0.findings.isEmpty } ? .success : .findings
    }

    // MARK: Schema

    private func compileSchema() throws -> Validator {
        let registry = SchemaRegistry(defaultDialect: Dialect(name: draft) ?? .draft2020_12)
        for item in map {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            registry.mapPrefix(parts[0], toDirectory: URL(fileURLWithPath: parts[1], isDirectory: true))
        }
        do {
            if let metaSchemas {
                try registry.registerMetaSchemas(from: URL(fileURLWithPath: metaSchemas, isDirectory: true))
            }
            let entryURI = try registerSchema(in: registry)
            return try Validator(registry: registry, entry: entryURI, options: ValidationOptions(
                formatAssertion: formatAssertion, maxDepth: limitOptions.maxDepth, maxInPlaceChain: maxRefChain,
                regexStepLimit: regexStepLimit, maxPatternInputLength: maxPatternInput))
        } catch let error as UsageError {
            throw error
        } catch {
            throw UsageError("schema \(schema): \(error)")
        }
    }

    /// Registers the schema file or folder and returns the entry's URI.
    private func registerSchema(in registry: SchemaRegistry) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: schema, isDirectory: &isDirectory) else {
            throw UsageError("\(schema): no such file or directory")
        }
        let url = URL(fileURLWithPath: schema, isDirectory: isDirectory.boolValue).standardizedFileURL
        guard isDirectory.boolValue else { return try registry.registerFile(at: url) }
        try registry.registerDirectory(url)
        let entryName = try entry ?? Self.rootSchemaName(in: url)
        let entryURL = url.appendingPathComponent(entryName).standardizedFileURL
        guard FileManager.default.fileExists(atPath: entryURL.path) else {
            throw UsageError("\(entryName): no such schema file in \(schema)")
        }
        // The folder registration keyed the entry by its canonical URI (its `$id` resolved against its file
        // URL, or that URL); a scratch registry computes the same URI for the entry file alone.
        return try SchemaRegistry(defaultDialect: registry.defaultDialect).registerFile(at: entryURL)
    }

    static let rootSchemaNames = ["schema.json", "root.json", "_root.json", "krakend.json"]

    static func rootSchemaName(in folder: URL) throws -> String {
        for name in rootSchemaNames where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            return name
        }
        throw UsageError("\(folder.path): no root schema (\(rootSchemaNames.joined(separator: ", "))); name one with --entry")
    }

    // MARK: Instances

    /// The findings for one instance: its schema errors, or why it could not be read.
    private func check(_ path: String, with validator: Validator, io: CommandIO) throws -> Report {
        let file: SourceFile
        if path == "-" {
            // Standard input is JSON, read under the same size limit as any file.
            let read = try SourceLoading.read("-", stdinName: "<stdin>", limits: limitOptions.loadLimits, io: io)
            file = SourceFile(path: read.path, format: .json, bytes: read.bytes)
        } else {
            do {
                file = try SourceReader.read(path: path, limits: limitOptions.loadLimits)
            } catch {
                let empty = SourceFile(path: path, format: SourceFormat(fileName: path) ?? .json, bytes: [])
                let finding = Finding(ruleID: LoadIssue.Code.syntax.rawValue, severity: .error, message: error.message,
                                      span: Span(at: 0), pointer: .root)
                return Report(file: empty, findings: [finding], isReadable: false)
            }
        }
        let limits = limitOptions.loadLimits
        let loaded = file.format == .json ? ConfigLoader.loadJSONValue(file, limits: limits) : ConfigLoader.load(file, limits: limits)
        let issues = loaded.issues.map { Finding($0) }
        guard let root = loaded.root else {
            return Report(file: file, findings: issues, isReadable: false)
        }
        let errors = validator.isValid(root) ? [] : validator.validate(root)
        let findings = errors.map { error in
            Finding(
                ruleID: error.isLimit ? Self.limitRuleID : JSONSchema.ValidationError.ruleID(forKeyword: error.keyword), severity: .error, message: error.message,
                location: Location(file: file, span: error.span(in: root)), pointer: error.instancePointer,
                properties: ["keyword": .string(error.keyword), "keyword_location": .string(error.keywordLocation)]
            )
        }
        return Report(file: file, findings: (issues + findings).sorted(by: Finding.ordered))
    }

    /// The rule id of a validation stopped by a limit (a regex step budget, a `$ref` loop, depth).
    static let limitRuleID = LoadIssue.Code.limit.rawValue

    /// SARIF rule descriptors for the keywords that failed, and the reader's problems.
    static func rules(for reports: [Report]) -> [RuleDescriptor] {
        let ids = Set(reports.flatMap { $0.findings.map(\.ruleID) }).sorted()
        return ids.map { id in
            let keyword = id.hasPrefix("schema/") ? String(id.dropFirst("schema/".count)) : id
            let summary = id.hasPrefix("schema/") ? "The instance fails the schema's \(keyword) keyword" : "The instance cannot be read (\(keyword))"
            let name = id.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return RuleDescriptor(id: id, name: name, summary: summary, explanation: summary + ".",
                                  fix: "Change the instance (or the schema) so they agree.", defaultSeverity: .error)
        }
    }
}
