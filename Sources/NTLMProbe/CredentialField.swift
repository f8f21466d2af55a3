import ConfigTree
import Findings

/// One field (`user` or `password`) of an `auth/ntlm` block as written in the configuration, before any
/// flexible-config template in it is rendered.
public enum CredentialField: Sendable, CustomStringConvertible {
    /// A string, possibly holding `{{ env "NAME" }}` actions. Kept as a secret: it may be a clear-text password.
    case text(SecretValue)
    /// The key is absent.
    case missing
    /// The value is not a string; the associated value is its JSON type name.
    case notString(String)

    public var description: String {
        switch self {
        case .text: return "string"
        case .missing: return "missing"
        case .notString(let type): return type
        }
    }
}

/// The `user` and `password` fields of one backend's `auth/ntlm` block.
public struct ConfiguredCredentials: Sendable {
    public var user: CredentialField
    public var password: CredentialField

    public init(user: CredentialField, password: CredentialField) {
        self.user = user
        self.password = password
    }

    /// The user as it can be shown: the literal text, or the template source when it is a template.
    /// Users are not secrets; passwords are never shown.
    public var displayUser: String {
        if case .text(let secret) = user { return secret.reveal() }
        return ""
    }
}
