import ConfigTree

/// One reason an instance does not satisfy a schema.
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// Where in the instance: the failing value, or for an unknown property the member itself
    /// (so the key's span can be found with `Node.keySpan(at:)`).
    public var instancePointer: JSONPointer
    /// The path through the schema's keywords, references followed (e.g. `/properties/auth/$ref/required`).
    public var keywordLocation: String
    /// The failing keyword's absolute URI (`base#/pointer/keyword`), when known.
    public var absoluteKeywordLocation: String?
    /// The keyword that failed: `required`, `additionalProperties`, `type`, `enum`, `pattern`, ...
    public var keyword: String
    /// A plain sentence: what was found and what was expected.
    public var message: String
    /// Likely intended values (e.g. the closest allowed property names), best first.
    public var suggestions: [String]
    /// For an unknown property: the property names allowed at that spot.
    public var allowedNames: [String]
    /// Set when a limit (`ValidationOptions`) stopped the check here, so the value was not really validated.
    public var isLimit = false

    public init(instancePointer: JSONPointer, keywordLocation: String, absoluteKeywordLocation: String?, keyword: String, message: String, suggestions: [String] = [], allowedNames: [String] = []) {
        self.instancePointer = instancePointer
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
        self.suggestions = suggestions
        self.allowedNames = allowedNames
    }

    public var description: String {
        let place = instancePointer.tokens.isEmpty ? "(root)" : instancePointer.description
        return "\(place): \(message)"
    }
}

/// How a validator behaves.
public struct ValidationOptions: Sendable {
    /// Treat `format` as an assertion (by default it is an annotation and never fails).
    public var formatAssertion: Bool
    /// Deepest instance nesting (objects and arrays) validated; deeper input is reported, not recursed into.
    public var maxDepth: Int
    /// Most schemas applied to one instance value without descending into it (guards `$ref` loops).
    public var maxInPlaceChain: Int
    /// Work budget of one regular-expression match; a match that exceeds it is reported as an error.
    public var regexStepLimit: Int
    /// Longest string a pattern is matched against; longer strings are reported, not matched.
    public var maxPatternInputLength: Int
    /// Return true for instance locations whose values must never appear in messages (secrets).
    public var isSecret: @Sendable (JSONPointer) -> Bool

    public init(
        formatAssertion: Bool = false,
        maxDepth: Int = 1000,
        maxInPlaceChain: Int = 64,
        regexStepLimit: Int = 1_000_000,
        maxPatternInputLength: Int = 100_000,
        isSecret: @escaping @Sendable (JSONPointer) -> Bool = { _ in false }
    ) {
        self.formatAssertion = formatAssertion
        self.maxDepth = maxDepth
        self.maxInPlaceChain = maxInPlaceChain
        self.regexStepLimit = regexStepLimit
        self.maxPatternInputLength = maxPatternInputLength
        self.isSecret = isSecret
    }
}
