import Foundation

/// A pattern that is not valid ECMA-262 (or that the ICU engine underneath cannot run).
struct RegexSyntaxError: Error {
    let reason: String
}

/// What a bounded match found.
enum RegexOutcome {
    case match, noMatch
    /// The match needed more work than allowed (catastrophic backtracking) and was stopped.
    case exceededBudget
}

/// An ECMA-262 regular expression (as JSON Schema specifies `pattern`), run by ICU through
/// `NSRegularExpression` after translating the constructs where ICU and ECMA differ:
/// `\d`, `\w`, `\s`, `\b` are ASCII/ECMA sets, `$` matches only at the very end, `.` excludes
/// exactly the ECMA line terminators. Matching reports progress and stops when it takes too long.
///
/// A pattern that is a plain substring or that the linear automaton runs is handed to ICU only when a
/// text is too long for the automaton's work estimate: most schemas never start ICU's regular-expression
/// engine, whose first use costs about 1.5 ms of set-up in every process.
final class ECMARegex: @unchecked Sendable {
    let source: String
    /// The pattern in ICU syntax.
    private let translated: String
    /// ICU's compiled pattern, made on first need (at once for patterns neither shortcut below covers).
    private var icuExpression: NSRegularExpression?
    private let icuLock = NSLock()
    /// True for patterns with no regex syntax at all, matched as a plain substring.
    private let literal: String?
    /// Set for patterns in the plain subset, matched by a linear-time automaton instead of ICU.
    private let linear: LinearRegex?

    init(_ source: String) throws {
        self.source = source
        translated = try ECMARegexTranslator.translate(source)
        literal = source.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == " " || $0 == "-" } ? source : nil
        linear = literal == nil ? LinearRegex(source) : nil
        if literal == nil && linear == nil {
            do {
                icuExpression = try NSRegularExpression(pattern: translated, options: [])
            } catch {
                throw RegexSyntaxError(reason: "not accepted by the regular-expression engine")
            }
        }
    }

    /// ICU's compiled pattern, or nil if ICU does not take a pattern the automaton runs.
    private func expression() -> NSRegularExpression? {
        icuLock.withLock {
            if icuExpression == nil { icuExpression = try? NSRegularExpression(pattern: translated, options: []) }
            return icuExpression
        }
    }

    /// Plain substring search on UTF-8 bytes (code points, not grapheme clusters).
    private static func containsBytes(_ text: String, _ needle: String) -> Bool {
        let fast = text.utf8.withContiguousStorageIfAvailable { haystack in
            needle.utf8.withContiguousStorageIfAvailable { pattern in containsBytes(haystack, pattern) }
        }
        if let found = fast ?? nil { return found }
        let haystack = Array(text.utf8)
        let pattern = Array(needle.utf8)
        return haystack.withUnsafeBufferPointer { haystack in pattern.withUnsafeBufferPointer { containsBytes(haystack, $0) } }
    }

    private static func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard haystack.count >= pattern.count else { return false }
        for start in 0...(haystack.count - pattern.count) where haystack[start] == pattern[0] {
            var offset = 1
            while offset < pattern.count && haystack[start + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count { return true }
        }
        return false
    }

    /// Searches `text` for a match anywhere (JSON Schema patterns are not anchored), within `stepLimit`
    /// progress callbacks (ICU calls back periodically during long matches).
    func firstMatch(in text: String, stepLimit: Int) -> RegexOutcome {
        if let literal {
            return ECMARegex.containsBytes(text, literal) ? .match : .noMatch
        }
        // The automaton answers exactly; it is used only where a backtracking engine would stay well
        // inside the work limit too, so a text that exceeded the limit before still does.
        if let linear, linear.backtrackingEstimate(length: text.utf8.count) <= Double(stepLimit) / 10 {
            return linear.search(text) ? .match : .noMatch
        }
        // Property names and short values repeat a lot in configurations: remember their answers.
        let memoizable = text.utf8.count <= ECMARegex.memoMaxLength
        if memoizable {
            memoLock.lock()
            let known = memo[ScalarKey(text)]
            memoLock.unlock()
            if let known { return known ? .match : .noMatch }
        }
        guard let expression = expression() else {
            // Only a pattern the automaton runs gets here without ICU's compiled form; it answers exactly.
            return linear?.search(text) == true ? .match : .noMatch
        }
        let outcome = search(expression, text, stepLimit: stepLimit)
        if memoizable && outcome != .exceededBudget {
            memoLock.lock()
            if memo.count < ECMARegex.memoCapacity { memo[ScalarKey(text)] = outcome == .match }
            memoLock.unlock()
        }
        return outcome
    }

    private static let memoMaxLength = 64
    private static let memoCapacity = 4096
    private var memo: [ScalarKey: Bool] = [:]
    private let memoLock = NSLock()

    private func search(_ expression: NSRegularExpression, _ text: String, stepLimit: Int) -> RegexOutcome {
        let string = text as NSString
        var found = false
        var exceeded = false
        var callbacks = 0
        let callbackLimit = max(1, stepLimit / 10_000)
        expression.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: string.length)) { result, _, stop in
            if result != nil {
                found = true
                stop.pointee = true
                return
            }
            callbacks += 1
            if callbacks > callbackLimit {
                exceeded = true
                stop.pointee = true
            }
        }
        if found { return .match }
        return exceeded ? .exceededBudget : .noMatch
    }
}

/// Compiled patterns shared across a compilation, keyed by source text.
final class RegexCache: @unchecked Sendable {
    private var entries: [String: ECMARegex] = [:]
    private let lock = NSLock()

