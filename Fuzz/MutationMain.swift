// The long deterministic mutation run: `challenge-mutate [COUNT] [SEED]` (default 1,000,000 inputs), or
// `challenge-mutate --write-seeds DIR` to write the valid seed challenges as a libFuzzer corpus.
import Foundation

@main
enum ChallengeMutate {
    static func main() throws {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "--write-seeds" {
            for (index, seed) in ChallengeMutator.validChallenges.enumerated() {
                let url = URL(fileURLWithPath: arguments[2]).appendingPathComponent("seed-\(index).bin")
                try Data(seed).write(to: url)
            }
            return
        }

        let count = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
        let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 0x6b72_616b_656e : 0x6b72_616b_656e

        var mutator = ChallengeMutator(seed: seed)
        var accepted = 0
        var violations = 0
        let start = Date()
        for _ in 0..<count {
            let input = mutator.next()
            let (wasAccepted, violation) = checkChallengeParser(input)
            if wasAccepted {
                accepted += 1
            }
            if let violation {
                violations += 1
                if violations <= 5 {
                    print("violation: \(violation) for input of \(input.count) bytes")
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            "inputs executed: \(count), accepted: \(accepted), refused with an error: \(count - accepted), "
                + "invariant violations: \(violations), crashes: 0, seconds: \(String(format: "%.1f", seconds))")
        exit(violations > 0 ? 1 : 0)
    }
}
