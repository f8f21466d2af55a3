import ConfigTree
import XCTest

final class JSONReaderTests: XCTestCase {
    // MARK: Positions and values

    func testNodesAndKeysHaveHandCountedSpans() throws {
        let text = "{\n  \"name\": \"café\",\n  \"é\": [1, 2.50, -0.1e3],\n  \"x\": {\"b\": true, \"n\": null}\n}\n"
        let (file, result) = load(text)
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(file.spanText(root.span), "1:1-5:2")

        let name = try XCTUnwrap(root.member("name"))
        XCTAssertEqual(file.spanText(name.keySpan), "2:3-2:9")
        XCTAssertEqual(file.spanText(name.value.span), "2:11-2:17")
        XCTAssertEqual(name.value.string, "café")

        let accented = try XCTUnwrap(root.member("é"))
        XCTAssertEqual(file.spanText(accented.keySpan), "3:3-3:6")
        XCTAssertEqual(accented.keySpan.start, 23)
        XCTAssertEqual(accented.keySpan.end, 27, "é is two bytes")
        XCTAssertEqual(file.spanText(accented.value.span), "3:8-3:25")
        XCTAssertEqual(file.spanText(accented.value[2]?.span), "3:18-3:24")
        XCTAssertEqual(accented.value[1]?.number?.literal, "2.50")

        let inner = try XCTUnwrap(root.member("x"))
        XCTAssertEqual(file.spanText(inner.keySpan), "4:3-4:6")
        XCTAssertEqual(file.spanText(inner.value.span), "4:8-4:30")
        XCTAssertEqual(file.spanText(inner.value.member("b")?.keySpan), "4:9-4:12")
        XCTAssertEqual(file.spanText(inner.value["b"]?.span), "4:14-4:18")
        XCTAssertEqual(inner.value["b"]?.bool, true)
        XCTAssertEqual(file.spanText(inner.value["n"]?.span), "4:25-4:29")
        XCTAssertTrue(inner.value["n"]?.isNull == true)
        assertSpansConsistent(root, in: file)
    }

