import ConfigTree
import XCTest

final class YAMLReaderTests: XCTestCase {
    private func yaml(_ text: String, limits: LoadLimits = .default) -> (SourceFile, LoadResult) {
        load(text, format: .yaml, limits: limits)
    }

    private func value(_ scalar: String) -> Node? {
        yaml("v: \(scalar)\n").1.root?["v"]
    }

    // MARK: Positions

    func testNodesAndKeysHaveHandCountedSpans() throws {
        let text = "version: 3\nname: \"café ü\"\nport: 8080\nendpoints:\n  - endpoint: /v1/é\n    backend:\n      - host: [a, \"b\"]\n"
        let (file, result) = yaml(text)
        XCTAssertEqual(result.issues, [])
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(file.spanText(root.span), "1:1-7:23")
        XCTAssertEqual(file.spanText(root.member("version")?.keySpan), "1:1-1:8")
        XCTAssertEqual(file.spanText(root["version"]?.span), "1:10-1:11")
        XCTAssertEqual(file.spanText(root["name"]?.span), "2:7-2:15")
        XCTAssertEqual(root["name"]?.string, "café ü")
        XCTAssertEqual(file.spanText(root["port"]?.span), "3:7-3:11")
        XCTAssertEqual(file.spanText(root.member("endpoints")?.keySpan), "4:1-4:10")
        let endpoint = try XCTUnwrap(root["endpoints"]?[0])
        XCTAssertEqual(file.startText(root["endpoints"]?.span), "5:3")
        XCTAssertEqual(file.startText(endpoint.span), "5:5")
        XCTAssertEqual(file.spanText(endpoint.member("endpoint")?.keySpan), "5:5-5:13")
        XCTAssertEqual(file.spanText(endpoint["endpoint"]?.span), "5:15-5:20")
        XCTAssertEqual(file.spanText(endpoint.member("backend")?.keySpan), "6:5-6:12")
        let backend = try XCTUnwrap(endpoint["backend"]?[0])
        XCTAssertEqual(file.spanText(backend.member("host")?.keySpan), "7:9-7:13")
        XCTAssertEqual(file.spanText(backend["host"]?.span), "7:15-7:23")
        XCTAssertEqual(file.spanText(backend["host"]?[1]?.span), "7:19-7:22")
        XCTAssertEqual(backend["host"]?[1]?.string, "b")
        assertSpansConsistent(root, in: file)
    }

