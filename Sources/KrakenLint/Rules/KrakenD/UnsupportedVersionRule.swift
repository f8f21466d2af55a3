import ConfigTree

/// `krakend/unsupported-version`: KrakenD 2.x refuses any configuration whose `version` is not 3.
public final class UnsupportedVersionRule: Rule {
    public static let description = RuleDescription(
        id: "krakend/unsupported-version",
        severity: .error,
        summary: "The configuration's version is not 3",
        explanation: """
            KrakenD 2.x reads only configuration files with "version": 3 and refuses to start with any other \
            value. A missing version counts as 0. Files written for KrakenD 1.x say "version": 2 and also use \
            older namespaces, so changing the number alone is rarely enough.
            """,
        fix: #"Set "version": 3 at the top level; for a version 2 file, migrate it to the v3 format first."#,
        triggering: [
            RuleExample(#"{"version": ↓2, "endpoints": []}"#),
            RuleExample(#"{"version": ↓"two"}"#),
            RuleExample(#"↓{"endpoints": []}"#),
            RuleExample("version: ↓4\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 3}"#),
            RuleExample(#"{"version": 3.0}"#),
            RuleExample("version: 3\n", format: .yaml),
        ]
    )

    public init() {}

    public func visitService(_ service: ServiceView, in context: LintContext) {
        let rule = Self.description
        guard let member = service.node.member("version") else {
            context.report(rule, #"missing "version": KrakenD 2.x needs "version": 3"#, at: Span(at: service.node.span.start), pointer: .root, fix: rule.fix)
            return
        }
        let pointer = JSONPointer.root.appending("version")
        let value = member.value
        switch value.value {
        case .number(let number) where number.isInteger && number.intValue == 3:
            return
        case .string(let text) where text == "3":
            // KrakenD's weak typing accepts "3"; the schema reports the type.
            return
        case .number(let number) where number.isInteger && number.intValue == 2:
            context.report(rule, "unsupported version 2: KrakenD 2.x reads only version 3", at: value.span, pointer: pointer,
                           fix: "This file is in the KrakenD 1.x format. Migrate it to version 3 (renamed namespaces, no backend timeouts) and set \"version\": 3.")
        default:
            let shown = value.number?.literal ?? value.typeName
            context.report(rule, "unsupported version \(shown): KrakenD 2.x reads only version 3", at: value.span, pointer: pointer, fix: rule.fix)
        }
    }
}
