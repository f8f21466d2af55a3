import ConfigTree
import Foundation
import JSONSchema

/// A compiled KrakenD configuration schema: the one built into krakenlint (from `schemas/`), or one
/// given with `--schema PATH`, for example KrakenD's published schema folder.
///
/// Compiling happens once; validating is thread-safe and can run for many files in parallel.
public struct KrakenDSchema: Sendable {
    /// The `$id` of the bundled schema's entry file, `schemas/krakend.json`.
    public static let bundledEntryURI = "https://krakenlint.dev/schema/v3/krakend.json"

    /// The base every bundled file's `$id` starts with; a file's `$id` is this plus its path in `schemas/`.
    public static let bundledBaseURI = "https://krakenlint.dev/schema/v3/"

    /// Where the schema comes from: "bundled", or the path given to `load(path:)`.
    public let origin: String

    /// The compiled entry schema.
    public let validator: Validator

    /// Every reason `root` fails the schema; empty when the configuration is valid.
    public func validate(_ root: Node) -> [ValidationError] {
        validator.validate(root)
    }

    /// True when `root` satisfies the schema. Builds no messages, so it is faster than `validate`.
    public func isValid(_ root: Node) -> Bool {
        validator.isValid(root)
    }

    // MARK: - The bundled schema

    /// The bundled schema, compiled on first use. Swift runs this initializer once, even when several
    /// threads ask at the same time. A failure here is a defect of `schemas/`; a test compiles it.
    public static let bundled: Result<KrakenDSchema, SchemaError> = {
        do throws(SchemaError) {
            return .success(try compileBundled())
        } catch {
            return .failure(error)
        }
    }()

    /// Whether the bundled schema compiled; the first call compiles it (later calls only read the result).
    public static var isBundledUsable: Bool {
        if case .success = bundled { return true }
        return false
    }

    /// Validates `root` against the bundled schema. When the bundled schema cannot be compiled (a build
    /// defect), returns one error at the root that says so, so the problem is never silent.
    public static func validate(_ root: Node) -> [ValidationError] {
        switch bundled {
        case .success(let schema):
            return schema.validate(root)
        case .failure(let error):
            return [ValidationError(
                instancePointer: .root, keywordLocation: "", absoluteKeywordLocation: bundledEntryURI,
                keyword: "", message: "krakenlint's bundled KrakenD schema could not be compiled: \(error)"
            )]
        }
    }

    /// The bundled schema, compiled on first use of each subschema: a process pays only for the parts of
    /// the schema its configurations meet (compiling all of it took about 30 ms of every lint). The
    /// embedded files are parsed as `$ref`s reach them. A test compiles it eagerly (`compileBundled(eagerly:)`)
    /// and compares the two on every corpus file, so a defect in `schemas/` still fails the build.
    static func compileBundled(eagerly: Bool = false) throws(SchemaError) -> KrakenDSchema {
        let validator: Validator
        do {
            let registry = eagerly ? try bundledRegistry() : lazyBundledRegistry()
            validator = try Validator(registry: registry, entry: bundledEntryURI, compilation: eagerly ? .eager : .onFirstUse)
        } catch let error as SchemaError {
            throw error
        } catch {
            throw SchemaError.unreadable(path: "schemas/", reason: "\(error)")
        }
        return KrakenDSchema(origin: "bundled", validator: validator)
    }

    /// A registry holding every embedded schema file under its `$id`. Data files without an `$id` (the
    /// legacy alias table) stay out of the registry.
    static func bundledRegistry() throws(SchemaError) -> SchemaRegistry {
        if let failure = EmbeddedSchemaDocuments.failures.first {
            throw SchemaError.unreadable(path: "schemas/" + failure.path, reason: failure.message)
        }
        let registry = SchemaRegistry(defaultDialect: .draft2019_09)
        do {
            for document in EmbeddedSchemaDocuments.documents where document.root["$id"] != nil {
                try registry.register(document.root, uri: bundledBaseURI + document.path)
            }
        } catch let error as SchemaError {
            throw error
        } catch {
            throw SchemaError.unreadable(path: "schemas/", reason: "\(error)")
        }
        return registry
    }

    /// The same documents as `bundledRegistry()`, each parsed and registered when a reference first
    /// reaches it (every embedded file's `$id` is the base URI plus its path, which a test checks), and
    /// indexed as far as validation reaches it (no embedded file has an identifier below its root, which
    /// a test checks too).
    static func lazyBundledRegistry() -> SchemaRegistry {
        let registry = SchemaRegistry(defaultDialect: .draft2019_09)
        registry.mapPrefix(bundledBaseURI, identifiedAtRootOnly: true) { path in
            EmbeddedSchemaDocuments.document(at: path).flatMap { $0["$id"] != nil ? $0 : nil }
        }
        return registry
    }

    // MARK: - A schema from disk (`--schema PATH`)

    /// Entry files looked for, in order, when `load(path:)` is given a folder.
    public static let folderEntryNames = ["krakend.json", "_root.json"]

    /// Loads and compiles the schema at `path`, offline.
    ///
    /// - A file: it is the entry. Relative `$ref`s resolve against its `$id`; the documents they name are
    ///   read on demand from the file's folder.
    /// - A folder: every `.json`/`.yaml` file under it is registered under its `$id` (or file URL); the
    ///   entry is the first of `folderEntryNames` that exists at the folder's top. A file whose `$id`
    ///   repeats one already registered (a bundle next to its parts) is skipped.
    public static func load(path: String) throws(SchemaError) -> KrakenDSchema {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw SchemaError.unreadable(path: path, reason: "no such file or folder")
        }
        let registry = SchemaRegistry(defaultDialect: .draft2019_09)
        do {
            let entry = isDirectory.boolValue
                ? try registerFolder(url, in: registry, shownAs: path)
                : try registerFile(url, in: registry)
            return KrakenDSchema(origin: path, validator: try Validator(registry: registry, entry: entry))
        } catch let error as SchemaError {
            throw error
        } catch {
            throw SchemaError.unreadable(path: path, reason: "\(error)")
        }
    }

    /// Registers one schema file and maps the folder of its `$id` to the file's folder; returns the entry URI.
    private static func registerFile(_ url: URL, in registry: SchemaRegistry) throws -> String {
        let canonical = try registry.registerFile(at: url)
        if let slash = canonical.lastIndex(of: "/"), canonical.hasPrefix("http") {
            registry.mapPrefix(String(canonical[...slash]), toDirectory: url.deletingLastPathComponent())
        }
        return canonical
    }

    /// Registers every schema file of a folder; returns the URI of its entry file.
    private static func registerFolder(_ folder: URL, in registry: SchemaRegistry, shownAs path: String) throws -> String {
        var registered: [String: String] = [:]
        for relative in schemaFiles(in: folder) {
            do {
                registered[relative] = try registry.registerFile(at: folder.appendingPathComponent(relative))
            } catch SchemaError.duplicateIdentifier {
                continue
            }
        }
        guard let entryName = folderEntryNames.first(where: { registered[$0] != nil }), let entry = registered[entryName] else {
            throw SchemaError.unreadable(path: path, reason: "the folder has no entry schema (expected one of \(folderEntryNames.joined(separator: ", ")) at its top)")
        }
        return entry
    }

    /// Paths (relative to `folder`, sorted) of the `.json`, `.yaml` and `.yml` files under it.
    private static func schemaFiles(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = folder.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in walker where ["json", "yaml", "yml"].contains(url.pathExtension.lowercased()) {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            found.append(String(full.dropFirst(base.count + 1)))
        }
        return found.sorted()
    }
}
