/// A JSON Schema specification version, which decides the keywords and their meaning.
public enum Dialect: String, Sendable, CaseIterable, CustomStringConvertible {
    case draft7 = "draft-07"
    case draft2019_09 = "2019-09"
    case draft2020_12 = "2020-12"

    /// The canonical meta-schema URI (without an empty fragment).
    public var metaSchemaURI: String {
        switch self {
        case .draft7: return "http://json-schema.org/draft-07/schema"
        case .draft2019_09: return "https://json-schema.org/draft/2019-09/schema"
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// The dialect a `$schema` value names, if it is one of the official meta-schemas.
    public init?(metaSchemaURI uri: String) {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        if text.hasPrefix("https://json-schema.org/draft-07/") { text = "http://" + text.dropFirst("https://".count) }
        guard let match = Dialect.allCases.first(where: { $0.metaSchemaURI == text }) else { return nil }
        self = match
    }

    /// Parses the `--draft` spellings: `7`, `draft-07`, `2019-09`, `2020-12`.
    public init?(name: String) {
        switch name.lowercased() {
        case "7", "07", "draft7", "draft-07", "draft-7": self = .draft7
        case "2019-09", "draft2019-09", "draft-2019-09", "2019": self = .draft2019_09
        case "2020-12", "draft2020-12", "draft-2020-12", "2020": self = .draft2020_12
        default: return nil
        }
    }

    public var description: String { rawValue }
}

/// The vocabularies in effect for a schema resource (2019-09 and later can switch them off through `$vocabulary`).
struct Vocabularies: OptionSet, Hashable, Sendable {
    let rawValue: UInt16

    init(rawValue: UInt16) { self.rawValue = rawValue }

    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    static let validation = Vocabularies(rawValue: 1 << 2)
    static let unevaluated = Vocabularies(rawValue: 1 << 3)
    static let formatAnnotation = Vocabularies(rawValue: 1 << 4)
    static let formatAssertion = Vocabularies(rawValue: 1 << 5)
    static let content = Vocabularies(rawValue: 1 << 6)
    static let metaData = Vocabularies(rawValue: 1 << 7)

    static let all: Vocabularies = [.core, .applicator, .validation, .unevaluated, .formatAnnotation, .content, .metaData]

    /// The vocabulary a `$vocabulary` URI names; nil for unknown vocabularies.
    init?(uri: String) {
        let names: [String: Vocabularies] = [
            "https://json-schema.org/draft/2019-09/vocab/core": .core,
            "https://json-schema.org/draft/2019-09/vocab/applicator": [.applicator, .unevaluated],
            "https://json-schema.org/draft/2019-09/vocab/validation": .validation,
            "https://json-schema.org/draft/2019-09/vocab/format": .formatAnnotation,
            "https://json-schema.org/draft/2019-09/vocab/content": .content,
            "https://json-schema.org/draft/2019-09/vocab/meta-data": .metaData,
            "https://json-schema.org/draft/2020-12/vocab/core": .core,
            "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
            "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
            "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
            "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
            "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
            "https://json-schema.org/draft/2020-12/vocab/content": .content,
            "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        ]
        guard let vocabulary = names[uri] else { return nil }
        self = vocabulary
    }
}

/// A dialect with the vocabularies a schema resource actually uses.
struct DialectContext: Hashable, Sendable {
    var dialect: Dialect
    var vocabularies: Vocabularies

    init(_ dialect: Dialect, vocabularies: Vocabularies = .all) {
        self.dialect = dialect
        self.vocabularies = vocabularies
    }
}
