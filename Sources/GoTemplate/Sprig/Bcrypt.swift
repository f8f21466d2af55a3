/// bcrypt as Go's `golang.org/x/crypto/bcrypt` writes it: `$2a$10$` followed by the 22-character salt and the
/// 31-character hash, in bcrypt's own base64 alphabet without padding.
enum Bcrypt {
    /// sprig's cost (`bcrypt.DefaultCost`).
    static let defaultCost = 10
    private static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// A hash of `password` with a fresh random salt.
    static func hash(password: [UInt8], cost: Int = defaultCost) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return hash(password: password, cost: cost, salt: salt)
    }

    /// The hash of `password` with the given 16-byte salt.
    static func hash(password: [UInt8], cost: Int, salt: [UInt8]) -> String {
        let encodedSalt = encode(salt)
        // bcrypt's salt is the decoding of its 22 encoded characters: the 16 bytes with the low bits cleared.
        let saltBytes = decode(encodedSalt)
        let key = password + [0]
        var cipher = Blowfish(key: key, salt: saltBytes)
        for _ in 0..<(1 << cost) {
            cipher.expand(key: key)
            cipher.expand(key: saltBytes)
        }
        var block = Array("OrpheanBeholderScryDoubt".utf8)
        for offset in stride(from: 0, to: 24, by: 8) {
            var left = bigEndianWord(block, offset), right = bigEndianWord(block, offset + 4)
            for _ in 0..<64 { (left, right) = cipher.encrypt(left, right) }
            for (index, word) in [left, right].enumerated() {
                for byte in 0..<4 { block[offset + index * 4 + byte] = UInt8(truncatingIfNeeded: word >> (24 - 8 * byte)) }
            }
        }
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$" + costText + "$" + encodedSalt + encode(Array(block.prefix(23)))
    }

    private static func bigEndianWord(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }

    /// bcrypt's base64: standard bit order, its own alphabet, no padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8]()
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0...chunk.count { output.append(alphabet[Int((group >> (18 - 6 * position)) & 0x3F)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes of a bcrypt-base64 text made by ``encode(_:)``.
    static func decode(_ text: String) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        let characters = Array(text.utf8)
        var output = [UInt8]()
        var index = 0
        while index < characters.count {
            let chunk = characters[index..<min(index + 4, characters.count)]
            var group: UInt32 = 0
            for (offset, character) in chunk.enumerated() { group |= UInt32(table[Int(character)]) << (18 - 6 * offset) }
            for position in 0..<(chunk.count - 1) { output.append(UInt8(truncatingIfNeeded: group >> (16 - 8 * position))) }
            index += 4
        }
        return output
    }
}
