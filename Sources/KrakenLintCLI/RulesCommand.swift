import ArgumentParser
import ConfigTree
import KrakenLint

/// `krakenlint rules`: every rule with its id, default severity and summary.
struct RulesCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule: id, default severity, summary.",
        discussion: "Example:\n  krakenlint rules"
    )

    func run(io: CommandIO) throws -> ExitStatus {
        let rules = RuleRegistry.allDescriptions
        let idWidth = rules.map(\.id.count).max() ?? 0
        for rule in rules {
            let id = rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let severity = rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            io.out("\(id)  \(severity)  \(rule.summary)\n")
        }
        return .success
    }
}

/// `krakenlint explain ID`: a rule's explanation, fix and examples.
struct ExplainCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule, with examples that trigger it and examples that do not.",
        discussion: "Example:\n  krakenlint explain ntlm/plaintext-password"
    )

    @Argument(help: "The rule id, as printed in brackets after each finding.")
    var ruleID: String

    func run(io: CommandIO) throws -> ExitStatus {
        guard let rule = RuleRegistry.description(for: ruleID) else {
            let known = RuleRegistry.allDescriptions.map(\.id)
            let suggestion = known.min { EditDistance.between($0, ruleID) < EditDistance.between($1, ruleID) }
            throw UsageError("unknown rule \"\(ruleID)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "") + "; `krakenlint rules` lists them")
        }
        var text = "\(rule.id) (\(rule.defaultSeverity.rawValue)): \(rule.summary)\n\n\(rule.explanation)\n\nFix: \(rule.fix)\n"
        if !rule.triggeringExamples.isEmpty {
            text += "\nTriggers (↓ marks where the finding points):\n"
            for example in rule.triggeringExamples { text += "\n" + indent(example.text) + "\n" }
        }
        if !rule.nonTriggeringExamples.isEmpty {
            text += "\nDoes not trigger:\n"
            for example in rule.nonTriggeringExamples { text += "\n" + indent(example.text) + "\n" }
        }
        io.out(text)
        return .success
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}
