import NTLM

/// Counts over a run's results, and whether the run passes (exit 0).
public struct ProbeSummary: Sendable {
    public let targets: Int
    public let probed: Int
    public let authenticated: Int
    public let failed: Int
    public let notProbed: Int
    /// How many results have each outcome, in `ProbeOutcome.allCases` order, zero counts left out.
    public let outcomes: [(ProbeOutcome, Int)]
    public let elapsedMilliseconds: Int
    public let profile: NTLMClientProfile
    public let insecure: Bool

    public init(results: [ProbeResult], elapsedMilliseconds: Int, settings: ProbeSettings) {
        targets = results.count
        probed = results.filter(\.wasProbed).count
        authenticated = results.filter { $0.outcome == .authenticated }.count
        failed = results.filter(\.isFailure).count
        notProbed = results.filter { !$0.wasProbed }.count
        outcomes = ProbeOutcome.allCases.compactMap { outcome in
            let count = results.filter { $0.outcome == outcome }.count
            return count == 0 ? nil : (outcome, count)
        }
        self.elapsedMilliseconds = elapsedMilliseconds
        profile = settings.profile
        insecure = settings.insecure
    }

    /// True when no result is a failure: every probed target authenticated.
    public var passed: Bool { failed == 0 }
}
