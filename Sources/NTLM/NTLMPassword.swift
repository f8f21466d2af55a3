/// A password that never shows its content when printed, dumped or reflected.
public struct NTLMPassword: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The clear text, for hashing only.
    let clearText: String

    public init(_ clearText: String) {
        self.clearText = clearText
    }

    /// Whether the password is the empty string (go-ntlmssp refuses an empty user with an empty password).
    public var isEmpty: Bool { clearText.isEmpty }

    public var description: String { redactedText }
    public var debugDescription: String { redactedText }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// What every secret-holding type prints instead of its content: the same mask as the findings'
/// `SecretValue.mask` (this module depends on nothing, so it cannot share the constant; a test checks).
public let redactedText = "********"
