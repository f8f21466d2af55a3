/// The lowest severity that makes a command exit 1 (`--fail-level`, `fail-level:` in the configuration),
/// and that JUnit counts as a failure.
public enum FailLevel: String, CaseIterable, Sendable {
    case error, warning, info, none

    /// True when a file whose worst finding is `severity` fails the run.
    public func fails(_ severity: Severity?) -> Bool {
        guard let severity else { return false }
        switch self {
        case .none: return false
        case .info: return true
        case .warning: return severity >= .warning
        case .error: return severity == .error
        }
    }
}
