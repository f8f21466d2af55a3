import ConfigTree
import Foundation

/// Turns registered schema documents into trees of `SchemaNode`s, once.
///
/// Every `$ref` is resolved here (a reference to nothing is a compile error naming the URI);
/// cycles are fine because nodes are created before their keywords are filled in, from a
/// work list rather than by recursion.
///
/// Compiled `lazily`, `compile` returns the entry node unfilled and every node is filled the first time
/// a validation reaches it (`fill(_:)`, under a lock, from any thread): a run pays only for the
/// subschemas its instance meets. A compile error found then is kept on the node and reported by the
/// validations that reach it.
final class SchemaCompiler: @unchecked Sendable {
    private let registry: SchemaRegistry
    private let options: ValidationOptions
    private let regexCache: RegexCache
    private let lazily: Bool
    private var nodes = LocationTable<SchemaNode>()
    /// What became of each schema resource, by its `number` (an array: a table keyed by object identity
    /// cost hashing at every node, and the runtime's first use of such a table 0.5 M instructions).
    private var compiledResources: [CompiledResource?] = []
    /// Nodes created and not filled yet, in order of creation (each knows its source, `SchemaNode.source`).
    /// The eager compilation fills them as it goes; a lazy one when asked (`fill(_:)`, `fillAll()`).
    private var unfilled: [SchemaNode] = []
    /// How many of `unfilled` `fillAll()` has been through.
    private var unfilledVisited = 0
    /// Held while filling lazily: the registry, the tables above and the nodes' keywords change then.
    private let lock = NSLock()
    /// Set once a `$dynamicRef` or `$recursiveRef` is compiled: only those read the dynamic scope.
    private(set) var usesDynamicScope = false

    init(registry: SchemaRegistry, options: ValidationOptions, regexCache: RegexCache, lazily: Bool = false) {
        self.registry = registry
        self.options = options
        self.regexCache = regexCache
        self.lazily = lazily
    }

    /// Every node and resource compiled, so their owner can break the reference cycles among them.
    var compiledGraph: CompiledGraph {
        lock.withLock { CompiledGraph(nodes: nodes.allValues, resources: compiledResources.compactMap { $0 }) }
    }

    /// Compiles the schema at `location` and everything it references (lazily: only creates its node).
    func compile(_ location: SchemaLocation) throws -> SchemaNode {
        try lock.withLock {
            let root = try node(for: location, referencedAs: nil)
            if !lazily {
                while let node = unfilled.popLast() {
                    try fill(node, from: node.source!)
                    node.source = nil
                    node.publishFilled()
                }
            }
            return root
        }
    }

    /// Fills a node of a lazy compilation, once, whichever thread asks first. A compile error is kept as
    /// the node's `compileFailure`.
    func fill(_ node: SchemaNode) {
        lock.withLock { fillLazily(node) }
    }

    /// Fills every node of a lazy compilation reachable from those created so far: afterwards the
    /// compilation is as complete as an eager one, without having thrown (errors stay on their nodes).
    func fillAll() {
        lock.withLock {
            // Filling adds nodes to the end of the list: they are filled in the same pass.
            while unfilledVisited < unfilled.count {
                fillLazily(unfilled[unfilledVisited])
                unfilledVisited += 1
            }
            unfilled = []
            unfilledVisited = 0
        }
    }

    /// Fills a node of a lazy compilation unless it was filled already; under the lock.
    private func fillLazily(_ node: SchemaNode) {
        guard !node.compileState.isFilled, let source = node.source else { return }
        node.source = nil
        do {
            try fill(node, from: source)
        } catch {
            node.compileFailure = "\(error)"
        }
        node.publishFilled()
    }

    /// The node for a location, created (and queued for filling) on first request. `raw` is the schema at
    /// `location` when the caller has it (as `registry.node(at: location)` would find it).
    private func node(for location: SchemaLocation, referencedAs reference: String?, raw known: Node? = nil) throws -> SchemaNode {
        if let existing = nodes[location] { return existing }
        guard let raw = known ?? registry.node(at: location), let info = registry.info(for: location, resolved: raw) else {
            throw SchemaError.unresolvedReference(uri: reference ?? "\(location.pointer)", at: "\(location.pointer)")
        }
        let resource = try compiledResource(for: info.resource)
        let node = SchemaNode(resource: resource, pointer: location.pointer, resourceDepth: info.resource.location.pointer.tokens.count)
        // The kind is fixed before anyone sees the node: it is read without waiting for the keywords.
        if let flag = raw.bool { node.kind = flag ? .alwaysValid : .alwaysInvalid } else { node.kind = .keywords }
        node.source = SchemaNode.Source(location: location, raw: raw)
        nodes.set(node, for: location)
        if lazily { node.lazyCompiler = self }
        unfilled.append(node)
        return node
    }

