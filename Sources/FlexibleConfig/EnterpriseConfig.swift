import ConfigTree

/// KrakenD Enterprise's Extended Flexible Configuration behaviour file (`flexible_config.json`, passed with
/// `FC_CONFIG`), as its published schema describes it.
public struct EnterpriseConfig: Sendable, Equatable {
    /// What a template sees for a variable that does not exist.
    public enum UndefinedVariables: String, Sendable {
        /// Rendering fails (the default).
        case error
        /// The zero value.
        case zero
        /// Go's `<no value>`, as KrakenD CE prints it.
        case invalid
    }

    public var settingsPaths: [String] = []
    public var allowedSuffixes: [String] = EnterpriseConfig.defaultSuffixes
    public var allowOverwrite = false
    public var directoryFieldPrefix = ""
    public var templatePaths: [String] = []
    public var undefinedVariables: UndefinedVariables = .error
    public var partialPaths: [String] = []
    public var metaKey = "meta"
    public var referenceKey = "$ref"
    public var output: String?
    public var debug = false

    /// The suffixes that count as settings when the file does not list its own.
    public static let defaultSuffixes = [".yaml", ".yml", ".json", ".toml", ".tml", ".ini", ".dotenv", ".env", ".properties", ".prop", ".props"]

    public init() {}

    /// Reads a behaviour file, reporting every key the schema does not allow and every value of the wrong type.
    public static func parse(_ file: SourceFile) -> (config: EnterpriseConfig?, problems: [FlexibleConfigProblem]) {
        var reader = Reader(file: file)
        let loaded = ConfigLoader.loadJSONValue(file)
        if let failure = loaded.issues.first(where: { $0.severity == .error }) {
            reader.problem("the Enterprise flexible-configuration file is not valid JSON: \(failure.message)", at: failure.span)
            return (nil, reader.problems)
        }
        guard let root = loaded.root, let members = root.members else {
            reader.problem("the Enterprise flexible-configuration file must hold an object", at: loaded.root?.span ?? Span(at: 0))
            return (nil, reader.problems)
        }
        var config = EnterpriseConfig()
        for member in members where !reader.isAnnotation(member.key) {
            switch member.key {
            case "settings":
                for inner in reader.members(of: member, keys: ["paths", "allowed_suffixes", "allow_overwrite", "dir_field_prefix"]) {
                    switch inner.key {
                    case "paths": config.settingsPaths = reader.strings(inner) ?? []
                    case "allowed_suffixes": config.allowedSuffixes = reader.strings(inner) ?? defaultSuffixes
                    case "allow_overwrite": config.allowOverwrite = reader.bool(inner) ?? false
                    default: config.directoryFieldPrefix = reader.string(inner) ?? ""
                    }
                }
            case "templates":
                for inner in reader.members(of: member, keys: ["paths", "undefined_vars"]) {
                    if inner.key == "paths" {
                        config.templatePaths = reader.strings(inner) ?? []
                    } else if let text = reader.string(inner) {
                        if let value = UndefinedVariables(rawValue: text) {
                            config.undefinedVariables = value
                        } else {
                            reader.problem("undefined_vars must be error, zero or invalid, found \"\(text)\"", at: inner.value.span)
                        }
                    }
                }
            case "partials":
                for inner in reader.members(of: member, keys: ["paths"]) { config.partialPaths = reader.strings(inner) ?? [] }
            case "meta_key": config.metaKey = reader.string(member) ?? config.metaKey
            case "ref_key": config.referenceKey = reader.string(member) ?? config.referenceKey
            case "keys_naming_rules":
                if let text = reader.string(member), text != "strict", text != "freeform" {
                    reader.problem("keys_naming_rules must be strict or freeform, found \"\(text)\"", at: member.value.span)
                }
            case "out": config.output = reader.string(member)
            case "debug": config.debug = reader.bool(member) ?? false
            default:
                reader.problem(
                    "unknown key \"\(member.key)\"; the Enterprise flexible-configuration file takes settings, templates, "
                        + "partials, meta_key, ref_key, keys_naming_rules, out and debug",
                    at: member.keySpan
                )
            }
        }
        return (reader.problems.isEmpty ? config : nil, reader.problems)
    }

    /// Reads typed values and collects problems at their spans.
    private struct Reader {
        let file: SourceFile
        var problems: [FlexibleConfigProblem] = []

        mutating func problem(_ message: String, at span: Span) {
            problems.append(FlexibleConfigProblem(code: .enterpriseConfig, message: message, location: .init(path: file.path, span: span)))
        }

        /// Keys starting with `@`, `$`, `_` or `#` are comments the schema accepts everywhere.
        func isAnnotation(_ key: String) -> Bool { key.first.map { "@$_#".contains($0) } ?? false }

        /// The members of an object-valued `member` whose keys are among `keys`; the others are reported.
        mutating func members(of member: Member, keys: [String]) -> [Member] {
            guard let members = member.value.members else {
                problem("\(member.key) must be an object", at: member.value.span)
                return []
            }
            var known: [Member] = []
            for inner in members where !isAnnotation(inner.key) {
                guard keys.contains(inner.key) else {
                    problem("unknown key \"\(inner.key)\" in \(member.key); expected " + keys.joined(separator: ", "), at: inner.keySpan)
                    continue
                }
                known.append(inner)
            }
            return known
        }

        mutating func string(_ member: Member) -> String? {
            guard let text = member.value.string else {
                problem("\(member.key) must be a string", at: member.value.span)
                return nil
            }
            return text
        }

        mutating func bool(_ member: Member) -> Bool? {
            guard let flag = member.value.bool else {
                problem("\(member.key) must be true or false", at: member.value.span)
                return nil
            }
            return flag
        }

        mutating func strings(_ member: Member) -> [String]? {
            guard let elements = member.value.elements else {
                problem("\(member.key) must be a list of strings", at: member.value.span)
                return nil
            }
            var result: [String] = []
            for element in elements {
                guard let text = element.string else {
                    problem("\(member.key) must hold strings only", at: element.span)
                    continue
                }
                result.append(text)
            }
            return result
        }
    }
}
