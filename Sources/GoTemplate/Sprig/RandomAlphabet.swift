/// The character sets of sprig's `randAlphaNum`, `randAlpha`, `randNumeric` and `randAscii` (goutils'
/// `CryptoRandom…`): each character drawn uniformly from the set with the system's secure generator.
struct RandomAlphabet: Sendable {
    let characters: [UInt8]

    static let letters = RandomAlphabet(characters: Array(UInt8(ascii: "A")...UInt8(ascii: "Z")) + Array(UInt8(ascii: "a")...UInt8(ascii: "z")))
    static let digits = RandomAlphabet(characters: Array(UInt8(ascii: "0")...UInt8(ascii: "9")))
    static let alphanumeric = RandomAlphabet(characters: letters.characters + digits.characters)
    /// The printable ASCII characters, space to `~`.
    static let printableASCII = RandomAlphabet(characters: Array(UInt8(ascii: " ")...UInt8(ascii: "~")))

    /// `count` random characters; none for a count of zero or less (goutils' error for a negative count,
    /// which sprig ignores).
    func randomString(count: Int, _ context: FunctionContext) throws -> String {
        guard count > 0 else { return "" }
        try SprigLimits.check(count, context.maximumResultSize)
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            bytes.append(characters[Int.random(in: 0..<characters.count, using: &generator)])
        }
        return String(goBytes: bytes)
    }
}
