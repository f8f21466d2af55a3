import ArgumentParser
import ConfigTree
import Foundation
import JSONSchema
import Reporting

/// Output formats of `krakenlint validate`.
enum ValidateOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `krakenlint validate`: a general JSON Schema validator (draft-07, 2019-09, 2020-12) over JSON and YAML files.
struct ValidateCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON or YAML files against any JSON Schema (draft-07, 2019-09, 2020-12).",
        discussion: """
            The schema is a file, or a folder whose schema files are all registered so relative $refs
            between them resolve offline; then the entry is --entry NAME or the folder's root schema
            (schema.json, root.json, _root.json or krakend.json). Nothing is fetched from the network:
            map remote URIs to local folders with --map.

            Exit codes: 0 every instance is valid, 1 an instance is invalid, 2 the schema or an input
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

    @Option(help: "Output format: text or json.")
    var format: ValidateOutputFormat = .text

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
        var results: [InstanceResult] = []
        for path in instances {
            results.append(try check(path, with: validator, io: io))
        }
        switch format {
        case .json: io.out(jsonReport(results))
        case .text: io.out(textReport(results))
        }
        // A limit that stopped validation means the instance was not checked: an unusable input, not a verdict.
        if results.contains(where: { $0.errors.contains { $0.isLimit } }) {
            io.err("krakenlint: a validation limit stopped the check (see the errors above); raise it with --regex-step-limit, --max-pattern-input, --max-ref-chain or --max-depth\n")
            return .usage
        }
        return results.allSatisfy { $0.errors.isEmpty } ? .success : .findings
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
            let options = ValidationOptions(
                formatAssertion: formatAssertion, maxDepth: limitOptions.maxDepth, maxInPlaceChain: maxRefChain,
                regexStepLimit: regexStepLimit, maxPatternInputLength: maxPatternInput)
            return try Validator(registry: registry, entry: entryURI, options: options)
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

    struct InstanceResult {
        let file: SourceFile
        let root: Node
        let errors: [JSONSchema.ValidationError]
    }

    private func check(_ path: String, with validator: Validator, io: CommandIO) throws -> InstanceResult {
        let limits = limitOptions.loadLimits
        let file: SourceFile
        if path == "-" {
            let bytes = io.readStandardInput()
            guard bytes.count <= limits.maxFileSize else {
                throw UsageError("<stdin>: standard input is \(bytes.count) bytes, more than the limit of \(limits.maxFileSize) (raise it with --max-file-size)")
            }
            file = SourceFile(path: "<stdin>", format: .json, bytes: bytes)
        } else {
            do {
                file = try SourceReader.read(path: path, limits: limits)
            } catch {
                throw UsageError(error.description)
            }
        }
        let loaded = file.format == .json ? ConfigLoader.loadJSONValue(file, limits: limits) : ConfigLoader.load(file, limits: limits)
        guard let root = loaded.root else {
            let issue = loaded.issues.first { $0.severity == .error }
            let place = issue.map { "\(file.position(ofOffset: $0.span.start)): " } ?? ""
            throw UsageError("\(file.path):\(place)\(issue?.message ?? "cannot be read")")
        }
        let errors = validator.isValid(root) ? [] : validator.validate(root)
        return InstanceResult(file: file, root: root, errors: errors)
    }

    /// Where an error starts: the key of an unexpected property, else the value at the error's pointer.
    private func position(of error: JSONSchema.ValidationError, in result: InstanceResult) -> SourcePosition {
        let span: Span
        if error.keyword == "additionalProperties" || error.keyword == "unevaluatedProperties",
           let keySpan = result.root.keySpan(at: error.instancePointer) {
            span = keySpan
        } else {
            span = result.root.resolve(error.instancePointer)?.span ?? result.root.keySpan(at: error.instancePointer) ?? result.root.span
        }
        return result.file.position(ofOffset: span.start)
    }

    // MARK: Output

    private func textReport(_ results: [InstanceResult]) -> String {
        var out = ""
        for result in results {
            guard !result.errors.isEmpty else {
                out += "\(result.file.path): valid\n"
                continue
            }
            for error in result.errors {
                let start = position(of: error, in: result)
                let pointer = error.instancePointer.description.isEmpty ? "(root)" : error.instancePointer.description
                out += "\(result.file.path):\(start.line):\(start.column): error: \(error.message) [\(error.keyword)] at \(pointer)\n"
            }
        }
        let invalid = results.filter { !$0.errors.isEmpty }.count
        out += "\(results.count - invalid) valid, \(invalid) invalid\n"
        return out
    }

    private func jsonReport(_ results: [InstanceResult]) -> String {
        let instances: [JSONValue] = results.map { result in
            .object([
                ("path", .string(result.file.path)),
                ("valid", .bool(result.errors.isEmpty)),
                ("errors", .array(result.errors.map { error in
                    let start = position(of: error, in: result)
                    return .object([
                        ("pointer", .string(error.instancePointer.description)),
                        ("keyword", .string(error.keyword)),
                        ("keyword_location", .string(error.keywordLocation)),
                        ("message", .string(error.message)),
                        ("line", .int(start.line)),
                        ("column", .int(start.column)),
                    ])
                })),
            ])
        }
        let invalid = results.filter { !$0.errors.isEmpty }.count
        return JSONValue.object([
            ("instances", .array(instances)),
            ("summary", .object([("instances", .int(results.count)), ("valid", .int(results.count - invalid)), ("invalid", .int(invalid))])),
        ]).serialized(pretty: true) + "\n"
    }
}