    private func compiledResource(for resource: SchemaResource) throws -> CompiledResource {
        if resource.number < compiledResources.count, let existing = compiledResources[resource.number] { return existing }
        let compiled = CompiledResource(base: resource.base)
        compiled.recursiveAnchor = resource.recursiveAnchor
        if resource.number >= compiledResources.count {
            compiledResources.append(contentsOf: repeatElement(nil, count: resource.number + 1 - compiledResources.count))
        }
        compiledResources[resource.number] = compiled
        if resource.recursiveAnchor { compiled.root = try node(for: resource.location, referencedAs: resource.base) }
        for (name, location) in resource.dynamicAnchors {
            compiled.dynamicAnchors[name] = try node(for: location, referencedAs: resource.base + "#" + name)
        }
        return compiled
    }

    // MARK: - Keywords

    private func fill(_ node: SchemaNode, from source: SchemaNode.Source) throws {
        let location = source.location
        let raw = source.raw
        guard let info = registry.info(for: location, resolved: raw) else { return }
        // A boolean schema has no keywords; its kind was set with the node.
        if raw.bool != nil { return }
        guard let members = raw.members else {
            throw SchemaError.invalidKeyword(keyword: location.pointer.tokens.last ?? "(root)", at: node.absoluteLocation, expected: "a schema (object or boolean), found \(raw.typeName)")
        }
        let dialect = info.dialect.dialect
        let vocabularies = info.dialect.vocabularies
        var reader = KeywordReader(members: EffectiveMembers.of(members), raw: raw, location: location, node: node)
        reader.vocabularies = vocabularies
        let base = info.resource.baseReference
        var keywords: [Keyword] = []

        if dialect == .draft7, let ref = reader.value("$ref") {
            keywords.append(.ref(try resolve(ref, base: base, reader: reader, keyword: "$ref"), keyword: "$ref"))
            node.keywords = keywords
            return
        }

        if vocabularies.contains(.validation) {
            try compileValidation(reader, dialect: dialect, into: &keywords)
        }
        if vocabularies.contains(.formatAssertion) || options.formatAssertion, let format = reader.value("format")?.string {
            if let known = FormatChecker.Format(rawValue: format) { keywords.append(.format(known, name: format)) }
        }
        if let ref = reader.value("$ref") {
            keywords.append(.ref(try resolve(ref, base: base, reader: reader, keyword: "$ref"), keyword: "$ref"))
        }
        if dialect == .draft2020_12, let ref = reader.value("$dynamicRef") {
            guard let text = ref.string else { throw reader.malformed("$dynamicRef", expected: "a URI reference string") }
            let uri = base.resolving(text)
            guard let target = try registry.lookup(uri) else {
                throw SchemaError.unresolvedReference(uri: uri.description, at: reader.path("$dynamicRef"))
            }
            var anchor: String?
            if let fragment = uri.fragment, !fragment.isEmpty, !fragment.hasPrefix("/"),
               let info = registry.info(for: target), info.resource.dynamicAnchors[fragment] == target {
                anchor = fragment
            }
            keywords.append(.dynamicRef(try self.node(for: target, referencedAs: uri.description), anchor: anchor))
            usesDynamicScope = true
        }
        if dialect == .draft2019_09, let ref = reader.value("$recursiveRef") {
            guard let text = ref.string else { throw reader.malformed("$recursiveRef", expected: "a URI reference string") }
            keywords.append(.recursiveRef(try resolve(Node(.string(text), span: ref.span), base: base, reader: reader, keyword: "$recursiveRef")))
            usesDynamicScope = true
        }
        if vocabularies.contains(.applicator) {
            try compileApplicators(reader, dialect: dialect, into: &keywords)
        }
        if vocabularies.contains(.unevaluated) && dialect != .draft7 {
            if let schema = reader.value("unevaluatedItems") {
                keywords.append(.unevaluatedItems(try subschema(schema, reader, "unevaluatedItems")))
                node.collectsAnnotations = true
            }
            if let schema = reader.value("unevaluatedProperties") {
                keywords.append(.unevaluatedProperties(try subschema(schema, reader, "unevaluatedProperties")))
                node.collectsAnnotations = true
            }
        }
        // The plan first: each of the two setters lists the keywords left to apply after the plan, and
        // the keywords' setter does it with the plan known, so the second listing is the one kept.
        node.memberPlan = MemberPlan(keywords)
        node.keywords = keywords
        node.testsOnlyTheValue = !node.collectsAnnotations && keywords.allSatisfy(\.testsOnlyTheValue)
        node.hasObjectKeywords = keywords.contains { $0.appliesToObjects }
        node.countsProperties = keywords.contains {
            switch $0 {
            case .maxProperties, .minProperties: return true
            default: return false
            }
        }
    }

