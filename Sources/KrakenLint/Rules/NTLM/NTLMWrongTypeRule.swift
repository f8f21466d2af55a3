import ConfigTree

/// `ntlm/wrong-type`: `auth/ntlm` is not an object, or `user` / `password` is not a string.
public final class NTLMWrongTypeRule: NTLMBlockRule {
    enum Message {
        static func block(_ found: String) -> String {
            "auth/ntlm is \(article(found)) \(found); expected an object with \"user\" and \"password\""
        }
        static func field(_ key: String, _ found: String) -> String {
            "\"\(key)\" in auth/ntlm is \(article(found)) \(found); expected a string"
        }
        static let blockFix = "Write auth/ntlm as an object: {\"user\": \"DOMAIN\\\\user\", \"password\": ...}."
        static func fieldFix(_ key: String, format: SourceFormat) -> String {
            switch format {
            case .json: return "Write the value of \"\(key)\" between double quotes."
            case .yaml: return "Quote the value of \(key) in YAML (\(key): \"...\"), otherwise digits, true/false or null are not read as text."
            }
        }
        private static func article(_ type: String) -> String {
            type.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        }
    }

    public static let description = RuleDescription(
        id: "ntlm/wrong-type",
        severity: .error,
        summary: "auth/ntlm is not an object, or its \"user\" or \"password\" is not a string",
        explanation: """
            The schema wants auth/ntlm to be an object whose "user" and "password" are strings. The open-source clone \
            of the Enterprise module reads both with a string type check, so a number, boolean or null counts as an \
            empty value: NTLM is turned off for that backend without a word and every call gets 401 Unauthorized. The usual cause is YAML: an unquoted \
            password made of digits (password: 1234) is a number, and true, false, null and ~ are not strings either.
            """,
        fix: "Quote the value so that it is a string; write auth/ntlm as an object.",
        triggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": ↓1234}"#),
            NTLMExample.json(#"{"user": ↓["CONTOSO", "svc-krakend"], "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"↓null"#),
            NTLMExample.json(#"↓"CONTOSO\\svc-krakend""#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: ↓1234
                """#),
            NTLMExample.yaml(#"""
                user: ↓true
                password: ↓null
                """#),
        ],
        nonTriggering: [
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend", "password": "{{ env `NTLM_PASSWORD` }}"}"#),
            NTLMExample.json(#"{"user": "CONTOSO\\svc-krakend"}"#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: "1234"
                """#),
            NTLMExample.yaml(#"""
                user: CONTOSO\svc-krakend
                password: yes
                """#),
        ]
    )

    public init() {}

    public func visitNamespace(_ namespace: NamespaceView, in context: LintContext) {
        guard let block = NTLMBlock(namespace) else { return }
        let node = block.view.node
        guard node.isObject else {
            context.report(Self.description, Message.block(node.typeName), at: node.span, pointer: block.view.pointer, fix: Message.blockFix)
            return
        }
        for key in NTLMBlock.fieldNames {
            guard let value = node[key], value.string == nil else { continue }
            context.report(Self.description, Message.field(key, value.typeName), at: value.span, pointer: block.pointer(key),
                           fix: Message.fieldFix(key, format: context.file.format))
        }
    }
}
