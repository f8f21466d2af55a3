/// Random Go templates from a grammar of the template language, over random JSON-like data: the programs of
/// the differential campaign against Go (issue 18). The same seed gives the same programs on every machine.
///
/// Most programs are valid: actions, pipelines, variables, `if`/`with`/`range`/`break`/`continue`,
/// `define`/`template`/`block`, comments and trim markers, over field chains, literals, built-ins and the
/// deterministic part of sprig. About one in five is then mutated (a byte range deleted, a fragment such as
/// `{{`, `)` or `:=` inserted, a slice repeated) to exercise parse errors. Execution errors come on their own
/// (a field of a number, a float where `repeat` wants an int).
///
/// The grammar stays clear of what would make Go's own output unrepeatable or Go 1.19 differ from the newer
/// Go the engine follows: no clock or random functions except the stubbed ones, no `keys`/`values` (map
/// order), no `%p`, no `range` over an integer, no recursion through `template`.
struct ProgramGenerator {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// The environment every generated program sees.
    static let environment = ["HOME": "/home/k", "PORT": "8080", "EMPTY": "", "NAME": "svc<&>"]

    /// The `index`-th program of the run (the name only labels it; the sequence depends on the seed).
    mutating func next(index: Int) -> TemplateCase {
        var program = Program()
        var templates: [TemplateCase.Source] = []
        let defineCount = random.below(3)
        var defines = ""
        for number in 0..<defineCount {
            program.callable = (0..<number).map { "d\($0)" }
            let body = block(&program, depth: 2, scope: Scope())
            defines += "{{define \"d\(number)\"}}\(body){{end}}"
        }
        program.callable = (0..<defineCount).map { "d\($0)" }
        var main = defines + block(&program, depth: 3, scope: Scope())
        if random.below(5) == 0 { main = mutate(main) }
        templates.append(.init(name: "main", text: main))
        if random.below(4) == 0 {
            var second = block(&program, depth: 2, scope: Scope())
            if random.below(5) == 0 { second = mutate(second) }
            templates.append(.init(name: "second.tmpl", text: second))
            if random.below(2) == 0 {
                templates[0].text += "{{template \"second.tmpl\" \(operand(&program, scope: Scope(), depth: 1))}}"
            }
        }
        var testCase = TemplateCase(name: "generated/\(index)", templates: templates)
        testCase.dataJSON = json(depth: 3, topLevel: true)
        testCase.environment = ProgramGenerator.environment
        if random.below(10) == 0 { testCase.missingKey = random.pick(["zero", "error"]) }
        return testCase
    }

    // MARK: - The grammar

    /// What the generator knows while it writes one program.
    private struct Program {
        /// The `define`d templates a `{{template}}` may call here (only earlier ones, so no recursion).
        var callable: [String] = []
        var nextVariable = 0
        var blockNames = 0
    }

    /// Variables in scope and whether `break`/`continue` may appear.
    private struct Scope {
        var variables: [String] = []
        var inRange = false
    }

    private mutating func block(_ program: inout Program, depth: Int, scope: Scope) -> String {
        var scope = scope
        var text = ""
        for _ in 0..<(1 + random.below(depth > 0 ? 4 : 2)) {
            text += item(&program, depth: depth, scope: &scope)
        }
        return text
    }

