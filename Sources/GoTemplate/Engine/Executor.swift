import ConfigTree

/// Runs a parsed template against data with Go's `text/template` rules (`exec.go`): walks the body,
/// evaluates pipelines, keeps the variable stack, enforces the limits, writes into one byte buffer and,
/// when asked, records the source map.
struct Executor {
    private let templates: [MapKey: ParsedTemplate]
    private let options: ExecutionOptions
    private let stack = StackGuard()
    private var output: [UInt8] = []
    /// The variable stack: names and values in two arrays, so that a lookup compares names only.
    private var variableNames: [String] = []
    private var variables: [EvaluatedValue] = []
    private var template: ParsedTemplate
    /// The node being evaluated, which errors name (Go's `state.node`).
    private unowned(unsafe) var node: SyntaxNode?
    /// Where the current template's variables start: a called template sees only its own.
    private var variableBase = 0
    private var depth = 0
    private var iterations = 0
    private var recordsSourceMap: Bool
    private var sourceMap = SourceMap()
    private var segments: [SourceMap.Segment] = []
    private var frames: [SourceMap.Frame] = []
    private var templateIndex: Int32 = 0
    private var templateIndexes: [ObjectIdentifier: Int32] = [:]
    private var frame: Int32 = -1

    private enum Flow { case normal, breakLoop, continueLoop }

    private static let reservedOutputBytes = 16 << 20
    private static let reservedSegments = 1 << 16

    init(templates: [MapKey: ParsedTemplate], template: ParsedTemplate, options: ExecutionOptions) {
        self.templates = templates
        self.template = template
        self.options = options
        self.recordsSourceMap = options.recordSourceMap
        // Address space for the whole output up front (up to 16 MiB, or the output limit): the system maps
        // its pages only as they are written, and the output is never copied to grow.
        output.reserveCapacity(max(0, min(options.maximumOutputBytes, Self.reservedOutputBytes)))
        if recordsSourceMap { segments.reserveCapacity(Self.reservedSegments) }
    }

    mutating func run(data: Value) throws(TemplateError) -> RenderResult {
        let dot = EvaluatedValue(data)
        pushVariable("$", dot)
        if recordsSourceMap { templateIndex = index(of: template) }
        _ = try walk(template.root, dot: dot)
        guard recordsSourceMap else { return RenderResult(output: output, sourceMap: nil) }
        sourceMap.segments = segments
        sourceMap.frames = frames
        return RenderResult(output: output, sourceMap: sourceMap)
    }

    // MARK: - Errors

    private func failure(_ message: String, kind: TemplateError.Kind = .execution) -> TemplateError {
        let origin = template.origin
        guard let node else {
            return TemplateError(
                kind: kind, description: "template: \(template.name): \(message)", templateName: template.name,
                source: origin.source)
        }
        let (line, column) = origin.lineAndColumn(of: node.offset)
        let description = "template: \(origin.parseName):\(line):\(column): executing \(GoFormat.quote(template.key)) at <\(node.goDescription)>: \(message)"
        return TemplateError(
            kind: kind, description: description, templateName: template.name, line: line, column: column,
            source: origin.source, offset: node.offset)
    }

    // MARK: - Output

    @inline(__always)
    private mutating func reserveOutput(_ count: Int, text: TextNode? = nil) throws(TemplateError) {
        if output.count + count > options.maximumOutputBytes {
            if let text { node = text }
            throw failure("output exceeds the limit of \(options.maximumOutputBytes) bytes", kind: .limit)
        }
    }

