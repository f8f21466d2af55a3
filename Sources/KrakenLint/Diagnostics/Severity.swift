/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Comparable, CaseIterable, Sendable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The KrakenD edition a configuration is meant for; `nil` in options means "do not check editions".
public enum Edition: String, CaseIterable, Sendable, Codable {
    /// Community Edition: ignores Enterprise-only namespaces silently.
    case ce
    /// Enterprise Edition.
    case ee
}
