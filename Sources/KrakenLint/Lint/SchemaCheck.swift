import ConfigTree
import JSONSchema

/// Which schema `lint` validates against.
public enum SchemaChoice: Sendable {
    /// krakenlint's own KrakenD schema, built into the binary from `schemas/`.
    case bundled
    /// A schema loaded with `KrakenDSchema.load(path:)` (`--schema PATH`).
    case custom(KrakenDSchema)
    /// No schema validation (rules only).
    case none
}

/// Runs a KrakenD schema over a configuration and turns its errors into `schema/<keyword>` diagnostics.
///
/// Legacy namespace names are renamed to their current names first, so a legacy block is validated as
/// the block it really is (the `krakend/legacy-namespace` rule reports the name itself); pointers in the
/// diagnostics are mapped back to the names written in the file.
struct SchemaCheck: Sendable {
    let choice: SchemaChoice

    func diagnostics(for root: Node) -> [Diagnostic] {
        let (normalized, renames) = LegacyNamespaces.renamingAliases(in: root)
        let errors: [ValidationError]
        switch choice {
        case .none:
            return []
        case .custom(let schema):
            guard !schema.isValid(normalized) else { return [] }
            errors = schema.validate(normalized)
        case .bundled:
            if case .success(let schema) = KrakenDSchema.bundled, schema.isValid(normalized) { return [] }
            // On a build defect this yields one error at the root that says the schema cannot be compiled.
            errors = KrakenDSchema.validate(normalized)
        }
        return errors.map { error in
            let pointer = renames.isEmpty ? error.instancePointer : LegacyNamespaces.writtenPointer(error.instancePointer, renames: renames)
            return Diagnostic(
                ruleID: SchemaRules.ruleID(forKeyword: error.keyword),
                severity: .error,
                message: error.message,
                span: span(of: error, at: pointer, in: root),
                pointer: pointer,
                fix: fix(for: error)
            )
        }
    }

    /// A concrete edit when the engine has a likely intended value.
    private func fix(for error: ValidationError) -> String? {
        guard let suggestion = error.suggestions.first else { return nil }
        if error.keyword == "additionalProperties" || error.keyword == "unevaluatedProperties", let key = error.instancePointer.tokens.last {
            return #"rename "\#(key)" to "\#(suggestion)""#
        }
        return #"use "\#(suggestion)""#
    }

    /// Where people look: the key of an unknown or object-level problem, the value otherwise.
    private func span(of error: ValidationError, at pointer: JSONPointer, in root: Node) -> Span {
        let keySpan = root.keySpan(at: pointer)
        switch error.keyword {
        case "additionalProperties", "unevaluatedProperties", "propertyNames", "required", "minProperties", "maxProperties", "dependentRequired", "dependencies":
            if let keySpan { return keySpan }
        default:
            break
        }
        if let node = root.resolve(pointer) {
            // Objects and arrays are long: point at their key when they have one.
            if node.isObject || node.elements != nil, let keySpan { return keySpan }
            return node.span
        }
        return keySpan ?? root.span
    }
}

extension LegacyNamespaces {
    /// A copy of `root` where every legacy namespace key of every `extra_config` map has its current name
    /// (unless the current name is also present), and the renames made, by new pointer.
    static func renamingAliases(in root: Node) -> (Node, [JSONPointer: String]) {
        var renames: [JSONPointer: String] = [:]
        let renamed = rename(root, at: .root, renames: &renames, depth: 0)
        return (renamed ?? root, renames)
    }

    /// The node with aliases renamed, or nil when nothing below it changed (so the common case copies nothing).
    private static func rename(_ node: Node, at pointer: JSONPointer, renames: inout [JSONPointer: String], depth: Int) -> Node? {
        guard depth < 2_000 else { return nil }
        switch node.value {
        case .object(let members):
            var updated = members
            var changed = false
            for index in updated.indices {
                let childPointer = pointer.appending(updated[index].key)
                if updated[index].key == "extra_config", var namespaces = updated[index].value.members {
                    let present = Set(namespaces.map(\.key))
                    var renamedAny = false
                    for slot in namespaces.indices {
                        let written = namespaces[slot].key
                        if let current = currentName(for: written), !present.contains(current) {
                            namespaces[slot].key = current
                            renames[childPointer.appending(current)] = written
                            renamedAny = true
                        }
                    }
                    if renamedAny {
                        updated[index].value = Node(.object(namespaces), span: updated[index].value.span)
                        changed = true
                    }
                }
                if let child = rename(updated[index].value, at: childPointer, renames: &renames, depth: depth + 1) {
                    updated[index].value = child
                    changed = true
                }
            }
            return changed ? Node(.object(updated), span: node.span) : nil
        case .array(let elements):
            var updated = elements
            var changed = false
            for index in updated.indices {
                if let child = rename(updated[index], at: pointer.appending(index), renames: &renames, depth: depth + 1) {
                    updated[index] = child
                    changed = true
                }
            }
            return changed ? Node(.array(updated), span: node.span) : nil
        default:
            return nil
        }
    }

    /// `pointer` with renamed namespace tokens turned back into the names written in the file.
    static func writtenPointer(_ pointer: JSONPointer, renames: [JSONPointer: String]) -> JSONPointer {
        var tokens = pointer.tokens
        var prefix = JSONPointer.root
        for (index, token) in pointer.tokens.enumerated() {
            prefix = prefix.appending(token)
            if let written = renames[prefix] { tokens[index] = written }
        }
        return JSONPointer(tokens: tokens)
    }
}
