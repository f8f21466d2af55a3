import ConfigTree
import Foundation

/// Finds the suppressions in a configuration and applies them to its findings.
///
/// JSON and YAML: a member `"@krakenlint": {"disable": ["rule-id", "family/*"], "reason": "..."}` in any
/// object silences those rules for that object and everything below it (KrakenD ignores keys starting
/// with `@`). YAML also: a comment `# krakenlint: disable=rule-id[,rule-id] reason`, on its own line
/// before a node or at the end of the node's line, silences them for that node.
enum Suppressions {
    static let key = "@krakenlint"

    /// `diagnostics` without the silenced ones, plus findings about the suppressions themselves.
    /// `knownRules` is evaluated only for a file that holds suppressions (listing every rule costs a small
    /// lint a tenth of a millisecond).
    static func apply(to diagnostics: [Diagnostic], root: Node?, file: SourceFile, knownRules: @autoclosure () -> [String]) -> [Diagnostic] {
        guard let root else { return diagnostics }
        var problems: [Diagnostic] = []
        // The walk looks for one key; a file that cannot spell it skips the walk (a 10 MB file: ~40 ms).
        var suppressions = file.mightSpell(key) ? collectKeys(in: root, at: .root, knownRules: knownRules(), problems: &problems) : []
        if file.format == .yaml, file.containsBytes(of: "krakenlint:") {
            suppressions += CommentSuppressions.collect(in: file, root: root, knownRules: knownRules(), problems: &problems)
        }
        guard !suppressions.isEmpty else { return problems.isEmpty ? diagnostics : diagnostics + problems }
        // Suppressions by the subtree they cover, so each finding looks only at its own ancestors.
        var byScope: [JSONPointer: [Int]] = [:]
        for (index, suppression) in suppressions.enumerated() { byScope[suppression.scope, default: []].append(index) }
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            var silenced = false
            let tokens = diagnostic.pointer.tokens
            for depth in 0...tokens.count {
                for index in byScope[JSONPointer(tokens: Array(tokens.prefix(depth)))] ?? [] where suppressions[index].silences(diagnostic) {
                    silenced = true
                }
            }
            if !silenced { kept.append(diagnostic) }
        }
        for suppression in suppressions {
            if !suppression.hasReason {
                problems.append(Diagnostic(ruleID: SuppressionRules.noReason.id, severity: SuppressionRules.noReason.defaultSeverity,
                                           message: "suppression without a reason; say why these findings are safe to ignore",
                                           span: suppression.span, pointer: suppression.pointer, fix: SuppressionRules.noReason.fix))
            }
            for entry in suppression.entries where !entry.used {
                problems.append(Diagnostic(ruleID: SuppressionRules.unused.id, severity: SuppressionRules.unused.defaultSeverity,
                                           message: "suppression of \"\(entry.pattern)\" silences nothing here",
                                           span: entry.span, pointer: entry.pointer, fix: SuppressionRules.unused.fix))
            }
        }
        return kept + problems
    }

    /// Every `@krakenlint` member in the tree, depth first. Iterative, so deep trees cannot overflow the stack.
    private static func collectKeys(in root: Node, at rootPointer: JSONPointer, knownRules: [String], problems: inout [Diagnostic]) -> [Suppression] {
        var found: [Suppression] = []
        // Depth-first with one shared token path: a pointer is built only where a suppression key sits, so
        // a configuration without suppressions costs a walk and no allocation per node.
        var path = rootPointer.tokens
        var stack: [(node: Node, depth: Int, token: String?)] = [(root, 0, nil)]
        while let (node, depth, token) = stack.popLast() {
            path.removeLast(path.count - rootPointer.tokens.count - max(depth - 1, 0))
            if let token { path.append(token) }
            switch node.value {
            case .object(let members):
                for member in members.reversed() {
                    if member.key == key {
                        if let suppression = parse(member, in: JSONPointer(tokens: path), knownRules: knownRules, problems: &problems) { found.append(suppression) }
                    } else if member.value.isObject || member.value.elements != nil {
                        stack.append((member.value, depth + 1, member.key))
                    }
                }
            case .array(let elements):
                for (index, element) in elements.enumerated().reversed() where element.isObject || element.elements != nil {
                    stack.append((element, depth + 1, String(index)))
                }
            default:
                break
            }
        }
        return found
    }

    private static func parse(_ member: Member, in scope: JSONPointer, knownRules: [String], problems: inout [Diagnostic]) -> Suppression? {
        let pointer = scope.appending(key)
        func malformed(_ message: String, _ span: Span, _ at: JSONPointer) {
            problems.append(Diagnostic(ruleID: SuppressionRules.malformed.id, severity: SuppressionRules.malformed.defaultSeverity,
                                       message: message, span: span, pointer: at, fix: SuppressionRules.malformed.fix))
        }
        guard let members = member.value.members else {
            malformed("\"\(key)\" must be an object with \"disable\" and \"reason\", found \(member.value.typeName)", member.value.span, pointer)
            return nil
        }
        for other in members where other.key != "disable" && other.key != "reason" {
            malformed("unknown key \"\(other.key)\" in \"\(key)\"; expected \"disable\" and \"reason\"", other.keySpan, pointer.appending(other.key))
        }
        var entries: [Suppression.Entry] = []
        let disablePointer = pointer.appending("disable")
        switch member.value["disable"] {
        case nil:
            malformed("\"\(key)\" has no \"disable\" list of rule ids", member.keySpan, pointer)
        case let disable? where disable.elements == nil:
            malformed("\"disable\" must be a list of rule ids, found \(disable.typeName)", disable.span, disablePointer)
        case let disable?:
            for (index, element) in (disable.elements ?? []).enumerated() {
                guard let pattern = element.string, knownRules.contains(where: { Glob.matchesRule(pattern, $0) }) else {
                    malformed("\(element.string.map { "\"\($0)\"" } ?? element.typeName) in \"disable\" is not a rule id; `krakenlint rules` lists them",
                              element.span, disablePointer.appending(index))
                    continue
                }
                entries.append(.init(pattern: pattern, span: element.span, pointer: disablePointer.appending(index)))
            }
        }
        let reason = member.value["reason"]
        if let reason, reason.string == nil {
            malformed("\"reason\" must be a string, found \(reason.typeName)", reason.span, pointer.appending("reason"))
        }
        let hasReason = !(reason?.string ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        return Suppression(scope: scope, entries: entries, hasReason: hasReason, span: member.keySpan, pointer: pointer)
    }
}
