@testable import ConfigTree
import TestPeers
import XCTest

/// The read on two cores (`JSONSplitRead`) against the read on one: the same tree, spans, issues in the same
/// order and the same errors, whether the second thread's part is used or dropped.
final class JSONSplitReadTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(JSONSplitRead.hasSecondCore, "the split read needs a second core")
    }

    // MARK: The second part is used

    func testAPrettyPrintedConfigReadsTheSameInTwoParts() throws {
        let text = Generated.config(endpoints: 300)
        let split = try assertSameAsSerial(text)
        XCTAssertTrue(split.adopted, "the second thread's elements were not used")
        XCTAssertEqual(split.result.root?["endpoints"]?.elements?.count, 300)
    }

    func testAMinifiedConfigReadsTheSameInTwoParts() throws {
        let text = Generated.config(endpoints: 300, minified: true)
        XCTAssertFalse(text.contains("\n"))
        XCTAssertTrue(try assertSameAsSerial(text).adopted)
    }

    func testDuplicateKeysOnBothSidesOfTheSplitKeepTheirOrder() throws {
        let text = Generated.config(endpoints: 300, duplicateKeyAt: [10, 200, 250, 299])
        let split = try assertSameAsSerial(text)
        XCTAssertTrue(split.adopted)
        XCTAssertEqual(split.result.issues.filter { $0.code == .duplicateKey }.count, 4)
    }

    func testATopLevelArrayOfNumbersReadsTheSameInTwoParts() throws {
        let text = "[" + (0..<5000).map { String($0 * 7 % 1000) }.joined(separator: ", ") + "]"
        XCTAssertTrue(try assertSameAsSerial(text, anyTopLevel: true).adopted)
    }

    func testTheStartingPointIsTheLeastNestedElementAfterTheMiddle() throws {
        let text = Generated.config(endpoints: 300)
        let bytes = Array(text.utf8)
        let start = try XCTUnwrap(bytes.withUnsafeBufferPointer { JSONSplitRead.startOffset(in: $0) })
        XCTAssertGreaterThanOrEqual(start, bytes.count / 2)
        let (_, serial) = load(text)
        let endpoints = try XCTUnwrap(serial.root?["endpoints"]?.elements)
        XCTAssertTrue(endpoints.contains { $0.span.start == start }, "the split starts inside an endpoint, not at one")
    }

    // MARK: The second part is dropped

    func testAStartInsideAStringIsNeverReached() throws {
        // The string holds text that reads as array elements up to a `]`, so the second thread succeeds.
        let text = Generated.config(endpoints: 300, note: "a, {}, [2, 3]] and more")
        let (_, serial) = load(text)
        let notes = try XCTUnwrap(serial.root?["endpoints"]?.elements?.compactMap { $0.member("@note") })
        let note = try XCTUnwrap(notes.first { $0.value.span.start > text.utf8.count / 2 })
        let inside = note.value.span.start + 4
        XCTAssertEqual(Array(text.utf8)[inside], UInt8(ascii: "{"))
        let tail = Array(text.utf8).withUnsafeBufferPointer { buffer in
            JSONSplitRead.readTail(file: SourceFile(path: "t.json", format: .json, text: text), bytes: buffer, limits: .default, from: inside,
                                   until: StopRequest())
        }
        XCTAssertEqual(tail?.elements.count, 2, "the text inside the string reads as two elements")
        XCTAssertFalse(try assertSameAsSerial(text, splitStart: inside).adopted)
    }

    func testAMinifiedStringThatLooksLikeElementsMisleadsTheScanHarmlessly() throws {
        // Without line breaks the scan starts after a `":`; here the first one after the middle is in a string.
        var text = Generated.config(endpoints: 2, minified: true)
        text.removeLast()
        text += ",\"s\":\"" + String(repeating: "p", count: text.utf8.count + 50) + "\\\": 1, {}, [2]] x\"}"
        let bytes = Array(text.utf8)
        let start = try XCTUnwrap(bytes.withUnsafeBufferPointer { JSONSplitRead.startOffset(in: $0) })
        let (_, serial) = load(text)
        let string = try XCTUnwrap(serial.root?["s"])
        XCTAssertTrue(string.span.contains(offset: start), "the scan was expected to start inside the string")
        XCTAssertFalse(try assertSameAsSerial(text).adopted)
    }

    func testASyntaxErrorAfterTheSplitIsTheSerialReadsError() throws {
        for mistake in [",}", "01", "\"unterminated", "tru", "[,", "\"\\q\""] {
            let text = Generated.config(endpoints: 300, mistake: (at: 230, text: mistake))
            let split = try assertSameAsSerial(text)
            XCTAssertNil(split.result.root, mistake)
            XCTAssertFalse(split.adopted, mistake)
        }
    }

    func testTheSecondThreadStopsWhenAsked() throws {
        let text = Generated.config(endpoints: 300)
        let source = SourceFile(path: "t.json", format: .json, text: text)
        let start = try XCTUnwrap(source.bytes.withUnsafeBufferPointer { JSONSplitRead.startOffset(in: $0) })
        let stop = StopRequest()
        let read = source.bytes.withUnsafeBufferPointer { JSONSplitRead.readTail(file: source, bytes: $0, limits: .default, from: start, until: stop) }
        XCTAssertNotNil(read)
        stop.raise()
        let stopped = source.bytes.withUnsafeBufferPointer { JSONSplitRead.readTail(file: source, bytes: $0, limits: .default, from: start, until: stop) }
        XCTAssertNil(stopped)
    }

    func testASyntaxErrorBeforeTheSplitIsTheSerialReadsError() throws {
        let text = Generated.config(endpoints: 300, mistake: (at: 40, text: "'single'"))
        let split = try assertSameAsSerial(text)
        XCTAssertNil(split.result.root)
        XCTAssertFalse(split.adopted)
    }

    func testATrailingCommaClosingTheSplitArrayIsAnError() throws {
        var text = Generated.config(endpoints: 300)
        let close = try XCTUnwrap(text.range(of: "\n  ]\n}", options: .backwards))
        text.insert(",", at: close.lowerBound)
        let split = try assertSameAsSerial(text)
        XCTAssertEqual(split.result.issues.last?.message.hasPrefix("trailing ','"), true)
    }

    func testTheNodeLimitCountsBothParts() throws {
        let text = Generated.config(endpoints: 300)
        let (_, serial) = load(text)
        let total = Generated.nodeCount(try XCTUnwrap(serial.root))
        var limits = LoadLimits.default
        limits.maxJSONNodes = total
        XCTAssertTrue(try assertSameAsSerial(text, limits: limits).adopted, "exactly at the limit")
        limits.maxJSONNodes = total - 1
        let over = try assertSameAsSerial(text, limits: limits)
        XCTAssertEqual(over.result.issues.last?.code, .limit)
        XCTAssertFalse(over.adopted)
    }

    func testTheDepthLimitCountsTheLevelsAboveTheSplit() throws {
        // One endpoint after the middle holds 30 nested arrays: 33 levels with the root, `endpoints` and the endpoint.
        let text = Generated.config(endpoints: 300, nestingAt: (250, 30))
        var limits = LoadLimits.default
        limits.maxDepth = 33
        XCTAssertTrue(try assertSameAsSerial(text, limits: limits).adopted, "exactly at the limit")
        limits.maxDepth = 32
        let over = try assertSameAsSerial(text, limits: limits)
        XCTAssertEqual(over.result.issues.last?.code, .limit)
        XCTAssertFalse(over.adopted, "the second thread alone stays within the limit; the whole file does not")
    }

    func testAKeyOverTheLimitAfterTheSplitIsTheSerialReadsError() throws {
        var limits = LoadLimits.default
        limits.maxKeyLength = 40
        let text = Generated.config(endpoints: 300, mistake: (at: 260, text: "{\"" + String(repeating: "k", count: 41) + "\": 1}"))
        let split = try assertSameAsSerial(text, limits: limits)
        XCTAssertEqual(split.result.issues.last?.code, .limit)
    }

    func testMutatedConfigsReadTheSameInTwoParts() throws {
        let text = Generated.config(endpoints: 60)
        let bytes = Array(text.utf8)
        var generator = SplitMix64(seed: 17)
        let replacements = Array("{}[],:\"\\ 0-.etn".utf8)
        var adopted = 0
        for _ in 0..<300 {
            var mutated = bytes
            for _ in 0..<Int(generator.next() % 3 + 1) {
                // Mostly in the second half, where the second thread reads.
                let offset = Int(generator.next() % UInt64(bytes.count / 2)) + (generator.next() % 4 == 0 ? 0 : bytes.count / 2)
                mutated[offset] = replacements[Int(generator.next() % UInt64(replacements.count))]
            }
            if try assertSameAsSerial(bytes: mutated).adopted { adopted += 1 }
        }
        XCTAssertGreaterThan(adopted, 0, "no mutation left the second part usable")
    }

    // MARK: Helpers

    /// Reads `text` on one thread and split in two, asserts both give the same result, and returns the split one.
    @discardableResult
    func assertSameAsSerial(
        _ text: String, limits: LoadLimits = .default, anyTopLevel: Bool = false, splitStart: Int? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (result: LoadResult, adopted: Bool) {
        try assertSameAsSerial(bytes: Array(text.utf8), limits: limits, anyTopLevel: anyTopLevel, splitStart: splitStart, file: file, line: line)
    }

    @discardableResult
    func assertSameAsSerial(
        bytes: [UInt8], limits: LoadLimits = .default, anyTopLevel: Bool = false, splitStart: Int? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> (result: LoadResult, adopted: Bool) {
        let source = SourceFile(path: "split.json", format: .json, bytes: bytes)
        let serial = JSONReader.read(source, limits: limits, anyTopLevel: anyTopLevel, splitSize: .max)
        let split = source.bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(file: source, bytes: buffer, limits: limits)
            parser.requiresObject = !anyTopLevel
            defer { parser.releaseScratch() }
            return (result: parser.parseDocument(splitSize: 0, splitStart: splitStart), adopted: parser.splitAdopted)
        }
        XCTAssertEqual(split.result.issues, serial.issues, file: file, line: line)
        XCTAssertEqual(split.result.root == nil, serial.root == nil, file: file, line: line)
        if let left = split.result.root, let right = serial.root {
            XCTAssertTrue(Self.sameTree(left, right), "the trees differ", file: file, line: line)
        }
        // The entry point the loader calls takes the same path.
        if splitStart == nil {
            let throughReader = JSONReader.read(source, limits: limits, anyTopLevel: anyTopLevel, splitSize: 0)
            XCTAssertEqual(throughReader.issues, serial.issues, file: file, line: line)
        }
        return split
    }

    /// Same values, spans, keys and key spans everywhere, numbers by their literal.
    static func sameTree(_ left: Node, _ right: Node) -> Bool {
        guard left.span == right.span else { return false }
        switch (left.value, right.value) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.keySpan == $1.keySpan && sameTree($0.value, $1.value) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { sameTree($0, $1) }
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a.literal == b.literal
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }
}