    private mutating func item(_ program: inout Program, depth: Int, scope: inout Scope) -> String {
        let choice = random.below(depth > 0 ? 15 : 7)
        switch choice {
        case 0, 1: return random.pick(ProgramGenerator.texts)
        case 2, 3, 4: return action(pipeline(&program, scope: scope, depth: 2))
        case 5:
            let name = "$v\(program.nextVariable)"
            program.nextVariable += 1
            let declaration = action("\(name) := \(pipeline(&program, scope: scope, depth: 2))")
            scope.variables.append(name)
            return declaration
        case 6:
            if let variable = random.pick(orNil: scope.variables) {
                return action("\(variable) = \(pipeline(&program, scope: scope, depth: 1))")
            }
            return action("/* \(random.pick(["c", "", " x "])) */")
        case 7, 8: return conditional(&program, keyword: random.pick(["if", "with"]), depth: depth, scope: scope)
        case 9, 10: return rangeAction(&program, depth: depth, scope: scope)
        case 11:
            if scope.inRange { return action(random.pick(["break", "continue"])) }
            return action(pipeline(&program, scope: scope, depth: 1))
        case 12:
            if let name = random.pick(orNil: program.callable) {
                let argument = random.below(4) == 0 ? "" : " " + pipeline(&program, scope: scope, depth: 1)
                return action("template \"\(name)\"\(argument)")
            }
            return action(pipeline(&program, scope: scope, depth: 1))
        case 13:
            let name = "b\(program.blockNames)"
            program.blockNames += 1
            return action("block \"\(name)\" \(operand(&program, scope: scope, depth: 1))")
                + block(&program, depth: depth - 1, scope: Scope()) + action("end")
        default: return action("/* comment */")
        }
    }

    private mutating func conditional(_ program: inout Program, keyword: String, depth: Int, scope: Scope) -> String {
        var inner = scope
        var head = pipeline(&program, scope: scope, depth: 2)
        if random.below(4) == 0 {
            let name = "$v\(program.nextVariable)"
            program.nextVariable += 1
            head = "\(name) := \(head)"
            inner.variables.append(name)
        }
        var text = action("\(keyword) \(head)") + block(&program, depth: depth - 1, scope: inner)
        if keyword == "if", random.below(3) == 0 {
            text += action("else if \(pipeline(&program, scope: scope, depth: 1))") + block(&program, depth: depth - 1, scope: scope)
        }
        if random.below(2) == 0 {
            text += action("else") + block(&program, depth: depth - 1, scope: keyword == "if" ? inner : scope)
        }
        return text + action("end")
    }

    private mutating func rangeAction(_ program: inout Program, depth: Int, scope: Scope) -> String {
        var inner = scope
        inner.inRange = true
        var head = rangeSource(&program, scope: scope)
        switch random.below(3) {
        case 0:
            let element = "$v\(program.nextVariable)"
            program.nextVariable += 1
            head = "\(element) := \(head)"
            inner.variables.append(element)
        case 1:
            let key = "$v\(program.nextVariable)", element = "$v\(program.nextVariable + 1)"
            program.nextVariable += 2
            head = "\(key), \(element) := \(head)"
            inner.variables += [key, element]
        default: break
        }
        var text = action("range \(head)") + block(&program, depth: depth - 1, scope: inner)
        if random.below(3) == 0 { text += action("else") + block(&program, depth: depth - 1, scope: scope) }
        return text + action("end")
    }

