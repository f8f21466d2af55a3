import ConfigTree

/// A compiled schema: a boolean schema or a list of keyword validators, with what error
/// reporting needs. Built by `SchemaCompiler`; immutable once compilation finished.
///
/// A validator compiled on first use (`SchemaCompilation.onFirstUse`) hands out nodes whose `kind` is
/// known but whose keywords are filled in the first time a validation reaches them (`compileIfNeeded`);
/// `compileState` publishes the filled node to every thread.
final class SchemaNode: @unchecked Sendable {
    enum Kind {
        case alwaysValid, alwaysInvalid, keywords
    }

    /// Set when the node is created (from whether the schema is a boolean or an object) and never
    /// changed, so it is read without synchronization even before the keywords are filled.
    var kind: Kind = .alwaysValid
    /// Whether the keywords below are filled; see `compileIfNeeded`.
    let compileState = CompileState()
    /// Fills this node on first use; nil for a node compiled eagerly (and once its validator is gone).
    var lazyCompiler: SchemaCompiler?
    /// Why filling this node failed (a compile error found on first use), shown as a validation error.
    var compileFailure: String?
    /// Where the schema comes from, kept by the compiler (under its lock) from creating the node until
    /// filling it, so that filling does not look the schema up again.
    var source: Source?

    /// A schema's location and the schema itself.
    struct Source {
        let location: SchemaLocation
        let raw: Node
    }
    /// The compiled keywords in schema order.
    var keywords: [Keyword] {
        get { keywordBoxes.map(\.keyword) }
        set {
            keywordBoxes = newValue.map(KeywordBox.init)
            keywordReferences.deallocate()
            keywordReferences = .allocate(capacity: keywordBoxes.count)
            _ = keywordReferences.initialize(from: keywordBoxes.map { Unmanaged.passUnretained($0) })
            listUnplannedKeywords()
            if newValue.count == 1, case .ref(let target, _) = newValue[0] {
                onlyReference = Unmanaged.passUnretained(target)
            } else {
                onlyReference = nil
            }
        }
    }
    /// Owns the keyword boxes.
    private var keywordBoxes: [KeywordBox] = []
    /// The same boxes unretained, in memory this node owns, so validation reads them without any
    /// reference counting (`keywordBoxes` keeps the boxes alive as long as this node).
    @exclusivity(unchecked) private(set) var keywordReferences = UnsafeMutableBufferPointer<Unmanaged<KeywordBox>>.allocate(capacity: 0)
    /// `keywordReferences` without the keywords `memberPlan` covers (`required` too when the plan checks it):
    /// what remains to apply after the plan.
    @exclusivity(unchecked) private(set) var unplannedKeywordReferences = UnsafeMutableBufferPointer<Unmanaged<KeywordBox>>.allocate(capacity: 0)

