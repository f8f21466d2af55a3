/// The output formats of `krakenlint lint --format`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github, junit, checkstyle

    /// The reporter for this format.
    public func reporter(_ settings: ReportSettings) -> any Reporter {
        switch self {
        case .text: return TextReporter(verbose: settings.verbose, color: settings.color)
        case .json: return JSONReporter()
        case .sarif: return SARIFReporter(paths: settings.paths)
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

    public init(verbose: Bool = false, color: Bool = false, paths: ArtifactPath) {
        self.verbose = verbose
        self.color = color
        self.paths = paths
    }
}
