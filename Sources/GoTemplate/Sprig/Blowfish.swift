/// The Blowfish block cipher with the key schedules bcrypt needs: the salted expansion of EksBlowfishSetup
/// and the plain re-expansion it repeats `2^cost` times.
struct Blowfish {
    /// The P-array (18 words) followed by the four S-boxes (256 words each).
    private var state: [UInt32]
    private static let sBoxStart = 18

    /// A cipher keyed with `key` while folding `salt` into the schedule (both used cyclically, both non-empty).
    init(key: [UInt8], salt: [UInt8]) {
        state = BlowfishConstants.initialP + BlowfishConstants.initialS0 + BlowfishConstants.initialS1
            + BlowfishConstants.initialS2 + BlowfishConstants.initialS3
        schedule(key: key, salt: salt)
    }

    /// The Blowfish key schedule applied to the current state (Go's `blowfish.ExpandKey`).
    mutating func expand(key: [UInt8]) {
        schedule(key: key, salt: nil)
    }

    private mutating func schedule(key: [UInt8], salt: [UInt8]?) {
        state.withUnsafeMutableBufferPointer { table in
            var keyPosition = 0
            for index in 0..<18 { table[index] ^= Self.nextWord(key, &keyPosition) }
            var saltPosition = 0
            var left: UInt32 = 0, right: UInt32 = 0
            for index in stride(from: 0, to: table.count, by: 2) {
                if let salt {
                    left ^= Self.nextWord(salt, &saltPosition)
                    right ^= Self.nextWord(salt, &saltPosition)
                }
                (left, right) = Self.encrypt(left, right, table: UnsafeBufferPointer(table))
                table[index] = left
                table[index + 1] = right
            }
        }
    }

    /// Encrypts one 64-bit block given as its two big-endian halves.
    func encrypt(_ left: UInt32, _ right: UInt32) -> (UInt32, UInt32) {
        state.withUnsafeBufferPointer { Self.encrypt(left, right, table: $0) }
    }

    private static func encrypt(_ left: UInt32, _ right: UInt32, table: UnsafeBufferPointer<UInt32>) -> (UInt32, UInt32) {
        func feistel(_ word: UInt32) -> UInt32 {
            let a = table[sBoxStart + Int(word >> 24)], b = table[sBoxStart + 256 + Int((word >> 16) & 0xFF)]
            let c = table[sBoxStart + 512 + Int((word >> 8) & 0xFF)], d = table[sBoxStart + 768 + Int(word & 0xFF)]
            return ((a &+ b) ^ c) &+ d
        }
        var left = left ^ table[0]
        var right = right
        for round in stride(from: 1, through: 15, by: 2) {
            right ^= feistel(left) ^ table[round]
            left ^= feistel(right) ^ table[round + 1]
        }
        return (right ^ table[17], left)
    }

    /// The next four bytes of `bytes` as a big-endian word, wrapping around to the start.
    private static func nextWord(_ bytes: [UInt8], _ position: inout Int) -> UInt32 {
        var word: UInt32 = 0
        for _ in 0..<4 {
            word = word << 8 | UInt32(bytes[position])
            position += 1
            if position >= bytes.count { position = 0 }
        }
        return word
    }
}