    private mutating func writeText(_ text: TextNode) throws(TemplateError) {
        try reserveOutput(text.bytes.count, text: text)
        let start = output.count
        output.append(contentsOf: text.bytes)
        if recordsSourceMap {
            let sourceStart = text.offset
            let sourceEnd = text.offset + text.bytes.count
            let last = segments.count - 1
            if last >= 0 && segments[last].isLiteral && segments[last].outputEnd == start
                && segments[last].sourceEnd == sourceStart && segments[last].frame == frame
                && segments[last].template == templateIndex
            {
                segments[last].outputEnd = output.count
                segments[last].sourceEnd = sourceEnd
            } else {
                segments.append(
                    SourceMap.Segment(
                        outputStart: start, outputEnd: output.count, isLiteral: true, template: templateIndex, frame: frame,
                        sourceStart: sourceStart, sourceEnd: sourceEnd, origin: nil))
            }
        }
    }

    private mutating func printValue(_ value: EvaluatedValue, action: ActionNode) throws(TemplateError) {
        node = action
        let start = output.count
        switch value.value.storage {
        case .string(let text):
            try reserveOutput(text.utf8.count)
            output.appendUTF8(text)
        case .byteString(let bytes):
            try reserveOutput(bytes.count)
            output.append(contentsOf: bytes)
        case .int(let number, _):
            try reserveOutput(20)
            output.appendDecimal(number)
        case .float(let number, .float64) where number.magnitude < 1e6 && number.rounded(.towardZero) == number
            && !(number == 0 && number.sign == .minus):
            // Go's %v prints a float64 with an exponent below 1e+06 and no fraction as its integer digits.
            try reserveOutput(20)
            output.appendDecimal(Int64(number))
        case .nil:
            try reserveOutput(10)
            output.append(contentsOf: "<no value>".utf8)
        case .bool(let flag):
            try reserveOutput(5)
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        default:
            var bytes: [UInt8] = []
            GoFormat.appendFormatted(value.value, to: &bytes)
            try reserveOutput(bytes.count)
            output.append(contentsOf: bytes)
        }
        if recordsSourceMap && output.count > start {
            segments.append(
                SourceMap.Segment(
                    outputStart: start, outputEnd: output.count, isLiteral: false, template: templateIndex, frame: frame,
                    sourceStart: action.span.lowerBound, sourceEnd: action.span.upperBound, origin: value.value.origin))
        }
    }

    private mutating func index(of template: ParsedTemplate) -> Int32 {
        let key = ObjectIdentifier(template)
        if let existing = templateIndexes[key] { return existing }
        let index = Int32(sourceMap.templates.count)
        sourceMap.templates.append(SourceMap.TemplateInfo(name: template.name, source: template.origin.source))
        templateIndexes[key] = index
        return index
    }

    // MARK: - Walking

    private mutating func walk(_ list: ListNode, dot: EvaluatedValue) throws(TemplateError) -> Flow {
        for item in list.nodes {
            switch item {
            case .text(let text):
                try writeText(text)
            case .action(let action):
                node = action
                let value = try evaluatePipeline(action.pipe, dot: dot)
                if action.pipe.declarations.isEmpty { try printValue(value, action: action) }
            case .branch(let branch):
                let flow: Flow
                switch branch.kind {
                case .range: flow = try walkRange(branch, dot: dot)
                case .ifBranch, .with: flow = try walkIfOrWith(branch, dot: dot)
                }
                if flow != .normal { return flow }
            case .template(let call):
                try walkTemplate(call, dot: dot)
            case .loopControl(let control):
                node = control
                return control.isBreak ? .breakLoop : .continueLoop
            case .comment:
                continue
            }
        }
        return .normal
    }

    private mutating func walkIfOrWith(_ branch: BranchNode, dot: EvaluatedValue) throws(TemplateError) -> Flow {
        node = branch
        let mark = variables.count
        defer { popVariables(to: mark) }
        let value = try evaluatePipeline(branch.pipe, dot: dot)
        if isTrue(value.value) {
            return try walk(branch.list, dot: branch.kind == .with ? value : dot)
        } else if let elseList = branch.elseList {
            return try walk(elseList, dot: dot)
        }
        return .normal
    }

