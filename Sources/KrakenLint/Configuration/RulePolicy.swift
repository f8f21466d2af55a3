import ConfigTree

/// The rule settings that apply to one file: the configuration's `rules`, then every matching override.
///
/// Entries are applied in the order written and the last match wins, so an override below `rules`
/// refines it and a later override refines an earlier one.
public struct RulePolicy: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// JSON Pointer patterns the entry is limited to (tokens may be `*` or `**`); empty means the whole file.
        public let pointers: [[String]]
        public let setting: RuleSetting

        public init(pointers: [[String]] = [], setting: RuleSetting) {
            self.pointers = pointers
            self.setting = setting
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    public static let none = RulePolicy()

    /// The level configured for `ruleID` at `pointer`, or nil to keep the rule's default.
    public func level(for ruleID: String, at pointer: JSONPointer) -> RuleLevel? {
        var result: RuleLevel?
        for entry in entries where entry.setting.matches(ruleID) {
            if entry.pointers.isEmpty || entry.pointers.contains(where: { Glob.matchesPointer($0, pointer.tokens) }) {
                result = entry.setting.level
            }
        }
        return result
    }
}
