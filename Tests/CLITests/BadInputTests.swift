import Foundation
import XCTest

/// Issue 2's bad-input table through the command line: each input gets a clear message with its position
/// and exit status 2, never a crash or a hang.
final class BadInputTests: XCTestCase {
    private func lint(_ name: String, _ bytes: [UInt8]) throws -> CLIRun {
        let tree = try TemporaryTree([:])
        let url = URL(fileURLWithPath: tree.path(name))
        try Data(bytes).write(to: url)
        return withExtendedLifetime(tree) { runCLI(["lint", url.path]) }
    }

    private func assertUnreadable(_ name: String, _ text: String, says expected: String, at position: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try assertUnreadable(name, Array(text.utf8), says: expected, at: position, file: file, line: line)
    }

    private func assertUnreadable(_ name: String, _ bytes: [UInt8], says expected: String, at position: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try lint(name, bytes)
        XCTAssertEqual(run.status, 2, run.stdout + run.stderr, file: file, line: line)
        XCTAssertTrue(run.stdout.contains("\(name):\(position): error: "), "no finding at \(position): \(run.stdout)", file: file, line: line)
        XCTAssertTrue(run.stdout.localizedCaseInsensitiveContains(expected), "expected \"\(expected)\" in: \(run.stdout)", file: file, line: line)
    }

    func testAnEmptyFile() throws {
        try assertUnreadable("krakend.json", "", says: "empty file", at: "1:1")
    }

    func testOnlyWhitespace() throws {
        try assertUnreadable("krakend.json", "  \n\t\n", says: "empty file", at: "1:1")
    }

    func testABinaryFile() throws {
        try assertUnreadable("krakend.json", [0x7B, 0x00, 0x01, 0x02, 0xFF], says: "binary", at: "1:2")
    }

    func testInvalidUTF8() throws {
        try assertUnreadable("krakend.json", Array(#"{"name": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8), says: "UTF-8", at: "1:11")
    }

    func testATopLevelArrayOrString() throws {
        try assertUnreadable("krakend.json", "[1, 2]", says: "expected a JSON object", at: "1:1")
        try assertUnreadable("krakend.json", "\"version 3\"", says: "expected a JSON object", at: "1:1")
    }

    func testAnUnterminatedString() throws {
        try assertUnreadable("krakend.json", "{\"version\": 3,\n  \"name\": \"gateway\n}", says: "string that starts at 2:11", at: "2:19")
        try assertUnreadable("krakend.json", "{\"version\": 3,\n  \"name\": \"gateway", says: "string", at: "2:11")
    }

    func testNaN() throws {
        try assertUnreadable("krakend.json", "{\"version\": NaN}", says: "NaN", at: "1:13")
    }

    func testALeadingZero() throws {
        try assertUnreadable("krakend.json", "{\"port\": 08080}", says: "leading zero", at: "1:10")
    }

    func testTenThousandNestedArrays() throws {
        let text = "{\"a\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        try assertUnreadable("krakend.json", text, says: "nesting deeper than 1000", at: "1:1006")
    }

    func testAHundredMegabyteFileOfSpacesIsRefusedBeforeReading() throws {
        let tree = try TemporaryTree([:])
        let url = URL(fileURLWithPath: tree.path("huge.json"))
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil), "cannot create \(url.path)")
        let handle = try FileHandle(forWritingTo: url)
        let megabyte = Data(repeating: 0x20, count: 1 << 20)
        for _ in 0..<100 { handle.write(megabyte) }
        try handle.close()
        let run = runCLI(["lint", url.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("more than the limit"), run.stderr)
    }

    func testAYAMLAliasBomb() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
        for (previous, name) in zip(names, names.dropFirst()) {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let run = try lint("bomb.yaml", Array(text.utf8))
        XCTAssertEqual(run.status, 2, run.stdout)
        XCTAssertTrue(run.stdout.contains("through aliases"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[limit]"), run.stdout)
    }

    func testAMultiDocumentYAML() throws {
        try assertUnreadable("krakend.yaml", "version: 3\n---\nversion: 3\n", says: "second YAML document", at: "2:1")
    }

    func testTabsUsedForYAMLIndentation() throws {
        try assertUnreadable("krakend.yaml", "version: 3\nendpoints:\n\t- endpoint: /a\n", says: "tab", at: "3:1")
    }

    func testAPathThatDoesNotExist() {
        let run = runCLI(["lint", "/nonexistent/krakend.json"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("/nonexistent/krakend.json: no such file or directory"), run.stderr)
    }

    func testADirectoryWithNoConfigs() throws {
        let tree = try TemporaryTree(["notes.txt": "hello"])
        let run = runCLI(["lint", tree.path(".")])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("no .json, .yaml or .yml files"), run.stderr)
    }

    func testAnUnreadableFileStillFailsWithFailLevelNone() throws {
        let tree = try TemporaryTree(["krakend.json": "{\"version\": 3,}"])
        let run = runCLI(["lint", "--fail-level", "none", tree.path("krakend.json")])
        XCTAssertEqual(run.status, 2)
    }
}
