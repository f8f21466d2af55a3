/// Key material derived from the password (the NT hash, the NTLMv2 response key). Printing, dumping or
/// reflecting it shows a mask, never the bytes.
struct SecretBytes: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var description: String { redactedText }
    var debugDescription: String { redactedText }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
