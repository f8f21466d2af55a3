import ConfigTree

extension Evaluation {
    /// The keywords that apply to objects, given the object's effective members (shadowed duplicates removed).
    func applyObjectKeyword(_ keyword: Keyword, _ schema: SchemaNode, _ instance: UnsafePointer<Node>, _ members: UnsafeBufferPointer<Member>, _ annotations: Annotations?) -> Bool {
        switch keyword {
        case .properties(let table):
            var valid = true
            for index in members.indices {
                let declared = table.withSchema(for: members[index].key) { propertySchema -> Bool in
                    if case .alwaysValid = propertySchema.kind { return true }
                    if collecting { keywordTokens.append(members[index].key) }
                    let ok = members.withValue(at: index) { descend(propertySchema, $0, token: members[index].key) }
                    if collecting { keywordTokens.removeLast() }
                    if !ok, case .alwaysInvalid = propertySchema.kind, collecting {
                        errors.removeLast()
                        report(schema, "properties", "property \"\(members[index].key)\" is not allowed", instanceToken: members[index].key)
                    }
                    return ok
                }
                guard let ok = declared else { continue }
                annotations?.properties.insert(index)
                if !ok {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid
        case .patternProperties(let list):
            return list.withUnsafeBufferPointer { list in
                var valid = true
                for index in members.indices {
                    for entry in list.indices {
                        let propertySchema = list[entry].1
                        // A `true` schema cannot fail; only annotations would need the match.
                        if annotations == nil, case .alwaysValid = propertySchema.kind { continue }
                        let matched = matchesName(list[entry].0, members[index].key, schema)
                        if limitExceeded { return false }
                        guard matched else { continue }
                        annotations?.properties.insert(index)
                        if collecting { keywordTokens.append(list[entry].0.source) }
                        let ok = members.withValue(at: index) { descend(propertySchema, $0, token: members[index].key) }
                        if collecting { keywordTokens.removeLast() }
                        if !ok {
                            valid = false
                            if !collecting { return false }
                        }
                    }
                }
                return valid
            }
        case .additionalProperties(let rest, let declared, let patterns):
            var valid = true
            for index in members.indices {
                if declared.contains(members[index].key) { continue }
                var matchedPattern = false
                for regex in patterns where matchesName(regex, members[index].key, schema) {
                    matchedPattern = true
                    break
                }
                if limitExceeded { return false }
                if matchedPattern { continue }
                annotations?.properties.insert(index)
                if !members.withValue(at: index, { applyToLeftover(rest, members[index].key, $0, schema, keyword: "additionalProperties") }) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid
        case .unevaluatedProperties(let rest):
            guard let annotations else { return true }
            var valid = true
            if !annotations.allProperties {
                for index in members.indices where !annotations.properties.contains(index) {
                    if !members.withValue(at: index, { applyToLeftover(rest, members[index].key, $0, schema, keyword: "unevaluatedProperties") }) {
                        valid = false
                        if !collecting { break }
                    }
                }
            }
            annotations.allProperties = true
            return valid
        case .propertyNames(let nameSchema):
            var valid = true
            for member in members {
                let name = Node(.string(member.key), span: member.keySpan)
                let (ok, inner) = isolated { withUnsafePointer(to: name) { validate(nameSchema, $0, nil) } }
                if ok { continue }
                valid = false
                if !collecting { return false }
                let reason = inner.first.map { ": " + $0.message } ?? ""
                report(schema, "propertyNames", "property name \"\(member.key)\" is not allowed\(reason)", instanceToken: member.key)
            }
            return valid
        case .maxProperties(let limit):
            guard members.count > limit else { return true }
            if collecting { report(schema, "maxProperties", "the object has \(members.count) properties, at most \(limit) allowed") }
            return false
        case .minProperties(let limit):
            guard members.count < limit else { return true }
            if collecting { report(schema, "minProperties", "the object has \(members.count) propert\(members.count == 1 ? "y" : "ies"), at least \(limit) required") }
            return false
        case .required(let names):
            var valid = true
            for name in names where !Evaluation.has(members, name) {
                valid = false
                if !collecting { return false }
                report(schema, "required", "missing required property \"\(name)\"")
            }
            return valid
        case .dependentRequired(let rules, let keyword):
            var valid = true
            for (trigger, names) in rules where Evaluation.has(members, trigger) {
                for name in names where !Evaluation.has(members, name) {
                    valid = false
                    if !collecting { return false }
                    report(schema, keyword, "missing property \"\(name)\", which is required when \"\(trigger)\" is present")
                }
            }
            return valid
        case .dependentSchemas(let rules, _):
            var valid = true
            for (trigger, dependent) in rules where Evaluation.has(members, trigger) {
                if collecting { keywordTokens.append(trigger) }
                let ok = applyInPlace(dependent, instance, annotations)
                if collecting { keywordTokens.removeLast() }
                if !ok {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid
        default:
            return true
        }
    }

    static func has(_ members: UnsafeBufferPointer<Member>, _ name: String) -> Bool {
        for index in members.indices where JSONEquality.sameScalars(members[index].key, name) { return true }
        return false
    }

    /// `additionalProperties` or `unevaluatedProperties` (`keyword`) applied to one member they govern: a
    /// `false` schema makes it an unknown property, any other schema is applied to its value.
    private func applyToLeftover(_ rest: SchemaNode, _ key: String, _ value: UnsafePointer<Node>, _ schema: SchemaNode, keyword: String) -> Bool {
        if case .alwaysInvalid = rest.kind {
            if collecting { reportUnknownProperty(key, schema, keyword: keyword, allowed: schema.declaredProperties) }
            return false
        }
        return descend(rest, value, token: key)
    }

    /// Whether a `patternProperties` pattern matches a property name; a bound hit counts as a limit
    /// (reported even inside probes), a plain mismatch records nothing.
    func matchesName(_ regex: ECMARegex, _ name: String, _ schema: SchemaNode) -> Bool {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return matchPattern(regex, name, schema, "patternProperties") { "" }
    }

    /// The suggestions look beyond the names this schema object declares: a misspelling of a name that
    /// an `allOf`/`$ref` branch at the same place declares is worth a did-you-mean too.
    private func reportUnknownProperty(_ name: String, _ schema: SchemaNode, keyword: String, allowed: [String]) {
        let suggestions = Suggestions.closest(to: name, among: schema.reachablePropertyNames)
        var message = "unknown property \"\(name)\""
        if let best = suggestions.first { message += " (did you mean \"\(best)\"?)" }
        report(schema, keyword, message, instanceToken: name, suggestions: suggestions, allowedNames: allowed)
    }
}

/// "Did you mean" candidates by edit distance.
enum Suggestions {
    /// Names within a small edit distance of `name` (or differing only in case), closest first.
    static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        guard !target.isEmpty, target.count <= 128 else { return [] }
        var scored: [(Int, String)] = []
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            guard other.count <= 128 else { continue }
            let distance = EditDistance.between(target, other)
            let threshold = max(1, min(3, max(target.count, other.count) / 3))
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        return scored.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.prefix(limit).map(\.1)
    }
}
