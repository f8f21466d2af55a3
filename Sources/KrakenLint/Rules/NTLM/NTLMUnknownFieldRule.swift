import ConfigTree

/// `ntlm/unknown-field`: a key other than `user`, `password` and comment keys in `auth/ntlm`.
public final class NTLMUnknownFieldRule: NTLMBlockRule {
    enum Message {
        static func unknown(_ key: String) -> String {
            "unknown key \"\(key)\" in auth/ntlm; expected only \"user\" and \"password\""
        }
        static func suggestion(_ key: String, _ known: String) -> String {
            unknown(key) + " (did you mean \"\(known)\"?)"
        }
        static func domain(_ key: String) -> String {
            "unknown key \"\(key)\" in auth/ntlm; KrakenD takes the domain from \"user\", written as DOMAIN\\user"
        }
        static func workstation(_ key: String) -> String {
            "unknown key \"\(key)\" in auth/ntlm; KrakenD sends no workstation name and has no setting for one"
        }
        static func renameFix(_ key: String, _ known: String) -> String { "Rename \"\(key)\" to \"\(known)\"." }
        static func domainFix(format: SourceFormat) -> String {
            let user = format == .json ? "\"user\": \"CONTOSO\\\\svc-krakend\"" : "user: CONTOSO\\svc-krakend"
            return "Remove the key and put the domain in front of the user name with a backslash: \(user)."
        }
        static let removeFix = "Remove the key; KrakenD reads only \"user\" and \"password\" (keys starting with @ $ _ # are comments)."
    }

    public static let description = RuleDescription(
        id: "ntlm/unknown-field",
        severity: .error,
        summary: "auth/ntlm has a key other than \"user\" and \"password\"",
        explanation: """
            KrakenD reads exactly two keys from auth/ntlm, "user" and "password", with that spelling and case; the \
            schema rejects anything else. A misspelt key is not just noise: "username" or "pass" leaves the real key \
            missing, so NTLM is switched off for the backend at runtime and every call gets 401. There is no \
            "domain" key: the domain goes in "user" before a backslash (CONTOSO\\svc-krakend), and there is no \
            workstation setting. Keys starting with @, $, _ or # are comments and are allowed.
            """,
        fix: "Rename the key to \"user\" or \"password\", or remove it.",
        triggering: [
            NTLMExample.json(#"{↓"username": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "svc-krakend", ↓"domain": "CONTOSO", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", ↓"pass": "{{ env `NTLM_PASSWORD` }}", ↓"workstation": "GW01"}"#),
            NTLMExample.yaml(#"""
                ↓User: CONTOSO\svc-krakend
                ↓pwd: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}", "@comment": "Dynamics CRM"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                _note: service account managed by IT
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace), let members = block.view.node.members else { return }
        for member in members where !NTLMBlock.fieldNames.contains(member.key) && !ServiceModel.isCommentKey(member.key) {
            let key = member.key
            let lower = key.lowercased()
            let message: String
            let fix: String
            if lower.contains("domain") {
                (message, fix) = (Message.domain(key), Message.domainFix(format: context.file.format))
            } else if lower.contains("workstation") {
                (message, fix) = (Message.workstation(key), Message.removeFix)
            } else if let known = Self.suggestion(for: key) {
                (message, fix) = (Message.suggestion(key, known), Message.renameFix(key, known))
            } else {
                (message, fix) = (Message.unknown(key), Message.removeFix)
            }
            context.report(Self.description, message, at: member.keySpan, pointer: block.pointer(key), fix: fix)
        }
    }

    /// The known key `key` was probably meant to be: same letters in another case, a prefix or extension
    /// of it ("pass", "username"), a usual abbreviation ("pwd"), or within two edits ("pasword", "usr").
    static func suggestion(for key: String) -> String? {
        let lower = key.lowercased()
        if lower.contains("pass") || lower.contains("pwd") { return "password" }
        if lower.contains("user") || lower == "login" || lower == "account" { return "user" }
        let candidates = NTLMBlock.fieldNames.map { ($0, EditDistance.between(lower, $0)) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= 2 else { return nil }
        return best.0
    }
}
