/// A node of a parsed template. Every node knows its byte offset in its template's source text (Go's `Pos`)
/// and prints itself as Go's `Node.String()` does, which is what execution errors quote after `at <…>`.
///
/// Nodes are immutable after parsing and shared by every execution.
class SyntaxNode: @unchecked Sendable {
    /// Byte offset of the node in the source text.
    let offset: Int

    init(offset: Int) { self.offset = offset }

    /// Appends Go's `String()` of the node.
    func write(into text: inout String) {}

    var goDescription: String {
        var text = ""
        write(into: &text)
        return text
    }
}

/// A node that appears in a template's body: text, an action, a control structure.
enum BodyNode: Sendable {
    case text(TextNode)
    case action(ActionNode)
    case branch(BranchNode)
    case template(TemplateCallNode)
    case loopControl(LoopControlNode)
    case comment(CommentNode)

    var syntax: SyntaxNode {
        switch self {
        case .text(let node): return node
        case .action(let node): return node
        case .branch(let node): return node
        case .template(let node): return node
        case .loopControl(let node): return node
        case .comment(let node): return node
        }
    }
}

/// A sequence of body nodes.
final class ListNode: SyntaxNode, @unchecked Sendable {
    fileprivate(set) var nodes: [BodyNode] = []

    func append(_ node: BodyNode) { nodes.append(node) }

    override func write(into text: inout String) {
        for node in nodes { node.syntax.write(into: &text) }
    }

    /// Go's `IsEmptyTree`: only comments and white space.
    var isEmpty: Bool {
        for node in nodes {
            switch node {
            case .comment: continue
            case .text(let text):
                let content = String(decoding: text.bytes, as: UTF8.self)
                if content.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) { return false }
            default: return false
            }
        }
        return true
    }
}

/// Literal text, copied to the output.
final class TextNode: SyntaxNode, @unchecked Sendable {
    let bytes: [UInt8]
    init(offset: Int, bytes: [UInt8]) {
        self.bytes = bytes
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += String(decoding: bytes, as: UTF8.self) }
}

/// A `{{/* comment */}}`, kept only as a node so that a tree of comments counts as empty.
final class CommentNode: SyntaxNode, @unchecked Sendable {
    let comment: String
    init(offset: Int, comment: String) {
        self.comment = comment
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += "{{\(comment)}}" }
}

/// `{{pipeline}}`: evaluates and prints (unless the pipeline declares variables).
final class ActionNode: SyntaxNode, @unchecked Sendable {
    let pipe: PipeNode
    /// The byte range of the whole action, delimiters included, for the source map.
    let span: Range<Int>
    init(offset: Int, pipe: PipeNode, span: Range<Int>) {
        self.pipe = pipe
        self.span = span
        super.init(offset: offset)
    }
    override func write(into text: inout String) {
        text += "{{"
        pipe.write(into: &text)
        text += "}}"
    }
}

/// `{{if}}`, `{{range}}` or `{{with}}` with its body and optional `{{else}}` body.
final class BranchNode: SyntaxNode, @unchecked Sendable {
    enum Kind: Sendable { case ifBranch, range, with }
    let kind: Kind
    let pipe: PipeNode
    let list: ListNode
    let elseList: ListNode?
    /// The byte range of the opening action (`{{range …}}`), for the source map.
    let headerSpan: Range<Int>
    init(kind: Kind, offset: Int, pipe: PipeNode, list: ListNode, elseList: ListNode?, headerSpan: Range<Int>) {
        self.kind = kind
        self.pipe = pipe
        self.list = list
        self.elseList = elseList
        self.headerSpan = headerSpan
        super.init(offset: offset)
    }
    override func write(into text: inout String) {
        switch kind {
        case .ifBranch: text += "{{if "
        case .range: text += "{{range "
        case .with: text += "{{with "
        }
        pipe.write(into: &text)
        text += "}}"
        list.write(into: &text)
        if let elseList {
            text += "{{else}}"
            elseList.write(into: &text)
        }
        text += "{{end}}"
    }
}

/// `{{break}}` or `{{continue}}`.
final class LoopControlNode: SyntaxNode, @unchecked Sendable {
    let isBreak: Bool
    init(offset: Int, isBreak: Bool) {
        self.isBreak = isBreak
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += isBreak ? "{{break}}" : "{{continue}}" }
}

/// `{{template "name" pipeline}}` (also what `{{block}}` leaves in place).
final class TemplateCallNode: SyntaxNode, @unchecked Sendable {
    /// The called name: the bytes of the Go string literal.
    let name: MapKey
    let pipe: PipeNode?
    /// The byte range of the whole action, for the source map.
    let span: Range<Int>
    init(offset: Int, name: MapKey, pipe: PipeNode?, span: Range<Int>) {
        self.name = name
        self.pipe = pipe
        self.span = span
        super.init(offset: offset)
    }
    override func write(into text: inout String) {
        text += "{{template "
        text += GoFormat.quote(name)
        if let pipe {
            text += " "
            pipe.write(into: &text)
        }
        text += "}}"
    }
}

