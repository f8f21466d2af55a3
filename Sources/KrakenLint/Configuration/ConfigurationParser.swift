import ConfigTree

/// Turns the tree of a configuration file into a `LintConfiguration`, reporting every problem with its position.
public enum ConfigurationParser {
    /// Every top-level key the configuration understands.
    public static let topLevelKeys = ["edition", "fail-level", "rules", "ignore", "overrides", "flexible-config"]
    static let overrideKeys = ["files", "rules"]

    /// Loads and checks `file`; the configuration is nil when any error was found.
    public static func parse(_ file: SourceFile, directory: String, knownRules: [String] = RuleRegistry.allDescriptions.map(\.id),
                             limits: LoadLimits = .default) -> (configuration: LintConfiguration?, diagnostics: [Diagnostic]) {
        let loaded = ConfigLoader.load(file, limits: limits)
        var problems = Problems()
        for issue in loaded.issues where issue.severity == .error || issue.code == .duplicateKey {
            if issue.code == .structure {
                // The loader's words are generic; say what this file must be.
                problems.add("the configuration must be a single mapping with keys such as rules and ignore", at: issue.span, .root)
            } else {
                problems.diagnostics.append(Diagnostic(issue))
            }
        }
        guard let root = loaded.root, problems.diagnostics.isEmpty else { return (nil, problems.diagnostics) }
        var configuration = LintConfiguration(path: file.path, directory: directory)
        guard let members = root.members else {
            problems.add("the configuration must be a mapping with keys such as rules and ignore, found \(article(root.typeName))", at: root.span, .root)
            return (nil, problems.diagnostics)
        }
        for member in members {
            let pointer = JSONPointer.root.appending(member.key)
            switch member.key {
            case "edition":
                if let text = member.value.string, let edition = Edition(rawValue: text) {
                    configuration.edition = edition
                } else {
                    problems.add("edition must be ce or ee, found \(shown(member.value))", at: member.value.span, pointer)
                }
            case "fail-level":
                if let text = member.value.string, let level = FailLevel(rawValue: text) {
                    configuration.failLevel = level
                } else {
                    problems.add("fail-level must be error, warning, info or none, found \(shown(member.value))", at: member.value.span, pointer)
                }
            case "rules":
                configuration.rules = ruleSettings(member.value, pointer, knownRules, &problems)
            case "ignore":
                configuration.ignore = globs(member.value, pointer, &problems)
            case "flexible-config":
                configuration.flexibleConfig = flexibleConfig(member.value, pointer, &problems)
            case "overrides":
                configuration.overrides = overrides(member.value, pointer, knownRules, &problems)
            default:
                problems.add(unknownKey(member.key, expected: topLevelKeys), at: member.keySpan, pointer)
            }
        }
        return (problems.diagnostics.isEmpty ? configuration : nil, problems.diagnostics)
    }

    private static func ruleSettings(_ node: Node, _ pointer: JSONPointer, _ knownRules: [String], _ problems: inout Problems) -> [RuleSetting] {
        guard let members = node.members else {
            problems.add("rules must be a mapping of rule ids (or globs like ntlm/*) to off, info, warning or error, found \(article(node.typeName))", at: node.span, pointer)
            return []
        }
        var settings: [RuleSetting] = []
        for member in members {
            let entryPointer = pointer.appending(member.key)
            // KrakenD's bare audit ids (`2.1.7`) stand for `audit/2.1.7`.
            let pattern = AuditRules.normalizedID(member.key)
            if !knownRules.contains(where: { Glob.matchesRule(pattern, $0) }) {
                problems.add("\"\(member.key)\" matches no rule; `krakenlint rules` lists them", at: member.keySpan, entryPointer)
            }
            guard let text = member.value.string, let level = RuleLevel(text) else {
                problems.add("the level of \"\(member.key)\" must be off, info, warning or error, found \(shown(member.value))", at: member.value.span, entryPointer)
                continue
            }
            settings.append(RuleSetting(pattern: pattern, level: level))
        }
        return settings
    }

    private static func globs(_ node: Node, _ pointer: JSONPointer, _ problems: inout Problems) -> [String] {
        guard let elements = node.elements else {
            problems.add("expected a list of path globs, found \(article(node.typeName))", at: node.span, pointer)
            return []
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard let text = element.string, !text.isEmpty else {
                problems.add("expected a path glob (a non-empty string), found \(shown(element))", at: element.span, pointer.appending(index))
                continue
            }
            result.append(text)
        }
        return result
    }

