import ConfigTree

/// The contents of a `.krakenlint.yml` (or `.yaml`, `.json`) file.
///
/// ```yaml
/// edition: ce
/// fail-level: warning
/// rules:
///   ntlm/*: error
///   krakend/unsupported-version: off
/// ignore:
///   - legacy/**
/// overrides:
///   - files: ["staging/*.json", "gateway.json#/endpoints/*/backend"]
///     rules:
///       secret/*: warning
/// ```
/// File globs are relative to the directory holding the configuration file.
///
/// A `flexible-config` mapping declares a templated project (paths relative to the configuration's directory):
/// ```yaml
/// flexible-config:
///   template: krakend.tmpl
///   settings: settings
///   partials: partials
///   templates: templates
/// ```
public struct LintConfiguration: Sendable, Hashable {
    /// A `files`/`rules` pair; each file entry may carry a JSON Pointer after `#` (Spectral style).
    public struct Override: Sendable, Hashable {
        public struct Target: Sendable, Hashable {
            public let glob: String
            /// Pointer tokens after `#`, or nil for the whole file.
            public let pointer: [String]?

            public init(glob: String, pointer: [String]?) {
                self.glob = glob
                self.pointer = pointer
            }
        }

        public let files: [Target]
        public let rules: [RuleSetting]

        public init(files: [Target], rules: [RuleSetting]) {
            self.files = files
            self.rules = rules
        }
    }

    /// The file it was read from, nil for the built-in defaults.
    public var path: String?
    /// Absolute directory that globs are relative to.
    public var directory: String
    public var edition: Edition?
    public var failLevel: FailLevel?
    public var rules: [RuleSetting]
    public var ignore: [String]
    public var overrides: [Override]
    /// The flexible-configuration project this configuration describes, if any.
    public var flexibleConfig: FlexibleConfigSettings?

    public init(path: String? = nil, directory: String, edition: Edition? = nil, failLevel: FailLevel? = nil,
                rules: [RuleSetting] = [], ignore: [String] = [], overrides: [Override] = []) {
        self.path = path
        self.directory = directory
        self.edition = edition
        self.failLevel = failLevel
        self.rules = rules
        self.ignore = ignore
        self.overrides = overrides
    }

    /// `absolutePath` relative to the configuration's directory, or nil when it lies outside it.
    public func relativePath(_ absolutePath: String) -> String? {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        guard absolutePath.hasPrefix(prefix) else { return nil }
        return String(absolutePath.dropFirst(prefix.count))
    }

    /// True when an `ignore` glob covers the file.
    public func ignores(_ absolutePath: String) -> Bool {
        guard let relative = relativePath(absolutePath) else { return false }
        return ignore.contains { Glob.matchesPath($0, relative) }
    }

    /// The rule settings in force for the file at `absolutePath` (nil for standard input: `rules` only).
    public func policy(for absolutePath: String?) -> RulePolicy {
        var entries = rules.map { RulePolicy.Entry(setting: $0) }
        let relative = absolutePath.flatMap(relativePath)
        for override in overrides {
            guard let relative else { continue }
            let matching = override.files.filter { Glob.matchesPath($0.glob, relative) }
            guard !matching.isEmpty else { continue }
            let pointers = matching.contains { $0.pointer == nil } ? [] : matching.compactMap(\.pointer)
            entries += override.rules.map { RulePolicy.Entry(pointers: pointers, setting: $0) }
        }
        return RulePolicy(entries: entries)
    }
}

/// A flexible-configuration project as `.krakenlint.yml` declares it: the base template and the folders
/// KrakenD takes from `FC_SETTINGS`, `FC_PARTIALS`, `FC_TEMPLATES`, `FC_OUT` and `FC_CONFIG`, relative to
/// the configuration's directory.
public struct FlexibleConfigSettings: Sendable, Hashable {
    public static let keys = ["template", "settings", "partials", "templates", "out", "enterprise-config"]

    public var template: String?
    public var settings: String?
    public var partials: String?
    public var templates: String?
    public var out: String?
    public var enterpriseConfig: String?

    public init(template: String? = nil, settings: String? = nil, partials: String? = nil, templates: String? = nil,
                out: String? = nil, enterpriseConfig: String? = nil) {
        self.template = template
        self.settings = settings
        self.partials = partials
        self.templates = templates
        self.out = out
        self.enterpriseConfig = enterpriseConfig
    }

    /// The folders whose files belong to the project rather than being configurations of their own.
    public var folders: [String] { [settings, partials, templates].compactMap { $0 } }
}
