import ConfigTree
import Foundation

/// Every schema document the compiler may use, found by `$id`, by file URL or through a URI prefix
/// mapped to a local folder. Nothing is ever fetched from the network.
///
/// Register documents first, then compile (see `SchemaCompiler`). Lookups of mapped prefixes and
/// `file:` URLs load their files on demand. Not thread-safe while registering.
public final class SchemaRegistry {
    /// The dialect of a schema that names none in `$schema`.
    public var defaultDialect: Dialect
    /// Reads a schema file into a tree. The default uses `ConfigLoader` (JSON or YAML by extension).
    public var loadDocument: (URL) throws -> Node

    private(set) var documents: [SchemaDocument] = []
    private(set) var resources: [String: SchemaResource] = [:]
    private(set) var locations = LocationTable<LocationInfo>()
    private var prefixMaps: [(prefix: String, source: DocumentSource)] = []
    /// Whether each document (by number) is indexed on demand (see `mapPrefix(_:identifiedAtRootOnly:toDocuments:)`).
    /// An array, not a `Set<Int>`: the runtime's first use of a set of integers cost a small lint 0.6 M
    /// instructions.
    private var indexedOnDemand: [Bool] = []
    /// How many resources were created, here and in the registry this one was copied from: the next
    /// resource's `number`.
    private var resourceCount = 0

    /// Where the documents under a mapped URI prefix come from.
    private enum DocumentSource {
        case directory(URL)
        case documents((String) -> Node?, identifiedAtRootOnly: Bool)
    }
    /// Compiled official meta-schemas, shared by copies (they never change once registered).
    let metaValidators: MetaValidatorCache

    public init(defaultDialect: Dialect = .draft2020_12) {
        self.defaultDialect = defaultDialect
        self.loadDocument = SchemaRegistry.loadWithConfigLoader
        self.metaValidators = MetaValidatorCache()
    }

    private init(defaultDialect: Dialect, metaValidators: MetaValidatorCache) {
        self.defaultDialect = defaultDialect
        self.loadDocument = SchemaRegistry.loadWithConfigLoader
        self.metaValidators = metaValidators
    }

    /// An independent registry with the same documents and maps; registering into it leaves `self` unchanged.
    public func copy() -> SchemaRegistry {
        let other = SchemaRegistry(defaultDialect: defaultDialect, metaValidators: metaValidators)
        other.loadDocument = loadDocument
        other.documents = documents
        other.resources = resources
        other.locations = locations
        other.prefixMaps = prefixMaps
        other.indexedOnDemand = indexedOnDemand
        other.resourceCount = resourceCount
        return other
    }

    /// Serves URIs starting with `prefix` from files under `directory` (e.g. `http://localhost:1234/` → `remotes/`).
    public func mapPrefix(_ prefix: String, toDirectory directory: URL) {
        prefixMaps.append((prefix, .directory(directory)))
    }

    /// Serves URIs starting with `prefix` from `documents`, given the rest of the URI (e.g. `defs/a.json`),
    /// called the first time such a URI is looked up; nil means there is no such document. Lets a
    /// program register a large set of built-in documents without reading any until a `$ref` needs it.
    ///
    /// With `identifiedAtRootOnly`, the caller promises that no subschema below a document's root has
    /// `$id`, `$anchor`, `$dynamicAnchor` or `$recursiveAnchor` (and so no `$schema` that counts): then a
    /// document is not walked when it is registered, and each subschema's resource and dialect (its
    /// document's) are recorded when it is first looked at. A run pays for the subschemas it reaches,
    /// not for every subschema of every document it opens. A broken promise makes a reference to a
    /// nested identifier unresolvable until its subschema was reached.
    public func mapPrefix(_ prefix: String, identifiedAtRootOnly: Bool = false, toDocuments documents: @escaping (String) -> Node?) {
        prefixMaps.append((prefix, .documents(documents, identifiedAtRootOnly: identifiedAtRootOnly)))
    }

    /// Registers a schema document under `uri` (its retrieval URI); its `$id`s and anchors are indexed too.
    /// Returns the document's canonical URI (its root `$id` when it has one, else `uri`).
    @discardableResult
    public func register(_ root: Node, uri: String) throws -> String {
        register(root, uri: uri, onDemand: false)
    }

