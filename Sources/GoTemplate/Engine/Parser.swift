/// Builds the templates of one `parse` call from its tokens, following Go's `text/template/parse` grammar
/// and error messages (`template: NAME:LINE: …`, with the line of the furthest token read, as Go reports).
struct Parser {
    private let tokens: [Token]
    private let origin: ParsedText
    private let resolveFunction: (String) -> ResolvedFunction?
    private let stack: StackGuard
    private var index = 0
    private var furthest = 0
    private var variables: [String] = ["$"]
    private var rangeDepth = 0
    private var expressionDepth = 0
    private var actionLine = 0
    /// The start of the action being parsed (its `{{`), for spans.
    private var actionStart = 0
    private var lastRightDelimiterEnd = 0
    /// Templates defined so far in this parse, in order of definition.
    /// Names are Go strings, compared by their bytes (see ``MapKey``).
    private(set) var trees: [(name: MapKey, root: ListNode)] = []

    /// Go's limit on nested parentheses in one expression.
    private static let maximumExpressionDepth = 10000

    /// Parses `origin` as the template `name`; returns every template it defines, the top-level one included.
    static func parse(
        name: String, origin: ParsedText, resolveFunction: @escaping (String) -> ResolvedFunction?
    ) throws(TemplateError) -> [(name: MapKey, root: ListNode)] {
        let tokens = Lexer.tokenize(
            origin.bytes, breakAllowed: resolveFunction("break") == nil,
            continueAllowed: resolveFunction("continue") == nil)
        var parser = Parser(tokens: tokens, origin: origin, resolveFunction: resolveFunction, stack: StackGuard())
        try parser.parseTopLevel(name: name)
        return parser.trees
    }

    private init(tokens: [Token], origin: ParsedText, resolveFunction: @escaping (String) -> ResolvedFunction?, stack: StackGuard) {
        self.tokens = tokens
        self.origin = origin
        self.resolveFunction = resolveFunction
        self.stack = stack
    }

    // MARK: - Token stream

    private mutating func next() -> Token {
        let position = min(index, tokens.count - 1)
        furthest = max(furthest, position)
        index += 1
        return tokens[position]
    }

    private mutating func peek() -> Token {
        let position = min(index, tokens.count - 1)
        furthest = max(furthest, position)
        return tokens[position]
    }

    private mutating func backup(_ count: Int = 1) { index -= count }

