/// Which go-ntlmssp behaviour to reproduce. KrakenD Enterprise embeds go-ntlmssp, and deployed versions may
/// carry either the current library or the 2022-era one, which differ in the NEGOTIATE and in the domain used.
public enum NTLMClientProfile: String, CaseIterable, Sendable {
    /// go-ntlmssp v0.1.x: NEGOTIATE flags `0xA0888201` with no domain; the typed domain is hashed and sent.
    case current = "go-ntlmssp"
    /// go-ntlmssp as of 2022 (cb9428e): NEGOTIATE flags `0xA0880001` carrying the user's domain;
    /// the server's CHALLENGE TargetName replaces the typed domain.
    case legacy = "go-ntlmssp-legacy"

    /// A one-line explanation for reports.
    public var summary: String {
        switch self {
        case .current:
            return "go-ntlmssp v0.1.x (the typed domain is used)"
        case .legacy:
            return "go-ntlmssp 2022-era (the server's target name is used as the domain)"
        }
    }
}
