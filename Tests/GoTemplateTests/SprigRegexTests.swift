@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19's `regexp` through sprig 3.2.3.
final class SprigRegexTests: XCTestCase {
    private let regex = SprigRegex.functions

    private func strings(_ name: String, _ arguments: Value...) throws -> [String] {
        let value = try regex[name]!.body(arguments, FunctionContext())
        guard case .list(let items, .string) = value.storage else { XCTFail("\(name) gave \(value.storage)"); return [] }
        return items.map(stringResult)
    }

    private func find(_ pattern: String, _ text: String) throws -> String {
        stringResult(try callSprig(regex, "mustRegexFind", .string(pattern), .string(text)))
    }

    func testFindAllSkipsAnEmptyMatchWhereThePreviousEnded() throws {
        XCTAssertEqual(try strings("regexFindAll", .string("a*"), .string("baaa"), .int(-1)), ["", "aaa"])
        XCTAssertEqual(try strings("regexFindAll", .string("x*"), .string("abc"), .int(-1)), ["", "", "", ""])
        XCTAssertEqual(try strings("regexFindAll", .string("a*?"), .string("aa"), .int(-1)), ["", "", ""])
        XCTAssertEqual(try strings("regexFindAll", .string("[0-9]+"), .string("a1b22c333"), .int(2)), ["1", "22"])
        XCTAssertEqual(try strings("regexFindAll", .string("[0-9]+"), .string("a1b22c333"), .int(0)), [])
    }

