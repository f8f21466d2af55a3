import Foundation
import XCTest
@testable import JSONSchema
import TestPeers

/// The linear-time automaton must give ICU's answer (after the ECMA translation) on every pattern it accepts.
final class LinearRegexTests: XCTestCase {
    private let patterns = [
        // From schemas/.
        "(base64key|awskms|azurekeyvault|gcpkms|hashivault)://(.*)", ".+", "^.*$", "^:[0-9]+$",
        "^[0-9]+(ns|ms|us|µs|s|m|h)$", "^[0-9].[0-9].[0-9]+$", "^\\/[^*?&%]*(\\/\\*)?$", "^resp[0-9]+(_[^\\s]+)?$",
        "^[@$_#]",
        // Classes, escapes, anchors, counts.
        "^", "$", "^$", "a|", "|b", "x*", "^a{2}$", "^a{2,}$", "^a{1,3}$", "^(?:ab|cd)?e$", "a.c", "^\\d+$", "\\D",
        "^\\w+$", "\\W", "\\s", "^\\S+$", "[\\D]", "[^\\d\\s]", "[a-]", "[-a]", "[]", "[^]", "^[^]$", "[\\]]", "[\\-z]",
        "\\x41", "\\u00e9", "\\u{1F600}", "^.$", "[\\b]", "\\/\\*", "a\\.b", "^[a-zA-Z_][a-zA-Z0-9_]*$", "(a|b)(c|d)",
        "^[^@]+@[^@]+$", "^(http|https)://", "a+?b", "\\0", "[\\u0100-\\u017F]", "^[\\x20-\\x7E]*$", "\\t|\\n",
        "^(?:[0-9]\\.)?x$", "^-?[0-9]+$", "ab|cd|ef", "\\$", "^\\^",
    ]
    private let texts = [
        "", "a", "aa", "aaa", "abc", "a.c", "a\nc", "ab", "cd", "e", "abe", "cde", "x", "xyz", "12", "1.2.3", "1a2b3", ":8080",
        "300ms", "5s", "1µs", "1h30m", "/api/v1/{id}", "/api/*", "/a/b/*", "/a?b", "resp0", "resp12_x", "resp1_ ",
        "@comment", "$ref", "_x", "#x", "x@", "hashivault://k", "awskms:/k", "é", "😀", "\u{2028}", "\r", "\t", " ",
        "\u{FEFF}", "\u{A0}", "A", "a/*", "a.b", "ab*", "user@example", "https://x", "http:", "-5", "5-", "\u{8}", "\0",
        "a]b", "-", "z", "^x", "$", "Ā", "~", "a\u{0}b",
        // ASCII, then a byte above it.
        "12µs", "/a/é/*", "/é", "abé", "xé", "1.2.é", "resp3_é", "http://é", "a\u{0}é", "é5s",
    ]

    private func icuMatches(_ pattern: String, _ text: String) throws -> Bool {
        let expression = try NSRegularExpression(pattern: try ECMARegexTranslator.translate(pattern))
        return expression.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
    }

    func testAgreesWithTheFullEngineOnEveryPatternItAccepts() throws {
        var compared = 0
        for pattern in patterns {
            guard let linear = LinearRegex(pattern) else {
                XCTFail("expected \(pattern) to be in the linear subset")
                continue
            }
            for text in texts {
                let expected = try icuMatches(pattern, text)
                XCTAssertEqual(linear.search(text), expected, "pattern \(pattern) on \(text.debugDescription)")
                XCTAssertEqual(linear.searchStateLists(text), expected, "state lists: pattern \(pattern) on \(text.debugDescription)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, patterns.count * texts.count)
    }

    /// Random texts over the characters the patterns name (and a few others, ASCII and not): the one-word
    /// program and the state lists agree.
    func testTheTwoSimulationsAgreeOnGeneratedTexts() throws {
        var generator = SplitMix64(seed: 0x5EED_A5C1)
        var compared = 0
        for pattern in patterns {
            let linear = try XCTUnwrap(LinearRegex(pattern))
            var alphabet = Set(pattern.unicodeScalars.map(Character.init)).sorted()
            alphabet += ["a", "0", "/", "µ", "é", " ", "*", "\n"]
            for _ in 0..<150 {
                let length = generator.below(9)
                let text = String((0..<length).map { _ in generator.pick(alphabet) })
                let expected = linear.searchStateLists(text)
                XCTAssertEqual(linear.search(text), expected, "pattern \(pattern) on \(text.debugDescription)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, patterns.count * 150)
    }

    func testProgramsTooLargeForOneWordAgreeToo() throws {
        let pattern = "^(?:" + (0..<40).map { "k\($0)x" }.joined(separator: "|") + ")$"
        let linear = try XCTUnwrap(LinearRegex(pattern))
        for text in ["k0x", "k39x", "k40x", "k1", "xk1x", ""] {
            XCTAssertEqual(linear.search(text), try icuMatches(pattern, text), text)
        }
    }

    func testLeavesOtherConstructsToTheFullEngine() {
        for pattern in ["^(a+)+$", "(a*)*", "\\bword", "\\Bx", "(?=a)", "(?!a)", "(?<=a)b", "(?<name>a)", "(a)\\1", "\\p{L}",
                        "\\cA", "a{,2}", "a**", "(a+){2}", "(?:ab){0,2}", "}", "]", "[a-\\d]", "[a-b-c]", "(ab)+", "(a|b)*", "\\uD800"] {
            XCTAssertNil(LinearRegex(pattern), "\(pattern) must stay with ICU")
        }
    }

    func testLongTextsOnCostlyPatternsStayWithTheBoundedEngine() throws {
        let linear = try XCTUnwrap(LinearRegex("^[a-z]*[a-z]*[a-z]*!$"))
        XCTAssertLessThan(linear.backtrackingEstimate(length: 4), 100_000)
        XCTAssertGreaterThan(linear.backtrackingEstimate(length: 200), 100_000)
    }
}