    /// What a `range` iterates: data (lists, maps, or scalars that Go refuses) or a list-making function.
    private mutating func rangeSource(_ program: inout Program, scope: Scope) -> String {
        switch random.below(6) {
        case 0: return "list \(operand(&program, scope: scope, depth: 0)) \(operand(&program, scope: scope, depth: 0))"
        case 1: return "until \(random.below(5))"
        case 2: return "splitList \",\" \(random.pick(["\"a,b,c\"", "\"\"", ".s", "\"x\""]))"
        default: return fieldChain()
        }
    }

    private mutating func action(_ body: String) -> String {
        let left = random.below(6) == 0 ? "{{- " : random.below(8) == 0 ? "{{ " : "{{"
        let right = random.below(6) == 0 ? " -}}" : random.below(8) == 0 ? " }}" : "}}"
        return left + body + right
    }

    private mutating func pipeline(_ program: inout Program, scope: Scope, depth: Int) -> String {
        var text = command(&program, scope: scope, depth: depth)
        for _ in 0..<random.below(3) {
            let function = random.pick(ProgramGenerator.pipeFunctions)
            let extra = (0..<function.arguments).map { _ in operand(&program, scope: scope, depth: 0) }
            text += " | " + ([function.name] + extra).joined(separator: " ")
        }
        return text
    }

    private mutating func command(_ program: inout Program, scope: Scope, depth: Int) -> String {
        if random.below(3) == 0 { return operand(&program, scope: scope, depth: depth) }
        let function = random.pick(ProgramGenerator.functions)
        var count = function.arguments
        if function.variadic { count += random.below(3) }
        if random.below(25) == 0 { count += random.pick([-1, 1]) }
        let arguments = (0..<max(0, count)).map { _ in operand(&program, scope: scope, depth: depth - 1) }
        return ([function.name] + arguments).joined(separator: " ")
    }

    private mutating func operand(_ program: inout Program, scope: Scope, depth: Int) -> String {
        switch random.below(depth > 0 ? 10 : 8) {
        case 0, 1, 2: return fieldChain()
        case 3:
            guard let variable = random.pick(orNil: scope.variables) else { return "$" }
            return random.below(3) == 0 ? variable + fieldChain() : variable
        case 4, 5: return random.pick(ProgramGenerator.literals)
        case 6: return random.pick(["\"%v\"", "\"%d\"", "\"%s-%q\"", "\"%5.2f\"", "\"%T\"", "\"%x\"", "\"%+v\"", "\"%-4s|\"", "\"%#v\"", "\"%e %g\""])
        case 7: return random.pick([".", "$", "$.s", "$.list"])
        default: return "(" + pipeline(&program, scope: scope, depth: depth - 1) + ")"
        }
    }

    private mutating func fieldChain() -> String {
        var chain = ""
        for _ in 0..<(1 + random.below(3)) {
            chain += "." + random.pick(ProgramGenerator.keys)
        }
        return chain
    }

    // MARK: - Mutation into (mostly) invalid programs

    private mutating func mutate(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        let position = random.below(scalars.count + 1)
        switch random.below(3) {
        case 0 where !scalars.isEmpty:
            let end = min(scalars.count, position + 1 + random.below(4))
            scalars.removeSubrange(min(position, scalars.count - 1)..<end)
        case 1 where scalars.count > 2:
            let end = min(scalars.count, position + 1 + random.below(6))
            let piece = scalars[min(position, scalars.count - 1)..<end]
            scalars.insert(contentsOf: piece, at: min(position, scalars.count))
        default:
            scalars.insert(contentsOf: random.pick(ProgramGenerator.fragments).unicodeScalars, at: position)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    // MARK: - Data

    /// Random JSON text: objects keyed mostly by the names field chains use, numbers that print in every
    /// style `%v` has, strings with markup and non-ASCII text.
    private mutating func json(depth: Int, topLevel: Bool = false) -> String {
        let choice = topLevel ? 0 : random.below(depth > 0 ? 10 : 6)
        switch choice {
        case 0, 6, 7:
            let count = topLevel ? 4 + random.below(6) : random.below(4)
            var members: [String] = []
            for _ in 0..<count {
                members.append("\"\(random.pick(ProgramGenerator.keys))\": \(json(depth: depth - 1))")
            }
            return "{" + members.joined(separator: ", ") + "}"
        case 8, 9:
            return "[" + (0..<random.below(4)).map { _ in json(depth: depth - 1) }.joined(separator: ", ") + "]"
        case 1, 2: return random.pick(ProgramGenerator.numbers)
        case 3: return random.pick(ProgramGenerator.strings)
        case 4: return random.pick(["true", "false"])
        default: return "null"
        }
    }

    // MARK: - Vocabulary

    private struct Function {
        var name: String
        var arguments: Int
        var variadic = false
    }

    static let keys = ["a", "b", "s", "n", "list", "m", "x", "name", "port", "hosts", "t", "e"]
    static let texts = ["", "a", " ", "\n", "x y", "é", "{", "}", "<&>", "\t", ",", "\"", "日本"]
    static let numbers = ["0", "1", "-1", "42", "3.5", "1e6", "1000000", "5368709120", "0.000001", "1e21", "123456789",
                          "-0.5", "2.5", "100", "1e-7", "0.1", "-0", "8080", "7"]
    static let strings = ["\"\"", "\"hello\"", "\"héllo ✓\"", "\"<a>&amp;\"", "\"a,b,c\"", "\"1.2.3\"", "\"42\"", "\"x y\"",
                          "\"tab\\there\"", "\"quote\\\"\"", "\"/etc/x.json\"", "\"UPPER lower\""]
    static let literals = ["0", "1", "3", "-2", "42", "1.5", "2e3", "0.1", "0x1F", "'a'", "\"\"", "\"a\"", "\"héllo\"",
                           "\"<&>\"", "`raw`", "\"a,b\"", "true", "false", "nil", "\"%v\"", "1e6", "-0.0", "\"1.2.3\"", "\"x\""]
    static let fragments = ["{{", "}}", "{{end}}", "{{else}}", "|", "(", ")", "$u", ":=", "=", "\"", "`", "'", ".", "-",
                            "{{/*", "*/}}", "{{-", "-}}", "{{break}}", "0x", "1e", "\\", "{{if}}", "{{range .x}}", ",", "nil",
                            "{{define \"z\"}}", "{{template \"zz\"}}", "$", " ", "{{.a.}}", "{{end}}{{end}}"]

    /// Functions a command may call, with their arity: Go's built-ins and deterministic sprig.
    private static let functions: [Function] = [
        .init(name: "and", arguments: 2, variadic: true), .init(name: "or", arguments: 2, variadic: true),
        .init(name: "not", arguments: 1), .init(name: "len", arguments: 1), .init(name: "index", arguments: 2, variadic: true),
        .init(name: "slice", arguments: 1, variadic: true), .init(name: "print", arguments: 0, variadic: true),
        .init(name: "printf", arguments: 1, variadic: true), .init(name: "println", arguments: 0, variadic: true),
        .init(name: "eq", arguments: 2, variadic: true), .init(name: "ne", arguments: 2), .init(name: "lt", arguments: 2),
        .init(name: "le", arguments: 2), .init(name: "gt", arguments: 2), .init(name: "ge", arguments: 2),
        .init(name: "html", arguments: 1, variadic: true), .init(name: "js", arguments: 1, variadic: true),
        .init(name: "urlquery", arguments: 1, variadic: true),
        .init(name: "upper", arguments: 1), .init(name: "lower", arguments: 1), .init(name: "title", arguments: 1),
        .init(name: "trim", arguments: 1), .init(name: "quote", arguments: 1, variadic: true),
        .init(name: "squote", arguments: 1, variadic: true), .init(name: "repeat", arguments: 2),
        .init(name: "substr", arguments: 3), .init(name: "trunc", arguments: 2), .init(name: "abbrev", arguments: 2),
        .init(name: "replace", arguments: 3), .init(name: "contains", arguments: 2), .init(name: "hasPrefix", arguments: 2),
        .init(name: "cat", arguments: 1, variadic: true), .init(name: "indent", arguments: 2), .init(name: "nindent", arguments: 2),
        .init(name: "toString", arguments: 1), .init(name: "toStrings", arguments: 1), .init(name: "join", arguments: 2),
        .init(name: "splitList", arguments: 2), .init(name: "split", arguments: 2), .init(name: "snakecase", arguments: 1),
        .init(name: "camelcase", arguments: 1), .init(name: "kebabcase", arguments: 1), .init(name: "swapcase", arguments: 1),
        .init(name: "initials", arguments: 1), .init(name: "nospace", arguments: 1), .init(name: "plural", arguments: 3),
        .init(name: "b64enc", arguments: 1), .init(name: "b64dec", arguments: 1), .init(name: "sha256sum", arguments: 1),
        .init(name: "add", arguments: 2, variadic: true), .init(name: "sub", arguments: 2), .init(name: "mul", arguments: 2, variadic: true),
        .init(name: "div", arguments: 2), .init(name: "mod", arguments: 2), .init(name: "add1", arguments: 1),
        .init(name: "max", arguments: 2, variadic: true), .init(name: "min", arguments: 2), .init(name: "addf", arguments: 2),
        .init(name: "mulf", arguments: 2), .init(name: "divf", arguments: 2), .init(name: "round", arguments: 2),
        .init(name: "floor", arguments: 1), .init(name: "ceil", arguments: 1), .init(name: "int", arguments: 1),
        .init(name: "int64", arguments: 1), .init(name: "float64", arguments: 1), .init(name: "atoi", arguments: 1),
        .init(name: "until", arguments: 1), .init(name: "seq", arguments: 1, variadic: true),
        .init(name: "default", arguments: 2), .init(name: "empty", arguments: 1), .init(name: "coalesce", arguments: 1, variadic: true),
        .init(name: "ternary", arguments: 3), .init(name: "toJson", arguments: 1), .init(name: "toPrettyJson", arguments: 1),
        .init(name: "toRawJson", arguments: 1), .init(name: "fromJson", arguments: 1), .init(name: "marshal", arguments: 1),
        .init(name: "list", arguments: 0, variadic: true), .init(name: "dict", arguments: 2, variadic: true),
        .init(name: "first", arguments: 1), .init(name: "last", arguments: 1), .init(name: "rest", arguments: 1),
        .init(name: "initial", arguments: 1), .init(name: "reverse", arguments: 1), .init(name: "uniq", arguments: 1),
        .init(name: "compact", arguments: 1), .init(name: "has", arguments: 2), .init(name: "without", arguments: 2),
        .init(name: "append", arguments: 2), .init(name: "prepend", arguments: 2), .init(name: "concat", arguments: 2),
        .init(name: "sortAlpha", arguments: 1), .init(name: "hasKey", arguments: 2), .init(name: "get", arguments: 2),
        .init(name: "pluck", arguments: 2), .init(name: "pick", arguments: 2), .init(name: "omit", arguments: 2),
        .init(name: "merge", arguments: 2), .init(name: "dig", arguments: 3), .init(name: "deepCopy", arguments: 1),
        .init(name: "typeOf", arguments: 1), .init(name: "kindOf", arguments: 1), .init(name: "kindIs", arguments: 2),
        .init(name: "deepEqual", arguments: 2), .init(name: "base", arguments: 1), .init(name: "dir", arguments: 1),
        .init(name: "ext", arguments: 1), .init(name: "clean", arguments: 1), .init(name: "regexMatch", arguments: 2),
        .init(name: "regexReplaceAll", arguments: 3), .init(name: "regexFindAll", arguments: 3),
        .init(name: "semverCompare", arguments: 2), .init(name: "env", arguments: 1), .init(name: "expandenv", arguments: 1),
        .init(name: "uuidv4", arguments: 0), .init(name: "randAlpha", arguments: 1), .init(name: "fail", arguments: 1),
        .init(name: "urlParse", arguments: 1), .init(name: "toDecimal", arguments: 1), .init(name: "chunk", arguments: 2),
    ]

    /// Functions that read well after a `|` (the piped value is their last argument), with their other arguments.
    private static let pipeFunctions: [Function] = [
        .init(name: "print", arguments: 0), .init(name: "printf \"%v\"", arguments: 0), .init(name: "printf \"[%5v]\"", arguments: 0),
        .init(name: "len", arguments: 0), .init(name: "upper", arguments: 0), .init(name: "quote", arguments: 0),
        .init(name: "default", arguments: 1), .init(name: "toJson", arguments: 0), .init(name: "marshal", arguments: 0),
        .init(name: "not", arguments: 0), .init(name: "repeat", arguments: 1), .init(name: "trunc", arguments: 1),
        .init(name: "join", arguments: 1), .init(name: "first", arguments: 0), .init(name: "toString", arguments: 0),
        .init(name: "eq", arguments: 1), .init(name: "index", arguments: 0), .init(name: "html", arguments: 0),
        .init(name: "js", arguments: 0), .init(name: "urlquery", arguments: 0), .init(name: "add1", arguments: 0),
        .init(name: "int", arguments: 0), .init(name: "indent", arguments: 1), .init(name: "typeOf", arguments: 0),
        .init(name: "kindOf", arguments: 0), .init(name: "sortAlpha", arguments: 0), .init(name: "uniq", arguments: 0),
    ]
}

/// A small, fast, seedable generator (SplitMix64), so generated programs are the same on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive).
    mutating func below(_ bound: Int) -> Int {
        bound > 0 ? Int(next() % UInt64(bound)) : 0
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    /// A random element, or nil for an empty array.
    mutating func pick<T>(orNil choices: [T]) -> T? {
        choices.isEmpty ? nil : choices[below(choices.count)]
    }
}
