import ConfigTree

/// `ntlm/plaintext-password`: the NTLM password is written in the file instead of coming from the environment.
public final class NTLMPlaintextPasswordRule: NTLMBlockRule {
    enum Message {
        static let plaintext = "the NTLM password is written in clear text in the file; expected a value rendered from the environment"
    }

    public static let description = RuleDescription(
        id: "ntlm/plaintext-password",
        severity: .warning,
        summary: "The NTLM password is written in clear text in the configuration",
        explanation: """
            A password in the configuration file ends up in Git history, container images, CI logs and every copy \
            of the file, and an NTLM service account usually opens a Windows domain, not just one backend. KrakenD \
            has no secret store for auth/ntlm, and KRAKEND_* environment variables only override top-level keys, so \
            the supported way is flexible configuration: run KrakenD with FC_ENABLE=1 and render the value with \
            {{ env "NTLM_PASSWORD" }}. In a JSON file write "{{ env `NTLM_PASSWORD` }}" (a Go raw string keeps the \
            file valid JSON before rendering), or {{ env "NTLM_PASSWORD" | toJson }} without quotes when the \
            password may contain a quote or a backslash. For a YAML file, set FC_OUT to a path ending in .yaml, \
            because without it KrakenD reads the rendered text as JSON. A value containing a template ({{ ... }}) \
            is not reported, nor is a $VAR-style reference (ntlm/placeholder-password explains that one). Check the rendered file (FC_OUT) with krakenlint too.
            """,
        fix: FlexibleConfigTemplate.fix(key: "password", variable: "NTLM_PASSWORD", format: .json),
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓"Tr0ub4dor&3-krakenlint-example"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓20251124}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: ↓Tr0ub4dor&3-krakenlint-example
                """#),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ .secrets.ntlm_password }}"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ""}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: '{{ env "NTLM_PASSWORD" }}'
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace), let value = block.password, let text = SecretCatalog.hiddenText(of: value),
              !NTLMBlock.isBlank(text), !FlexibleConfigTemplate.isVariableReference(NTLMBlock.trimmed(text)) else { return }
        context.report(Self.description, Message.plaintext, at: value.span, pointer: block.pointer("password"),
                       fix: FlexibleConfigTemplate.fix(key: "password", variable: "NTLM_PASSWORD", format: context.file.format))
    }
}
