import ConfigTree
import Foundation

/// A compiled schema, ready to validate any number of instances (from any thread).
///
/// ```swift
/// let registry = SchemaRegistry()
/// let uri = try registry.registerFile(at: schemaURL)
/// let validator = try Validator(registry: registry, entry: uri)
/// let errors = validator.validate(configRoot)
/// ```
public final class Validator: @unchecked Sendable {
    private let root: SchemaNode
    /// Whether validation must track the dynamic scope (the schema uses `$dynamicRef` or `$recursiveRef`).
    private let tracksScope: Bool
    public let options: ValidationOptions
    /// The entry schema's canonical URI.
    public let entryURI: String
    /// Every node compiled (or the compiler that still fills them), whose reference cycles are broken
    /// when this validator goes.
    private let graph: Graph

    private enum Graph {
        case compiled(CompiledGraph)
        case compiling(SchemaCompiler)
    }

    /// Compiles the schema registered under `entry` (a URI, optionally with a fragment).
    /// When `validateSchema` is set and the schema's meta-schema is registered, the schema is first
    /// validated against it; failures throw `SchemaError.invalidAgainstMetaSchema`.
    ///
    /// With `compilation: .onFirstUse` only the entry is looked up now; each subschema is compiled the
    /// first time a validation reaches it, and a compile error found then is reported as a validation
    /// error there. The registry must not change afterwards (the validator keeps reading it).
    public init(registry: SchemaRegistry, entry: String, options: ValidationOptions = ValidationOptions(), validateSchema: Bool = true, compilation: SchemaCompilation = .eager) throws {
        let uri = URIReference(parsing: entry)
        guard let location = try registry.lookup(uri) else {
            throw SchemaError.unresolvedReference(uri: entry, at: "(entry)")
        }
        if validateSchema {
            try MetaValidation.check(location: location, registry: registry)
        }
        let lazily = compilation == .onFirstUse
        let compiler = SchemaCompiler(registry: registry, options: options, regexCache: RegexCache(), lazily: lazily)
        do {
            root = try compiler.compile(location)
        } catch {
            compiler.compiledGraph.release()
            throw error
        }
        if lazily {
            graph = .compiling(compiler)
            // Whether a `$dynamicRef` or `$recursiveRef` lies ahead is not known yet: track the scope.
            tracksScope = true
        } else {
            graph = .compiled(compiler.compiledGraph)
            tracksScope = compiler.usesDynamicScope
        }
        self.options = options
        entryURI = uri.description
    }

    deinit {
        switch graph {
        case .compiled(let nodes): nodes.release()
        case .compiling(let compiler): compiler.compiledGraph.release()
        }
    }

    /// Compiles now whatever a validator made with `compilation: .onFirstUse` has not compiled yet (for a
    /// caller with a core to spare before a large validation); nothing for an eagerly compiled one.
    public func compileAll() {
        if case .compiling(let compiler) = graph { compiler.fillAll() }
    }

    /// The compiled entry schema (for tests that check it is freed).
    var rootNode: SchemaNode { root }

    /// Registers `schema` in a copy of `registry` (or a fresh one) and compiles it.
    public convenience init(schema: Node, uri: String = "urn:krakenlint:schema", registry: SchemaRegistry? = nil, options: ValidationOptions = ValidationOptions(), validateSchema: Bool = true, compilation: SchemaCompilation = .eager) throws {
        let own = registry?.copy() ?? SchemaRegistry()
        let canonical = try own.register(schema, uri: uri)
        try self.init(registry: own, entry: canonical, options: options, validateSchema: validateSchema, compilation: compilation)
    }

    /// True when `instance` satisfies the schema. Builds no messages.
    public func isValid(_ instance: Node) -> Bool {
        let root = root
        let options = options
        let tracksScope = tracksScope
        return DeepStack.run { inlineDepthLimit in
            let evaluation = Evaluation(options: options, collecting: false, tracksScope: tracksScope, instance: instance)
            evaluation.inlineDepthLimit = inlineDepthLimit
            let valid = withUnsafePointer(to: instance) { value in evaluation.lending(value) { evaluation.validate(root, value, nil) } } && !evaluation.limitExceeded
            return (valid, evaluation.needsDeepStack)
        }
    }

    /// Every reason `instance` fails (empty when valid). Alternatives report their best branch only.
    public func validate(_ instance: Node) -> [ValidationError] {
        let root = root
        let options = options
        let tracksScope = tracksScope
        let (valid, errors) = DeepStack.run { inlineDepthLimit in
            let evaluation = Evaluation(options: options, collecting: true, tracksScope: tracksScope, instance: instance)
            evaluation.inlineDepthLimit = inlineDepthLimit
            let valid = withUnsafePointer(to: instance) { value in evaluation.lending(value) { evaluation.validate(root, value, nil) } }
            return ((valid, evaluation.errors), evaluation.needsDeepStack)
        }
        if !valid && errors.isEmpty {
            return [ValidationError(instancePointer: .root, keywordLocation: "", absoluteKeywordLocation: root.absoluteLocation, keyword: "", message: "the value does not satisfy the schema")]
        }
        return errors
    }
}

/// When a validator compiles its subschemas.
public enum SchemaCompilation: Sendable, Equatable {
    /// All of them before the validator is returned; every compile error is thrown by the initializer.
    case eager
    /// Each the first time a validation reaches it, so a run pays only for what its instance meets. For
    /// a schema known to compile (a bundled one, checked by a test); an error found later is reported
    /// by the validations that reach the broken subschema.
    case onFirstUse
}

/// Validation of a schema document against its meta-schema, when that meta-schema is registered.
enum MetaValidation {
    static func check(location: SchemaLocation, registry: SchemaRegistry) throws {
        guard let info = registry.info(for: location), let document = registry.documents[safe: location.document] else { return }
        let root = document.root
        let metaURI: String
        if let declared = root.members.flatMap({ EffectiveMembers.last($0, key: "$schema") })?.value.string {
            metaURI = declared
        } else {
            metaURI = info.dialect.dialect.metaSchemaURI
        }
        let reference = URIReference(parsing: metaURI).withoutFragment
        guard reference.description != document.uri, registry.contains(reference.description) else { return }
        let meta: Validator
        if Dialect(metaSchemaURI: reference.description) != nil {
            meta = try registry.metaValidators.validator(for: reference.description) {
                try Validator(registry: registry, entry: reference.description, validateSchema: false)
            }
        } else {
            meta = try Validator(registry: registry, entry: reference.description, validateSchema: false)
        }
        let errors = meta.validate(root)
        if !errors.isEmpty { throw SchemaError.invalidAgainstMetaSchema(uri: document.uri, errors: errors) }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Compiled official meta-schemas by URI.
final class MetaValidatorCache: @unchecked Sendable {
    private var validators: [String: Validator] = [:]
    private let lock = NSLock()

    func validator(for uri: String, make: () throws -> Validator) throws -> Validator {
        lock.lock()
        defer { lock.unlock() }
        if let cached = validators[uri] { return cached }
        let made = try make()
        validators[uri] = made
        return made
    }
}