    private mutating func walkRange(_ range: BranchNode, dot: EvaluatedValue) throws(TemplateError) -> Flow {
        node = range
        let outerMark = variables.count
        defer { popVariables(to: outerMark) }
        let value = try evaluatePipeline(range.pipe, dot: dot)
        let mark = variables.count
        let savedFrame = frame
        defer { frame = savedFrame }
        var iterated = false

        func iterate(index: EvaluatedValue, element: EvaluatedValue, iteration: Int, key: String?) throws(TemplateError) -> Bool {
            iterations += 1
            if iterations > options.maximumRangeIterations {
                node = range.pipe
                throw failure("range iterations exceed the limit of \(options.maximumRangeIterations)", kind: .limit)
            }
            let pipe = range.pipe
            let declarations = pipe.declarations
            if !declarations.isEmpty {
                if pipe.isAssign {
                    try setVariable(declarations[0].variableName, declarations.count > 1 ? index : element)
                    if declarations.count > 1 { try setVariable(declarations[1].variableName, element) }
                } else {
                    variables[mark - 1] = element
                    if declarations.count > 1 { variables[mark - 2] = index }
                }
            }
            if recordsSourceMap {
                frames.append(
                    SourceMap.Frame(
                        parent: savedFrame, template: templateIndex, sourceStart: range.headerSpan.lowerBound,
                        sourceEnd: range.headerSpan.upperBound, callee: -1, iteration: iteration, key: key))
                frame = Int32(frames.count - 1)
            }
            let flow = try walk(range.list, dot: element)
            popVariables(to: mark)
            return flow != .breakLoop
        }

        switch value.value.storage {
        case .int(let count, let type):
            if range.pipe.declarations.count > 1 {
                throw failure("can't use \(GoFormat.formatValue(value.value)) to iterate over more than one variable")
            }
            var current: Int64 = 0
            while current < count {
                iterated = true
                let element = EvaluatedValue(Value(.int(current, type)))
                if try !iterate(index: .missing, element: element, iteration: Int(truncatingIfNeeded: current), key: nil) { break }
                current += 1
            }
        case .uint(let count, let type):
            if range.pipe.declarations.count > 1 {
                throw failure("can't use \(GoFormat.formatValue(value.value)) to iterate over more than one variable")
            }
            var current: UInt64 = 0
            while current < count {
                iterated = true
                let element = EvaluatedValue(Value(.uint(current, type)))
                if try !iterate(index: .missing, element: element, iteration: Int(truncatingIfNeeded: current), key: nil) { break }
                current += 1
            }
        case .list(let items, let elementType):
            let boxed = elementType.isInterface
            for (position, item) in items.enumerated() {
                iterated = true
                let index = EvaluatedValue(.int(position))
                if try !iterate(index: index, element: EvaluatedValue(value: item, boxed: boxed), iteration: position, key: nil) {
                    break
                }
            }
        case .map(let members, let valueType):
            let boxed = valueType.isInterface
            for (position, key) in members.sortedKeys.enumerated() {
                iterated = true
                let element = EvaluatedValue(value: members[key] ?? .nil, boxed: boxed)
                if try !iterate(index: EvaluatedValue(key.value), element: element, iteration: position, key: key.text) { break }
            }
        case .nil:
            break
        default:
            throw failure("range can't iterate over \(GoFormat.formatValue(value.value))")
        }
        if !iterated, let elseList = range.elseList {
            frame = savedFrame
            return try walk(elseList, dot: dot)
        }
        return .normal
    }

