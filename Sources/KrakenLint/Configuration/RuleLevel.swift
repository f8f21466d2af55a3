/// What the configuration says about a rule: turned off, or on with a severity.
public enum RuleLevel: Sendable, Hashable, CustomStringConvertible {
    case off
    case on(Severity)

    /// `off`, `info`, `warning` or `error`.
    public init?(_ text: String) {
        if text == "off" {
            self = .off
        } else if let severity = Severity(rawValue: text) {
            self = .on(severity)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .off: return "off"
        case .on(let severity): return severity.rawValue
        }
    }
}

/// One `rule-pattern: level` entry; the pattern is a rule id or a glob such as `ntlm/*`.
public struct RuleSetting: Sendable, Hashable {
    public let pattern: String
    public let level: RuleLevel

    public init(pattern: String, level: RuleLevel) {
        self.pattern = pattern
        self.level = level
    }

    public func matches(_ ruleID: String) -> Bool { Glob.matchesRule(pattern, ruleID) }
}
