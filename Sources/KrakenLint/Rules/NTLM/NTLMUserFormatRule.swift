import ConfigTree

/// `ntlm/user-format`: a `user` that NTLM will split into a wrong domain and account.
public final class NTLMUserFormatRule: NTLMBlockRule {
    enum Message {
        /// `shown` is nil when the user name contains the password, which must never be printed.
        static func user(_ shown: String?, _ problems: [String]) -> String {
            (shown.map { "NTLM user \"\($0)\" " } ?? "the NTLM user ") + problems.joined(separator: "; it ")
        }
        static let forwardSlash = "uses a forward slash; NTLM takes the domain only before a backslash, so the whole text is sent as the user name with an empty domain"
        static let spaces = "has leading or trailing whitespace, which is sent as part of the name"
        static let manyBackslashes = "has more than one backslash; the domain ends at the first one and the rest, backslashes included, is sent as the user name"
        static let emptyDomain = "has nothing before the backslash, so the domain sent is empty"
        static let emptyAccount = "has nothing after the backslash, so the user name sent is empty"
        static func control(_ name: String) -> String {
            "contains a \(name): in a quoted string a backslash starts an escape (\\t, \\n, \\b, \\f, \\r), so the backslash after the domain was lost"
        }
        static func fix(format: SourceFormat) -> String {
            switch format {
            case .json: return "Write the account as \"DOMAIN\\\\user\" (in JSON two backslashes stand for one) or as \"user@domain\"."
            case .yaml: return "Write the account as DOMAIN\\user (plain or in single quotes; in double quotes write DOMAIN\\\\user) or as user@domain."
            }
        }
    }

    public static let description = RuleDescription(
        id: "ntlm/user-format",
        severity: .warning,
        summary: "The NTLM user is not in the DOMAIN\\user or user@domain form",
        explanation: """
            KrakenD's NTLM client (go-ntlmssp) splits "user" at the first backslash: CONTOSO\\svc-krakend is sent as \
            domain CONTOSO and account svc-krakend, while svc-krakend@contoso.local and a bare name are sent with an \
            empty domain. A forward slash is not a separator, spaces are kept, and an empty part or an extra \
            backslash gives a domain or account that does not exist, so the backend answers 401. In JSON and in \
            double-quoted YAML a single backslash starts an escape: "CONTOSO\\tsvc" becomes a tab, so the user name \
            silently loses its backslash.
            """,
        fix: "Write the account as DOMAIN\\user (escaped as DOMAIN\\\\user inside JSON strings) or as user@domain.",
        triggering: [
            NTLMExample.json(#"{"user": ↓"CONTOSO/svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": ↓"CONTOSO\\svc-krakend ", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": ↓"\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": ↓"CONTOSO\\", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": ↓"CONTOSO\\crm\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": ↓"CONTOSO\tsvc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: ↓CONTOSO/svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
            NTLMExample.yaml(#"""
                user: ↓"CONTOSO\tsvc-krakend"
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "svc-krakend@contoso.local", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "{{ env `NTLM_USER` }}", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: 'CONTOSO\svc-krakend'
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace), let value = block.user, let user = block.literal("user"), !NTLMBlock.isBlank(user) else { return }
        let problems = Self.problems(in: user)
        guard !problems.isEmpty else { return }
        let shown = block.userIsPrintable ? Self.shown(user) : nil
        context.report(Self.description, Message.user(shown, problems), at: value.span, pointer: block.pointer("user"),
                       fix: Message.fix(format: context.file.format))
    }

    static func problems(in user: String) -> [String] {
        var problems: [String] = []
        if let control = user.unicodeScalars.first(where: { $0.properties.generalCategory == .control && $0 != " " }) {
            problems.append(Message.control(controlName(control)))
        }
        let trimmed = NTLMBlock.trimmed(user)
        if trimmed != user, !trimmed.isEmpty { problems.append(Message.spaces) }
        let backslashes = trimmed.filter { $0 == "\\" }.count
        if backslashes == 0, trimmed.contains("/") { problems.append(Message.forwardSlash) }
        if backslashes > 1 { problems.append(Message.manyBackslashes) }
        if backslashes > 0 {
            let parts = trimmed.split(separator: "\\", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0].isEmpty { problems.append(Message.emptyDomain) }
            if parts.count > 1, parts[1].isEmpty { problems.append(Message.emptyAccount) }
        }
        return problems
    }

    /// The user as it could be typed: control characters shown as their escapes.
    static func shown(_ user: String) -> String {
        var out = ""
        for scalar in user.unicodeScalars.prefix(Self.shownLimit) {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.properties.generalCategory == .control {
                    out += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return user.unicodeScalars.count > Self.shownLimit ? out + "…" : out
    }

    /// Longest user name shown in a message, in Unicode scalars.
    static let shownLimit = 120

    static func controlName(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "tab"
        case "\n": return "line break"
        case "\r": return "carriage return"
        case "\u{08}": return "backspace character"
        case "\u{0C}": return "form feed"
        default: return "control character"
        }
    }
}