    private mutating func walkTemplate(_ call: TemplateCallNode, dot: EvaluatedValue) throws(TemplateError) {
        node = call
        guard let callee = templates[call.name] else {
            throw failure("template \(GoFormat.quote(call.name)) not defined")
        }
        if depth >= options.maximumDepth {
            throw failure("exceeded maximum template depth (\(options.maximumDepth))", kind: .limit)
        }
        if stack.isExhausted() {
            throw failure("exceeded the native stack at template depth \(depth)", kind: .limit)
        }
        var newDot = EvaluatedValue.missing
        if let pipe = call.pipe { newDot = try evaluatePipeline(pipe, dot: dot) }
        let savedBase = variableBase
        let savedCount = variables.count
        let savedTemplate = template
        let savedNode = node
        let savedIndex = templateIndex
        let savedFrame = frame
        variableBase = savedCount
        pushVariable("$", newDot)
        template = callee
        depth += 1
        if recordsSourceMap {
            let calleeIndex = index(of: callee)
            frames.append(
                SourceMap.Frame(
                    parent: frame, template: templateIndex, sourceStart: call.span.lowerBound, sourceEnd: call.span.upperBound,
                    callee: calleeIndex, iteration: 0, key: nil))
            frame = Int32(frames.count - 1)
            templateIndex = calleeIndex
        }
        defer {
            popVariables(to: savedCount)
            variableBase = savedBase
            template = savedTemplate
            node = savedNode
            templateIndex = savedIndex
            frame = savedFrame
            depth -= 1
        }
        _ = try walk(callee.root, dot: newDot)
    }

    // MARK: - Variables

    @inline(__always)
    private mutating func pushVariable(_ name: String, _ value: EvaluatedValue) {
        variableNames.append(name)
        variables.append(value)
    }

    @inline(__always)
    private mutating func popVariables(to count: Int) {
        variableNames.truncate(to: count)
        variables.truncate(to: count)
    }

    private mutating func setVariable(_ name: String, _ value: EvaluatedValue) throws(TemplateError) {
        var position = variables.count - 1
        while position >= variableBase {
            if variableNames[position] == name {
                variables[position] = value
                return
            }
            position -= 1
        }
        throw failure("undefined variable: \(name)")
    }

    private mutating func variableValue(_ name: String) throws(TemplateError) -> EvaluatedValue {
        var position = variables.count - 1
        while position >= variableBase {
            if variableNames[position] == name { return variables[position] }
            position -= 1
        }
        throw failure("undefined variable: \(name)")
    }

    // MARK: - Evaluation

    private mutating func evaluatePipeline(_ pipe: PipeNode, dot: EvaluatedValue) throws(TemplateError) -> EvaluatedValue {
        node = pipe
        if stack.isExhausted() { throw failure("expression nesting exceeds the native stack", kind: .limit) }
        let commands = pipe.commands
        var result = try evaluateCommand(commands[0], dot: dot, final: nil)
        result.boxed = false
        var position = 1
        while position < commands.count {
            result = try evaluateCommand(commands[position], dot: dot, final: result)
            result.boxed = false
            position += 1
        }
        for variable in pipe.declarations {
            if pipe.isAssign {
                try setVariable(variable.variableName, result)
            } else {
                pushVariable(variable.variableName, result)
            }
        }
        return result
    }

    private func notAFunction(_ first: ArgumentNode, hasArguments: Bool) throws(TemplateError) {
        if hasArguments { throw failure("can't give argument to non-function \(first.syntax.goDescription)") }
    }

    private mutating func evaluateCommand(_ command: CommandNode, dot: EvaluatedValue, final: EvaluatedValue?) throws(TemplateError) -> EvaluatedValue {
        let arguments = command.arguments
        let first = arguments[0]
        let hasArguments = arguments.count > 1 || final != nil
        let methodArguments = hasArguments ? MethodArguments(operands: arguments[1...], final: final, dot: dot) : nil
        switch first {
        case .field(let field):
            node = field
            return try evaluateFieldChain(receiver: dot, names: field.names[...], arguments: methodArguments, fieldNode: field)
        case .chain(let chain):
            return try evaluateChain(chain, dot: dot, arguments: methodArguments)
        case .identifier(let identifier):
            node = identifier
            return try call(identifier, node: command, dot: dot, arguments: arguments, final: final)
        case .pipe(let pipe):
            try notAFunction(first, hasArguments: hasArguments)
            return try evaluatePipeline(pipe, dot: dot)
        case .variable(let variable):
            return try evaluateVariable(variable, arguments: methodArguments)
        default:
            break
        }
        node = first.syntax
        try notAFunction(first, hasArguments: hasArguments)
        switch first {
        case .bool(let literal): return EvaluatedValue(.bool(literal.value))
        case .dot: return dot
        case .nilLiteral: throw failure("nil is not a command")
        case .number(let number): return try idealConstant(number)
        case .string(let literal): return EvaluatedValue(literal.value)
        default: throw failure("can't evaluate command \(GoFormat.quote(first.syntax.goDescription))")
        }
    }

