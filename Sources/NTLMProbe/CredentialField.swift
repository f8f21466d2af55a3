import ConfigTree
import Findings

/// One field (`user` or `password`) of an `auth/ntlm` block as KrakenD reads it: from the configuration file,
/// or from its rendered output when the file is a flexible-configuration template.
public enum CredentialField: Sendable, CustomStringConvertible {
    /// A string, used as written. Kept as a secret: it may be a clear-text password.
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

    /// Environment variables that rendering the configuration read but that the environment does not set.
    /// KrakenD renders each as an empty string; an empty credential then comes from one of them.
    public var unsetVariables: [String]

    public init(user: CredentialField, password: CredentialField, unsetVariables: [String] = []) {
        self.user = user
        self.password = password
        self.unsetVariables = unsetVariables
    }

    /// The user as it can be shown. Users are not secrets; passwords are never shown.
    public var displayUser: String {
        if case .text(let secret) = user { return secret.reveal() }
        return ""
    }
}
