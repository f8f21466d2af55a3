import ConfigTree

/// Why a schema could not be registered or compiled.
public enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `$ref` (or `$dynamicRef`, `$recursiveRef`, `$schema`) names a URI no registered schema provides.
    case unresolvedReference(uri: String, at: String)
    /// A keyword's value has the wrong shape (e.g. `"minLength": "3"`).
    case invalidKeyword(keyword: String, at: String, expected: String)
    /// A `pattern` or `patternProperties` key is not a valid ECMA-262 regular expression.
    case invalidPattern(pattern: String, at: String, reason: String)
    /// The schema does not satisfy its meta-schema; the errors say where.
    case invalidAgainstMetaSchema(uri: String, errors: [ValidationError])
    /// A schema file could not be read or parsed.
    case unreadable(path: String, reason: String)
    /// Two documents claim the same `$id`.
    case duplicateIdentifier(uri: String)

    public var description: String {
        switch self {
        case .unresolvedReference(let uri, let location):
            return "reference \"\(uri)\" at \(location) does not point to any known schema (no network access: register the file or map its URI prefix to a folder)"
        case .invalidKeyword(let keyword, let location, let expected):
            return "keyword \"\(keyword)\" at \(location) is malformed: expected \(expected)"
        case .invalidPattern(let pattern, let location, let reason):
            return "pattern \"\(pattern)\" at \(location) is not a valid regular expression: \(reason)"
        case .invalidAgainstMetaSchema(let uri, let errors):
            let first = errors.prefix(5).map { "  \($0.instancePointer.description.isEmpty ? "/" : $0.instancePointer.description): \($0.message)" }
            return "schema \(uri) is not valid against its meta-schema:\n" + first.joined(separator: "\n") + (errors.count > 5 ? "\n  ... and \(errors.count - 5) more" : "")
        case .unreadable(let path, let reason):
            return "cannot read schema \(path): \(reason)"
        case .duplicateIdentifier(let uri):
            return "two schemas declare the same identifier \(uri)"
        }
    }
}