    /// `register(_:uri:)`; `onDemand` indexes the root alone now and every other subschema when it is
    /// first looked at (for a document whose only identifiers are at its root).
    private func register(_ root: Node, uri: String, onDemand: Bool) -> String {
        let retrieval = URIReference(parsing: uri).withoutFragment
        let location = SchemaLocation(document: documents.count, pointer: .root)
        indexedOnDemand.append(onDemand)
        documents.append(SchemaDocument(uri: retrieval.description, root: root))
        let rootResource = index(location: location, node: root, base: retrieval, inherited: nil, deep: !onDemand)
        resources[retrieval.description] = rootResource
        return rootResource.base
    }

    /// Reads and registers one schema file; `uri` defaults to the file's URL.
    @discardableResult
    public func registerFile(at url: URL, uri: String? = nil) throws -> String {
        let node: Node
        do {
            node = try loadDocument(url)
        } catch let error as SchemaError {
            throw error
        } catch {
            throw SchemaError.unreadable(path: url.path, reason: "\(error)")
        }
        return try register(node, uri: uri ?? url.absoluteURL.absoluteString)
    }

    /// Registers every `.json`, `.yaml` and `.yml` file under `directory` (recursively, in name order).
    /// With `baseURI`, a file's URI is `baseURI` + its path relative to the folder; else its file URL.
    /// Returns the canonical URIs in registration order.
    @discardableResult
    public func registerDirectory(_ directory: URL, baseURI: String? = nil) throws -> [String] {
        let files = SchemaRegistry.schemaFiles(in: directory)
        var registered: [String] = []
        for relative in files {
            let url = directory.appendingPathComponent(relative)
            let uri = baseURI.map { URIReference(parsing: $0).resolving(relative).description }
            registered.append(try registerFile(at: url, uri: uri))
        }
        return registered
    }

    /// Registers the official meta-schemas from a folder laid out like the conformance suite's
    /// `metaschemas/` (an `index.json` mapping each canonical URI to a file).
    public func registerMetaSchemas(from directory: URL) throws {
        let indexURL = directory.appendingPathComponent("index.json")
        let index = try loadDocument(indexURL)
        guard let members = index.members else {
            throw SchemaError.unreadable(path: indexURL.path, reason: "expected an object mapping URIs to files")
        }
        for member in members {
            guard let file = member.value.string else { continue }
            try registerFile(at: directory.appendingPathComponent(file), uri: member.key)
        }
    }

    /// True when a document or resource answers to `uri` (without loading anything).
    public func contains(_ uri: String) -> Bool {
        resources[URIReference(parsing: uri).withoutFragment.description] != nil
    }

    // MARK: - Lookup

    /// The resource for an absolute URI without fragment, loading a mapped or `file:` document on demand.
    func resource(for base: String) throws -> SchemaResource? {
        if let found = resources[base] { return found }
        for map in prefixMaps where base.hasPrefix(map.prefix) {
            let relative = String(base.dropFirst(map.prefix.count))
            switch map.source {
            case .directory(let directory):
                let url = directory.appendingPathComponent(relative)
                if FileManager.default.fileExists(atPath: url.path) {
                    try registerFile(at: url, uri: base)
                    return resources[base]
                }
            case .documents(let documents, let identifiedAtRootOnly):
                if let root = documents(relative) {
                    _ = register(root, uri: base, onDemand: identifiedAtRootOnly)
                    return resources[base]
                }
            }
        }
        if base.hasPrefix("file:"), let url = URL(string: base), url.isFileURL, FileManager.default.fileExists(atPath: url.path) {
            try registerFile(at: url, uri: base)
            return resources[base]
        }
        return nil
    }

    /// Resolves an absolute URI with optional fragment (JSON Pointer or anchor name) to a location.
    func lookup(_ uri: URIReference) throws -> SchemaLocation? {
        guard let resource = try resource(for: uri.withoutFragment.description) else { return nil }
        guard let fragment = uri.fragment, !fragment.isEmpty else { return resource.location }
        if fragment.hasPrefix("/") {
            guard let pointer = JSONPointer(parsing: "#" + fragment) else { return nil }
            let target = SchemaLocation(document: resource.location.document, pointer: JSONPointer(tokens: resource.location.pointer.tokens + pointer.tokens))
            guard node(at: target) != nil else { return nil }
            return target
        }
        let name = fragment.removingPercentEncoding ?? fragment
        return resource.anchors[name]
    }

