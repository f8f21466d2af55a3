/// How a flexible-configuration project is put together: the folders KrakenD CE reads from `FC_SETTINGS`,
/// `FC_PARTIALS`, `FC_TEMPLATES`, the output name from `FC_OUT`, or an Enterprise behaviour file (`FC_CONFIG`).
///
/// Relative paths are resolved against ``workingDirectory``, as KrakenD resolves them against its working
/// directory, never against the folder of the base template.
public struct FlexibleConfigOptions: Sendable, Equatable {
    /// `FC_SETTINGS`: a folder whose `*.json` files become the template's data, one object per file.
    public var settingsDirectory: String?
    /// `FC_PARTIALS`: the folder `include` reads from.
    public var partialsDirectory: String?
    /// `FC_TEMPLATES`: a folder whose `*.tmpl` files join the template set.
    public var templatesDirectory: String?
    /// `FC_OUT`: where KrakenD writes the rendered file; its extension decides how the output is parsed.
    public var outputPath: String?
    /// `FC_CONFIG`: an Enterprise Extended Flexible Configuration behaviour file.
    public var enterpriseConfigPath: String?
    /// The environment the templates read with `env` and `expandenv`.
    public var environment: [String: String]
    /// The folder relative paths are resolved against.
    public var workingDirectory: String

    public init(
        settingsDirectory: String? = nil, partialsDirectory: String? = nil, templatesDirectory: String? = nil,
        outputPath: String? = nil, enterpriseConfigPath: String? = nil,
        environment: [String: String] = [:], workingDirectory: String = "."
    ) {
        self.settingsDirectory = settingsDirectory
        self.partialsDirectory = partialsDirectory
        self.templatesDirectory = templatesDirectory
        self.outputPath = outputPath
        self.enterpriseConfigPath = enterpriseConfigPath
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The names of KrakenD's variables.
    public enum Variable {
        public static let enable = "FC_ENABLE"
        public static let settings = "FC_SETTINGS"
        public static let partials = "FC_PARTIALS"
        public static let templates = "FC_TEMPLATES"
        public static let output = "FC_OUT"
        public static let enterpriseConfig = "FC_CONFIG"
    }

    /// Whether KrakenD would render with flexible configuration under the environment whose variables
    /// `variable` looks up: `FC_ENABLE` set to any non-empty value (`0` and `false` included, as in KrakenD),
    /// or an Enterprise `FC_CONFIG`.
    public static func isEnabled(variable: (String) -> String?) -> Bool {
        !(variable(Variable.enable) ?? "").isEmpty || !(variable(Variable.enterpriseConfig) ?? "").isEmpty
    }

    /// The options KrakenD would take from `environment`; an unset or empty variable turns its part off.
    public static func fromEnvironment(_ environment: [String: String], workingDirectory: String = ".") -> FlexibleConfigOptions {
        func value(_ name: String) -> String? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            return text
        }
        return FlexibleConfigOptions(
            settingsDirectory: value(Variable.settings), partialsDirectory: value(Variable.partials),
            templatesDirectory: value(Variable.templates), outputPath: value(Variable.output),
            enterpriseConfigPath: value(Variable.enterpriseConfig),
            environment: environment, workingDirectory: workingDirectory
        )
    }

    /// Whether the rendered bytes are parsed as YAML: KrakenD copies them to `FC_OUT` and lets the parser pick
    /// the format from that name (`.yml`/`.yaml`), JSON otherwise.
    public var rendersYAML: Bool {
        guard let outputPath else { return false }
        return outputPath.hasSuffix(".yml") || outputPath.hasSuffix(".yaml")
    }

    /// `path` as the process would open it: absolute paths as they are, others under the working directory.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || workingDirectory == "." || workingDirectory.isEmpty { return path }
        return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
    }
}
