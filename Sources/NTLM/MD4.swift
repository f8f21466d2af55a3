/// MD4 (RFC 1320), needed for the NT hash; swift-crypto does not offer it. Not for any other use.
enum MD4 {
    static func digest<Bytes: Collection>(_ message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
        var padded = Array(message)
        let bitLength = UInt64(truncatingIfNeeded: padded.count) &* 8
        padded.append(0x80)
        while padded.count % 64 != 56 {
            padded.append(0)
        }
        padded.appendLittleEndian(bitLength)

        var words = [UInt32](repeating: 0, count: 16)
        for blockStart in stride(from: 0, to: padded.count, by: 64) {
            for index in 0..<16 {
                let base = blockStart + 4 * index
                words[index] =
                    UInt32(padded[base]) | UInt32(padded[base + 1]) << 8
                    | UInt32(padded[base + 2]) << 16 | UInt32(padded[base + 3]) << 24
            }
            state = compress(state, words)
        }

        var output: [UInt8] = []
        output.appendLittleEndian(state.0)
        output.appendLittleEndian(state.1)
        output.appendLittleEndian(state.2)
        output.appendLittleEndian(state.3)
        return output
    }

    /// The three rounds over one 16-word block; each round visits every word once.
    private static func compress(
        _ state: (UInt32, UInt32, UInt32, UInt32), _ words: [UInt32]
    ) -> (UInt32, UInt32, UInt32, UInt32) {
        var (a, b, c, d) = state
        let roundOrders: [[Int]] = [
            Array(0..<16),
            [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15],
            [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15],
        ]
        let roundShifts: [[UInt32]] = [[3, 7, 11, 19], [3, 5, 9, 13], [3, 9, 11, 15]]
        let roundConstants: [UInt32] = [0, 0x5A82_7999, 0x6ED9_EBA1]

        for round in 0..<3 {
            for step in 0..<16 {
                let mixed: UInt32
                switch round {
                case 0: mixed = (b & c) | (~b & d)
                case 1: mixed = (b & c) | (b & d) | (c & d)
                default: mixed = b ^ c ^ d
                }
                let sum = a &+ mixed &+ words[roundOrders[round][step]] &+ roundConstants[round]
                let shift = roundShifts[round][step % 4]
                let rotated = (sum << shift) | (sum >> (32 - shift))
                // Rotate the roles: the new value becomes b's predecessor, as in RFC 1320's [abcd k s] cycle.
                (a, b, c, d) = (d, rotated, b, c)
            }
        }
        return (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