    func node(at location: SchemaLocation) -> Node? {
        guard documents.indices.contains(location.document) else { return nil }
        return documents[location.document].root.resolve(location.pointer)
    }

    /// What indexing recorded for a location; for a location indexing did not reach (a `$ref`
    /// into an unknown keyword, or any subschema of a document indexed on demand) the nearest indexed
    /// ancestor's resource is used and the subtree indexed (on demand: the location alone).
    func info(for location: SchemaLocation) -> LocationInfo? {
        info(for: location, resolved: nil)
    }

    /// `info(for:)`, given the node at `location` when the caller has it already. In a document indexed on
    /// demand every subschema belongs to the root's resource and dialect (it has no identifier below its
    /// root), so the root's record serves each location that exists.
    func info(for location: SchemaLocation, resolved: Node?) -> LocationInfo? {
        // Only a document's root is ever recorded for a document indexed on demand.
        if indexedOnDemand.indices.contains(location.document) && indexedOnDemand[location.document] {
            guard resolved != nil || node(at: location) != nil else { return nil }
            return locations[SchemaLocation(document: location.document, pointer: .root)]
        }
        if let known = locations[location] { return known }
        var tokens = location.pointer.tokens
        while !tokens.isEmpty {
            tokens.removeLast()
            if let ancestor = locations[SchemaLocation(document: location.document, pointer: JSONPointer(tokens: tokens))] {
                guard let node = node(at: location) else { return nil }
                _ = index(location: location, node: node, base: ancestor.resource.baseReference, inherited: ancestor)
                return locations[location]
            }
        }
        return nil
    }

    // MARK: - Indexing

    /// Walks a schema (only through keywords that hold subschemas), recording resources, anchors
    /// and each subschema's resource and dialect. Returns the resource of the starting location.
    /// Not `deep`, records the starting location alone.
    private func index(location start: SchemaLocation, node startNode: Node, base startBase: URIReference, inherited: LocationInfo?, deep: Bool = true) -> SchemaResource {
        struct Pending {
            let node: Node
            let pointer: JSONPointer
            let base: URIReference
            let resource: SchemaResource?
            let dialect: DialectContext?
        }
        var stack = [Pending(node: startNode, pointer: start.pointer, base: startBase, resource: inherited?.resource, dialect: inherited?.dialect)]
        var startResource: SchemaResource?
        while let item = stack.popLast() {
            let location = SchemaLocation(document: start.document, pointer: item.pointer)
            var base = item.base
            var resource = item.resource
            var dialect = item.dialect ?? DialectContext(defaultDialect)
            guard let members = item.node.members else {
                let owner = resource ?? newResource(base: base, location: location, dialect: dialect)
                locations.set(LocationInfo(resource: owner, dialect: dialect), for: location)
                if startResource == nil { startResource = owner }
                continue
            }
            let isRoot = resource == nil
            let idValue = EffectiveMembers.last(members, key: "$id")?.value.string
            let hasRef = EffectiveMembers.last(members, key: "$ref") != nil
            if isRoot || idValue != nil, let schemaURI = EffectiveMembers.last(members, key: "$schema")?.value.string {
                dialect = dialectContext(forMetaSchema: schemaURI, fallback: dialect)
            }
            var anchorsHere: [String] = []
            if let id = idValue {
                if dialect.dialect == .draft7 {
                    if !hasRef {
                        if id.hasPrefix("#") {
                            anchorsHere.append(String(id.dropFirst()))
                        } else {
                            let resolved = base.resolving(id)
                            base = resolved.withoutFragment
                            resource = newResource(base: base, location: location, dialect: dialect)
                            if let fragment = resolved.fragment, !fragment.isEmpty { anchorsHere.append(fragment) }
                        }
                    }
                } else {
                    base = base.resolving(id).withoutFragment
                    resource = newResource(base: base, location: location, dialect: dialect)
                }
            }
            let owner = resource ?? newResource(base: base, location: location, dialect: dialect)
            if startResource == nil { startResource = owner }
            locations.set(LocationInfo(resource: owner, dialect: dialect), for: location)
            if dialect.dialect != .draft7, let anchor = EffectiveMembers.last(members, key: "$anchor")?.value.string {
                anchorsHere.append(anchor)
            }
            if dialect.dialect == .draft2020_12, let anchor = EffectiveMembers.last(members, key: "$dynamicAnchor")?.value.string {
                anchorsHere.append(anchor)
                owner.dynamicAnchors[anchor] = location
            }
            if dialect.dialect == .draft2019_09, owner.location == location, EffectiveMembers.last(members, key: "$recursiveAnchor")?.value.bool == true {
                owner.recursiveAnchor = true
            }
            for anchor in anchorsHere where owner.anchors[anchor] == nil {
                owner.anchors[anchor] = location
            }
            guard deep else { continue }
            for member in EffectiveMembers.of(members) {
                guard let shape = SubschemaKeywords.shape(of: member.key, in: dialect.dialect) else { continue }
                let keywordPointer = item.pointer.appending(member.key)
                func push(_ child: Node, _ pointer: JSONPointer) {
                    guard child.isObject || child.bool != nil else { return }
                    stack.append(Pending(node: child, pointer: pointer, base: base, resource: owner, dialect: dialect))
                }
                switch shape {
                case .single:
                    push(member.value, keywordPointer)
                case .array:
                    for (offset, element) in (member.value.elements ?? []).enumerated() { push(element, keywordPointer.appending(offset)) }
                case .singleOrArray:
                    if let elements = member.value.elements {
                        for (offset, element) in elements.enumerated() { push(element, keywordPointer.appending(offset)) }
                    } else {
                        push(member.value, keywordPointer)
                    }
                case .map, .mapOfSchemaOrStrings:
                    for child in EffectiveMembers.of(member.value.members ?? []) { push(child.value, keywordPointer.appending(child.key)) }
                }
            }
        }
        return startResource!
    }

