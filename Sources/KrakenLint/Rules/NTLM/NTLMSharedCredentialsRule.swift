import ConfigTree

/// `ntlm/shared-credentials`: the same literal user and password repeated on several backends.
public final class NTLMSharedCredentialsRule: Rule {
    enum Message {
        /// `user` is nil when it contains the password, which must never be printed.
        static func shared(user: String?, count: Int, lines: [Int]) -> String {
            var others = lines.prefix(shownLines).map(String.init).joined(separator: ", ")
            if lines.count > shownLines { others += " and \(lines.count - shownLines) more" }
            let who = user.map { "the same NTLM user \"\($0)\"" } ?? "the same NTLM user"
            return "\(who) and password are written on \(count) backends (also on line\(lines.count == 1 ? "" : "s") \(others)); expected one shared setting"
        }
        static let shownLines = 10
        static let fix = """
            Define the credentials once and render them into every backend with flexible configuration \
            (FC_ENABLE=1): for example "user": "{{ env `NTLM_USER` }}" and "password": "{{ env `NTLM_PASSWORD` }}", \
            or a partial or template included in each backend.
            """
    }

    /// How many backends must repeat the same literal credentials before the rule speaks. Two backends
    /// of one service (say, read and write endpoints) are common and easy to keep in sync by hand; from
    /// three on, a password rotation starts to miss copies.
    static let threshold = 3

    public static let description = RuleDescription(
        id: "ntlm/shared-credentials",
        severity: .info,
        summary: "The same literal NTLM credentials are repeated on many backends",
        explanation: """
            KrakenD has no shared NTLM setting: every backend carries its own auth/ntlm block. When the same \
            user and password are copied into three or more backends, a password rotation has to find every copy, \
            and one missed copy fails with 401 only on that route. Flexible configuration lets the file name the \
            credentials once (an env call, a settings file or a template) and removes the password from the file \
            at the same time. Reported once per repeated pair, at its first block; passwords are compared but \
            never shown.
            """,
        fix: Message.fix,
        triggering: [
            RuleExample(#"""
                {"version": 3, "host": ["https://crm.contoso.local"], "endpoints": [
                  {"endpoint": "/accounts", "backend": [{"url_pattern": "/api/data/v9.2/accounts",
                    "extra_config": {↓"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}}}]},
                  {"endpoint": "/contacts", "backend": [{"url_pattern": "/api/data/v9.2/contacts",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}}}]},
                  {"endpoint": "/leads", "backend": [{"url_pattern": "/api/data/v9.2/leads",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}}}]}]}
                """#),
            RuleExample(#"""
                version: 3
                host: ["https://sharepoint.contoso.local"]
                endpoints:
                  - endpoint: /documents
                    backend:
                      - url_pattern: /sites/docs/_api/web/lists
                        extra_config:
                          ↓auth/ntlm: {user: CONTOSO\svc-krakend, password: Tr0ub4dor&3-krakenlint-example}
                  - endpoint: /people
                    backend:
                      - url_pattern: /_api/SP.UserProfiles.PeopleManager/GetMyProperties
                        extra_config:
                          auth/ntlm: {user: CONTOSO\svc-krakend, password: Tr0ub4dor&3-krakenlint-example}
                  - endpoint: /search
                    backend:
                      - url_pattern: /_api/search/query
                        extra_config:
                          auth/ntlm: {user: CONTOSO\svc-krakend, password: Tr0ub4dor&3-krakenlint-example}

                """#, format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"""
                version: 3
                host: ["https://sharepoint.contoso.local"]
                endpoints:
                  - endpoint: /documents
                    backend:
                      - url_pattern: /sites/docs/_api/web/lists
                        extra_config:
                          auth/ntlm: {user: CONTOSO\svc-krakend, password: Tr0ub4dor&3-krakenlint-example}
                  - endpoint: /people
                    backend:
                      - url_pattern: /_api/SP.UserProfiles.PeopleManager/GetMyProperties
                        extra_config:
                          auth/ntlm: {user: CONTOSO\svc-krakend, password: Tr0ub4dor&3-krakenlint-example}
                  - endpoint: /search
                    backend:
                      - url_pattern: /_api/search/query
                        extra_config:
                          auth/ntlm: {user: CONTOSO\svc-search, password: Tr0ub4dor&3-krakenlint-example}

                """#, format: .yaml),
            RuleExample(#"""
                {"version": 3, "host": ["https://crm.contoso.local"], "endpoints": [
                  {"endpoint": "/accounts", "backend": [{"url_pattern": "/api/data/v9.2/accounts",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}}}]},
                  {"endpoint": "/contacts", "backend": [{"url_pattern": "/api/data/v9.2/contacts",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "Tr0ub4dor&3-krakenlint-example"}}}]},
                  {"endpoint": "/leads", "backend": [{"url_pattern": "/api/data/v9.2/leads",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-sales", "password": "Tr0ub4dor&3-krakenlint-example"}}}]}]}
                """#),
            RuleExample(#"""
                {"version": 3, "host": ["https://crm.contoso.local"], "endpoints": [
                  {"endpoint": "/accounts", "backend": [{"url_pattern": "/api/data/v9.2/accounts",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]},
                  {"endpoint": "/contacts", "backend": [{"url_pattern": "/api/data/v9.2/contacts",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]},
                  {"endpoint": "/leads", "backend": [{"url_pattern": "/api/data/v9.2/leads",
                    "extra_config": {"auth/ntlm": {"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}}}]}]}
                """#),
        ]
    )

    /// A user and password pair, compared but never printed.
    private struct Credentials: Hashable, CustomStringConvertible, CustomReflectable {
        let user: String
        let password: String
        var description: String { "Credentials(user: \(user), password: \(SecretValue.mask))" }
        var customMirror: Mirror { Mirror(self, children: ["user": user]) }
    }

    private var order: [Credentials] = []
    private var blocks: [Credentials: [NamespaceView]] = [:]

    public init() {}

    public func visitBackend(_ backend: BackendView, in context: LintContext) {
        guard let block = NTLMBlock(backend: backend), let user = block.literal("user"), let password = block.literal("password"),
              !NTLMBlock.isBlank(user), !NTLMBlock.isBlank(password) else { return }
        let credentials = Credentials(user: user, password: password)
        if blocks[credentials] == nil { order.append(credentials) }
        blocks[credentials, default: []].append(block.view)
    }

    public func finish(in context: LintContext) {
        for credentials in order {
            guard let views = blocks[credentials], views.count >= Self.threshold, let first = views.first else { continue }
            let lines = views.dropFirst().map { context.file.line(ofOffset: $0.keySpan.start) }
            let printable = NTLMBlock.canShow(credentials.user, besides: credentials.password)
            let user = printable ? NTLMUserFormatRule.shown(credentials.user) : nil
            context.report(Self.description, Message.shared(user: user, count: views.count, lines: lines),
                           at: first.keySpan, pointer: first.pointer, fix: Message.fix)
        }
    }
}