    private mutating func nextNonSpace() -> Token {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    private mutating func peekNonSpace() -> Token {
        let token = nextNonSpace()
        backup()
        return token
    }

    // MARK: - Errors

    private func error(_ message: String) -> TemplateError { error(message, at: furthest) }

    /// An error at the line of token `index` (Go reports at the last token its tree read, which for a
    /// `block` body is the header's, because the body is read by a tree of its own).
    private func error(_ message: String, at index: Int) -> TemplateError {
        let line = tokens[index].line
        return TemplateError(
            kind: .parse, description: "template: \(origin.parseName):\(line): \(message)",
            templateName: origin.parseName, line: line, source: origin.source, offset: tokens[index].offset)
    }

    private func unexpected(_ token: Token, context: String) -> TemplateError {
        if token.kind == .error {
            var extra = ""
            if actionLine != 0 && actionLine != token.line {
                extra = " in action started at \(origin.parseName):\(actionLine)"
                if token.text.hasSuffix(" action") { extra = String(extra.dropFirst(" in action".count)) }
            }
            return error(token.text + extra)
        }
        return error("unexpected \(token.goDescription) in \(context)")
    }

    private mutating func expect(_ kind: TokenKind, context: String) throws(TemplateError) -> Token {
        let token = nextNonSpace()
        if token.kind != kind { throw unexpected(token, context: context) }
        return token
    }

    private mutating func guardStack() throws(TemplateError) {
        if stack.isExhausted() { throw error("template nesting too deep to parse") }
    }

    // MARK: - Structure

    private mutating func parseTopLevel(name: String) throws(TemplateError) {
        let root = ListNode(offset: peek().offset)
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delimiterIndex = index
                _ = next()
                if nextNonSpace().kind == .define {
                    try parseDefinition()
                    continue
                }
                index = delimiterIndex
            }
            let node = try textOrAction()
            switch node {
            case .end, .elseNode:
                throw error("unexpected \(node.goDescription)")
            case .body(let body):
                root.append(body)
            }
        }
        try add(name: MapKey(name), root: root)
    }

    /// Go's `Tree.add` within one parse: a second non-empty definition of a name is an error.
    private mutating func add(name: MapKey, root: ListNode) throws(TemplateError) {
        if let existing = trees.firstIndex(where: { $0.name == name }) {
            if trees[existing].root.isEmpty {
                trees[existing].root = root
                return
            }
            if !root.isEmpty { throw error("template: multiple definition of template \(GoFormat.quote(name))") }
            return
        }
        trees.append((name, root))
    }

    private mutating func parseDefinition() throws(TemplateError) {
        let context = "define clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else {
            throw unexpected(nameToken, context: context)
        }
        let name: MapKey
        do { name = MapKey(bytes: try GoUnquote.unquoteBytes(nameToken.text)) } catch { throw self.error(error.message) }
        _ = try expect(.rightDelim, context: context)
        let savedVariables = variables
        variables = ["$"]
        defer { variables = savedVariables }
        let (list, end) = try itemList()
        guard case .end = end else { throw error("unexpected \(end.goDescription) in \(context)") }
        try add(name: name, root: list)
    }

    private enum Parsed {
        case body(BodyNode)
        case end(Int)
        case elseNode(Int)

        var goDescription: String {
            switch self {
            case .end: return "{{end}}"
            case .elseNode: return "{{else}}"
            case .body(let node): return node.syntax.goDescription
            }
        }
    }

    private mutating func itemList() throws(TemplateError) -> (ListNode, Parsed) {
        try guardStack()
        let list = ListNode(offset: peekNonSpace().offset)
        while peekNonSpace().kind != .eof {
            let node = try textOrAction()
            switch node {
            case .end, .elseNode: return (list, node)
            case .body(let body): list.append(body)
            }
        }
        throw error("unexpected EOF")
    }

    private mutating func textOrAction() throws(TemplateError) -> Parsed {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .body(.text(TextNode(offset: token.offset, bytes: Array(token.text.utf8))))
        case .leftDelim:
            let savedStart = actionStart
            actionLine = token.line
            actionStart = token.offset
            defer {
                actionLine = 0
                actionStart = savedStart
            }
            return try action()
        case .comment:
            return .body(.comment(CommentNode(offset: token.offset, comment: token.text)))
        default:
            throw unexpected(token, context: "input")
        }
    }

    private mutating func action() throws(TemplateError) -> Parsed {
        let start = actionStart
        let token = nextNonSpace()
        switch token.kind {
        case .block: return .body(try blockControl())
        case .breakKeyword, .continueKeyword:
            let isBreak = token.kind == .breakKeyword
            let context = isBreak ? "{{break}}" : "{{continue}}"
            let closing = nextNonSpace()
            if closing.kind != .rightDelim { throw unexpected(closing, context: context) }
            if rangeDepth == 0 { throw error("\(context) outside {{range}}") }
            return .body(.loopControl(LoopControlNode(offset: token.offset, isBreak: isBreak)))
        case .elseKeyword:
            let following = peekNonSpace()
            if following.kind == .ifKeyword || following.kind == .with { return .elseNode(following.offset) }
            let closing = try expect(.rightDelim, context: "else")
            return .elseNode(closing.offset)
        case .end:
            let closing = try expect(.rightDelim, context: "end")
            return .end(closing.offset)
        case .ifKeyword: return .body(.branch(try control(.ifBranch, context: "if", start: start)))
        case .range: return .body(.branch(try control(.range, context: "range", start: start)))
        case .with: return .body(.branch(try control(.with, context: "with", start: start)))
        case .template: return .body(try templateControl(start: start))
        default:
            break
        }
        backup()
        let first = peek()
        let pipe = try pipeline(context: "command", end: .rightDelim)
        return .body(.action(ActionNode(offset: first.offset, pipe: pipe, span: start..<lastRightDelimiterEnd)))
    }

    private mutating func control(_ kind: BranchNode.Kind, context: String, start: Int) throws(TemplateError) -> BranchNode {
        let savedVariables = variables.count
        defer { variables.truncate(to: savedVariables) }
        let pipe = try pipeline(context: context, end: .rightDelim)
        let headerSpan = start..<lastRightDelimiterEnd
        if kind == .range { rangeDepth += 1 }
        let (list, next) = try itemList()
        if kind == .range { rangeDepth -= 1 }
        var elseList: ListNode?
        switch next {
        case .end: break
        case .elseNode(let offset):
            if kind == .ifBranch && peek().kind == .ifKeyword || kind == .with && peek().kind == .with {
                _ = self.next()
                let chained = ListNode(offset: offset)
                chained.append(.branch(try control(kind, context: context, start: offset)))
                elseList = chained
            } else {
                let (otherwise, closing) = try itemList()
                guard case .end = closing else { throw error("expected end; found \(closing.goDescription)") }
                elseList = otherwise
            }
        case .body:
            break
        }
        return BranchNode(
            kind: kind, offset: pipe.offset, pipe: pipe, list: list, elseList: elseList,
            headerSpan: headerSpan)
    }

    private mutating func blockControl() throws(TemplateError) -> BodyNode {
        let context = "block clause"
        let start = actionStart
        let token = nextNonSpace()
        let name = try templateName(token, context: context)
        let pipe = try pipeline(context: context, end: .rightDelim)
        let headerEnd = furthest
        let span = start..<lastRightDelimiterEnd
        let savedVariables = variables
        let savedRange = rangeDepth
        variables = ["$"]
        rangeDepth = 0
        defer {
            variables = savedVariables
            rangeDepth = savedRange
        }
        let (list, end) = try itemList()
        guard case .end = end else { throw error("unexpected \(end.goDescription) in \(context)", at: headerEnd) }
        try add(name: name, root: list)
        return .template(TemplateCallNode(offset: token.offset, name: name, pipe: pipe, span: span))
    }

    private mutating func templateControl(start: Int) throws(TemplateError) -> BodyNode {
        let context = "template clause"
        let token = nextNonSpace()
        let name = try templateName(token, context: context)
        var pipe: PipeNode?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context: context, end: .rightDelim)
        } else {
            lastRightDelimiterEnd = tokens[index - 1].offset + 2
        }
        return .template(
            TemplateCallNode(offset: token.offset, name: name, pipe: pipe, span: start..<lastRightDelimiterEnd))
    }

    /// A template name: the bytes of the Go string literal, valid UTF-8 or not.
    private mutating func templateName(_ token: Token, context: String) throws(TemplateError) -> MapKey {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context: context) }
        do { return MapKey(bytes: try GoUnquote.unquoteBytes(token.text)) } catch { throw self.error(error.message) }
    }

    // MARK: - Pipelines

    private mutating func pipeline(context: String, end: TokenKind) throws(TemplateError) -> PipeNode {
        let first = peekNonSpace()
        let pipe = PipeNode(offset: first.offset)
        declarations: while true {
            let variable = peekNonSpace()
            guard variable.kind == .variable else { break }
            let variableIndex = index
            _ = next()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                _ = nextNonSpace()
                pipe.declare(VariableNode(offset: variable.offset, names: [variable.text]), isAssign: following.kind == .assign)
                variables.append(variable.text)
            } else if following.kind == .char && following.text == "," {
                _ = nextNonSpace()
                pipe.declare(VariableNode(offset: variable.offset, names: [variable.text]), isAssign: pipe.isAssign)
                variables.append(variable.text)
                if context == "range" && pipe.declarations.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue declarations
                    default: throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else {
                index = variableIndex
            }
            break
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case end:
                if end == .rightDelim { lastRightDelimiterEnd = token.offset + token.text.utf8.count }
                try checkPipeline(pipe, context: context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString, .string,
                .variable, .leftParen:
                backup()
                pipe.append(try command())
            default:
                throw unexpected(token, context: context)
            }
        }
    }

    private func checkPipeline(_ pipe: PipeNode, context: String) throws(TemplateError) {
        if pipe.commands.isEmpty { throw error("missing value for \(context)") }
        for (position, command) in pipe.commands.enumerated().dropFirst() {
            switch command.arguments.first {
            case .bool, .dot, .nilLiteral, .number, .string:
                throw error("non executable command in pipeline stage \(position + 1)")
            default:
                continue
            }
        }
    }

    private mutating func command() throws(TemplateError) -> CommandNode {
        let command = CommandNode(offset: peekNonSpace().offset)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { command.append(operand) }
            let token = next()
            switch token.kind {
            case .space:
                continue
            case .rightDelim, .rightParen:
                backup()
            case .pipe:
                break
            default:
                throw unexpected(token, context: "operand")
            }
            break
        }
        if command.arguments.isEmpty { throw error("empty command") }
        return command
    }

    private mutating func operand() throws(TemplateError) -> ArgumentNode? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainOffset = peek().offset
        var names: [String] = []
        while peek().kind == .field { names.append(String(next().text.dropFirst())) }
        switch node {
        case .field(let field):
            return .field(FieldNode(offset: chainOffset, names: field.names + names))
        case .variable(let variable):
            return .variable(VariableNode(offset: chainOffset, names: variable.names + names))
        case .bool, .string, .number, .nilLiteral, .dot:
            throw error("unexpected . after term \(GoFormat.quote(node.syntax.goDescription))")
        default:
            return .chain(ChainNode(offset: chainOffset, node: node, names: names))
        }
    }

    private mutating func term() throws(TemplateError) -> ArgumentNode? {
        let token = nextNonSpace()
        switch token.kind {
        case .identifier:
            guard let function = resolveFunction(token.text) else {
                throw error("function \(GoFormat.quote(token.text)) not defined")
            }
            return .identifier(IdentifierNode(offset: token.offset, name: token.text, function: function))
        case .dot:
            return .dot(DotNode(offset: token.offset))
        case .nilKeyword:
            return .nilLiteral(NilNode(offset: token.offset))
        case .variable:
            let names = token.text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let node = VariableNode(offset: token.offset, names: names)
            guard variables.contains(node.variableName) else {
                throw error("undefined variable \(GoFormat.quote(node.variableName))")
            }
            return .variable(node)
        case .field:
            let names = token.text.split(separator: ".").map(String.init)
            return .field(FieldNode(offset: token.offset, names: names))
        case .bool:
            return .bool(BoolNode(offset: token.offset, value: token.text == "true"))
        case .charConstant, .complex, .number:
            do {
                return .number(NumberNode(offset: token.offset, literal: try NumberLiteral(text: token.text, kind: token.kind)))
            } catch {
                throw self.error(error.message)
            }
        case .leftParen:
            if expressionDepth >= Self.maximumExpressionDepth { throw error("max expression depth exceeded") }
            try guardStack()
            expressionDepth += 1
            defer { expressionDepth -= 1 }
            return .pipe(try pipeline(context: "parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            do {
                return .string(StringNode(offset: token.offset, quoted: token.text, value: .goString(try GoUnquote.unquoteBytes(token.text))))
            } catch {
                throw self.error(error.message)
            }
        default:
            backup()
            return nil
        }
    }
}
