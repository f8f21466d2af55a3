// Shared by the unit test (ChallengeMutationTests) and the long run in Fuzz/mutate.sh, which compiles this
// file together with the NTLM parsing sources; hence no XCTest and a conditional import.
#if canImport(NTLM)
    import NTLM
#endif

/// A small deterministic generator (SplitMix64), so every run sees the same inputs for the same seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Derives malformed CHALLENGE messages from valid ones: bit flips, byte insertions and deletions, truncation,
/// and tampering with the varField lengths and offsets and with AV pair headers.
struct ChallengeMutator {
    private var random: SplitMix64
    let seeds: [[UInt8]]

    init(seed: UInt64, seeds: [[UInt8]] = ChallengeMutator.validChallenges) {
        random = SplitMix64(seed: seed)
        self.seeds = seeds
    }

    /// The next input: a valid seed with one to four mutations applied.
    mutating func next() -> [UInt8] {
        var message = seeds[Int.random(in: 0..<seeds.count, using: &random)]
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            mutate(&message)
        }
        return message
    }

    private mutating func mutate(_ message: inout [UInt8]) {
        switch Int.random(in: 0..<8, using: &random) {
        case 0:
            guard !message.isEmpty else { return }
            let index = Int.random(in: 0..<message.count, using: &random)
            message[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1:
            let index = Int.random(in: 0...message.count, using: &random)
            let count = Int.random(in: 1...8, using: &random)
            message.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }, at: index)
        case 2:
            guard !message.isEmpty else { return }
            let start = Int.random(in: 0..<message.count, using: &random)
            let end = min(message.count, start + Int.random(in: 1...8, using: &random))
            message.removeSubrange(start..<end)
        case 3:
            message.removeLast(Int.random(in: 0...message.count, using: &random))
        case 4:
            write16(&message, at: [12, 14, 40, 42].randomElement(using: &random)!, interesting16(message.count))
        case 5:
            write32(&message, at: [16, 44].randomElement(using: &random)!, interesting32(message.count))
        case 6:
            // An AV pair length somewhere in the payload: TargetInfo usually starts past byte 48.
            guard message.count > 50 else { return }
            let index = Int.random(in: 48..<(message.count - 1), using: &random)
            write16(&message, at: index, interesting16(message.count))
        default:
            write32(&message, at: 20, UInt32.random(in: 0...UInt32.max, using: &random))
        }
    }

    private mutating func interesting16(_ count: Int) -> UInt16 {
        let choices: [UInt16] = [
            0, 1, 2, 3, 4, 7, 8, 0x7fff, 0x8000, 0xffff, UInt16(truncatingIfNeeded: count),
            UInt16(truncatingIfNeeded: count &- 48), UInt16(truncatingIfNeeded: count &+ 1),
        ]
        return Bool.random(using: &random)
            ? choices.randomElement(using: &random)! : UInt16.random(in: 0...UInt16.max, using: &random)
    }

    private mutating func interesting32(_ count: Int) -> UInt32 {
        let choices: [UInt32] = [
            0, 1, 47, 48, 56, 0x7fff_ffff, 0x8000_0000, 0xffff_fff0, 0xffff_ffff, UInt32(truncatingIfNeeded: count),
            UInt32(truncatingIfNeeded: count &- 1), UInt32(truncatingIfNeeded: count &+ 1),
        ]
        return Bool.random(using: &random)
            ? choices.randomElement(using: &random)! : UInt32.random(in: 0...UInt32.max, using: &random)
    }

    private func write16(_ message: inout [UInt8], at index: Int, _ value: UInt16) {
        guard index >= 0, index + 2 <= message.count else { return }
        message[index] = UInt8(truncatingIfNeeded: value)
        message[index + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    private func write32(_ message: inout [UInt8], at index: Int, _ value: UInt32) {
        guard index >= 0, index + 4 <= message.count else { return }
        for byte in 0..<4 {
            message[index + byte] = UInt8(truncatingIfNeeded: value >> UInt32(8 * byte))
        }
    }

    /// Valid CHALLENGE messages of every shape: the MS-NLMP one (with and without KEY_EXCH), one with every
    /// name, a version and a timestamp, one without TargetInfo (gss-ntlmssp), and davenport's.
    static let validChallenges: [[UInt8]] = [
        "4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef00000000000000002400240044000000"
            + "060070170000000f53006500720076006500720002000c0044006f006d00610069006e0001000c005300650072007600"
            + "6500720000000000",
        "4e544c4d53535000020000000c000c003800000033828aa20123456789abcdef00000000000000002400240044000000"
            + "060070170000000f53006500720076006500720002000c0044006f006d00610069006e0001000c005300650072007600"
            + "6500720000000000",
        "4e544c4d5353500002000000080008003800000005828aa20123456789abcdef00000000000000008800880040000000"
            + "0a0063450000000f43004f005200500001000a00570045004200300031000200080043004f0052005000030024007700"
            + "65006200300031002e0063006f00720070002e006500780061006d0070006c0065000400180063006f00720070002e00"
            + "6500780061006d0070006c00650005000e006500780061006d0070006c00650007000800008085825a9bda0106000400"
            + "0000000000000000",
        "4e544c4d53535000020000000c000c003000000001820aa20123456789abcdef00000000000000000000000000000000"
            + "44004f004d00410049004e00",
        "4e544c4d53535000020000000c000c0030000000018282000123456789abcdef0000000000000000620062003c000000"
            + "44004f004d00410049004e0002000c0044004f004d00410049004e0001000c0053004500520056004500520004001400"
            + "64006f006d00610069006e002e0063006f006d00030022007300650072007600650072002e0064006f006d0061006900"
            + "6e002e0063006f006d0000000000",
    ].map(Self.decodeHex)

    private static func decodeHex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(hexValue(high) << 4 | hexValue(low))
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8 {
        digit >= 0x61 ? digit - 0x61 + 10 : digit - 0x30
    }
}

/// Parses one input and checks what must hold for any input: no trap (the caller would crash), fields within
/// the message, and printable results. Returns a violation, or nil when all holds.
func checkChallengeParser(_ input: [UInt8]) -> (accepted: Bool, violation: String?) {
    do {
        let challenge = try ChallengeMessage.parse(input)
        if challenge.serverChallenge.count != 8 {
            return (true, "server challenge is \(challenge.serverChallenge.count) bytes")
        }
        // go-ntlmssp accepts fields that overlap the fixed part, so only the message end bounds them.
        let infoLength = Int(input[40]) | Int(input[41]) << 8
        let infoOffset = Int(input[44]) | Int(input[45]) << 8 | Int(input[46]) << 16 | Int(input[47]) << 24
        if let raw = challenge.targetInfoRaw {
            guard infoLength > 0, infoOffset + infoLength <= input.count,
                raw[...] == input[infoOffset..<(infoOffset + infoLength)]
            else {
                return (true, "TargetInfo of \(raw.count) bytes does not match its field in the message")
            }
        } else if infoLength > 0 {
            return (true, "TargetInfo of \(infoLength) bytes was dropped")
        }
        let pairBytes = challenge.targetInfo.reduce(0) { $0 + 4 + $1.value.count }
        if pairBytes > (challenge.targetInfoRaw?.count ?? 0) {
            return (true, "AV pairs cover \(pairBytes) bytes, more than TargetInfo holds")
        }
        let text = challenge.serverInfo.description
        if text.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            return (true, "control character in the server description")
        }
        _ = challenge.clientRefusal()?.reason
        return (true, nil)
    } catch {
        return (false, error.description.isEmpty ? "empty error message" : nil)
    }
}
