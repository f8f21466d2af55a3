import ConfigTree
import JSONSchema

/// Which schema `lint` validates against.
public enum SchemaChoice: Sendable {
    /// krakenlint's own KrakenD schema, built into the binary from `schemas/`.
    case bundled
    /// A schema loaded with `KrakenDSchema.load(path:)` (`--schema PATH`).
    case custom(KrakenDSchema)
}

/// Runs a KrakenD schema over a configuration and turns its errors into `schema/<keyword>` diagnostics.
///
/// Legacy namespace names are renamed to their current names first, so a legacy block is validated as
/// the block it really is (the `krakend/legacy-namespace` rule reports the name itself); pointers in the
/// diagnostics are mapped back to the names written in the file.
struct SchemaCheck: Sendable {
    let choice: SchemaChoice

    func diagnostics(for root: Node, in file: SourceFile) -> [Diagnostic] {
        let (normalized, renames) = LegacyNamespaces.mayOccur(in: file) ? LegacyNamespaces.renamingAliases(in: root) : (root, [:])
        let errors: [ValidationError]
        switch choice {
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
                span: error.span(in: root, at: pointer),
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
}

extension LegacyNamespaces {
    /// A copy of `root` where every legacy namespace key of every `extra_config` map has its current name
    /// (unless the current name is also present), and the renames made, by new pointer.
    static func renamingAliases(in root: Node) -> (Node, [JSONPointer: String]) {
        var renames: [JSONPointer: String] = [:]
        var path: [String] = []
        let renamed = rename(root, path: &path, renames: &renames)
        return (renamed ?? root, renames)
    }

    /// The node with aliases renamed, or nil when nothing below it changed (so the common case copies nothing).
    ///
    /// `path` holds the tokens down to `node`; a `JSONPointer` is built only for a renamed key, so walking a
    /// large configuration without legacy names allocates nothing per node.
    private static func rename(_ node: Node, path: inout [String], renames: inout [JSONPointer: String]) -> Node? {
        guard path.count < 2_000 else { return nil }
        switch node.value {
        case .object(let members):
            var updated: [Member]?
            for index in members.indices {
                let key = members[index].key
                path.append(key)
                defer { path.removeLast() }
                var value = members[index].value
                var changed = false
                if key == "extra_config", var namespaces = value.members {
                    var present: Set<String>?
                    var renamedAny = false
                    for slot in namespaces.indices {
                        let written = namespaces[slot].key
                        guard let current = currentName(for: written) else { continue }
                        // The names written in the file, collected only once an alias is seen.
                        if present == nil { present = Set(namespaces.map(\.key)) }
                        if present?.contains(current) == false {
                            namespaces[slot].key = current
                            renames[JSONPointer(tokens: path + [current])] = written
                            renamedAny = true
                        }
                    }
                    if renamedAny {
                        value = Node(.object(namespaces), span: value.span)
                        changed = true
                    }
                }
                if let child = rename(value, path: &path, renames: &renames) {
                    value = child
                    changed = true
                }
                if changed {
                    if updated == nil { updated = members }
                    updated?[index].value = value
                }
            }
            return updated.map { Node(.object($0), span: node.span) }
        case .array(let elements):
            var updated: [Node]?
            for index in elements.indices {
                path.append(String(index))
                defer { path.removeLast() }
                if let child = rename(elements[index], path: &path, renames: &renames) {
                    if updated == nil { updated = elements }
                    updated?[index] = child
                }
            }
            return updated.map { Node(.array($0), span: node.span) }
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
