import Findings

/// The output formats of `--format`, shared by `lint`, `probe` and `validate`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, checkstyle

    /// Whether the format describes the producer's rules (`ReportSettings.rules`), so a command lists them
    /// only when it is asked for.
    public var describesRules: Bool { self == .sarif }

    /// The reporter for this format.
    public func reporter(_ settings: ReportSettings) -> any Reporter {
        switch self {
        case .text: return TextReporter(verbose: settings.verbose, color: settings.color)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(paths: settings.paths, rules: settings.rules)
        case .github: return GitHubReporter(paths: settings.paths)
        case .junit: return JUnitReporter(paths: settings.paths)
        case .checkstyle: return CheckstyleReporter(paths: settings.paths)
        }
    }
}

/// What the reporters need from the command line.
public struct ReportSettings: Sendable {
    public var verbose: Bool
    public var color: Bool
    /// How file paths are made relative (SARIF, GitHub, JUnit, Checkstyle).
    public var paths: ArtifactPath
    /// The rules of the command's producer, for formats that describe them (SARIF).
    public var rules: [RuleDescriptor]

    public init(verbose: Bool = false, color: Bool = false, paths: ArtifactPath, rules: [RuleDescriptor] = []) {
        self.verbose = verbose
        self.color = color
        self.paths = paths
        self.rules = rules
    }
}
