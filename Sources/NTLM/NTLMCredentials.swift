/// The `user` and `password` of a KrakenD `auth/ntlm` block, with the user split the way go-ntlmssp splits it.
///
/// `DOMAIN\alice` gives domain `DOMAIN` and user name `alice` (split at the first backslash);
/// `alice@example.com` and `alice` are kept whole with an empty domain.
public struct NTLMCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user exactly as configured.
    public let user: String
    /// The part before the first backslash, or empty when there is none.
    public let domain: String
    /// The part after the first backslash, or the whole user when there is none.
    public let userName: String
    /// The password; printing it shows a mask.
    public let password: NTLMPassword

    public init(user: String, password: String) {
        self.init(user: user, password: NTLMPassword(password))
    }

    public init(user: String, password: NTLMPassword) {
        self.user = user
        self.password = password
        if let backslash = user.unicodeScalars.firstIndex(of: "\\") {
            let scalars = user.unicodeScalars
            domain = String(scalars[scalars.startIndex..<backslash])
            userName = String(scalars[scalars.index(after: backslash)...])
        } else {
            domain = ""
            userName = user
        }
    }

    /// Whether the configured user has a `DOMAIN\` part.
    public var hasDomain: Bool { user.unicodeScalars.contains("\\") }

    /// The 2022-era rule (`GetDomain`): a user with a backslash, or without `@`, needs the domain; only a
    /// user principal name such as `alice@example.com` is sent with an empty domain.
    var legacyNeedsDomain: Bool {
        hasDomain || !user.unicodeScalars.contains("@")
    }

    public var description: String {
        "NTLMCredentials(user: \(String(reflecting: user)), password: \(redactedText))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["user": user, "password": redactedText], displayStyle: .struct)
    }
}
