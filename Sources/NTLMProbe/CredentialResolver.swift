import NTLM

/// Turns the configured `user` and `password` into the credentials KrakenD would use. The fields are taken as
/// they are: a flexible-configuration template has been rendered before the targets were read. Failures name
/// the field (and the unset environment variables an empty field came from), never a value.
public enum CredentialResolver {
    public static func resolve(_ configured: ConfiguredCredentials) -> Result<NTLMCredentials, CredentialProblem> {
        let user: String
        let password: String
        switch field(configured.user, name: "user") {
        case .success(let value): user = value
        case .failure(let problem): return .failure(problem)
        }
        switch field(configured.password, name: "password") {
        case .success(let value): password = value
        case .failure(let problem): return .failure(problem)
        }
        if !configured.unsetVariables.isEmpty, let empty = user.isEmpty ? "user" : password.isEmpty ? "password" : nil {
            // Probing with an empty field only spends a logon attempt (and a lockout count) on a known failure.
            let names = configured.unsetVariables.joined(separator: ", ")
            let verb = configured.unsetVariables.count == 1 ? "is" : "are"
            return .failure(CredentialProblem(
                message: "auth/ntlm \(empty) is empty after rendering: the template reads \(names), which \(verb) not set "
                    + "in this environment (KrakenD renders an unset variable as an empty string)"))
        }
        if user.isEmpty && password.isEmpty {
            return .failure(CredentialProblem(
                message: "user and password are both empty; go-ntlmssp refuses anonymous logons, so KrakenD sends no NTLM"))
        }
        return .success(NTLMCredentials(user: user, password: password))
    }

    private static func field(_ field: CredentialField, name: String) -> Result<String, CredentialProblem> {
        switch field {
        case .missing:
            return .failure(CredentialProblem(message: "auth/ntlm has no \(name); expected a string"))
        case .notString(let type):
            return .failure(CredentialProblem(message: "auth/ntlm \(name) is a \(type); expected a string"))
        case .text(let secret):
            return .success(secret.reveal())
        }
    }
}

/// Why credentials are unavailable, in words that contain no secret.
public struct CredentialProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
