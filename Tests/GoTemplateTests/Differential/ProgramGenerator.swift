import TestPeers

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
/// order), no `%p`, no `range` over an integer, no recursion through `template`, no `merge` (it changes its
/// first map in place, and `merge .m .` makes a map that contains itself, which Go's fmt prints until its
/// stack overflows).
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
        var main = defines + block(&program, depth: 2, scope: Scope())
        if random.below(5) == 0 { main = mutate(main) }
        templates.append(.init(name: "main", text: main))
        if random.below(4) == 0 {
            var second = block(&program, depth: 2, scope: Scope())
            if random.below(5) == 0 { second = mutate(second) }
            templates.append(.init(name: "second.tmpl", text: second))
            if random.below(2) == 0 {
                templates[0].text += "{{template \"second.tmpl\" \(operand(&program, scope: Scope(), depth: 1, kind: "a"))}}"
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
        for _ in 0..<(1 + random.below(depth > 0 ? 3 : 2)) {
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
            return comment()
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
            return action("block \"\(name)\" \(operand(&program, scope: scope, depth: 1, kind: "a"))")
                + block(&program, depth: depth - 1, scope: Scope()) + action("end")
        default: return comment()
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
        case 0: return "list \(operand(&program, scope: scope, depth: 0, kind: "a")) \(operand(&program, scope: scope, depth: 0, kind: "a"))"
        case 1: return "until \(random.below(5))"
        case 2: return "splitList \",\" \(random.pick(["\"a,b,c\"", "\"\"", ".s", "\"x\""]))"
        default: return fieldChain()
        }
    }

    /// A comment: Go wants `/*` right after `{{` (or `{{- `) and `*/` right before `}}` (or ` -}}`).
    private mutating func comment() -> String {
        let body = "/*" + random.pick([" c ", "", " x y ", "*"]) + "*/"
        return (random.below(4) == 0 ? "{{- " : "{{") + body + (random.below(4) == 0 ? " -}}" : "}}")
    }

    private mutating func action(_ body: String) -> String {
        let left = random.below(6) == 0 ? "{{- " : random.below(8) == 0 ? "{{ " : "{{"
        let right = random.below(6) == 0 ? " -}}" : random.below(8) == 0 ? " }}" : "}}"
        return left + body + right
    }

    private mutating func pipeline(_ program: inout Program, scope: Scope, depth: Int) -> String {
        var text = command(&program, scope: scope, depth: depth)
        for _ in 0..<random.below(random.below(2) + 2) {
            let function = random.pick(ProgramGenerator.pipeFunctions)
            let extra = function.parameters.dropLast().map { operand(&program, scope: scope, depth: 0, kind: $0) }
            text += " | " + ([function.name] + extra).joined(separator: " ")
        }
        return text
    }

    private mutating func command(_ program: inout Program, scope: Scope, depth: Int) -> String {
        if random.below(2) == 0 { return operand(&program, scope: scope, depth: depth, kind: "a") }
        let function = random.pick(ProgramGenerator.functions)
        var kinds = Array(function.parameters)
        if function.variadic, let last = kinds.last {
            kinds += Array(repeating: last, count: random.below(3))
        }
        if random.below(25) == 0 {
            if kinds.isEmpty || random.below(2) == 0 { kinds.append("a") } else { kinds.removeLast() }
        }
        let arguments = kinds.map { operand(&program, scope: scope, depth: depth - 1, kind: $0) }
        return ([function.name] + arguments).joined(separator: " ")
    }

    /// An operand, usually of the kind a parameter wants (`a` any, `s` string, `i` int, `l` list, `m` map,
    /// `b` bool, `f` a printf format); one in twenty ignores the kind, for Go's argument errors.
    private mutating func operand(_ program: inout Program, scope: Scope, depth: Int, kind: Character) -> String {
        let wanted: Character = random.below(20) == 0 ? "a" : kind
        switch wanted {
        case "s": return random.below(5) == 0 ? fieldChain(maximumLength: 1) : random.pick(ProgramGenerator.stringLiterals)
        case "i": return random.pick(["0", "1", "2", "3", "5", "-1", "10", "0x1F", "'a'"])
        case "l": return random.pick(["(list 1 \"a\" 2.5)", "(splitList \",\" \"b,a,c\")", "(until 3)", "(list)", ".list", "$.hosts", "(list .a .b)"])
        case "m": return random.pick([".", "$", "(dict \"a\" 1 \"b\" .s)", "(dict)", ".m", "$.m"])
        case "b": return random.pick(["true", "false", "(eq 1 1)", "(not .t)", ".t"])
        case "f": return random.pick(ProgramGenerator.formats)
        default: break
        }
        switch random.below(depth > 0 ? 10 : 8) {
        case 0, 1, 2: return fieldChain(maximumLength: random.below(4) == 0 ? 3 : 1)
        case 3:
            guard let variable = random.pick(orNil: scope.variables) else { return "$" }
            return random.below(3) == 0 ? variable + fieldChain(maximumLength: 1) : variable
        case 4, 5: return random.pick(ProgramGenerator.literals)
        case 6: return random.pick(ProgramGenerator.formats)
        case 7: return random.pick([".", "$", "$.s", "$.list"])
        default: return "(" + pipeline(&program, scope: scope, depth: depth - 1) + ")"
        }
    }

    private mutating func fieldChain(maximumLength: Int = 3) -> String {
        var chain = ""
        for _ in 0..<(1 + random.below(maximumLength)) {
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
        /// The parameters' kinds, one letter each (see `operand(_:scope:depth:kind:)`).
        var parameters: Substring
        var variadic: Bool

        /// `"name:kinds"`, with a trailing `*` when the last parameter repeats.
        init(_ signature: String) {
            let parts = signature.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            name = String(parts[0])
            let kinds = parts.count > 1 ? parts[1] : ""
            variadic = kinds.hasSuffix("*")
            parameters = variadic ? kinds.dropLast() : kinds
        }
    }

    static let keys = ["a", "b", "s", "n", "list", "m", "x", "name", "port", "hosts", "t", "e"]
    static let texts = ["", "a", " ", "\n", "x y", "é", "{ ", "}", "<&>", "\t", ",", "\"", "日本"]
    static let numbers = ["0", "1", "-1", "42", "3.5", "1e6", "1000000", "5368709120", "0.000001", "1e21", "123456789",
                          "-0.5", "2.5", "100", "1e-7", "0.1", "-0", "8080", "7"]
    static let strings = ["\"\"", "\"hello\"", "\"héllo ✓\"", "\"<a>&amp;\"", "\"a,b,c\"", "\"1.2.3\"", "\"42\"", "\"x y\"",
                          "\"tab\\there\"", "\"quote\\\"\"", "\"/etc/x.json\"", "\"UPPER lower\""]
    static let literals = ["0", "1", "3", "-2", "42", "1.5", "2e3", "0.1", "0x1F", "'a'", "\"\"", "\"a\"", "\"héllo\"",
                           "\"<&>\"", "`raw`", "\"a,b\"", "true", "false", "nil", "1e6", "-0.0", "\"1.2.3\"", "\"x\""]
    static let stringLiterals = ["\"\"", "\"a\"", "\"héllo\"", "\"<&>\"", "`raw`", "\"a,b\"", "\"1.2.3\"", "\"x\"", "\"a\\nb\"",
                                 "\"Hello World\"", "\"42\"", "\"/a/b.json\"", "\"${HOME}/x\"", "\"PORT\""]
    static let formats = ["\"%v\"", "\"%d\"", "\"%s-%q\"", "\"%5.2f\"", "\"%T\"", "\"%x\"", "\"%+v\"", "\"%-4s|\"", "\"%#v\"",
                          "\"%e %g\"", "\"%05d\"", "\"%t\"", "\"%c\"", "\"%8.3v|\"", "\"%[2]v %[1]v\"", "\"%%\""]
    static let fragments = ["{{", "}}", "{{end}}", "{{else}}", "|", "(", ")", "$u", ":=", "=", "\"", "`", "'", ".", "-",
                            "{{/*", "*/}}", "{{-", "-}}", "{{break}}", "0x", "1e", "\\", "{{if}}", "{{range .x}}", ",", "nil",
                            "{{define \"z\"}}", "{{template \"zz\"}}", "$", " ", "{{.a.}}", "{{end}}{{end}}"]

    /// Functions a command may call: Go's built-ins and the deterministic part of sprig, with the kinds of
    /// their parameters.
    private static let functions: [Function] = [
        "and:aa*", "or:aa*", "not:a", "len:a", "index:aa*", "slice:ai*", "print:a*", "printf:fa*", "println:a*",
        "eq:aa*", "ne:aa", "lt:aa", "le:aa", "gt:aa", "ge:aa", "html:a*", "js:a*", "urlquery:a*",
        "upper:s", "lower:s", "title:s", "trim:s", "quote:a*", "squote:a*", "repeat:is", "substr:iis", "trunc:is",
        "abbrev:is", "replace:sss", "contains:ss", "hasPrefix:ss", "cat:a*", "indent:is", "nindent:is",
        "toString:a", "toStrings:a", "join:sa", "splitList:ss", "split:ss", "snakecase:s", "camelcase:s",
        "kebabcase:s", "swapcase:s", "initials:s", "nospace:s", "plural:ssi", "b64enc:s", "b64dec:s", "sha256sum:s",
        "add:aa*", "sub:aa", "mul:aa*", "div:aa", "mod:aa", "add1:a", "max:aa*", "min:aa", "addf:aa", "mulf:aa",
        "divf:aa", "round:ai", "floor:a", "ceil:a", "int:a", "int64:a", "float64:a", "atoi:s", "until:i", "seq:i*",
        "default:aa", "empty:a", "coalesce:a*", "ternary:aab", "toJson:a", "toPrettyJson:a", "toRawJson:a",
        "fromJson:s", "marshal:a", "list:a*", "dict:sa*", "first:l", "last:l", "rest:l", "initial:l", "reverse:l",
        "uniq:l", "compact:l", "has:al", "without:la", "append:la", "prepend:la", "concat:ll", "sortAlpha:l",
        "hasKey:ms", "get:ms", "pluck:sm", "pick:ms", "omit:ms", "dig:ssam", "deepCopy:a", "typeOf:a",
        "kindOf:a", "kindIs:sa", "deepEqual:aa", "base:s", "dir:s", "ext:s", "clean:s", "regexMatch:ss",
        "regexReplaceAll:sss", "regexFindAll:ssi", "semverCompare:ss", "env:s", "expandenv:s", "uuidv4:",
        "randAlpha:i", "fail:s", "urlParse:s", "toDecimal:a", "chunk:il",
    ].map(Function.init)

    /// Functions that read well after a `|` (the piped value is their last argument).
    private static let pipeFunctions: [Function] = [
        "print:a", "printf \"%v\":a", "printf \"[%5v]\":a", "len:a", "upper:s", "quote:a", "default:aa", "toJson:a",
        "marshal:a", "not:a", "repeat:is", "trunc:is", "join:sl", "first:l", "toString:a", "eq:aa", "index:a", "html:a",
        "js:a", "urlquery:a", "add1:a", "int:a", "indent:is", "typeOf:a", "kindOf:a", "sortAlpha:l", "uniq:l",
    ].map(Function.init)
}