    private func resolve(_ ref: Node, base: URIReference, reader: KeywordReader, keyword: String) throws -> SchemaNode {
        guard let text = ref.string else { throw reader.malformed(keyword, expected: "a URI reference string") }
        let uri = base.resolving(text)
        guard let target = try registry.lookup(uri) else {
            throw SchemaError.unresolvedReference(uri: uri.description, at: reader.path(keyword))
        }
        return try node(for: target, referencedAs: uri.description)
    }

    private func subschema(_ value: Node, _ reader: KeywordReader, _ tokens: String...) throws -> SchemaNode {
        guard value.isObject || value.bool != nil else {
            throw reader.malformed(tokens.joined(separator: "/"), expected: "a schema (object or boolean), found \(value.typeName)")
        }
        var pointer = reader.location.pointer
        for token in tokens { pointer = pointer.appending(token) }
        // Resolved from the schema object, token by token as from the document's root (the same member when
        // a key repeats), instead of walking the whole pointer again from the root.
        let raw = reader.raw.resolve(JSONPointer(tokens: tokens))
        return try node(for: SchemaLocation(document: reader.location.document, pointer: pointer), referencedAs: nil, raw: raw)
    }

    private func schemaArray(_ value: Node, _ reader: KeywordReader, _ keyword: String) throws -> [SchemaNode] {
        guard let elements = value.elements else { throw reader.malformed(keyword, expected: "an array of schemas") }
        return try elements.indices.map { try subschema(elements[$0], reader, keyword, String($0)) }
    }

    private func regex(_ pattern: String, _ reader: KeywordReader, _ keyword: String) throws -> ECMARegex {
        do {
            return try regexCache.regex(for: pattern)
        } catch let error as RegexSyntaxError {
            throw SchemaError.invalidPattern(pattern: pattern, at: reader.path(keyword), reason: error.reason)
        }
    }

    private func compileValidation(_ reader: KeywordReader, dialect: Dialect, into keywords: inout [Keyword]) throws {
        if let type = reader.value("type") {
            var set: TypeSet = []
            let names = type.string.map { [$0] } ?? type.elements?.compactMap(\.string) ?? []
            guard !names.isEmpty || type.elements != nil else { throw reader.malformed("type", expected: "a type name or an array of type names") }
            for name in names {
                guard let one = TypeSet(name: name) else { throw reader.malformed("type", expected: "one of null, boolean, object, array, number, integer, string; found \"\(name)\"") }
                set.insert(one)
            }
            keywords.append(.type(set))
        }
        if let value = reader.value("const") { keywords.append(.constant(value)) }
        if let value = reader.value("enum") {
            guard let elements = value.elements else { throw reader.malformed("enum", expected: "an array") }
            keywords.append(.enumeration(AllowedValues(elements)))
        }
        for name in ["maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum"] {
            guard let value = reader.value(name) else { continue }
            guard let number = value.number else { throw reader.malformed(name, expected: "a number") }
            let limit = NumericLimit(number)
            switch name {
            case "maximum": keywords.append(.maximum(limit, exclusive: false))
            case "exclusiveMaximum": keywords.append(.maximum(limit, exclusive: true))
            case "minimum": keywords.append(.minimum(limit, exclusive: false))
            default: keywords.append(.minimum(limit, exclusive: true))
            }
        }
        if let value = reader.value("multipleOf") {
            guard let number = value.number, let exact = ExactDecimal(number), exact > .zero else { throw reader.malformed("multipleOf", expected: "a number greater than 0") }
            keywords.append(.multipleOf(exact, text: number.literal))
        }
        if let count = try reader.count("maxLength") { keywords.append(.maxLength(count)) }
        if let count = try reader.count("minLength") { keywords.append(.minLength(count)) }
        if let value = reader.value("pattern") {
            guard let text = value.string else { throw reader.malformed("pattern", expected: "a regular expression string") }
            keywords.append(.pattern(try regex(text, reader, "pattern")))
        }
        if let count = try reader.count("maxItems") { keywords.append(.maxItems(count)) }
        if let count = try reader.count("minItems") { keywords.append(.minItems(count)) }
        if reader.value("uniqueItems")?.bool == true { keywords.append(.uniqueItems) }
        if let count = try reader.count("maxProperties") { keywords.append(.maxProperties(count)) }
        if let count = try reader.count("minProperties") { keywords.append(.minProperties(count)) }
        if let value = reader.value("required") {
            guard let elements = value.elements else { throw reader.malformed("required", expected: "an array of property names") }
            let names = elements.compactMap(\.string)
            guard names.count == elements.count else { throw reader.malformed("required", expected: "an array of strings") }
            if !names.isEmpty { keywords.append(.required(names)) }
        }
        if dialect != .draft7, let value = reader.value("dependentRequired") {
            keywords.append(.dependentRequired(try dependencyNames(value, reader, "dependentRequired"), keyword: "dependentRequired"))
        }
    }