/// Configurations shaped like KrakenD's, with the changes a test asks for.
private enum Generated {
    static func config(
        endpoints: Int, minified: Bool = false, duplicateKeyAt: Set<Int> = [], note: String? = nil,
        mistake: (at: Int, text: String)? = nil, nestingAt: (at: Int, levels: Int)? = nil
    ) -> String {
        let newline = minified ? "" : "\n"
        let space = minified ? "" : " "
        func indent(_ level: Int) -> String { minified ? "" : String(repeating: "  ", count: level) }
        var text = "{\(newline)\(indent(1))\"version\":\(space)3,\(newline)\(indent(1))\"name\":\(space)\"gateway \\u00e9\",\(newline)"
        text += "\(indent(1))\"endpoints\":\(space)[\(newline)"
        for index in 0..<endpoints {
            var members = [
                "\"endpoint\":\(space)\"/api/v1/resource-\(index)/{id}\"",
                "\"method\":\(space)\"GET\"",
                "\"timeout\":\(space)\"\(index % 9 + 1)s\"",
                "\"input_headers\":\(space)[\"Authorization\",\(space)\"X-Request-Id\"]",
                "\"extra_config\":\(space){\"qos/ratelimit/router\":\(space){\"max_rate\":\(space)\(index),\(space)\"client_max_rate\":\(space)10.5e0}}",
                "\"backend\":\(space)[{\"url_pattern\":\(space)\"/v1/svc\",\(space)\"host\":\(space)[\"https://svc-\(index % 7).example.com\"]},\(space){\"url_pattern\":\(space)\"/v2\",\(space)\"disable_host_sanitize\":\(space)true,\(space)\"x\":\(space)null}]",
            ]
            if let note { members.append("\"@note\":\(space)\"\(note)\"") }
            if duplicateKeyAt.contains(index) { members.append("\"method\":\(space)\"POST\"") }
            if let nestingAt, nestingAt.at == index {
                members.append("\"deep\":\(space)" + String(repeating: "[", count: nestingAt.levels) + String(repeating: "]", count: nestingAt.levels))
            }
            if let mistake, mistake.at == index { members.append("\"broken\":\(space)\(mistake.text)") }
            let separator = ",\(newline)\(indent(3))"
            text += "\(indent(2)){\(newline)\(indent(3))" + members.joined(separator: separator) + "\(newline)\(indent(2))}"
            text += index + 1 < endpoints ? ",\(newline)" : newline
        }
        text += "\(indent(1))]\(newline)}"
        return text
    }

    /// Values in the tree, as `LoadLimits.maxJSONNodes` counts them.
    static func nodeCount(_ node: Node) -> Int {
        switch node.value {
        case .object(let members): return 1 + members.reduce(0) { $0 + nodeCount($1.value) }
        case .array(let elements): return 1 + elements.reduce(0) { $0 + nodeCount($1) }
        default: return 1
        }
    }
}