    private func listUnplannedKeywords() {
        let remaining = keywordBoxes.filter { box in
            guard let plan = memberPlan else { return true }
            if box.keyword.isPlannedMemberKeyword { return false }
            if case .required = box.keyword, plan.checksRequired { return false }
            return true
        }
        unplannedKeywordReferences.deallocate()
        unplannedKeywordReferences = .allocate(capacity: remaining.count)
        _ = unplannedKeywordReferences.initialize(from: remaining.map { Unmanaged.passUnretained($0) })
    }
    /// The resource the schema belongs to (entered into the dynamic scope during validation).
    let resource: CompiledResource
    /// Absolute URI of this schema: resource base + `#` + JSON Pointer within the resource. Worked out
    /// when asked (by error messages only): building it for every node compiled cost a small lint about
    /// 4% of its instructions.
    var absoluteLocation: String {
        resource.base + "#" + JSONPointer(tokens: Array(pointer.tokens.dropFirst(resourceDepth))).description
    }
    /// Where the schema sits in its document, and how many of those tokens lead to its resource's root.
    private let pointer: JSONPointer
    private let resourceDepth: Int
    /// True when `unevaluatedProperties`/`unevaluatedItems` appear here, so annotations must be gathered.
    var collectsAnnotations = false
    /// True when some keyword here applies to objects (their effective members are computed once).
    var hasObjectKeywords = false
    /// True when `maxProperties` or `minProperties` appear here: they count members, so repeated keys matter.
    var countsProperties = false
    /// True when every keyword here only tests the value itself (`Keyword.testsOnlyTheValue`): then
    /// the yes/no path applies them without the bookkeeping of subschemas (reference chains, dynamic
    /// scope, annotations, members). Set with the keywords, before the node is published as filled.
    var testsOnlyTheValue = false
    /// The target when the only keyword here is a `$ref`, unretained (the keyword owns it): the yes/no
    /// path then goes straight to it. Set with the keywords, before the node is published as filled.
    var onlyReference: Unmanaged<SchemaNode>?
    /// `testsOnlyTheValue` with no lone `$ref` and no compile failure: a node the yes/no path applies in
    /// place (`Evaluation.valueTestsInPlace`). Worked out once, by `publishFilled`, from the three.
    private(set) var isValueTest = false
    /// For a value test whose one keyword is `type` (most leaves of a schema: `{"type": "string"}`), the types
    /// it allows, read from the node itself: the test then touches neither the keyword list nor its box.
    /// Nil for any other node. Worked out by `publishFilled`.
    private(set) var onlyTypes: TypeSet?
    /// Property names `properties` declares, for "did you mean" suggestions.
    var declaredProperties: [String] = []
    /// `properties`, `patternProperties` and `additionalProperties` as one pass, for the yes/no path.
    var memberPlan: MemberPlan? {
        didSet {
            memberPlanReference = memberPlan.map { Unmanaged.passUnretained($0) }
            listUnplannedKeywords()
        }
    }
    /// `memberPlan` unretained, for validation to borrow.
    @exclusivity(unchecked) private(set) var memberPlanReference: Unmanaged<MemberPlan>?

    init(resource: CompiledResource, pointer: JSONPointer, resourceDepth: Int) {
        self.resource = resource
        self.pointer = pointer
        self.resourceDepth = resourceDepth
    }

    deinit {
        keywordReferences.deallocate()
        unplannedKeywordReferences.deallocate()
    }

    /// Publishes the filled node to every thread (the compiler calls it under its lock, once the keywords,
    /// or the compile failure, are set).
    func publishFilled() {
        isValueTest = testsOnlyTheValue && onlyReference == nil && compileFailure == nil
        onlyTypes = isValueTest && keywordBoxes.count == 1 && keywordBoxes[0].shortcut == .type ? keywordBoxes[0].types : nil
        compileState.markFilled()
    }

    /// Fills the keywords now if this node was left to be compiled on first use. Cheap once filled (one
    /// acquiring load), so it sits at the top of every application of the schema.
    @inline(__always)
    func compileIfNeeded() {
        if _fastPath(compileState.isFilled) { return }
        lazyCompiler?.fill(self)
    }
}

/// All the nodes and resources of one compilation. `$ref`, `$dynamicRef`, `$recursiveRef` and a resource's
/// anchors refer to nodes strongly, so a recursive schema is a reference cycle; the validator that owns the
/// graph breaks the cycles when it goes (`release()`), or every recursive schema compiled would stay in
/// memory for good (found by the schema fuzz target with LeakSanitizer, on `{"$ref": "#"}`).
struct CompiledGraph {
    let nodes: [SchemaNode]
    let resources: [CompiledResource]

    /// Drops every reference between the nodes; the graph cannot validate afterwards.
    func release() {
        for node in nodes {
            node.keywords = []
            node.memberPlan = nil
            node.lazyCompiler = nil
            node.source = nil
        }
        for resource in resources {
            resource.root = nil
            resource.dynamicAnchors = [:]
        }
    }
}

/// One keyword, immutable, so a borrowed box gives a borrowed keyword.
final class KeywordBox: @unchecked Sendable {
    let keyword: Keyword
    /// `keyword.name`, worked out once for error locations.
    let name: String
    /// The hot keywords, applied from these plain fields without reading `keyword` (a switch over the
    /// whole enum and a call): `.ref`, `.type`, `.enumeration` and `.required`.
    let shortcut: Shortcut
    /// The target of a `.ref`, unretained (`keyword` owns it).
    let referenceTarget: Unmanaged<SchemaNode>?
    /// The types of a `.type`.
    let types: TypeSet
    /// The values of an `.enumeration`, unretained (`keyword` owns them).
    let allowedValues: Unmanaged<AllowedValues>?
    /// The names of a `.required`.
    let requiredNames: [String]