    private mutating func idealConstant(_ number: NumberNode) throws(TemplateError) -> EvaluatedValue {
        node = number
        switch number.literal.idealValue {
        case .success(let value): return EvaluatedValue(value)
        case .failure(let error): throw failure(error.message)
        }
    }

    private mutating func evaluateChain(_ chain: ChainNode, dot: EvaluatedValue, arguments: MethodArguments?) throws(TemplateError) -> EvaluatedValue {
        node = chain
        if case .nilLiteral = chain.node { throw failure("indirection through explicit nil in \(chain.goDescription)") }
        let receiver = try evaluateArgument(chain.node, type: .reflectValue, dot: dot)
        return try evaluateFieldChain(receiver: receiver, names: chain.names[...], arguments: arguments, fieldNode: chain)
    }

    private mutating func evaluateVariable(_ variable: VariableNode, arguments: MethodArguments?) throws(TemplateError) -> EvaluatedValue {
        node = variable
        let value = try variableValue(variable.variableName)
        if variable.names.count == 1 {
            try notAFunction(.variable(variable), hasArguments: arguments != nil)
            return value
        }
        return try evaluateFieldChain(receiver: value, names: variable.names[1...], arguments: arguments, fieldNode: variable)
    }

    /// The operands a command passes to the method its last field names (Go's `args` after the field, and
    /// `final`, the result of the previous command of the pipeline).
    private struct MethodArguments {
        var operands: ArraySlice<ArgumentNode>
        var final: EvaluatedValue?
        var dot: EvaluatedValue
    }

    /// `.A.B.C` from `receiver`; only the last field receives the arguments (Go's `evalFieldChain`).
    private mutating func evaluateFieldChain(
        receiver: EvaluatedValue, names: ArraySlice<String>, arguments: MethodArguments?, fieldNode: SyntaxNode
    ) throws(TemplateError) -> EvaluatedValue {
        let last = names.endIndex - 1
        var current = try evaluateField(names[names.startIndex], receiver: receiver, arguments: last == names.startIndex ? arguments : nil, fieldNode: fieldNode)
        var position = names.startIndex + 1
        while position <= last {
            current = try evaluateField(names[position], receiver: current, arguments: position == last ? arguments : nil, fieldNode: fieldNode)
            position += 1
        }
        return current
    }

    /// Go's `evalField`: a method of the receiver (called with `arguments`), a niladic method or field of an
    /// object, or a map key.
    private mutating func evaluateField(
        _ name: String, receiver: EvaluatedValue, arguments: MethodArguments?, fieldNode: SyntaxNode
    ) throws(TemplateError) -> EvaluatedValue {
        let hasArguments = arguments != nil
        switch receiver.value.storage {
        case .map(let members, let valueType):
            if hasArguments { throw failure("\(name) is not a method but has arguments") }
            if let member = members[MapKey(name)] { return EvaluatedValue(value: member, boxed: valueType.isInterface) }
            switch options.missingKey {
            case .default: return .missing
            case .zero: return valueType.zeroValue
            case .error: throw failure("map has no entry for key \(GoFormat.quote(name))")
            }
        case .nil:
            if receiver.boxed { throw failure("nil pointer evaluating interface {}.\(name)") }
            if options.missingKey == .error { throw failure("nil data; no entry for key \(GoFormat.quote(name))") }
            return .missing
        case .object(let object):
            if let method = object.method(name) {
                return try callMethod(method, name: name, arguments: arguments, fieldNode: fieldNode)
            }
            let member: Value?
            do { member = try object.member(name) } catch let error as FunctionError {
                throw failure("error calling \(name): \(error.message)")
            } catch {
                throw failure("error calling \(name): \(error)")
            }
            if let member {
                if hasArguments { throw failure("\(name) has arguments but cannot be invoked as function") }
                return EvaluatedValue(member)
            }
        default:
            break
        }
        throw failure("can't evaluate field \(name) in type \(receiver.typeDescription)")
    }

