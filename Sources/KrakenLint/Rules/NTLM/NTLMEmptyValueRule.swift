import ConfigTree

/// `ntlm/empty-value`: `user` or `password` is an empty or whitespace-only string.
public final class NTLMEmptyValueRule: NTLMBlockRule {
    enum Message {
        static func empty(_ key: String) -> String {
            "\"\(key)\" in auth/ntlm is empty; KrakenD then skips NTLM for this backend and the backend answers 401"
        }
        static func blank(_ key: String) -> String {
            "\"\(key)\" in auth/ntlm holds only whitespace; expected the account's real \(key == "user" ? "name" : "password")"
        }
        static func fix(_ key: String, format: SourceFormat) -> String {
            key == "password"
                ? "Set the password, rendered from the environment with flexible configuration (FC_ENABLE=1): "
                    + FlexibleConfigTemplate.envForm(key: "password", variable: "NTLM_PASSWORD", format: format) + "."
                : "Set the account name, as DOMAIN\\user or user@domain."
        }
    }

    public static let description = RuleDescription(
        id: "ntlm/empty-value",
        severity: .error,
        summary: "auth/ntlm has an empty or whitespace-only \"user\" or \"password\"",
        explanation: """
            The schema accepts empty strings, so krakend check passes, but an empty user or password makes the \
            NTLM client give up: the open-source clone of the module turns NTLM off for the backend without any log \
            line, and go-ntlmssp refuses to send an anonymous AUTHENTICATE message. Either way the backend answers \
            401 Unauthorized and nothing in KrakenD's output says why. Whitespace-only values are sent as they are \
            and fail the same way. A common cause is a template such as {{ env "NTLM_PASSWORD" }} rendered while the \
            variable is unset: lint the rendered file (FC_OUT) to catch that.
            """,
        fix: "Fill in the value; read the password from the environment with flexible configuration.",
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓""}"#),
            NTLMExample.json(#"{"user": ↓"  ", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: ↓""
                password: ↓''
                """#),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace) else { return }
        for key in NTLMBlock.fieldNames {
            guard let value = block.view.node[key], let text = value.string, NTLMBlock.isBlank(text) else { continue }
            let message = text.isEmpty ? Message.empty(key) : Message.blank(key)
            context.report(Self.description, message, at: value.span, pointer: block.pointer(key), fix: Message.fix(key, format: context.file.format))
        }
    }
}