    private func newResource(base: URIReference, location: SchemaLocation, dialect: DialectContext) -> SchemaResource {
        let resource = SchemaResource(base: base.description, location: location, dialect: dialect, number: resourceCount)
        resourceCount += 1
        resources[resource.base] = resource
        return resource
    }

    /// The dialect and vocabularies a `$schema` URI stands for: an official meta-schema directly,
    /// or a registered custom meta-schema through its own `$schema` and `$vocabulary`.
    func dialectContext(forMetaSchema uri: String, fallback: DialectContext) -> DialectContext {
        if let dialect = Dialect(metaSchemaURI: uri) { return DialectContext(dialect) }
        let reference = URIReference(parsing: uri).withoutFragment
        guard let resource = try? resource(for: reference.description), let root = node(at: resource.location), let members = root.members else {
            return fallback
        }
        var context = resource.dialect
        if context.dialect != .draft7, let vocabulary = EffectiveMembers.last(members, key: "$vocabulary")?.value.members {
            var enabled: Vocabularies = []
            for entry in vocabulary {
                if let known = Vocabularies(uri: entry.key) { enabled.insert(known) }
            }
            context.vocabularies = enabled
        }
        return context
    }

    // MARK: - Files

    static func loadWithConfigLoader(_ url: URL) throws -> Node {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SchemaError.unreadable(path: url.path, reason: "file not found or not readable")
        }
        let format = SourceFormat(fileName: url.lastPathComponent) ?? .json
        let file = SourceFile(path: url.path, format: format, bytes: Array(data))
        // A schema may be any JSON value (`true` is a schema); YAML schemas are mappings.
        let result = format == .json ? ConfigLoader.loadJSONValue(file) : ConfigLoader.load(file)
        guard let root = result.root else {
            let reason = result.issues.first { $0.severity == .error }.map { "\(file.position(ofOffset: $0.span.start)): \($0.message)" } ?? "no content"
            throw SchemaError.unreadable(path: url.path, reason: reason)
        }
        return root
    }

    static func schemaFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if SourceFormat(fileName: relative) != nil { files.append(relative) }
        }
        return files.sorted()
    }
}
