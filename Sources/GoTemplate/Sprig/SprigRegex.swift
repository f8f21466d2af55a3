/// sprig's regular-expression functions (Go's `regexp`, see ``GoRegex``). The plain forms fail on a bad
/// pattern as Go's `MustCompile` panics (`regexp: Compile(\`(\`): error parsing regexp: …`), except
/// `regexMatch`, which is then false; the `must…` forms fail with the parse error alone. A pattern that would
/// make the backtracking engine take exponential time (``GoRegex/backtrackingHazard``) fails in every form.
///
/// Strings are Go's bytes: a pattern that is not valid UTF-8 does not compile (as in Go), and a text that is not
/// is matched as Go reads it (each bad byte a U+FFFD of width 1) while the results keep its bytes
/// (``GoRegexSubject``).
enum SprigRegex {
    static var functions: FunctionMap {
        [
            "regexMatch": TemplateFunction(parameters: [.string, .string], result: .bool) { arguments, _ in
                guard let regex = try? GoRegex(pattern: arguments[0]) else { return .bool(false) }
                try refuseBacktrackingHazard(regex)
                return .bool(regex.firstMatch(in: GoRegexSubject(arguments[1]).text) != nil)
            },
            "mustRegexMatch": TemplateFunction(parameters: [.string, .string], result: .bool) { arguments, _ in
                .bool(try compile(arguments[0], must: true).firstMatch(in: GoRegexSubject(arguments[1]).text) != nil)
            },
            "regexFindAll": findAll(must: false),
            "mustRegexFindAll": findAll(must: true),
            "regexFind": find(must: false),
            "mustRegexFind": find(must: true),
            "regexReplaceAll": replaceAll(must: false, literal: false),
            "mustRegexReplaceAll": replaceAll(must: true, literal: false),
            "regexReplaceAllLiteral": replaceAll(must: false, literal: true),
            "mustRegexReplaceAllLiteral": replaceAll(must: true, literal: true),
            "regexSplit": split(must: false),
            "mustRegexSplit": split(must: true),
            "regexQuoteMeta": TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
                .goString(GoRegex.quoteMeta(arguments[0].stringArgumentBytes))
            },
        ]
    }

    private static func findAll(must: Bool) -> TemplateFunction {
        TemplateFunction(parameters: [.string, .string, .int], result: .slice(.string)) { arguments, _ in
            let subject = GoRegexSubject(arguments[1])
            let matches = try compile(arguments[0], must: must).matches(in: subject.text, limit: arguments[2].intArgument)
            // Go's FindAllString returns nil, not an empty slice, when nothing matches.
            if matches.isEmpty { return .nilSlice(of: .string) }
            return Value(.list(matches.map { subject.value(subject.byteRange(of: $0.range)) }, elementType: .string))
        }
    }

    private static func find(must: Bool) -> TemplateFunction {
        TemplateFunction(parameters: [.string, .string], result: .string) { arguments, _ in
            let subject = GoRegexSubject(arguments[1])
            guard let match = try compile(arguments[0], must: must).firstMatch(in: subject.text) else { return .string("") }
            return subject.value(subject.byteRange(of: match.range))
        }
    }

    private static func replaceAll(must: Bool, literal: Bool) -> TemplateFunction {
        TemplateFunction(parameters: [.string, .string, .string], result: .string) { arguments, _ in
            let regex = try compile(arguments[0], must: must)
            let replaced = regex.replaceAll(in: GoRegexSubject(arguments[1]), with: arguments[2].stringArgumentBytes, literal: literal)
            return .goString(replaced)
        }
    }

    private static func split(must: Bool) -> TemplateFunction {
        TemplateFunction(parameters: [.string, .string, .int], result: .slice(.string)) { arguments, _ in
            let regex = try compile(arguments[0], must: must)
            // Go's Split returns nil for a limit of 0.
            if arguments[2].intArgument == 0 { return .nilSlice(of: .string) }
            let subject = GoRegexSubject(arguments[1])
            let pieces = regex.split(subject, limit: arguments[2].intArgument)
            return Value(.list(pieces.map(subject.value), elementType: .string))
        }
    }

    private static func compile(_ argument: Value, must: Bool) throws -> GoRegex {
        let regex: GoRegex
        do {
            regex = try GoRegex(pattern: argument)
        } catch {
            if must { throw FunctionError(error.description) }
            throw FunctionError("regexp: Compile(\(quoted(argument))): \(error.description)")
        }
        try refuseBacktrackingHazard(regex)
        return regex
    }

    /// Go matches every pattern in time linear in the text; this engine backtracks, and a repetition of a
    /// repetition (`(a+)+`) can run for hours on a text that almost matches. Such a pattern is refused, with
    /// the place, instead of hanging the render.
    private static func refuseBacktrackingHazard(_ regex: GoRegex) throws {
        guard let offset = regex.backtrackingHazard else { return }
        let scalars = Array(regex.expression.unicodeScalars)
        var repeated = String.UnicodeScalarView()
        repeated.append(contentsOf: scalars[..<min(scalars.count, offset + 1)])
        throw FunctionError(
            "regexp: \(quoted(regex.expression)) repeats a repetition (the quantifier after \(quoted(String(repeated)))): "
                + "Go's engine matches it in linear time, krakenlint's backtracks and could take exponential time, so it is "
                + "refused; rewrite it so that the repeated part cannot match the same text in more than one way, "
                + "for example (a+)+ as a+")
    }

    /// Go's `regexp` quoting of an expression in a panic: backquoted when `strconv.CanBackquote` (never for bytes
    /// that are not valid UTF-8), else quoted.
    private static func quoted(_ pattern: Value) -> String {
        guard case .string(let text) = pattern.storage else { return GoFormat.quote(bytes: pattern.stringArgumentBytes) }
        return quoted(text)
    }

    private static func quoted(_ text: String) -> String {
        let backquotable = text.unicodeScalars.allSatisfy { scalar in
            scalar != "`" && scalar != "\u{FEFF}" && scalar != "\u{7F}" && (scalar.value >= 0x20 || scalar == "\t")
        }
        return backquotable ? "`" + text + "`" : GoFormat.quote(text)
    }
}