    func testGoMeaningsOfAnchorsClassesAndFlags() throws {
        XCTAssertEqual(try find("a$", "a\n"), "")
        XCTAssertEqual(try find("(?m)a$", "a\nb"), "a")
        XCTAssertEqual(try strings("regexFindAll", .string(#"(?m)^\w"#), .string("ab\ncd\r\nef"), .int(-1)), ["a", "c", "e"])
        XCTAssertEqual(try find("x{,3}", "x{,3}"), "x{,3}")
        XCTAssertEqual(try find("a{,2}", "a{,2}"), "a{,2}")
        XCTAssertEqual(try strings("regexFindAll", .string(#"\d"#), .string("١2"), .int(-1)), ["2"])
        XCTAssertEqual(try find(#"\w+"#, "héllo"), "h")
        XCTAssertEqual(try strings("regexFindAll", .string("(?U)a+"), .string("aaa"), .int(-1)), ["a", "a", "a"])
        XCTAssertEqual(try find("(?U)a+?", "aaa"), "aaa")
        XCTAssertEqual(try find("[[:alpha:]]+", "abé1"), "ab")
        XCTAssertEqual(try find(#"\pL+"#, "1abé1"), "abé")
        XCTAssertEqual(try find(#"\p{Greek}+"#, "abαβ"), "αβ")
        XCTAssertEqual(try strings("regexFindAll", .string("."), .string("\r\n"), .int(-1)), ["\r"])
        XCTAssertEqual(try find("(?s).+", "a\nb"), "a\nb")
        XCTAssertEqual(try find("[a-c&&b]", "&"), "&")
        XCTAssertEqual(try find(#"\bb"#, "ab b"), "b")
        XCTAssertEqual(try find(#"[\d-z]"#, "x"), "")
        XCTAssertEqual(try find(#"\x41\x{42}\101\0"#, "ABA\u{0}"), "ABA\u{0}")
        XCTAssertEqual(try find(#"\Qa.b\E+"#, "a.bb"), "a.bb")
        XCTAssertEqual(try find("[^a]", "\n"), "\n")
        XCTAssertEqual(try find("(a|ab)(c|bcd)(d*)", "abcd"), "abcd")
        XCTAssertEqual(try find(#"\s+"#, "a\u{B}\t b"), "\t ")
        XCTAssertEqual(try find("[[:^digit:]x]+", "x12ab"), "x")
        XCTAssertEqual(try find("(?i:A)b", "aB ab"), "ab")
        XCTAssertEqual(try find("(?P<n>a)(?P<n>b)", "x"), "")
        XCTAssertEqual(try find("(?)a", "a"), "a")
        guard case .bool(true) = try callSprig(regex, "regexMatch", .string(#"^[a-z]+\[[0-9]+\]$"#), .string("adam[23]")).storage else {
            return XCTFail("regexMatch")
        }
    }

    func testReplaceAllExpandsAsGo() throws {
        func replace(_ name: String, _ pattern: String, _ text: String, _ replacement: String) throws -> String {
            stringResult(try callSprig(regex, name, .string(pattern), .string(text), .string(replacement)))
        }
        XCTAssertEqual(try replace("regexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W"), "-W-xxW-")
        XCTAssertEqual(try replace("regexReplaceAll", "a(x*)b", "-ab-axxb-", "$1W"), "---")
        XCTAssertEqual(
            try replace("regexReplaceAll", #"(?P<first>\w+) (?P<last>\w+)"#, "John Smith", "$last, $first $$ $2x ${9}"),
            "Smith, John $  ")
        XCTAssertEqual(try replace("regexReplaceAllLiteral", "a(x*)b", "-ab-axxb-", "${1}"), "-${1}-${1}-")
        XCTAssertEqual(try replace("regexReplaceAll", "a*", "baaac", "-"), "-b-c-")
        XCTAssertEqual(try replace("regexReplaceAll", "", "abc", "-"), "-a-b-c-")
    }

    func testSplit() throws {
        XCTAssertEqual(try strings("regexSplit", .string("z+"), .string("pizza"), .int(-1)), ["pi", "a"])
        XCTAssertEqual(try strings("regexSplit", .string("z+"), .string("pizza"), .int(1)), ["pizza"])
        XCTAssertEqual(try strings("regexSplit", .string("z+"), .string("pizza"), .int(0)), [])
        XCTAssertEqual(try strings("regexSplit", .string(""), .string("abc"), .int(-1)), ["a", "b", "c"])
        XCTAssertEqual(try strings("regexSplit", .string("a"), .string(""), .int(-1)), [""])
        XCTAssertEqual(try strings("regexSplit", .string("x*"), .string("axbc"), .int(-1)), ["a", "b", "c"])
        XCTAssertEqual(try strings("regexSplit", .string(","), .string("a,b,c,"), .int(2)), ["a", "b,c,"])
    }

    func testQuoteMeta() throws {
        XCTAssertEqual(
            stringResult(try callSprig(regex, "regexQuoteMeta", .string(#"1.5-2.0?[x]{y}^$|\\"#))),
            #"1\.5-2\.0\?\[x\]\{y\}\^\$\|\\\\"#)
    }

    func testSyntaxErrorsCarryGoText() {
        let cases: [(String, String)] = [
            ("(", "missing closing ): `(`"),
            (")", "unexpected ): `)`"),
            ("a**", "invalid nested repetition operator: `**`"),
            ("a{2}{3}", "invalid nested repetition operator: `{2}{3}`"),
            ("*a", "missing argument to repetition operator: `*`"),
            ("a{1001}", "invalid repeat count: `{1001}`"),
            ("a{2,1}", "invalid repeat count: `{2,1}`"),
            ("[abc", "missing closing ]: `[abc`"),
            ("[z-a]", "invalid character class range: `z-a`"),
            ("(?=a)", "invalid or unsupported Perl syntax: `(?=`"),
            ("(?<n>a)", "invalid or unsupported Perl syntax: `(?<`"),
            (#"\1"#, #"invalid escape sequence: `\1`"#),
            (#"\Z"#, #"invalid escape sequence: `\Z`"#),
            (#"\p{Foo}"#, #"invalid character class range: `\p{Foo}`"#),
            ("[[:foo:]]", "invalid character class range: `[:foo:]`"),
            ("a)b(", "unexpected ): `a)b(`"),
            ("x++", "invalid nested repetition operator: `++`"),
            ("(?P<>a)", "invalid named capture: `(?P<>`"),
            (#"\8"#, #"invalid escape sequence: `\8`"#),
            ("(?x)a", "invalid or unsupported Perl syntax: `(?x`"),
            (#"\x{110000}"#, #"invalid escape sequence: `\x{110000`"#),
            ("(?-:a)", "invalid or unsupported Perl syntax: `(?-:`"),
            ("(?i-)a", "invalid or unsupported Perl syntax: `(?i-)`"),
        ]
        for (pattern, message) in cases {
            XCTAssertEqual(
                sprigErrorMessage { try callSprig(regex, "mustRegexFind", .string(pattern), .string("x")) },
                "error parsing regexp: " + message, pattern)
        }
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(regex, "regexFind", .string("("), .string("x")) },
            "regexp: Compile(`(`): error parsing regexp: missing closing ): `(`")
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(regex, "regexFindAll", .string("(\n"), .string("x"), .int(-1)) },
            "regexp: Compile(\"(\\n\"): error parsing regexp: missing closing ): `(\n`")
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(regex, "mustRegexMatch", .string("["), .string("x")) },
            "error parsing regexp: missing closing ]: `[`")
        guard case .bool(false) = try? callSprig(regex, "regexMatch", .string("("), .string("x")).storage else {
            return XCTFail("regexMatch of a bad pattern is false")
        }
    }
}

/// The guard against catastrophic backtracking: Go's RE2 matches every pattern in linear time, our engine
/// backtracks, so a repetition of a repetition is refused with a clear error instead of running for hours.
/// The accepted patterns' results come from Go 1.19 through sprig 3.2.3.
final class SprigRegexBacktrackingTests: XCTestCase {
    private let regex = SprigRegex.functions
    /// A text on which `(a+)+$` backtracks through every way of splitting the run of `a`s (2^40 of them).
    private let almostMatching = String(repeating: "a", count: 40) + "b"

    private func error(_ name: String, _ arguments: Value...) -> String? {
        do {
            _ = try regex[name]!.body(arguments, FunctionContext())
            return nil
        } catch let error as FunctionError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    func testRepetitionsOfRepetitionsAreRefusedAtOnceInEveryForm() {
        for pattern in ["(a+)+$", "(a*)*b", #"(\w+\s?)+$"#, "(?:x|(a+))+$", "((a+)?)+$", "(a{2,}b?)+$"] {
            for name in ["regexMatch", "mustRegexMatch"] {
                let message = error(name, .string(pattern), .string(almostMatching))
                XCTAssertNotNil(message, "\(name) \(pattern)")
                XCTAssertTrue(message?.contains("repeats a repetition") == true, "\(name) \(pattern): \(message ?? "")")
            }
            XCTAssertNotNil(error("regexFindAll", .string(pattern), .string(almostMatching), .int(-1)), pattern)
            XCTAssertNotNil(error("regexReplaceAll", .string(pattern), .string(almostMatching), .string("x")), pattern)
            XCTAssertNotNil(error("mustRegexSplit", .string(pattern), .string(almostMatching), .int(-1)), pattern)
        }
        XCTAssertEqual(
            error("regexMatch", .string("(a+)+$"), .string("ab")),
            "regexp: `(a+)+$` repeats a repetition (the quantifier after `(a+)+`): Go's engine matches it in linear time, "
                + "krakenlint's backtracks and could take exponential time, so it is refused; rewrite it so that the "
                + "repeated part cannot match the same text in more than one way, for example (a+)+ as a+")
    }

    func testRepetitionsWhoseRepeatedPartIsDelimitedAreAccepted() throws {
        func find(_ pattern: String, _ text: String) throws -> String {
            stringResult(try callSprig(regex, "regexFind", .string(pattern), .string(text)))
        }
        XCTAssertEqual(try find(#"^([a-z0-9-]+\.)+[a-z]+$"#, "api.example.com"), "api.example.com")
        XCTAssertEqual(try find("(ab)+", "xababy"), "abab")
        XCTAssertEqual(try find("(a+)?b", "aab"), "aab")
        XCTAssertEqual(try find("a+b+", "xaabbb"), "aabbb")
        XCTAssertEqual(try find(#"(\d+,)*\d+"#, "1,22,333"), "1,22,333")
    }
}