    /// Go's `evalCall` for a method that takes arguments (`.Compare $v`, `.Format "2006"`): the count checked,
    /// each operand evaluated for its parameter, then the method called.
    private mutating func callMethod(
        _ method: TemplateFunction, name: String, arguments: MethodArguments?, fieldNode: SyntaxNode
    ) throws(TemplateError) -> EvaluatedValue {
        let operands = arguments?.operands ?? []
        let final = arguments?.final
        let parameters = method.parameters
        let count = operands.count + (final == nil ? 0 : 1)
        if method.variadic != nil {
            if count < parameters.count {
                throw failure("wrong number of args for \(name): want at least \(parameters.count) got \(operands.count)")
            }
        } else if count != parameters.count {
            throw failure("wrong number of args for \(name): want \(parameters.count) got \(count)")
        }
        func parameter(at position: Int) -> ParameterType {
            .type(position < parameters.count ? parameters[position] : (method.variadic ?? .interface))
        }
        var values: [Value] = []
        values.reserveCapacity(count)
        if let arguments {
            for (position, operand) in operands.enumerated() {
                values.append(try evaluateArgument(operand, type: parameter(at: position), dot: arguments.dot).value)
            }
        }
        if let final { values.append(try validate(final, type: parameter(at: count - 1)).value) }
        do {
            return EvaluatedValue(value: try method.body(values, options.context), boxed: method.result.isInterface)
        } catch let error as FunctionError {
            node = fieldNode
            throw failure("error calling \(name): \(error.message)")
        } catch let error as TemplateError {
            throw error
        } catch {
            node = fieldNode
            throw failure("error calling \(name): \(error)")
        }
    }

    // MARK: - Calls

