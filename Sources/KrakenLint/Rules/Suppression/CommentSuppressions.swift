import ConfigTree

/// `# krakenlint: disable=rule-id[,rule-id] reason` comments in YAML files.
///
/// libyaml drops comments, so they are read from the file's bytes: a `#` at the start of a line or after
/// a space, outside any string value. A comment alone on its line applies to the node on the next line
/// that has one; a comment at the end of a line applies to that line's node (the sequence item for a
/// `- ` line, otherwise the first key on the line, otherwise the first value).
enum CommentSuppressions {
    static let marker = Array("krakenlint:".utf8)
    static let directive = Array("disable=".utf8)

    static func collect(in file: SourceFile, root: Node, knownRules: [String], problems: inout [Diagnostic]) -> [Suppression] {
        var found: [Suppression] = []
        var anchors: LineAnchors?
        for line in 1...file.lineCount {
            guard let range = file.byteRange(ofLine: line), let hash = commentStart(in: range, of: file, root: root) else { continue }
            if anchors == nil { anchors = LineAnchors(root, file: file) }
            let ownLine = file.bytes[range.lowerBound..<hash].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            let target = ownLine ? nextContentLine(after: line, in: file) : line
            let scope = target.flatMap { anchors?.pointer(onLine: $0, in: file) }
            if let suppression = parse(file: file, commentAt: hash, lineEnd: range.upperBound, scope: scope, knownRules: knownRules, problems: &problems) {
                found.append(suppression)
            }
        }
        return found
    }

    /// The offset of `#` starting a `krakenlint:` comment on this line, if there is one outside strings.
    private static func commentStart(in range: Range<Int>, of file: SourceFile, root: Node) -> Int? {
        let bytes = file.bytes
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "#"), index == range.lowerBound || bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 else { continue }
            var cursor = index + 1
            while cursor < range.upperBound, bytes[cursor] == 0x20 { cursor += 1 }
            guard range.upperBound - cursor >= marker.count, Array(bytes[cursor..<(cursor + marker.count)]) == marker else { continue }
            if let pointer = root.pointer(toOffset: index), let node = root.resolve(pointer), node.string != nil, node.span.contains(offset: index) { continue }
            return index
        }
        return nil
    }

    private static func parse(file: SourceFile, commentAt hash: Int, lineEnd: Int, scope: JSONPointer?, knownRules: [String], problems: inout [Diagnostic]) -> Suppression? {
        let bytes = file.bytes
        var cursor = hash + 1
        while cursor < lineEnd, bytes[cursor] == 0x20 { cursor += 1 }
        let wordStart = cursor
        cursor += marker.count
        let wordSpan = Span(start: wordStart, end: cursor)
        func malformed(_ message: String, _ span: Span) {
            problems.append(Diagnostic(ruleID: SuppressionRules.malformed.id, severity: SuppressionRules.malformed.defaultSeverity,
                                       message: message, span: span, pointer: scope ?? .root, fix: SuppressionRules.malformed.fix))
        }
        guard let scope else {
            malformed("this krakenlint comment is not next to any value, so it applies to nothing", wordSpan)
            return nil
        }
        while cursor < lineEnd, bytes[cursor] == 0x20 { cursor += 1 }
        guard lineEnd - cursor >= directive.count, Array(bytes[cursor..<(cursor + directive.count)]) == directive else {
            malformed("expected \"disable=rule-id\" after \"krakenlint:\"", Span(start: cursor, end: lineEnd))
            return nil
        }
        cursor += directive.count
        var entries: [Suppression.Entry] = []
        var idStart = cursor
        var idsSeen = 0
        while cursor <= lineEnd {
            let atEnd = cursor == lineEnd || bytes[cursor] == 0x20 || bytes[cursor] == 0x09
            if atEnd || bytes[cursor] == UInt8(ascii: ",") {
                if cursor > idStart {
                    idsSeen += 1
                    let pattern = String(decoding: bytes[idStart..<cursor], as: UTF8.self)
                    let span = Span(start: idStart, end: cursor)
                    if knownRules.contains(where: { Glob.matchesRule(pattern, $0) }) {
                        entries.append(.init(pattern: pattern, span: span, pointer: scope))
                    } else {
                        malformed("\"\(pattern)\" is not a rule id; `krakenlint rules` lists them", span)
                    }
                }
                idStart = cursor + 1
                if atEnd { break }
            }
            cursor += 1
        }
        if entries.isEmpty {
            if idsSeen == 0 { malformed("no rule ids after \"disable=\"", wordSpan) }
            return nil
        }
        let reason = String(decoding: bytes[min(cursor, lineEnd)..<lineEnd], as: UTF8.self)
        let hasReason = reason.contains { !$0.isWhitespace }
        return Suppression(scope: scope, entries: entries, hasReason: hasReason, span: wordSpan, pointer: scope)
    }

    /// The first line after `line` with something other than blanks or a comment.
    private static func nextContentLine(after line: Int, in file: SourceFile) -> Int? {
        guard line < file.lineCount else { return nil }
        for next in (line + 1)...file.lineCount {
            guard let range = file.byteRange(ofLine: next) else { return nil }
            guard let first = file.bytes[range].first(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            if first != UInt8(ascii: "#") { return next }
        }
        return nil
    }
}

/// For each line, the pointers of the first sequence item, key and value that start on it.
private struct LineAnchors {
    private var elements: [Int: JSONPointer] = [:]
    private var keys: [Int: JSONPointer] = [:]
    private var values: [Int: JSONPointer] = [:]

    init(_ root: Node, file: SourceFile) {
        var stack: [(Node, JSONPointer, Bool)] = [(root, .root, false)]
        while let (node, pointer, isElement) = stack.popLast() {
            let line = file.line(ofOffset: node.span.start)
            if isElement, elements[line] == nil { elements[line] = pointer }
            if values[line] == nil { values[line] = pointer }
            switch node.value {
            case .object(let members):
                for member in members.reversed() { stack.append((member.value, pointer.appending(member.key), false)) }
                for member in members {
                    let keyLine = file.line(ofOffset: member.keySpan.start)
                    if keys[keyLine] == nil { keys[keyLine] = pointer.appending(member.key) }
                }
            case .array(let items):
                for (index, item) in items.enumerated().reversed() { stack.append((item, pointer.appending(index), true)) }
            default:
                break
            }
        }
    }

    func pointer(onLine line: Int, in file: SourceFile) -> JSONPointer? {
        if let range = file.byteRange(ofLine: line),
           let first = file.bytes[range].firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
           file.bytes[first] == UInt8(ascii: "-"), let element = elements[line] {
            return element
        }
        return keys[line] ?? values[line] ?? elements[line]
    }
}