    func testColumnsOnALongMinifiedLineCountScalars() throws {
        var text = "{"
        for index in 0..<200 {
            if index > 0 { text += "," }
            text += "\"ключ\(index)\":{\"v\":\"日本語\\n\(index)\",\"n\":[\(index),-\(index).5,true,null,\"😀\"]}"
        }
        text += "}"
        let (file, result) = load(text)
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root.members?.count, 200)
        XCTAssertEqual(root["ключ199"]?["v"]?.string, "日本語\n199")
        assertSpansConsistent(root, in: file)
        let last = try XCTUnwrap(root["ключ199"]?["n"]?[4])
        let (start, end) = file.positions(of: last.span)
        XCTAssertEqual(start.line, 1)
        XCTAssertEqual(end.column - start.column, 3, "quote, one emoji scalar, quote")
    }

    func testCarriageReturnsAndTabsAreWhitespace() throws {
        let (file, result) = load("{\r\n\t\"a\":\t1\r\n}")
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(file.spanText(root.member("a")?.keySpan), "2:2-2:5")
        XCTAssertEqual(file.spanText(root["a"]?.span), "2:7-2:8")
        assertSpansConsistent(root, in: file)
    }

    func testNumbersKeepTheirLiteral() throws {
        let (_, result) = load("{\"a\": [0, -0, 1.0, 12345678901234567890, 1E+2, -0.5e-3, 8080]}")
        let literals = try XCTUnwrap(result.root?["a"]?.elements).map { $0.number?.literal }
        XCTAssertEqual(literals, ["0", "-0", "1.0", "12345678901234567890", "1E+2", "-0.5e-3", "8080"])
        XCTAssertEqual(result.root?["a"]?[6]?.number?.intValue, 8080)
    }

    func testStringEscapesAreDecoded() throws {
        let (_, result) = load(#"{"s": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 end", "plain": "DOMAIN\\user"}"#)
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root["s"]?.string, "q\" b\\ s/ \u{8}\u{C}\n\r\t é € 😀 end")
        XCTAssertEqual(root["plain"]?.string, "DOMAIN\\user")
    }

    func testEmptyContainersAndNesting() throws {
        let (file, result) = load("{\"a\": {}, \"b\": [], \"c\": [[], {}, [[1]]]}")
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root["a"]?.members?.count, 0)
        XCTAssertEqual(root["b"]?.elements?.count, 0)
        XCTAssertEqual(root["c"]?[2]?[0]?[0]?.number?.literal, "1")
        XCTAssertEqual(file.spanText(root["c"]?.span), "1:25-1:40")
        assertSpansConsistent(root, in: file)
    }

    // MARK: Duplicate keys

    func testDuplicateKeyIsAWarningAndTheLastOneWins() throws {
        let (file, result) = load("{\n  \"port\": 8080,\n  \"port\": 9090\n}")
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root.members?.count, 2, "both members stay in the tree")
        XCTAssertEqual(root["port"]?.number?.literal, "9090")
        XCTAssertEqual(result.issues.count, 1)
        let issue = try XCTUnwrap(result.issues.first)
        XCTAssertEqual(issue.code, .duplicateKey)
        XCTAssertEqual(issue.severity, .warning)
        XCTAssertEqual(issue.message, "duplicate key \"port\"; KrakenD keeps the last one (first defined on line 2)")
        XCTAssertEqual(file.spanText(issue.span), "3:3-3:9")
    }

    func testDuplicateKeysInLargeObjectsAreFound() throws {
        var lines = (0..<40).map { "  \"k\($0)\": \($0)" }
        lines.append("  \"k7\": 100")
        lines.append("  \"k39\": 101")
        let (file, result) = load("{\n" + lines.joined(separator: ",\n") + "\n}")
        XCTAssertNotNil(result.root)
        XCTAssertEqual(result.issues.map(\.message), [
            "duplicate key \"k7\"; KrakenD keeps the last one (first defined on line 9)",
            "duplicate key \"k39\"; KrakenD keeps the last one (first defined on line 41)",
        ])
        XCTAssertEqual(result.issues.map { file.line(ofOffset: $0.span.start) }, [42, 43])
    }

    func testKeysThatDifferInBytesAreNotDuplicates() {
        let (_, result) = load("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        XCTAssertNotNil(result.root)
        XCTAssertEqual(result.issues, [], "precomposed and decomposed é are different keys to KrakenD")
    }

    // MARK: Encoding

    func testByteOrderMarkIsAcceptedWithAWarning() throws {
        let (file, result) = load(bytes: [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root["a"]?.number?.literal, "1")
        XCTAssertEqual(result.issues.count, 1)
        XCTAssertEqual(result.issues.first?.code, .encoding)
        XCTAssertEqual(result.issues.first?.severity, .warning)
        XCTAssertEqual(file.startText(result.issues.first?.span), "1:1")
        XCTAssertTrue(result.issues.first?.message.contains("byte-order mark") == true)
        XCTAssertEqual(result.issues.first?.hint, "save the file as UTF-8 without BOM")
        assertSpansConsistent(root, in: file)
    }

    func testInvalidUTF8IsAnEncodingErrorWithItsOffset() {
        for bad: [UInt8] in [[0xC3, 0x28], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE2, 0x82]] {
            let result = load(bytes: Array("{\"a\": \"".utf8) + bad + Array("\"}".utf8))
            assertError(result, code: .encoding, line: 1, column: 8, message: "invalid UTF-8 at byte offset 7")
        }
        let outside = load(bytes: Array("{\"a\": ".utf8) + [0xFE] + Array("}".utf8))
        assertError(outside, code: .encoding, line: 1, column: 7, message: "invalid UTF-8 at byte offset 6 (byte 0xFE)")
    }

    func testBinaryFileIsRefused() {
        let result = load(bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00])
        assertError(result, code: .encoding, line: 1, column: 8, message: "binary data: a NUL byte at byte offset 7")
    }

    // MARK: Structure

    func testEmptyAndWhitespaceOnlyFilesAreStructureErrors() {
        assertLoadError("", code: .structure, line: 1, column: 1, message: "empty file: expected a JSON object")
        assertLoadError("  \n\t \r\n", code: .structure, line: 1, column: 1, message: "empty file")
    }

    func testTopLevelMustBeAnObject() {
        assertLoadError("[{\"version\": 3}]", code: .structure, line: 1, column: 1, message: "the top level is an array; expected a JSON object")
        assertLoadError("\n  \"krakend.json\"", code: .structure, line: 2, column: 3, message: "the top level is a string")
        assertLoadError("42", code: .structure, line: 1, column: 1, message: "the top level is a number")
        assertLoadError("null", code: .structure, line: 1, column: 1, message: "the top level is null")
    }

    func testAnyTopLevelValueWhenAsked() throws {
        let file = SourceFile(path: "cases.json", format: .json, text: "[{\"a\": 1}, true]")
        let result = ConfigLoader.loadJSONValue(file)
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(file.spanText(result.root?[0]?["a"]?.span), "1:8-1:9")
        XCTAssertEqual(ConfigLoader.loadJSONValue(SourceFile(path: "b.json", format: .json, text: " false")).root?.bool, false)
        let list = SourceFile(path: "c.json", format: .json, text: "[1,]")
        assertError((list, ConfigLoader.loadJSONValue(list)),
                    code: .syntax, line: 1, column: 3, message: "trailing ','")
    }

    func testContentAfterTheRootIsAnError() {
        assertLoadError("{}\n{}", code: .syntax, line: 2, column: 1, message: "after the configuration object that ends on line 1; found '{'")
    }

    // MARK: Syntax errors with help

    func testTrailingCommas() {
        assertLoadError("{\"a\": 1,}", code: .syntax, line: 1, column: 8, message: "trailing ',' before '}'", hint: "remove this comma")
        assertLoadError("{\"a\": [1, 2,\n]}", code: .syntax, line: 1, column: 12, message: "trailing ',' before ']'")
    }

    func testCommentsAreExplained() {
        assertLoadError("{\n  // note\n  \"a\": 1\n}", code: .syntax, line: 2, column: 3, message: "comment", hint: "\"@comment\"")
        assertLoadError("{\"a\": /* x */ 1}", code: .syntax, line: 1, column: 7, message: "JSON has no comments")
    }

    func testSingleBackslashSuggestsDoubling() {
        let hint = "a backslash in a JSON string starts an escape; write \\\\ for a literal backslash, e.g. \"DOMAIN\\\\user\""
        assertLoadError(#"{"user": "DOMAIN\user"}"#, code: .syntax, line: 1, column: 17, message: "invalid escape in a string: '\\u' must be followed by 4 hex digits", hint: hint)
        assertLoadError(#"{"user": "DOMAIN\domain"}"#, code: .syntax, line: 1, column: 17, message: "a backslash must be followed by one of", hint: hint)
        assertLoadError(#"{"a": "\u12"}"#, code: .syntax, line: 1, column: 8, message: "'\\u' must be followed by 4 hex digits")
    }

    func testLoneSurrogatesAreErrors() {
        assertLoadError(#"{"a": "\ud800x"}"#, code: .syntax, line: 1, column: 8, message: "lone surrogate escape: a high surrogate")
        assertLoadError(#"{"a": "\udc00"}"#, code: .syntax, line: 1, column: 8, message: "a low surrogate (\\uDC00-\\uDFFF) without a high surrogate")
        assertLoadError(#"{"a": "\ud800\u0041"}"#, code: .syntax, line: 1, column: 8, message: "not followed by a low surrogate")
    }

    func testControlCharactersInStringsAreNamed() {
        assertLoadError("{\"a\": \"x\ty\"}", code: .syntax, line: 1, column: 9, message: "unescaped tab inside a string", hint: "\\t")
        assertLoadError("{\"a\": \"x\n\"}", code: .syntax, line: 1, column: 9, message: "unescaped newline inside the string that starts at 1:7")
        assertLoadError("{\"a\": \"x\u{1}\"}", code: .syntax, line: 1, column: 9, message: "unescaped control character U+0001", hint: "\\u0001")
    }

    func testMissingCommasNameTheLine() {
        assertLoadError("{\n  \"a\": 1\n  \"b\": 2\n}", code: .syntax, line: 3, column: 3, message: "missing ',' after the member ending on line 2")
        assertLoadError("{\"a\": [1\n 2]}", code: .syntax, line: 2, column: 2, message: "missing ',' after the element ending on line 1")
    }

    func testSingleQuotesNaNAndLiterals() {
        assertLoadError("{'a': 1}", code: .syntax, line: 1, column: 2, message: "single-quoted string", hint: "write \"text\"")
        assertLoadError("{\"a\": 'b'}", code: .syntax, line: 1, column: 7, message: "single-quoted string")
        assertLoadError("{\"a\": NaN}", code: .syntax, line: 1, column: 7, message: "NaN is not a JSON value", hint: "no NaN or infinity")
        assertLoadError("{\"a\": -Infinity}", code: .syntax, line: 1, column: 7, message: "-Infinity is not a JSON value")
        assertLoadError("{\"a\": True}", code: .syntax, line: 1, column: 7, message: "expected a value; found 'True'", hint: "write true")
        assertLoadError("{\"a\": nul}", code: .syntax, line: 1, column: 7, message: "expected a value; found an unquoted word")
    }

    func testNumberGrammar() {
        assertLoadError("{\"port\": 08080}", code: .syntax, line: 1, column: 10, message: "number with a leading zero; JSON numbers do not start with 0")
        assertLoadError("{\"a\": +1}", code: .syntax, line: 1, column: 7, message: "number with a leading '+'", hint: "remove the '+'")
        assertLoadError("{\"a\": 1.}", code: .syntax, line: 1, column: 9, message: "expected a digit after the decimal point; found '}'")
        assertLoadError("{\"a\": .5}", code: .syntax, line: 1, column: 7, message: "expected a value")
        assertLoadError("{\"a\": 1e}", code: .syntax, line: 1, column: 9, message: "expected a digit in the exponent")
        assertLoadError("{\"a\": -}", code: .syntax, line: 1, column: 8, message: "expected a digit after '-'")
    }

    func testUnterminatedStringPointsAtItsOpeningQuote() {
        assertLoadError("{\"a\": \"abc", code: .syntax, line: 1, column: 7, message: "unterminated string")
        assertLoadError("{\n  \"abc", code: .syntax, line: 2, column: 3, message: "unterminated string")
    }

    func testExpectedTokensAreNamed() {
        assertLoadError("{\"a\" 1}", code: .syntax, line: 1, column: 6, message: "expected ':' after the member name \"a\"; found a number")
        assertLoadError("{\"a\": }", code: .syntax, line: 1, column: 7, message: "expected a value; found '}'")
        assertLoadError("{\"a\": 1", code: .syntax, line: 1, column: 8, message: "unexpected end of file; expected ',' or '}' after object member")
        assertLoadError("{\"a\": 1]", code: .syntax, line: 1, column: 8, message: "expected ',' or '}' after object member; found ']'")
        assertLoadError("{a: 1}", code: .syntax, line: 1, column: 2, message: "expected a member name in double quotes; found an unquoted word")
        assertLoadError("{\"a\": [1}", code: .syntax, line: 1, column: 9, message: "expected ',' or ']' after array element; found '}'")
        assertLoadError("{\"a\": \"é\" x}", code: .syntax, line: 1, column: 11, message: "found an unquoted word")
    }

    func testTemplateLinesGetAHint() {
        let text = "{\n  \"password\": \"{{ env \"NTLM_PASSWORD\" }}\"\n}"
        let result = load(text)
        assertError(result, code: .syntax, line: 2, column: 24, message: "found an unquoted word", hint: "template")
    }

    func testMessagesNeverQuoteTheBrokenText() {
        let inputs = [
            "{\"password\": s3cr3t}", "{\"password\": \"s3cr3t\\q\"}", "{\"password\": \"\\uZ3cr3t\"}",
            "{\"password\": 0s3cr3t}", "{\"password\": +3cr3t}", "{\"password\": 03cr3t}", "{\"password\": \"\\udc3c\"}",
            "{\"password\": s3crét}", "{s3cr3t: 1}",
        ]
        for input in inputs {
            let issues = load(input).1.issues
            XCTAssertFalse(issues.isEmpty, input)
            for issue in issues {
                XCTAssertFalse(issue.message.contains("3cr") || issue.message.contains("dc3c") || issue.message.contains("é"), issue.message)
                XCTAssertFalse(issue.hint?.contains("3cr") == true, issue.hint ?? "")
            }
        }
    }

    // MARK: Limits

    func testTenThousandNestedArraysHitTheDepthLimitWithoutOverflow() throws {
        let text = "{\"a\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        let result = try XCTUnwrap(onSmallStack { load(text) })
        assertError(result, code: .limit, line: 1, column: 1006, message: "nesting deeper than 1000 levels")
    }

    func testDepthLimitCountsEveryLevel() {
        var limits = LoadLimits.default
        limits.maxDepth = 3
        XCTAssertNotNil(load("{\"a\": [[1]]}", limits: limits).1.root)
        assertLoadError("{\"a\": [[[1]]]}", limits: limits, code: .limit, line: 1, column: 9, message: "nesting deeper than 3 levels")
        assertLoadError("{\"a\": [{\"b\": {}}]}", limits: limits, code: .limit, line: 1, column: 14, message: "nesting deeper than 3")
    }

    func testDeepNestingWithinTheLimitLoadsOnASmallStack() throws {
        let text = "{\"a\": " + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + "}"
        let result = try XCTUnwrap(onSmallStack { load(text).1 })
        XCTAssertNotNil(result.root)
    }

    func testKeyLengthAndFileSizeLimits() {
        var limits = LoadLimits.default
        limits.maxKeyLength = 3
        XCTAssertNotNil(load("{\"abc\": 1}", limits: limits).1.root)
        assertLoadError("{\n \"abcd\": 1}", limits: limits, code: .limit, line: 2, column: 2, message: "key of 4 bytes, more than the limit of 3")
        limits = .default
        limits.maxFileSize = 10
        assertLoadError("{\"abcdefgh\": 1}", limits: limits, code: .limit, line: 1, column: 1, message: "file is 15 bytes, more than the limit of 10")
    }
}
