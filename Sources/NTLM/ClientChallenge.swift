/// The client's 8-byte nonce in the NTLMv2 blob. Random by default; fixed values make tests reproducible.
public struct ClientChallenge: Sendable, Equatable {
    public let bytes: [UInt8]

    /// Nil unless exactly 8 bytes are given.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == 8 else { return nil }
        self.bytes = bytes
    }

    /// 8 bytes from the system's cryptographically secure generator.
    public static func random() -> ClientChallenge {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(value)
        return ClientChallenge(storage: bytes)
    }

    private init(storage: [UInt8]) {
        bytes = storage
    }
}
