/// The finding for a broken `.krakenlint.yml`: reported with its position, and the run stops with exit code 2.
public enum ConfigurationRules {
    public static let invalid = RuleDescription(
        id: "config/invalid", severity: .error,
        summary: "The krakenlint configuration file has an unknown key or a wrong value",
        explanation: """
            krakenlint reads .krakenlint.yml (or .krakenlint.yaml, .krakenlint.json) from the linted file's \
            directory or the nearest parent up to the repository root, or the file given with --config. A typo \
            there would silently change what is checked, so unknown keys, unknown rule ids and wrong values are \
            errors, and the run stops with exit code 2 before linting anything.
            """,
        fix: "Use only the keys edition, fail-level, rules, ignore and overrides; rule levels are off, info, warning or error.",
        // It checks .krakenlint.yml files, never a KrakenD configuration: its triggering example is a
        // .krakenlint.yml, and linting a KrakenD configuration must not produce it.
        triggering: [RuleExample("rules:\n  ↓no-such/rule: off\n", format: .yaml)],
        nonTriggering: [RuleExample(#"{"version": 3, "rules": {"no-such-rule": "loud"}}"#)]
    )

    public static let descriptions = [invalid]
}
