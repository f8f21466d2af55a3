import Foundation
import XCTest

@testable import NTLM

/// A randomized mutation run over the CHALLENGE parser, seeded from valid messages. 20,000 inputs here;
/// `NTLM_MUTATION_COUNT` raises it, and Fuzz/mutate.sh runs a million in an optimized build.
final class ChallengeMutationTests: XCTestCase {
    func testMutatedChallengesNeverTrapAndKeepInvariants() {
        let count = ProcessInfo.processInfo.environment["NTLM_MUTATION_COUNT"].flatMap { Int($0) } ?? 20_000
        var mutator = ChallengeMutator(seed: 0x6b72_616b_656e)
        var accepted = 0
        var answered = 0
        var violations: [String] = []
        let credentials = NTLMCredentials(user: "TESTDOM\\alice", password: "pw")
        for _ in 0..<count {
            let input = mutator.next()
            let (wasAccepted, violation) = checkChallengeParser(input)
            if let violation {
                violations.append("\(violation) for \(hex(input))")
            }
            guard wasAccepted else { continue }
            accepted += 1
            // Whatever the parser accepts, the client either refuses or answers with a well-formed message.
            for profile in NTLMClientProfile.allCases {
                guard
                    let message = try? makeAuthenticateMessage(
                        challenge: input, credentials: credentials, profile: profile,
                        clientChallenge: Vectors.clientChallengeAA, now: FileTime(rawValue: 0))
                else { continue }
                answered += 1
                if (try? AuthenticateFields(message)) == nil {
                    violations.append("malformed AUTHENTICATE for \(hex(input))")
                }
            }
        }
        XCTAssertEqual(Array(violations.prefix(5)), [])
        // Both outcomes must be exercised, or the mutations are too weak or too strong to mean anything.
        XCTAssertGreaterThan(accepted, count / 20, "accepted \(accepted) of \(count)")
        XCTAssertLessThan(accepted, count - count / 20, "accepted \(accepted) of \(count)")
        XCTAssertGreaterThan(answered, 0)
    }

    func testMutatorIsDeterministic() {
        var first = ChallengeMutator(seed: 7)
        var second = ChallengeMutator(seed: 7)
        for _ in 0..<100 {
            XCTAssertEqual(first.next(), second.next())
        }
    }

    func testSeedsAreValidChallenges() throws {
        for seed in ChallengeMutator.validChallenges {
            XCTAssertNoThrow(try ChallengeMessage.parse(seed), hex(seed))
        }
        XCTAssertEqual(ChallengeMutator.validChallenges[0], Vectors.specChallenge)
    }
}
