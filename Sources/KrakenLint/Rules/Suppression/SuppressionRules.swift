/// The `suppression/*` findings: suppressions are themselves checked, so silenced findings stay honest.
///
/// They are produced by the linter's finalize step (`Suppressions`), not by visitor rules.
public enum SuppressionRules {
    public static let unused = RuleDescription(
        id: "suppression/unused", severity: .warning,
        summary: "A suppression silences nothing",
        explanation: """
            A "@krakenlint": {"disable": [...]} key or a "# krakenlint: disable=..." comment names rules that \
            found nothing in its part of the file. Usually the problem was fixed and the suppression was left \
            behind; it would hide the problem if it came back.
            """,
        fix: "Remove the rule id from the suppression, or the whole suppression when none is left.",
        triggering: [
            RuleExample(#"{"version": 3, "@krakenlint": {"disable": [↓"krakend/unsupported-version"], "reason": "old file"}}"#),
            RuleExample("version: 3\n# krakenlint: disable=↓krakend/unsupported-version migrated already\nport: 8080\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 2, "@krakenlint": {"disable": ["krakend/unsupported-version"], "reason": "archived v1 file"}}"#),
            RuleExample("version: 2 # krakenlint: disable=krakend/unsupported-version archived v1 file\n", format: .yaml),
        ]
    )

    public static let noReason = RuleDescription(
        id: "suppression/no-reason", severity: .warning,
        summary: "A suppression does not say why",
        explanation: """
            Silencing a finding is a decision a reviewer should be able to judge later. A suppression needs a \
            reason: "reason": "..." next to "disable", or text after the rule ids in a YAML comment.
            """,
        fix: #"Add "reason": "why this is safe" to the "@krakenlint" object, or words after the rule ids in the comment."#,
        triggering: [
            RuleExample(#"{"version": 2, ↓"@krakenlint": {"disable": ["krakend/unsupported-version"]}}"#),
            RuleExample("version: 2 # ↓krakenlint: disable=krakend/unsupported-version\n", format: .yaml),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 2, "@krakenlint": {"disable": ["krakend/unsupported-version"], "reason": "archived v1 file"}}"#),
        ]
    )

    public static let malformed = RuleDescription(
        id: "suppression/malformed", severity: .error,
        summary: "A suppression cannot be understood",
        explanation: """
            "@krakenlint" must be an object with "disable" (a list of rule ids or globs such as "ntlm/*") and \
            "reason" (a string); a comment must read "# krakenlint: disable=rule-id[,rule-id...] reason". \
            Anything else is ignored by krakenlint, so the finding it meant to silence would still appear; this \
            says why.
            """,
        fix: #"Write "@krakenlint": {"disable": ["rule-id"], "reason": "..."}; `krakenlint rules` lists the rule ids."#,
        triggering: [
            RuleExample(#"{"version": 2, "@krakenlint": {"disable": ["krakend/unsupported-version"], ↓"why": "typo"}}"#),
            RuleExample(#"{"version": 3, "@krakenlint": {"disable": ↓"krakend/unsupported-version", "reason": "x"}}"#),
            RuleExample(#"{"version": 3, "@krakenlint": {"disable": [↓"no-such-rule"], "reason": "typo"}}"#),
        ],
        nonTriggering: [
            RuleExample(#"{"version": 2, "@krakenlint": {"disable": ["krakend/*"], "reason": "archived v1 file"}}"#),
        ]
    )

    public static let descriptions = [malformed, noReason, unused]
}