    enum Shortcut: UInt8 {
        case none, reference, type, enumeration, required
    }

    init(_ keyword: Keyword) {
        self.keyword = keyword
        name = keyword.name
        var allowedValues: Unmanaged<AllowedValues>?
        var requiredNames: [String] = []
        switch keyword {
        case .ref(let target, _):
            shortcut = .reference
            referenceTarget = Unmanaged.passUnretained(target)
            types = []
        case .type(let types):
            shortcut = .type
            referenceTarget = nil
            self.types = types
        case .enumeration(let allowed):
            shortcut = .enumeration
            referenceTarget = nil
            types = []
            allowedValues = Unmanaged.passUnretained(allowed)
        case .required(let names):
            shortcut = .required
            referenceTarget = nil
            types = []
            requiredNames = names
        default:
            shortcut = .none
            referenceTarget = nil
            types = []
        }
        self.allowedValues = allowedValues
        self.requiredNames = requiredNames
    }
}

/// A schema resource as seen by validation: its dynamic anchors and whether it has `$recursiveAnchor`.
final class CompiledResource: @unchecked Sendable {
    let base: String
    var root: SchemaNode?
    var recursiveAnchor = false
    var dynamicAnchors: [String: SchemaNode] = [:]

    init(base: String) {
        self.base = base
    }
}

/// A number bound from the schema, exact, with an `Int` fast path.
struct NumericLimit: Sendable {
    let exact: ExactDecimal
    let integer: Int?
    let text: String

    init(_ number: Number) {
        exact = ExactDecimal(number) ?? .zero
        integer = Int(number.canonical ?? "")
        text = number.literal
    }
}

/// The JSON types `type` may name, as a bit set.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1 << 0)
    static let boolean = TypeSet(rawValue: 1 << 1)
    static let object = TypeSet(rawValue: 1 << 2)
    static let array = TypeSet(rawValue: 1 << 3)
    static let number = TypeSet(rawValue: 1 << 4)
    static let integer = TypeSet(rawValue: 1 << 5)
    static let string = TypeSet(rawValue: 1 << 6)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "integer": self = .integer
        case "string": self = .string
        default: return nil
        }
    }

    var names: [String] {
        var result: [String] = []
        if contains(.string) { result.append("string") }
        if contains(.number) { result.append("number") }
        if contains(.integer) && !contains(.number) { result.append("integer") }
        if contains(.boolean) { result.append("boolean") }
        if contains(.object) { result.append("object") }
        if contains(.array) { result.append("array") }
        if contains(.null) { result.append("null") }
        return result
    }
}

