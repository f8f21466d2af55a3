import ConfigTree
import Foundation
import TestPeers
import XCTest

/// Every real configuration of the shared corpus loads as its kind says, with consistent spans and
/// the same values Foundation's JSON parser sees.
final class CorpusTests: XCTestCase {
    private struct Entry {
        var file: String
        var kind: String
    }

    private func corpus() throws -> (directory: String, entries: [Entry]) {
        let shared = try TestPeers.requireShared("corpus", for: "the corpus test").deletingLastPathComponent().path
        let sources = try String(contentsOfFile: shared + "/corpus/SOURCES.md", encoding: .utf8)
        var entries: [Entry] = []
        for line in sources.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| file") && !line.hasPrefix("|---") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 5 else { continue }
            entries.append(Entry(file: cells[1], kind: cells[5]))
        }
        return (shared + "/corpus/configs", entries)
    }

    func testEveryCorpusFileLoadsAsItsKindSays() throws {
        let (directory, entries) = try corpus()
        let present = entries.filter { FileManager.default.fileExists(atPath: directory + "/" + $0.file) }
        XCTAssertGreaterThan(present.count, 10, "the corpus lists its files")
        var parseErrors = 0
        for entry in present {
            let file = try SourceReader.read(path: directory + "/" + entry.file)
            let result = ConfigLoader.load(file)
            if entry.kind == "parse-error" {
                parseErrors += 1
                XCTAssertNil(result.root, entry.file)
                XCTAssertEqual(result.issues.last?.code, .syntax, entry.file)
                continue
            }
            let root = try XCTUnwrap(result.root, "\(entry.file): \(result.issues.map(\.message))")
            XCTAssertFalse(result.issues.contains { $0.severity == .error }, entry.file)
            assertSpansConsistent(root, in: file)
            if file.format == .json {
                let foundation = try JSONSerialization.jsonObject(with: Data(file.bytes), options: [.fragmentsAllowed])
                assertSameValue(root, foundation, path: entry.file)
            }
        }
        XCTAssertGreaterThan(parseErrors, 0, "the corpus holds negative samples")
    }

    func testTheMissingCommaSampleNamesItsLine() throws {
        let (directory, _) = try corpus()
        let path = directory + "/krakend__krakend-koanf__fixtures_missing_comma.json"
        guard FileManager.default.fileExists(atPath: path) else { throw TestPeers.missing("\(path) is not in this corpus") }
        let result = ConfigLoader.load(try SourceReader.read(path: path))
        let issue = try XCTUnwrap(result.issues.last)
        XCTAssertTrue(issue.message.contains("missing ','"), issue.message)
    }

    /// Compares the tree with Foundation's reading (where a key repeats, both keep the last one).
    private func assertSameValue(_ node: Node, _ value: Any, path: String) {
        switch node.value {
        case .object(let members):
            guard let object = value as? [String: Any] else { return XCTFail("\(path): object expected") }
            XCTAssertEqual(Set(members.map(\.key)).count, object.count, path)
            for member in members {
                guard let other = object[member.key], let last = node[member.key] else { return XCTFail("\(path)/\(member.key) missing") }
                assertSameValue(last, other, path: path + "/" + member.key)
            }
        case .array(let elements):
            guard let array = value as? [Any] else { return XCTFail("\(path): array expected") }
            XCTAssertEqual(elements.count, array.count, path)
            for (index, pair) in zip(elements, array).enumerated() {
                assertSameValue(pair.0, pair.1, path: path + "/\(index)")
            }
        case .string(let text):
            XCTAssertEqual(value as? String, text, path)
        case .number(let number):
            XCTAssertEqual((value as? NSNumber)?.doubleValue, number.doubleValue, path)
        case .bool(let flag):
            XCTAssertEqual(value as? Bool, flag, path)
        case .null:
            XCTAssertTrue(value is NSNull, path)
        }
    }
}
