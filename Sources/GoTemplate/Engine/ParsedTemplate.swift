/// One named template of a set: its body and the text it was parsed from (shared by every template that
/// one `parse` call produced), which execution errors and the source map point into.
final class ParsedTemplate: @unchecked Sendable {
    /// The template's name (a `define` name, or the name given to `parse`): a Go string, whose bytes need not
    /// be valid UTF-8.
    let key: MapKey
    /// The name as text (each byte that is not valid UTF-8 read as U+FFFD), as messages show it.
    let name: String
    let root: ListNode
    let origin: ParsedText
    /// The names this template's body calls with `{{template}}` (and `{{block}}`).
    let calledNames: Set<MapKey>

    init(key: MapKey, root: ListNode, origin: ParsedText) {
        self.key = key
        self.name = key.text
        self.root = root
        self.origin = origin
        var names: Set<MapKey> = []
        Self.collectCalls(in: root, into: &names)
        calledNames = names
    }

    private static func collectCalls(in list: ListNode, into names: inout Set<MapKey>) {
        for node in list.nodes {
            switch node {
            case .template(let call): names.insert(call.name)
            case .branch(let branch):
                collectCalls(in: branch.list, into: &names)
                if let elseList = branch.elseList { collectCalls(in: elseList, into: &names) }
            default: continue
            }
        }
    }
}

/// The text given to one `parse` call: its name (Go's `ParseName`), bytes and file path.
final class ParsedText: @unchecked Sendable {
    let parseName: String
    let bytes: [UInt8]
    let source: String?

    init(parseName: String, bytes: [UInt8], source: String?) {
        self.parseName = parseName
        self.bytes = bytes
        self.source = source
    }

    /// Go's `ErrorContext` location: 1-based line and 0-based byte column of `offset`.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lastNewline = -1
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lastNewline = index
        }
        return (line, lastNewline < 0 ? end : end - lastNewline - 1)
    }
}