/// A pipeline: optional variable declarations and commands joined by `|`.
final class PipeNode: SyntaxNode, @unchecked Sendable {
    fileprivate(set) var isAssign = false
    fileprivate(set) var declarations: [VariableNode] = []
    fileprivate(set) var commands: [CommandNode] = []
    func declare(_ variable: VariableNode, isAssign: Bool) {
        declarations.append(variable)
        self.isAssign = isAssign
    }
    func append(_ command: CommandNode) { commands.append(command) }

    override func write(into text: inout String) {
        if !declarations.isEmpty {
            for (index, variable) in declarations.enumerated() {
                if index > 0 { text += ", " }
                variable.write(into: &text)
            }
            text += " := "
        }
        for (index, command) in commands.enumerated() {
            if index > 0 { text += " | " }
            command.write(into: &text)
        }
    }
}

/// One command of a pipeline: a function, field or value and its arguments.
final class CommandNode: SyntaxNode, @unchecked Sendable {
    fileprivate(set) var arguments: [ArgumentNode] = []
    func append(_ argument: ArgumentNode) { arguments.append(argument) }
    override func write(into text: inout String) {
        for (index, argument) in arguments.enumerated() {
            if index > 0 { text += " " }
            if case .pipe(let pipe) = argument {
                text += "("
                pipe.write(into: &text)
                text += ")"
            } else {
                argument.syntax.write(into: &text)
            }
        }
    }
}

/// An operand of a command.
enum ArgumentNode: Sendable {
    case field(FieldNode)
    case chain(ChainNode)
    case identifier(IdentifierNode)
    case pipe(PipeNode)
    case variable(VariableNode)
    case dot(DotNode)
    case nilLiteral(NilNode)
    case bool(BoolNode)
    case number(NumberNode)
    case string(StringNode)

    var syntax: SyntaxNode {
        switch self {
        case .field(let node): return node
        case .chain(let node): return node
        case .identifier(let node): return node
        case .pipe(let node): return node
        case .variable(let node): return node
        case .dot(let node): return node
        case .nilLiteral(let node): return node
        case .bool(let node): return node
        case .number(let node): return node
        case .string(let node): return node
        }
    }
}

/// `.Field.Sub`: field names, without dots.
final class FieldNode: SyntaxNode, @unchecked Sendable {
    let names: [String]
    init(offset: Int, names: [String]) {
        self.names = names
        super.init(offset: offset)
    }
    override func write(into text: inout String) {
        for name in names { text += "." + name }
    }
}

/// `(pipeline).Field` or `fn.Field`: a term followed by fields.
final class ChainNode: SyntaxNode, @unchecked Sendable {
    let node: ArgumentNode
    let names: [String]
    init(offset: Int, node: ArgumentNode, names: [String]) {
        self.node = node
        self.names = names
        super.init(offset: offset)
    }
    override func write(into text: inout String) {
        if case .pipe(let pipe) = node {
            text += "("
            pipe.write(into: &text)
            text += ")"
        } else {
            node.syntax.write(into: &text)
        }
        for name in names { text += "." + name }
    }
}

/// A function name, resolved when parsed against the set's functions and the built-ins.
final class IdentifierNode: SyntaxNode, @unchecked Sendable {
    let name: String
    let function: ResolvedFunction
    init(offset: Int, name: String, function: ResolvedFunction) {
        self.name = name
        self.function = function
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += name }
}

/// `$` or `$x.Field`: the variable name (with `$`) followed by field names.
final class VariableNode: SyntaxNode, @unchecked Sendable {
    let names: [String]
    init(offset: Int, names: [String]) {
        self.names = names
        super.init(offset: offset)
    }
    var variableName: String { names[0] }
    override func write(into text: inout String) { text += names.joined(separator: ".") }
}

final class DotNode: SyntaxNode, @unchecked Sendable {
    override func write(into text: inout String) { text += "." }
}

final class NilNode: SyntaxNode, @unchecked Sendable {
    override func write(into text: inout String) { text += "nil" }
}

final class BoolNode: SyntaxNode, @unchecked Sendable {
    let value: Bool
    init(offset: Int, value: Bool) {
        self.value = value
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += value ? "true" : "false" }
}

/// A quoted or raw string literal: its text as written and its value.
final class StringNode: SyntaxNode, @unchecked Sendable {
    let quoted: String
    /// The Go string the literal stands for (``Value/Storage/byteString(_:)`` when `\x` or octal escapes make
    /// it invalid UTF-8).
    let value: Value
    init(offset: Int, quoted: String, value: Value) {
        self.quoted = quoted
        self.value = value
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += quoted }
}

/// A number, character or complex literal, with every Go type that can represent it (Go's ideal constants).
final class NumberNode: SyntaxNode, @unchecked Sendable {
    let literal: NumberLiteral
    init(offset: Int, literal: NumberLiteral) {
        self.literal = literal
        super.init(offset: offset)
    }
    override func write(into text: inout String) { text += literal.text }
}