    private func dependencyNames(_ value: Node, _ reader: KeywordReader, _ keyword: String) throws -> [(String, [String])] {
        guard let members = value.members else { throw reader.malformed(keyword, expected: "an object of property-name arrays") }
        return try EffectiveMembers.of(members).map { member in
            guard let names = member.value.elements?.compactMap(\.string) else { throw reader.malformed(keyword, expected: "an array of property names for \"\(member.key)\"") }
            return (member.key, names)
        }
    }

    private func compileApplicators(_ reader: KeywordReader, dialect: Dialect, into keywords: inout [Keyword]) throws {
        // Arrays.
        var prefixCount = 0
        if dialect == .draft2020_12 {
            if let value = reader.value("prefixItems") {
                let schemas = try schemaArray(value, reader, "prefixItems")
                prefixCount = schemas.count
                keywords.append(.prefixItems(schemas, keyword: "prefixItems"))
            }
            if let value = reader.value("items") {
                keywords.append(.items(try subschema(value, reader, "items"), from: prefixCount, keyword: "items"))
            }
        } else if let value = reader.value("items") {
            if value.elements != nil {
                let schemas = try schemaArray(value, reader, "items")
                keywords.append(.prefixItems(schemas, keyword: "items"))
                if let additional = reader.value("additionalItems") {
                    keywords.append(.items(try subschema(additional, reader, "additionalItems"), from: schemas.count, keyword: "additionalItems"))
                }
            } else {
                keywords.append(.items(try subschema(value, reader, "items"), from: 0, keyword: "items"))
            }
        }
        if let value = reader.value("contains") {
            var minimum = 1
            var maximum: Int?
            if dialect != .draft7 && reader.vocabularies.contains(.validation) {
                minimum = try reader.count("minContains") ?? 1
                maximum = try reader.count("maxContains")
            }
            keywords.append(.contains(try subschema(value, reader, "contains"), min: minimum, max: maximum))
        }
        // Objects.
        var declared = PropertyTable([])
        if let value = reader.value("properties") {
            guard let members = value.members else { throw reader.malformed("properties", expected: "an object of schemas") }
            var entries: [(String, SchemaNode)] = []
            for member in EffectiveMembers.of(members) {
                entries.append((member.key, try subschema(member.value, reader, "properties", member.key)))
                reader.node.declaredProperties.append(member.key)
            }
            declared = PropertyTable(entries)
            keywords.append(.properties(declared))
        }
        var patterns: [ECMARegex] = []
        if let value = reader.value("patternProperties") {
            guard let members = value.members else { throw reader.malformed("patternProperties", expected: "an object of schemas") }
            var list: [(ECMARegex, SchemaNode)] = []
            for member in EffectiveMembers.of(members) {
                let compiled = try regex(member.key, reader, "patternProperties")
                list.append((compiled, try subschema(member.value, reader, "patternProperties", member.key)))
                patterns.append(compiled)
            }
            keywords.append(.patternProperties(list))
        }
        if let value = reader.value("additionalProperties") {
            keywords.append(.additionalProperties(try subschema(value, reader, "additionalProperties"), declared: declared, patterns: patterns))
        }
        if let value = reader.value("propertyNames") {
            keywords.append(.propertyNames(try subschema(value, reader, "propertyNames")))
        }
        if dialect != .draft7, let value = reader.value("dependentSchemas") {
            guard let members = value.members else { throw reader.malformed("dependentSchemas", expected: "an object of schemas") }
            keywords.append(.dependentSchemas(try EffectiveMembers.of(members).map { ($0.key, try subschema($0.value, reader, "dependentSchemas", $0.key)) }, keyword: "dependentSchemas"))
        }
        if let value = reader.value("dependencies"), let members = value.members {
            var names: [(String, [String])] = []
            var schemas: [(String, SchemaNode)] = []
            for member in EffectiveMembers.of(members) {
                if let elements = member.value.elements {
                    names.append((member.key, elements.compactMap(\.string)))
                } else {
                    schemas.append((member.key, try subschema(member.value, reader, "dependencies", member.key)))
                }
            }
            if !names.isEmpty { keywords.append(.dependentRequired(names, keyword: "dependencies")) }
            if !schemas.isEmpty { keywords.append(.dependentSchemas(schemas, keyword: "dependencies")) }
        }
        // In-place applicators.
        if let value = reader.value("allOf") { keywords.append(.allOf(try schemaArray(value, reader, "allOf"))) }
        if let value = reader.value("anyOf") { keywords.append(.anyOf(try schemaArray(value, reader, "anyOf"))) }
        if let value = reader.value("oneOf") { keywords.append(.oneOf(try schemaArray(value, reader, "oneOf"))) }
        if let value = reader.value("not") { keywords.append(.not(try subschema(value, reader, "not"))) }
        if let value = reader.value("if") {
            let thenSchema = try reader.value("then").map { try subschema($0, reader, "then") }
            let elseSchema = try reader.value("else").map { try subschema($0, reader, "else") }
            keywords.append(.conditional(if: try subschema(value, reader, "if"), then: thenSchema, else: elseSchema))
        }
    }
}

