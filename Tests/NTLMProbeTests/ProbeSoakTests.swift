import ConfigTree
import Findings
import Foundation
import NTLM
import NTLMProbe
import XCTest

/// The prober against servers that misbehave (FaultServers), many targets at once, on 127.0.0.1 only.
/// The CI size is 25 targets; `KRAKENLINT_SOAK_TARGETS=500` (scripts/soak-probe.sh) runs the full soak.
final class ProbeSoakTests: XCTestCase {
    /// The outcome each fault must end in.
    static let expected: [FaultServers.Fault: ProbeOutcome] = [
        .resetMidHandshake: .unreachable,
        .stallAfterChallenge: .timeout,
        .trickle: .timeout,
        .closeHalfWay: .protocolError,
        .endlessHeaders: .protocolError,
    ]

    func testEveryTargetEndsInItsDeadlineWithItsOutcomeAndNothingLeaks() async throws {
        let count = ProcessInfo.processInfo.environment["KRAKENLINT_SOAK_TARGETS"].flatMap(Int.init) ?? 25
        let servers = try FaultServers()
        defer { servers.stop() }
        var settings = ProbeSettings()
        settings.connectTimeout = .seconds(2)
        settings.targetTimeout = .milliseconds(1500)
        settings.totalDeadline = .seconds(3600)
        settings.concurrency = 50
        settings.maxHeaderBytes = 16 * 1024
        let prober = try Prober(settings: settings)
        let faults = FaultServers.Fault.allCases
        func targets(_ range: Range<Int>) throws -> [ProbeTarget] {
            try range.map { index in
                let fault = faults[index % faults.count]
                return ProbeTarget(
                    endpoint: "/soak", backendIndex: index, pointer: "/endpoints/0/backend/\(index)", line: 1,
                    hostEntry: servers.url(fault), urlPattern: "/\(index)",
                    url: try BackendHost.parse(servers.url(fault)).get().url(path: "/\(index)"),
                    credentials: ConfiguredCredentials(user: .text(SecretValue("SOAK\\user", span: Span(at: 0))), password: .text(SecretValue("pw", span: Span(at: 0)))),
                    notProbedReason: nil)
            }
        }

        // A first small round warms up the event loops and the allocator, so what follows measures growth only.
        _ = await prober.run(try targets(0..<faults.count))
        try await Task.sleep(for: .milliseconds(300))
        let descriptorsBefore = ProcessUsage.openDescriptors
        let memoryBefore = ProcessUsage.residentMegabytes

        let half = count / 2
        var memoryAtHalf = 0.0
        for range in [0..<half, half..<count] {
            let started = ContinuousClock.now
            let results = await prober.run(try targets(range))
            let elapsed = ContinuousClock.now - started
            XCTAssertEqual(results.map(\.target.backendIndex), Array(range), "results out of order or missing")
            for result in results {
                let fault = faults[result.target.backendIndex % faults.count]
                XCTAssertEqual(result.outcome, Self.expected[fault], "\(fault.rawValue) target \(result.target.backendIndex): \(result.detail)")
                // The target deadline, plus scheduling slack on a loaded machine.
                XCTAssertLessThanOrEqual(result.elapsedMilliseconds, 1500 + 1000, "\(fault.rawValue) target \(result.target.backendIndex) overran its deadline")
            }
            // Every target in parallel waves of 50, each at most its deadline: the run is bounded too.
            let waves = (range.count + settings.concurrency - 1) / settings.concurrency
            XCTAssertLessThan(elapsed, .seconds(Double(waves) * 2.5 + 2), "the run took \(elapsed)")
            if range.lowerBound == 0 { memoryAtHalf = ProcessUsage.residentMegabytes }
        }
        try await Task.sleep(for: .milliseconds(300))
        let descriptorsAfter = ProcessUsage.openDescriptors
        let memoryAfter = ProcessUsage.residentMegabytes
        print("probe soak: \(count) targets, descriptors \(descriptorsBefore) -> \(descriptorsAfter), resident MB \(Int(memoryBefore)) -> \(Int(memoryAtHalf)) (half) -> \(Int(memoryAfter))")
        // Server-side connections close when the client does; allow a few still closing.
        XCTAssertLessThanOrEqual(descriptorsAfter, descriptorsBefore + 5, "file descriptors leak")
        // Flat: the second half adds no more than a small fraction of what the process holds.
        XCTAssertLessThan(memoryAfter - memoryAtHalf, max(40, memoryAtHalf * 0.25), "memory grows from one half of the soak to the other")
    }
}
