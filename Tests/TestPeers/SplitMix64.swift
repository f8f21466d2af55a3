/// A small, fast, seedable generator (SplitMix64), so generated inputs (template programs, mutated files) are
/// the same on every run and platform. The NTLM challenge mutator keeps its own copy: Fuzz/mutate.sh compiles
/// that file without the test targets.
public struct SplitMix64 {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    public mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }

    public mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    /// A random element, or nil for an empty array.
    public mutating func pick<T>(orNil choices: [T]) -> T? {
        choices.isEmpty ? nil : choices[below(choices.count)]
    }
}
