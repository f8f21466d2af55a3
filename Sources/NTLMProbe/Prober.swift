import NIOCore
import NIOPosix
import NIOSSL
import NTLM

/// Probes targets concurrently under the limits of `ProbeSettings` and returns one result per target, in
/// target order.
public struct Prober: Sendable {
    public let settings: ProbeSettings
    private let group: EventLoopGroup
    private let tls: TLSSetup

    /// Throws a `ProbeSetupError` when the TLS settings cannot be used (an unreadable `--ca-file`).
    public init(settings: ProbeSettings, group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton)
        throws(ProbeSetupError)
    {
        self.settings = settings
        self.group = group
        self.tls = try TLSSetup(settings: settings)
    }

    /// Results for `targets`, in the same order.
    public func run(_ targets: [ProbeTarget]) async -> [ProbeResult] {
        let runDeadline = NIODeadline.now() + TimeAmount(settings.totalDeadline)
        let width = max(1, settings.concurrency)
        var results = [ProbeResult?](repeating: nil, count: targets.count)
        await withTaskGroup(of: (Int, ProbeResult).self) { group in
            var next = 0
            func startNext(_ group: inout TaskGroup<(Int, ProbeResult)>) {
                guard next < targets.count else { return }
                let index = next
                let target = targets[index]
                next += 1
                group.addTask { (index, await probe(target, runDeadline: runDeadline)) }
            }
            for _ in 0..<min(width, targets.count) { startNext(&group) }
            while let (index, result) = await group.next() {
                results[index] = result
                startNext(&group)
            }
        }
        return results.compactMap { $0 }
    }

    /// The result for one target.
    public func probe(_ target: ProbeTarget, runDeadline: NIODeadline? = nil) async -> ProbeResult {
        let start = ContinuousClock.now
        let user = target.credentials.displayUser
        func result(_ outcome: ProbeOutcome, _ detail: String) -> ProbeResult {
            ProbeResult(target: target, outcome: outcome, user: user, detail: detail, profile: settings.profile)
        }
        guard let url = target.url else {
            return result(.notProbed, target.notProbedReason ?? "no URL to probe")
        }
        if settings.httpsOnly && url.scheme == .http {
            var refused = result(.notProbed, "plain http target refused by --https-only")
            refused.refusedBySettings = true
            return refused
        }
        let credentials: NTLMCredentials
        switch CredentialResolver.resolve(target.credentials) {
        case .success(let resolved): credentials = resolved
        case .failure(let problem): return result(.credentialsUnavailable, problem.message)
        }
        let targetDeadline = NIODeadline.now() + TimeAmount(settings.targetTimeout)
        let deadline = min(targetDeadline, runDeadline ?? targetDeadline)
        var verdict: HandshakeVerdict
        if deadline <= .now() {
            verdict = HandshakeVerdict(.timeout, "the total deadline of the run passed before this target started")
        } else {
            let handshake = Handshake(url: url, credentials: credentials, settings: settings, group: group, tls: tls)
            verdict = await handshake.run(deadline: deadline)
            if verdict.outcome == .timeout, let runDeadline, runDeadline <= targetDeadline, runDeadline <= .now() {
                verdict.detail += " (the total deadline of the run passed)"
            }
        }
        let elapsed = ContinuousClock.now - start
        return ProbeResult(
            target: target, outcome: verdict.outcome, user: user, status: verdict.status,
            elapsedMilliseconds: Int(elapsed / .milliseconds(1)), server: verdict.server, scheme: verdict.scheme,
            offeredSchemes: verdict.offeredSchemes, detail: verdict.detail,
            hints: ProbeHints.hints(for: verdict, url: url, credentials: credentials, settings: settings),
            profile: settings.profile, tlsUnverified: url.scheme == .https && settings.insecure)
    }
}
