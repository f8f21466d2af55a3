/// The NTLMSSP signature and a message type, the first 12 bytes of every message.
func messageHeader(type: UInt32) -> [UInt8] {
    var bytes = ntlmSignature
    bytes.appendLittleEndian(type)
    return bytes
}

/// `NTLMSSP\0`.
let ntlmSignature: [UInt8] = Array("NTLMSSP".utf8) + [0]
