/// The KrakenD edition a configuration is meant for; `nil` in options means "do not check editions".
public enum Edition: String, CaseIterable, Sendable, Codable {
    /// Community Edition: ignores Enterprise-only namespaces silently.
    case ce
    /// Enterprise Edition.
    case ee
}
