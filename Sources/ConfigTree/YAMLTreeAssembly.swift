import CYAML

/// Keys, merges, limits and error messages of the YAML tree builder.
extension YAMLTreeBuilder {
    /// The members a `<<` value brings in: a mapping, or a sequence of mappings (earlier ones first).
    func mergeSources(of value: Node) throws(YAMLFailure) -> [Member] {
        switch value.value {
        case .object(let members):
            return members
        case .array(let elements):
            var merged: [Member] = []
            for element in elements {
                guard case .object(let members) = element.value else {
                    throw failure(.structure, "map merge requires map or sequence of maps as the value; found a \(element.typeName) in the sequence", at: element.span)
                }
                merged.append(contentsOf: members)
            }
            return merged
        default:
            throw failure(.structure, "map merge requires map or sequence of maps as the value; found a \(value.typeName)", at: value.span)
        }
    }

    /// The members of a closed mapping: explicit ones in order, merged ones at the place of their `<<` key,
    /// skipping keys defined explicitly or by an earlier merge.
    mutating func assembleMembers(_ collection: inout YAMLOpenCollection) -> [Member] {
        keyHashScratch.truncate(to: collection.base)
        let explicit = memberScratch.take(from: collection.base)
        guard !collection.merges.isEmpty else { return explicit }
        var taken = Set(explicit.map(\.key))
        var result: [Member] = []
        result.reserveCapacity(explicit.count)
        var merges = collection.merges[...]
        for index in 0...explicit.count {
            while let next = merges.first, next.position == index {
                for member in next.members where taken.insert(member.key).inserted {
                    result.append(member)
                }
                merges = merges.dropFirst()
            }
            if index < explicit.count { result.append(explicit[index]) }
        }
        return result
    }

    /// Counts `count` more nodes of the expanded document against `limits.maxYAMLNodes`.
    mutating func countNodes(_ count: Int, at where: Span) throws(YAMLFailure) {
        totalNodes += count
        if totalNodes > limits.maxYAMLNodes {
            throw failure(.limit, "the document expands to more than \(limits.maxYAMLNodes) nodes through aliases and values", at: `where`,
                          hint: "aliases that repeat large anchors multiply the document's size (an alias bomb); expand them less, or raise the limit with --max-yaml-nodes")
        }
    }

    @inline(__always)
    mutating func span(_ start: Int, _ end: Int) -> Span {
        let startOffset = cursor.offset(ofIndex: start)
        return Span(start: startOffset, end: cursor.offset(ofIndex: end))
    }

    func failure(_ code: LoadIssue.Code, _ message: String, at span: Span, hint: String? = nil) -> YAMLFailure {
        YAMLFailure(issue: LoadIssue(code: code, message: message, span: span, hint: hint))
    }

    func emptyFile() -> YAMLFailure {
        failure(.structure, "empty file: expected a YAML mapping", at: Span(at: 0))
    }

    func topLevelNotMapping(_ kind: String, at span: Span) -> YAMLFailure {
        failure(.structure, "the top level is \(kind); expected a mapping (key: value)", at: span)
    }

    /// libyaml's own error, with its position and context.
    mutating func libyamlFailure(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> YAMLFailure {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        if state.error == YAML_READER_ERROR {
            let offset = min(Int(state.problem_offset), bytes.count)
            let detail = offset < bytes.count ? " (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))" : ""
            let message = problem.contains("control characters")
                ? "control character at byte offset \(offset)\(detail); YAML does not allow it"
                : "invalid UTF-8 at byte offset \(offset)\(detail): \(problem)"
            return failure(.encoding, message, at: Span(at: offset), hint: "save the file as UTF-8 text")
        }
        if state.error == YAML_MEMORY_ERROR {
            return failure(.limit, "libyaml ran out of memory", at: Span(at: 0))
        }
        let contextPosition = file.position(ofOffset: cursor.offset(ofIndex: Int(state.context_mark.index)))
        let position = file.position(ofOffset: cursor.offset(ofIndex: Int(state.problem_mark.index)))
        var message = problem
        if let context = state.context.map({ String(cString: $0) }) {
            message += contextPosition == position ? " (\(context))" : " (\(context) at \(contextPosition.line):\(contextPosition.column))"
        }
        var hint: String?
        if position.offset < bytes.count, bytes[position.offset] == 0x09 || problem.contains("tab") {
            hint = "YAML indentation must use spaces, not tabs"
        }
        return failure(.syntax, message, at: Span(at: position.offset), hint: hint)
    }
}