    func testPositionsAfterAByteOrderMarkAndCRLF() throws {
        let (file, result) = load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: ñ\r\n".utf8), format: .yaml)
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root.member("b").map { file.line(ofOffset: $0.keySpan.start) }, 2)
        XCTAssertEqual(root["b"]?.string, "ñ")
        assertSpansConsistent(root, in: file)
    }

    func testPositionsWithLineBreaksThatOnlyLibyamlCounts() throws {
        let (file, result) = yaml("a: 1\rb: ü\rc: [x, \"é\"]\n")
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root["c"]?[1]?.string, "é")
        XCTAssertEqual(root.member("b")?.keySpan.start, 5)
        XCTAssertEqual(file.startText(root.member("c")?.keySpan), "1:11", "SourceFile lines break at \\n only")
        assertSpansConsistent(root, in: file)
    }

    func testPositionsOnLongFlowLinesWithNonASCII() throws {
        let items = (0..<300).map { "{k\($0): \"värde \($0)\", n: [\($0), ö]}" }.joined(separator: ", ")
        let (file, result) = yaml("list: [" + items + "]\nafter: ✓\n")
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root["list"]?.elements?.count, 300)
        XCTAssertEqual(file.startText(root["after"]?.span), "2:8")
        assertSpansConsistent(root, in: file)
    }

    func testOffsetsInTextOfMixedWidthsAndInTextThatSwitchesScriptEveryCharacter() throws {
        // Runs of two-, three- and four-byte characters between plenty of ASCII (the cursor's run table)...
        let padding = String(repeating: "ascii-", count: 60)
        let sparse = (0..<200).map { "k\($0): [ab ü€😀 \($0), \"çé\", x😀y, \(padding)]" }.joined(separator: "\n") + "\nlast: ✓✓\n"
        // ...and a file whose script changes every character (too many runs: the cursor walks instead).
        let dense = (0..<200).map { "k\($0): a\(String(repeating: "éa€a", count: 30))" }.joined(separator: "\n") + "\nlast: ✓✓\n"
        for text in [sparse, dense] {
            let (file, result) = yaml(text)
            let root = try XCTUnwrap(result.root, "\(result.issues)")
            XCTAssertEqual(root.members?.count, 201)
            XCTAssertEqual(file.spanText(root["last"]?.span), "201:7-201:9")
            XCTAssertEqual(file.spanText(root.member("k199")?.keySpan), "200:1-200:5")
            assertSpansConsistent(root, in: file)
        }
        let (file, result) = yaml(sparse)
        XCTAssertEqual(file.spanText(result.root?["k7"]?[1]?.span), "8:16-8:20", "the quoted \"çé\" after ü€😀")
    }

    // MARK: Scalars as yaml.v3 resolves them

    func testBooleansAndNulls() {
        XCTAssertEqual(value("true")?.bool, true)
        XCTAssertEqual(value("True")?.bool, true)
        XCTAssertEqual(value("FALSE")?.bool, false)
        for text in ["yes", "no", "on", "off", "y", "tRue"] {
            XCTAssertEqual(value(text)?.string, text, "\(text) is a string in YAML 1.2")
        }
        for text in ["~", "null", "Null", "NULL", ""] {
            XCTAssertTrue(value(text)?.isNull == true, "\(text) is null")
        }
        XCTAssertEqual(value("nULL")?.string, "nULL")
    }

    func testIntegers() {
        let cases: [(String, String)] = [
            ("42", "42"), ("0x1F", "31"), ("0X1f", "31"), ("0o17", "15"), ("017", "15"), ("0b101", "5"),
            ("1_000", "1000"), ("+12", "12"), ("-0", "0"), ("-0x10", "-16"),
            ("18446744073709551615", "18446744073709551615"), ("-9223372036854775808", "-9223372036854775808"),
        ]
        for (text, canonical) in cases {
            let number = value(text)?.number
            XCTAssertEqual(number?.literal, text)
            XCTAssertEqual(number?.canonical, canonical, text)
            XCTAssertEqual(number?.isInteger, true, text)
        }
    }

    func testFloats() {
        let cases: [(String, String)] = [
            ("1.5", "1.5"), ("1e3", "1e3"), ("1.", "1"), (".5", "0.5"), ("-.5", "-0.5"), ("+1.5", "1.5"),
            ("09", "9"), ("1_0.2_5", "10.25"), ("6.02E+23", "6.02e+23"), ("007.50", "7.50"),
        ]
        for (text, canonical) in cases {
            XCTAssertEqual(value(text)?.number?.canonical, canonical, text)
        }
        XCTAssertEqual(value(".inf")?.number?.special, .infinity)
        XCTAssertEqual(value("+.INF")?.number?.special, .infinity)
        XCTAssertEqual(value("-.Inf")?.number?.special, .negativeInfinity)
        XCTAssertEqual(value(".NaN")?.number?.special, .nan)
        XCTAssertEqual(value(".nan")?.number?.literal, ".nan")
    }

    func testThingsThatLookNumericButAreStrings() {
        for text in ["1e400", "0x", "1.2.3", "12:30", "2024-01-31", "1_", "_1", ".", "+inf", "0x1G", "3s", "NaN", ".Nan"] {
            let node = value(text)
            if text == "1_" {
                XCTAssertEqual(node?.number?.canonical, "1", "yaml.v3 drops every underscore first")
            } else {
                XCTAssertEqual(node?.string, text, "\(text) stays a string")
            }
        }
    }

    func testQuotedBlockAndTaggedScalars() {
        XCTAssertEqual(value("\"123\"")?.string, "123")
        XCTAssertEqual(value("'true'")?.string, "true")
        XCTAssertEqual(value("!!str 123")?.string, "123")
        XCTAssertEqual(value("!!int \"12\"")?.number?.canonical, "12")
        XCTAssertEqual(value("!!float 1")?.number?.canonical, "1")
        XCTAssertEqual(value("!!bool true")?.bool, true)
        XCTAssertEqual(value("!custom 5")?.string, "5")
        XCTAssertEqual(yaml("v: |\n  line one\n  line two\n").1.root?["v"]?.string, "line one\nline two\n")
        XCTAssertEqual(yaml("v: >-\n  folded\n  text\n").1.root?["v"]?.string, "folded text")
        let failed = yaml("a: 1\nv: !!bool yes\n")
        assertError(failed, code: .syntax, line: 2, column: 4, message: "cannot decode a !!str value as a !!bool")
    }

    // MARK: Anchors, aliases, merges

    func testAliasesExpandToTheAnchoredValue() throws {
        let (file, result) = yaml("base: &b\n  timeout: 3s\ncopy: *b\nlist: [&x 1, *x]\n")
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root["copy"]?["timeout"]?.string, "3s")
        XCTAssertEqual(file.spanText(root["copy"]?.span), "3:7-3:9", "the alias itself is the copied value's span")
        XCTAssertEqual(root["list"]?[1]?.number?.literal, "1")
    }

    func testMergeKeysFollowYamlV3Precedence() throws {
        let text = """
        base: &base
          timeout: 3s
          port: 80
        other: &other
          port: 90
          host: h
          timeout: 9s
        svc:
          <<: [*base, *other]
          port: 8080
        single:
          name: s
          <<: *other
        """
        let (file, result) = yaml(text)
        XCTAssertEqual(result.issues, [])
        let svc = try XCTUnwrap(result.root?["svc"])
        XCTAssertEqual(svc.members?.map(\.key), ["timeout", "host", "port"])
        XCTAssertEqual(svc["port"]?.number?.literal, "8080", "explicit keys win")
        XCTAssertEqual(svc["timeout"]?.string, "3s", "earlier merged maps win")
        XCTAssertEqual(svc.member("host").map { file.line(ofOffset: $0.keySpan.start) }, 6, "merged members keep their source position")
        let single = try XCTUnwrap(result.root?["single"])
        XCTAssertEqual(single.members?.map(\.key), ["name", "port", "host", "timeout"])
    }

    func testMergeOfAScalarIsAnError() {
        assertLoadError("a:\n  <<: 1\n", format: .yaml, code: .structure, line: 2, column: 7, message: "map merge requires map or sequence of maps")
        assertLoadError("a:\n  <<: [{x: 1}, 2]\n", format: .yaml, code: .structure, line: 2, column: 16, message: "found a number in the sequence")
    }

    func testAliasBombIsRefusedQuickly() {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for index in 1..<names.count {
            let previous = names[index - 1]
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        let started = Date()
        let result = yaml(lines.joined(separator: "\n"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
        // a=10 nodes, b=91, c=820, d=7381, e=66430, f=597871: the third *f on line 7 passes 2,000,000.
        assertError(result, code: .limit, line: 7, column: 14, message: "expands to more than 2000000 nodes")
    }

    func testAliasErrors() {
        assertLoadError("a: *nowhere\n", format: .yaml, code: .syntax, line: 1, column: 4, message: "unknown anchor 'nowhere' referenced")
        assertLoadError("a: &x [1, *x]\n", format: .yaml, code: .structure, line: 1, column: 11, message: "anchor 'x' value contains itself")
    }

    // MARK: Errors

    func testDuplicateKeysAreErrors() {
        assertLoadError("a: 1\nb: 2\na: 3\n", format: .yaml, code: .syntax, line: 3, column: 1, message: "mapping key \"a\" already defined at line 1")
        var lines = (0..<30).map { "k\($0): \($0)" }
        lines.append("k4: again")
        assertLoadError(lines.joined(separator: "\n"), format: .yaml, code: .syntax, line: 31, column: 1, message: "mapping key \"k4\" already defined at line 5")
        assertLoadError("a:\n  <<: {x: 1}\n  <<: {y: 1}\n", format: .yaml, code: .syntax, line: 3, column: 3, message: "mapping key \"<<\" already defined at line 2")
    }

    func testNonScalarKeysAreErrors() {
        assertLoadError("? [a, b]\n: 1\n", format: .yaml, code: .syntax, line: 1, column: 3, message: "a mapping key must be a scalar")
        assertLoadError("a: &m {x: 1}\n? *m\n: 2\n", format: .yaml, code: .syntax, line: 2, column: 3, message: "a mapping key must be a scalar")
    }

    func testMultipleDocumentsAreAStructureError() {
        assertLoadError("version: 3\n---\nversion: 2\n", format: .yaml, code: .structure, line: 2, column: 1, message: "a second YAML document starts here")
    }

    func testTabsInIndentationKeepLibyamlsPosition() {
        assertLoadError("version: 3\nendpoints:\n\t- endpoint: /a\n", format: .yaml, code: .syntax, line: 3, column: 1,
                        message: "found character that cannot start any token", hint: "spaces, not tabs")
    }

    func testLibyamlSyntaxErrorsKeepTheirPosition() {
        assertLoadError("a: [1, 2\nb: 3\n", format: .yaml, code: .syntax, line: 2, column: 2, message: "did not find expected ',' or ']'")
        assertLoadError("a: \"é\nb: c: d\n", format: .yaml, code: .syntax, line: 3, column: 1, message: "found unexpected end of stream")
    }

    func testEmptyAndNonMappingDocuments() {
        assertLoadError("", format: .yaml, code: .structure, line: 1, column: 1, message: "empty file: expected a YAML mapping")
        assertLoadError("  \n\n", format: .yaml, code: .structure, line: 1, column: 1, message: "empty file")
        assertLoadError("# only a comment\n", format: .yaml, code: .structure, line: 1, column: 1, message: "empty file")
        assertLoadError("- a\n- b\n", format: .yaml, code: .structure, line: 1, column: 1, message: "the top level is a sequence; expected a mapping")
        assertLoadError("just text\n", format: .yaml, code: .structure, line: 1, column: 1, message: "the top level is a scalar (string)")
        assertLoadError("---\n", format: .yaml, code: .structure, line: 2, column: 1, message: "the top level is empty (null)")
    }

    func testEncodingErrors() {
        let invalid = load(bytes: Array("a: b\nc: ".utf8) + [0xFF, 0x0A], format: .yaml)
        assertError(invalid, code: .encoding, line: 2, column: 4, message: "invalid UTF-8 at byte offset 8")
        let binary = load(bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01], format: .yaml)
        assertError(binary, code: .encoding, line: 1, column: 4, message: "binary data: a NUL byte at byte offset 4")
        let control = load(bytes: Array("a: \u{1}\n".utf8), format: .yaml)
        assertError(control, code: .encoding, line: 1, column: 4, message: "control character at byte offset 3")
    }

    func testDepthLimitWithoutOverflow() throws {
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let result = try XCTUnwrap(onSmallStack { load(text, format: .yaml) })
        assertError(result, code: .limit, line: 1, column: 1003, message: "nesting deeper than 1000 levels")
    }

    func testKeyLengthLimit() {
        var limits = LoadLimits.default
        limits.maxKeyLength = 4
        XCTAssertNotNil(yaml("abcd: 1\n", limits: limits).1.root)
        assertLoadError("x: 1\nabcde: 1\n", format: .yaml, limits: limits, code: .limit, line: 2, column: 1, message: "key of 5 bytes, more than the limit of 4")
    }
}
