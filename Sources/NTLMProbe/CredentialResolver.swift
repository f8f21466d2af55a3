import NTLM

/// Turns the configured `user` and `password` into the credentials KrakenD would use, rendering
/// `{{ env "NAME" }}` templates from an injected environment. Failures name the field and the variable, never a value.
public enum CredentialResolver {
    public static func resolve(
        _ configured: ConfiguredCredentials, environment: [String: String]
    ) -> Result<NTLMCredentials, CredentialProblem> {
        let user: String
        let password: String
        switch field(configured.user, name: "user", environment: environment) {
        case .success(let value): user = value
        case .failure(let problem): return .failure(problem)
        }
        switch field(configured.password, name: "password", environment: environment) {
        case .success(let value): password = value
        case .failure(let problem): return .failure(problem)
        }
        if user.isEmpty && password.isEmpty {
            return .failure(CredentialProblem(
                message: "user and password are both empty; go-ntlmssp refuses anonymous logons, so KrakenD sends no NTLM"))
        }
        return .success(NTLMCredentials(user: user, password: password))
    }

    /// The user after rendering, for display; nil when it cannot be rendered.
    public static func renderedUser(_ configured: ConfiguredCredentials, environment: [String: String]) -> String? {
        guard case .success(let user) = field(configured.user, name: "user", environment: environment) else {
            return nil
        }
        return user
    }

    private static func field(
        _ field: CredentialField, name: String, environment: [String: String]
    ) -> Result<String, CredentialProblem> {
        switch field {
        case .missing:
            return .failure(CredentialProblem(message: "auth/ntlm has no \(name); expected a string"))
        case .notString(let type):
            return .failure(CredentialProblem(message: "auth/ntlm \(name) is a \(type); expected a string"))
        case .text(let secret):
            guard TemplateRenderer.isTemplate(secret.reveal()) else { return .success(secret.reveal()) }
            do {
                return .success(try TemplateRenderer.render(secret.reveal(), environment: environment))
            } catch {
                return .failure(CredentialProblem(message: "auth/ntlm \(name): \(error)"))
            }
        }
    }
}

/// Why credentials are unavailable, in words that contain no secret.
public struct CredentialProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