    private static func overrides(_ node: Node, _ pointer: JSONPointer, _ knownRules: [String], _ problems: inout Problems) -> [LintConfiguration.Override] {
        guard let elements = node.elements else {
            problems.add("overrides must be a list of {files, rules} mappings, found \(article(node.typeName))", at: node.span, pointer)
            return []
        }
        var result: [LintConfiguration.Override] = []
        for (index, element) in elements.enumerated() {
            let elementPointer = pointer.appending(index)
            guard let members = element.members else {
                problems.add("each override must be a mapping with files and rules, found \(article(element.typeName))", at: element.span, elementPointer)
                continue
            }
            for member in members where !overrideKeys.contains(member.key) {
                problems.add(unknownKey(member.key, expected: overrideKeys), at: member.keySpan, elementPointer.appending(member.key))
            }
            guard let filesNode = element["files"], let rulesNode = element["rules"] else {
                problems.add("an override needs both files and rules", at: element.span, elementPointer)
                continue
            }
            var targets: [LintConfiguration.Override.Target] = []
            let filesPointer = elementPointer.appending("files")
            for (fileIndex, glob) in globs(filesNode, filesPointer, &problems).enumerated() {
                guard let hash = glob.firstIndex(of: "#") else {
                    targets.append(.init(glob: glob, pointer: nil))
                    continue
                }
                guard let parsed = JSONPointer(parsing: String(glob[hash...])) else {
                    let span = filesNode[fileIndex]?.span ?? filesNode.span
                    problems.add("\"\(glob)\": the part after # must be a JSON Pointer such as #/endpoints/0", at: span, filesPointer.appending(fileIndex))
                    continue
                }
                targets.append(.init(glob: String(glob[..<hash]), pointer: parsed.tokens))
            }
            let rules = ruleSettings(rulesNode, elementPointer.appending("rules"), knownRules, &problems)
            result.append(.init(files: targets, rules: rules))
        }
        return result
    }

    private static func flexibleConfig(_ node: Node, _ pointer: JSONPointer, _ problems: inout Problems) -> FlexibleConfigSettings? {
        guard let members = node.members else {
            problems.add("flexible-config must be a mapping with template, settings, partials, templates, out or enterprise-config, found \(article(node.typeName))", at: node.span, pointer)
            return nil
        }
        var settings = FlexibleConfigSettings()
        for member in members {
            let memberPointer = pointer.appending(member.key)
            guard FlexibleConfigSettings.keys.contains(member.key) else {
                problems.add(unknownKey(member.key, expected: FlexibleConfigSettings.keys), at: member.keySpan, memberPointer)
                continue
            }
            guard let text = member.value.string, !text.isEmpty else {
                problems.add("\(member.key) must be a path (a non-empty string), found \(shown(member.value))", at: member.value.span, memberPointer)
                continue
            }
            switch member.key {
            case "template": settings.template = text
            case "settings": settings.settings = text
            case "partials": settings.partials = text
            case "templates": settings.templates = text
            case "out": settings.out = text
            default: settings.enterpriseConfig = text
            }
        }
        if settings.template == nil {
            problems.add("flexible-config needs template: the base template (KrakenD's -c file)", at: node.span, pointer)
        }
        return settings
    }

    private struct Problems {
        var diagnostics: [Diagnostic] = []
        mutating func add(_ message: String, at span: Span, _ pointer: JSONPointer) {
            diagnostics.append(Diagnostic(ruleID: ConfigurationRules.invalid.id, severity: .error, message: message, span: span, pointer: pointer))
        }
    }

    private static func unknownKey(_ key: String, expected: [String]) -> String {
        "unknown key \"\(key)\"; expected one of " + expected.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    private static func shown(_ node: Node) -> String {
        if let text = node.string { return "\"\(text)\"" }
        if let number = node.number { return number.literal }
        if let flag = node.bool { return flag ? "true" : "false" }
        return article(node.typeName)
    }

    private static func article(_ typeName: String) -> String {
        typeName == "object" || typeName == "array" ? "an \(typeName)" : "a \(typeName)"
    }
}