/// One compiled keyword. `properties` and friends keep what `additionalProperties` needs. Stored
/// inline in its `KeywordBox` (no `indirect`), so reaching a keyword's data is one pointer away.
enum Keyword {
    case ref(SchemaNode, keyword: String)
    case dynamicRef(SchemaNode, anchor: String?)
    case recursiveRef(SchemaNode)
    case type(TypeSet)
    case enumeration(AllowedValues)
    case constant(Node)
    case multipleOf(ExactDecimal, text: String)
    case maximum(NumericLimit, exclusive: Bool)
    case minimum(NumericLimit, exclusive: Bool)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case format(FormatChecker.Format, name: String)
    case prefixItems([SchemaNode], keyword: String)
    case items(SchemaNode, from: Int, keyword: String)
    case contains(SchemaNode, min: Int, max: Int?)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case properties(PropertyTable)
    case patternProperties([(ECMARegex, SchemaNode)])
    case additionalProperties(SchemaNode, declared: PropertyTable, patterns: [ECMARegex])
    case propertyNames(SchemaNode)
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(String, [String])], keyword: String)
    case dependentSchemas([(String, SchemaNode)], keyword: String)
    case allOf([SchemaNode])
    case anyOf([SchemaNode])
    case oneOf([SchemaNode])
    case not(SchemaNode)
    case conditional(if: SchemaNode, then: SchemaNode?, else: SchemaNode?)
    case unevaluatedItems(SchemaNode)
    case unevaluatedProperties(SchemaNode)

    /// True for the keywords that test the instance value alone: no subschema, no members, no annotations.
    var testsOnlyTheValue: Bool {
        switch self {
        case .type, .enumeration, .constant, .multipleOf, .maximum, .minimum, .maxLength, .minLength, .pattern, .format,
             .maxItems, .minItems, .uniqueItems:
            return true
        default:
            return false
        }
    }

    /// True for the keywords a `MemberPlan` covers.
    var isPlannedMemberKeyword: Bool {
        switch self {
        case .properties, .patternProperties, .additionalProperties: return true
        default: return false
        }
    }

    var appliesToObjects: Bool {
        switch self {
        case .properties, .patternProperties, .additionalProperties, .propertyNames, .maxProperties, .minProperties,
             .required, .dependentRequired, .dependentSchemas, .unevaluatedProperties:
            return true
        default:
            return false
        }
    }

    /// The keyword's name as written in the schema, for locations.
    var name: String {
        switch self {
        case .ref(_, let keyword): return keyword
        case .dynamicRef: return "$dynamicRef"
        case .recursiveRef: return "$recursiveRef"
        case .type: return "type"
        case .enumeration: return "enum"
        case .constant: return "const"
        case .multipleOf: return "multipleOf"
        case .maximum(_, let exclusive): return exclusive ? "exclusiveMaximum" : "maximum"
        case .minimum(_, let exclusive): return exclusive ? "exclusiveMinimum" : "minimum"
        case .maxLength: return "maxLength"
        case .minLength: return "minLength"
        case .pattern: return "pattern"
        case .format: return "format"
        case .prefixItems(_, let keyword): return keyword
        case .items(_, _, let keyword): return keyword
        case .contains: return "contains"
        case .maxItems: return "maxItems"
        case .minItems: return "minItems"
        case .uniqueItems: return "uniqueItems"
        case .properties: return "properties"
        case .patternProperties: return "patternProperties"
        case .additionalProperties: return "additionalProperties"
        case .propertyNames: return "propertyNames"
        case .maxProperties: return "maxProperties"
        case .minProperties: return "minProperties"
        case .required: return "required"
        case .dependentRequired(_, let keyword): return keyword
        case .dependentSchemas(_, let keyword): return keyword
        case .allOf: return "allOf"
        case .anyOf: return "anyOf"
        case .oneOf: return "oneOf"
        case .not: return "not"
        case .conditional: return "if"
        case .unevaluatedItems: return "unevaluatedItems"
        case .unevaluatedProperties: return "unevaluatedProperties"
        }
    }
}

extension SchemaNode {
    /// The property names this schema declares, then those declared by the schemas it applies at the same
    /// instance position (through `$ref`, `$dynamicRef`, `$recursiveRef`, `allOf`, `anyOf`, `oneOf` and
    /// `if`/`then`/`else`), in order and without repeats: the candidates of a did-you-mean.
    var reachablePropertyNames: [String] {
        var names: [String] = []
        var seen = Set<String>()
        var visited = Set<ObjectIdentifier>()
        func walk(_ node: SchemaNode, depth: Int) {
            guard depth < 32, visited.insert(ObjectIdentifier(node)).inserted else { return }
            node.compileIfNeeded()
            for name in node.declaredProperties where seen.insert(name).inserted { names.append(name) }
            for keyword in node.keywords {
                switch keyword {
                case .ref(let target, _), .dynamicRef(let target, _), .recursiveRef(let target):
                    walk(target, depth: depth + 1)
                case .allOf(let list), .anyOf(let list), .oneOf(let list):
                    for branch in list { walk(branch, depth: depth + 1) }
                case .conditional(let condition, let then, let otherwise):
                    for branch in [condition, then, otherwise].compactMap({ $0 }) { walk(branch, depth: depth + 1) }
                default:
                    break
                }
            }
        }
        walk(self, depth: 0)
        return names
    }
}

extension Array where Element == SchemaNode {
    /// Whether `body` holds for every node, stopping at the first that fails; each node is lent to
    /// `body` without reference counting (the array keeps it alive), as validation does per value.
    @inline(__always)
    func allBorrowed(_ body: (SchemaNode) -> Bool) -> Bool {
        withUnsafeBufferPointer { nodes in
            for index in nodes.indices where !Unmanaged.passUnretained(nodes[index])._withUnsafeGuaranteedRef(body) {
                return false
            }
            return true
        }
    }
}