    private mutating func call(
        _ identifier: IdentifierNode, node callNode: SyntaxNode, dot: EvaluatedValue, arguments: [ArgumentNode],
        final: EvaluatedValue?
    ) throws(TemplateError) -> EvaluatedValue {
        let function = identifier.function
        let name = identifier.name
        let passed = arguments.count > 1 ? arguments[1...] : []
        let parameters = function.parameters
        let variadic = function.variadic
        let count = passed.count + (final == nil ? 0 : 1)
        if variadic != nil {
            if count < parameters.count {
                throw failure("wrong number of args for \(name): want at least \(parameters.count) got \(passed.count)")
            }
        } else if count != parameters.count {
            throw failure("wrong number of args for \(name): want \(parameters.count) got \(count)")
        }

        if case .builtin(let builtin) = function.implementation, builtin == .and || builtin == .or {
            var value = EvaluatedValue.missing
            for argument in passed {
                value = try evaluateArgument(argument, type: .reflectValue, dot: dot)
                if isTrue(value.value) == (builtin == .or) { return value }
            }
            if let final { value = final }
            return value
        }

        let finalType: ParameterType?
        if final == nil {
            finalType = nil
        } else if let variadic {
            finalType = count - 1 < parameters.count ? parameters[count - 1] : variadic
        } else {
            finalType = parameters[parameters.count - 1]
        }

        switch function.implementation {
        case .builtin(let builtin) where builtin.takesPlainValues:
            var values: [Value] = []
            values.reserveCapacity(count)
            var position = 0
            for argument in passed {
                let type = position < parameters.count ? parameters[position] : (variadic ?? .type(.interface))
                values.append(try evaluateArgument(argument, type: type, dot: dot).value)
                position += 1
            }
            if let final, let finalType { values.append(try validate(final, type: finalType).value) }
            do {
                return EvaluatedValue(try builtin.call(plain: values, limit: options.context.maximumResultSize))
            } catch {
                node = callNode
                throw failure("error calling \(name): \(error.message)", kind: .limit)
            }
        case .builtin(let builtin):
            var values: [EvaluatedValue] = []
            values.reserveCapacity(count)
            var position = 0
            for argument in passed {
                let type = position < parameters.count ? parameters[position] : (variadic ?? .type(.interface))
                values.append(try evaluateArgument(argument, type: type, dot: dot))
                position += 1
            }
            if let final, let finalType { values.append(try validate(final, type: finalType)) }
            do {
                return try builtin.call(values, limit: options.context.maximumResultSize)
            } catch {
                node = callNode
                throw failure("error calling \(name): \(error.message)")
            }
        case .user(let user):
            var values: [Value] = []
            values.reserveCapacity(count)
            var position = 0
            for argument in passed {
                let type = position < parameters.count ? parameters[position] : (variadic ?? .type(.interface))
                values.append(try evaluateArgument(argument, type: type, dot: dot).value)
                position += 1
            }
            if let final, let finalType { values.append(try validate(final, type: finalType).value) }
            let result: Value
            do {
                var context = options.context
                context.callSite = CallSite(
                    templateName: template.name, source: template.origin.source ?? template.origin.parseName,
                    range: identifier.offset..<(identifier.offset + name.utf8.count)
                )
                result = try user.body(values, context)
            } catch let error as FunctionError {
                node = callNode
                throw failure("error calling \(name): \(error.message)")
            } catch let error as TemplateError {
                throw error
            } catch {
                node = callNode
                throw failure("error calling \(name): \(error)")
            }
            if user.mutatesFirstArgument, case .variable(let variable)? = passed.first {
                storeMutatedArgument(result, into: variable)
            }
            return EvaluatedValue(value: result, boxed: user.result.isInterface)
        }
    }

    /// A function that changes its first argument in Go (sprig's `set`, `merge`) changes a map that every
    /// reference shares. Values here are copies, so the changed map is stored back where the argument was
    /// read: the variable, or the member of the variable its fields lead to (`$d`, `$d.a.b`, `$.m`).
    private mutating func storeMutatedArgument(_ changed: Value, into variable: VariableNode) {
        var position = variables.count - 1
        while position >= variableBase && variableNames[position] != variable.variableName { position -= 1 }
        guard position >= variableBase else { return }
        let names = variable.names.dropFirst()
        if names.isEmpty {
            variables[position].value = changed
        } else if let updated = Self.replacing(in: variables[position].value, path: names, with: changed) {
            variables[position].value = updated
        }
    }

    /// `value` with the member at `path` (through maps only) replaced, or nil when the path leaves the maps.
    private static func replacing(in value: Value, path: ArraySlice<String>, with newValue: Value) -> Value? {
        guard let key = path.first else { return newValue }
        guard case .map(var members, let valueType) = value.storage, let member = members[MapKey(key)],
            let updated = replacing(in: member, path: path.dropFirst(), with: newValue)
        else { return nil }
        members[MapKey(key)] = updated
        return Value(.map(members, valueType: valueType), origin: value.origin)
    }

    /// Go's `validateType`: checks (and for no value, converts) a computed value for a parameter.
    private mutating func validate(_ value: EvaluatedValue, type parameter: ParameterType) throws(TemplateError) -> EvaluatedValue {
        guard case .type(let type) = parameter else { return value }
        if value.isMissing {
            if type.canBeNil { return type.zeroValue }
            throw failure("invalid value; expected \(type)")
        }
        if type.isInterface { return value }
        if value.boxed && value.value.isNil { throw failure("wrong type for value; expected \(type); got interface {}") }
        if value.value.goType == type { return value.unboxed }
        throw failure("wrong type for value; expected \(type); got \(value.value.goType)")
    }