    func regex(for pattern: String) throws -> ECMARegex {
        lock.lock()
        defer { lock.unlock() }
        if let cached = entries[pattern] { return cached }
        let compiled = try ECMARegex(pattern)
        entries[pattern] = compiled
        return compiled
    }
}

/// Rewrites an ECMA-262 pattern (unicode mode) into ICU syntax with the same meaning.
enum ECMARegexTranslator {
    static let ecmaSpace = "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
    static let wordChars = "a-zA-Z0-9_"
    static let lineTerminators = "\\n\\r\\x{2028}\\x{2029}"

    static func translate(_ pattern: String) throws -> String {
        let scalars = Array(pattern.unicodeScalars)
        var out = ""
        var index = 0
        var inClass = false
        var classStart = 0
        func fail(_ reason: String) -> RegexSyntaxError { RegexSyntaxError(reason: reason) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                guard index + 1 < scalars.count else { throw fail("pattern ends with a lone backslash") }
                let next = scalars[index + 1]
                index += 2
                switch next {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "[^0-9]" : "[^0-9]"
                case "w": out += inClass ? wordChars : "[\(wordChars)]"
                case "W": out += "[^\(wordChars)]"
                case "s": out += inClass ? ecmaSpace : "[\(ecmaSpace)]"
                case "S": out += "[^\(ecmaSpace)]"
                case "b":
                    if inClass {
                        out += "\\x{08}"
                    } else {
                        out += "(?:(?<=[\(wordChars)])(?![\(wordChars)])|(?<![\(wordChars)])(?=[\(wordChars)]))"
                    }
                case "B":
                    guard !inClass else { throw fail("\\B inside a character class") }
                    out += "(?:(?<=[\(wordChars)])(?=[\(wordChars)])|(?<![\(wordChars)])(?![\(wordChars)]))"
                case "c":
                    guard index < scalars.count, scalars[index].isASCIILetter else { throw fail("\\c must be followed by a letter") }
                    out += String(format: "\\x{%02X}", scalars[index].value % 32)
                    index += 1
                case "u":
                    if index < scalars.count, scalars[index] == "{" {
                        guard let close = scalars[index...].firstIndex(of: "}") else { throw fail("unterminated \\u{...}") }
                        let hex = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                        guard !hex.isEmpty, let value = UInt32(hex, radix: 16), value <= 0x10FFFF else { throw fail("invalid \\u{...} escape") }
                        out += "\\x{\(hex)}"
                        index = close + 1
                    } else {
                        guard index + 4 <= scalars.count else { throw fail("incomplete \\u escape") }
                        let hex = String(String.UnicodeScalarView(scalars[index..<(index + 4)]))
                        guard UInt32(hex, radix: 16) != nil else { throw fail("invalid \\u escape") }
                        out += "\\x{\(hex)}"
                        index += 4
                    }
                case "x":
                    guard index + 2 <= scalars.count, UInt32(String(String.UnicodeScalarView(scalars[index..<(index + 2)])), radix: 16) != nil else { throw fail("invalid \\x escape") }
                    out += "\\x" + String(String.UnicodeScalarView(scalars[index..<(index + 2)]))
                    index += 2
                case "f", "n", "r", "t", "v":
                    out += next == "v" ? "\\x{0B}" : "\\" + String(next)
                case "p", "P":
                    out += "\\" + String(next)
                case "k":
                    out += "\\k"
                case "0":
                    guard index >= scalars.count || !scalars[index].isASCIIDigit else { throw fail("octal escapes are not allowed") }
                    out += "\\x{00}"
                case "1"..."9":
                    guard !inClass else { throw fail("a back-reference cannot appear in a character class") }
                    out += "\\" + String(next)
                default:
                    // Identity escapes of punctuation are accepted (Annex B, and what schema authors
                    // coming from Go's RE2 write, such as an escaped ampersand); escaped letters must be defined escapes.
                    if next.isASCIILetter || next.isASCIIDigit { throw fail("\\\(next) is not an escape ECMA-262 defines") }
                    if next.isASCII {
                        out += "\\" + String(next)
                    } else {
                        out.unicodeScalars.append(next)
                    }
                }
                continue
            }
            if inClass {
                switch scalar {
                case "]":
                    if index == classStart {
                        // `[]` matches nothing, `[^]` anything.
                        out += "\\x{0}&&[^\\x{0}]]"
                    } else {
                        out += "]"
                    }
                    inClass = false
                case "[", "&", "~", "=", "!", "#", "$", "{", "}":
                    out += "\\" + String(scalar)
                default:
                    out.unicodeScalars.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case "[":
                inClass = true
                out += "["
                index += 1
                if index < scalars.count, scalars[index] == "^" {
                    out += "^"
                    index += 1
                }
                classStart = index
                continue
            case "$":
                out += "(?!(?s:.))"
            case ".":
                out += "[^\(lineTerminators)]"
            case "(":
                // Pass group syntax through; reject the ICU-only forms.
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    guard index + 2 < scalars.count else { throw fail("incomplete group") }
                    let kind = scalars[index + 2]
                    let allowed: Bool
                    switch kind {
                    case ":", "=", "!": allowed = true
                    case "<": allowed = true
                    default: allowed = false
                    }
                    guard allowed else { throw fail("unsupported group syntax (?\(kind)") }
                }
                out += "("
            default:
                out.unicodeScalars.append(scalar)
            }
            index += 1
        }
        guard !inClass else { throw fail("unterminated character class") }
        return out
    }
}
