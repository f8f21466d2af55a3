import ConfigTree
import Foundation
import XCTest

/// Loads `text` as a file of `format` with the public loader.
func load(_ text: String, format: SourceFormat = .json, limits: LoadLimits = .default) -> (SourceFile, LoadResult) {
    let file = SourceFile(path: "test.\(format.rawValue)", format: format, text: text)
    return (file, ConfigLoader.load(file, limits: limits))
}

/// Loads `bytes` as a file of `format` with the public loader.
func load(bytes: [UInt8], format: SourceFormat = .json, limits: LoadLimits = .default) -> (SourceFile, LoadResult) {
    let file = SourceFile(path: "test.\(format.rawValue)", format: format, bytes: bytes)
    return (file, ConfigLoader.load(file, limits: limits))
}

/// Asserts that loading `text` fails with an error of `code` at `line`:`column` whose message contains `message`.
func assertLoadError(
    _ text: String, format: SourceFormat = .json, limits: LoadLimits = .default,
    code: LoadIssue.Code, line: Int, column: Int, message: String, hint: String? = nil,
    file: StaticString = #filePath, sourceLine: UInt = #line
) {
    assertError(load(text, format: format, limits: limits), code: code, line: line, column: column, message: message, hint: hint, file: file, sourceLine: sourceLine)
}

/// Asserts that the load of `source` has no tree and its error has `code`, position and a message containing `message`.
func assertError(
    _ loaded: (source: SourceFile, result: LoadResult), code: LoadIssue.Code, line: Int, column: Int, message: String, hint: String? = nil,
    file: StaticString = #filePath, sourceLine: UInt = #line
) {
    let (source, result) = loaded
    XCTAssertNil(result.root, "a failed load has no tree", file: file, line: sourceLine)
    guard let issue = result.issues.last(where: { $0.severity == .error }) else {
        XCTFail("expected an error, got \(result.issues)", file: file, line: sourceLine)
        return
    }
    XCTAssertEqual(issue.code, code, issue.message, file: file, line: sourceLine)
    let position = source.position(ofOffset: issue.span.start)
    XCTAssertEqual(position.line, line, "line of: \(issue.message)", file: file, line: sourceLine)
    XCTAssertEqual(position.column, column, "column of: \(issue.message)", file: file, line: sourceLine)
    XCTAssertTrue(issue.message.contains(message), "message \"\(issue.message)\" lacks \"\(message)\"", file: file, line: sourceLine)
    if let hint {
        XCTAssertTrue(issue.hint?.contains(hint) == true, "hint \"\(issue.hint ?? "nil")\" lacks \"\(hint)\"", file: file, line: sourceLine)
    }
}

/// Every span in the tree lies inside the file, ends after it starts, and starts on the first byte of a character.
func assertSpansConsistent(_ node: Node, in source: SourceFile, file: StaticString = #filePath, line: UInt = #line) {
    var pending = [node]
    var checked = 0
    while let current = pending.popLast() {
        assertSpanFits(current.span, in: source, file: file, line: line)
        checked += 1
        if case .string(let text) = current.value, current.span.end > current.span.start {
            // A string's span covers its source text: the text itself, or a quoted or escaped form of it.
            let written = String(decoding: source.bytes[current.span.start..<current.span.end], as: UTF8.self)
            XCTAssertTrue(written == text || written.first == "\"" || written.first == "'" || written.first == "|" || written.first == ">"
                          || written.first == "!" || written.first == "&" || written.first == "*",
                          "the span \(written.debugDescription) does not cover \(text.debugDescription)", file: file, line: line)
        }
        switch current.value {
        case .object(let members):
            for member in members {
                assertSpanFits(member.keySpan, in: source, file: file, line: line)
                pending.append(member.value)
            }
        case .array(let elements):
            pending.append(contentsOf: elements)
        default:
            break
        }
    }
    XCTAssertGreaterThan(checked, 0, file: file, line: line)
}

private func assertSpanFits(_ span: Span, in source: SourceFile, file: StaticString, line: UInt) {
    XCTAssertLessThanOrEqual(span.start, span.end, "\(span)", file: file, line: line)
    XCTAssertLessThanOrEqual(span.end, source.bytes.count, "\(span)", file: file, line: line)
    for offset in [span.start, span.end] where offset < source.bytes.count {
        XCTAssertNotEqual(source.bytes[offset] & 0xC0, 0x80, "\(span) cuts a UTF-8 sequence", file: file, line: line)
    }
}

/// Runs `body` on a thread with a small stack, as a guard against recursion that depends on input.
func onSmallStack<T: Sendable>(bytes stackSize: Int = 512 * 1024, _ body: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
    return box.value
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

extension SourceFile {
    /// `line:column-line:column` of a span, the form positions are counted by hand in these tests.
    func spanText(_ span: Span?) -> String? {
        span.map { "\(position(ofOffset: $0.start))-\(position(ofOffset: $0.end))" }
    }

    /// `line:column` of a span's start.
    func startText(_ span: Span?) -> String? {
        span.map { "\(position(ofOffset: $0.start))" }
    }
}