/// Reads keyword values of one schema object, with errors that name the spot.
struct KeywordReader {
    let members: [Member]
    /// The schema object the members belong to.
    let raw: Node
    let location: SchemaLocation
    let node: SchemaNode
    var vocabularies: Vocabularies = .all
    /// A bit for each member name's `KeywordReader.sketch`: a keyword whose bit is clear is absent, found
    /// without comparing it with every name (compiling asks for about 40 keywords of each schema object,
    /// most of them absent).
    private let sketches: UInt64

    init(members: [Member], raw: Node, location: SchemaLocation, node: SchemaNode) {
        self.members = members
        self.raw = raw
        self.location = location
        self.node = node
        var sketches: UInt64 = 0
        for member in members { sketches |= KeywordReader.sketch(member.key) }
        self.sketches = sketches
    }

    /// One bit chosen by a name's UTF-8 length and first byte: equal names have the same bit.
    private static func sketch(_ name: String) -> UInt64 {
        let first = UInt64(name.utf8.first ?? 0)
        return 1 << ((UInt64(name.utf8.count) &* 7 &+ first) & 63)
    }

    func value(_ keyword: String) -> Node? {
        guard sketches & KeywordReader.sketch(keyword) != 0 else { return nil }
        for member in members where JSONEquality.sameScalars(member.key, keyword) { return member.value }
        return nil
    }

    func path(_ keyword: String) -> String {
        node.absoluteLocation + "/" + JSONPointer.escape(keyword)
    }

    func malformed(_ keyword: String, expected: String) -> SchemaError {
        .invalidKeyword(keyword: keyword, at: path(keyword), expected: expected)
    }

    /// A non-negative integer keyword (`1.0` counts), or nil when absent.
    func count(_ keyword: String) throws -> Int? {
        guard let value = value(keyword) else { return nil }
        guard let number = value.number, number.isInteger, let exact = ExactDecimal(number), !(exact < .zero) else {
            throw malformed(keyword, expected: "a non-negative integer")
        }
        return number.intValue ?? Int.max
    }
}