    /// Go's `evalArg`: evaluates an argument for a parameter; literals are converted to the parameter's type.
    private mutating func evaluateArgument(_ argument: ArgumentNode, type parameter: ParameterType, dot: EvaluatedValue) throws(TemplateError) -> EvaluatedValue {
        node = argument.syntax
        switch argument {
        case .dot:
            return try validate(dot, type: parameter)
        case .nilLiteral:
            guard case .type(let type) = parameter else { return .missing }
            if type.canBeNil { return type.zeroValue }
            throw failure("cannot assign nil to \(type)")
        case .field(let field):
            return try validate(try evaluateFieldChain(receiver: dot, names: field.names[...], arguments: nil, fieldNode: field), type: parameter)
        case .variable(let variable):
            return try validate(try evaluateVariable(variable, arguments: nil), type: parameter)
        case .pipe(let pipe):
            return try validate(try evaluatePipeline(pipe, dot: dot), type: parameter)
        case .identifier(let identifier):
            return try validate(try call(identifier, node: identifier, dot: dot, arguments: [], final: nil), type: parameter)
        case .chain(let chain):
            return try validate(try evaluateChain(chain, dot: dot, arguments: nil), type: parameter)
        case .bool, .number, .string:
            break
        }
        guard case .type(let type) = parameter else { return try emptyInterfaceLiteral(argument) }
        let description = argument.syntax.goDescription
        switch type {
        case .bool:
            if case .bool(let literal) = argument { return EvaluatedValue(.bool(literal.value)) }
            throw failure("expected bool; found \(description)")
        case .complex128:
            if case .number(let number) = argument, number.literal.isComplex {
                return EvaluatedValue(Value(.complex(number.literal.complex.real, number.literal.complex.imaginary)))
            }
            throw failure("expected complex; found \(description)")
        case .float32, .float64:
            if case .number(let number) = argument, number.literal.isFloat {
                return EvaluatedValue(Value(.float(number.literal.float64, type == .float32 ? .float32 : .float64)))
            }
            throw failure("expected float; found \(description)")
        case .integer(let integerType):
            if integerType.isSigned {
                if case .number(let number) = argument, number.literal.isInt {
                    return EvaluatedValue(Value(.int(Self.truncate(number.literal.int64, to: integerType), integerType)))
                }
                throw failure("expected integer; found \(description)")
            }
            if case .number(let number) = argument, number.literal.isUint {
                return EvaluatedValue(Value(.uint(Self.truncate(number.literal.uint64, to: integerType), integerType)))
            }
            throw failure("expected unsigned integer; found \(description)")
        case .interface, .nilType:
            return try emptyInterfaceLiteral(argument)
        case .string:
            if case .string(let literal) = argument { return EvaluatedValue(literal.value) }
            throw failure("expected string; found \(description)")
        default:
            throw failure("can't handle \(description) for arg of type \(type)")
        }
    }

    private mutating func emptyInterfaceLiteral(_ argument: ArgumentNode) throws(TemplateError) -> EvaluatedValue {
        switch argument {
        case .bool(let literal): return EvaluatedValue(.bool(literal.value))
        case .number(let number): return try idealConstant(number)
        case .string(let literal): return EvaluatedValue(literal.value)
        default: throw failure("can't handle assignment of \(argument.syntax.goDescription) to empty interface argument")
        }
    }

    private static func truncate(_ value: Int64, to type: IntType) -> Int64 {
        switch type.bitWidth {
        case 8: return Int64(Int8(truncatingIfNeeded: value))
        case 16: return Int64(Int16(truncatingIfNeeded: value))
        case 32: return Int64(Int32(truncatingIfNeeded: value))
        default: return value
        }
    }

    private static func truncate(_ value: UInt64, to type: IntType) -> UInt64 {
        switch type.bitWidth {
        case 8: return UInt64(UInt8(truncatingIfNeeded: value))
        case 16: return UInt64(UInt16(truncatingIfNeeded: value))
        case 32: return UInt64(UInt32(truncatingIfNeeded: value))
        default: return value
        }
    }
}
