import CYAML
@testable import ConfigTree
import Foundation
import XCTest

/// The YAML reader gives the same tree, spans and issues whether libyaml runs on the calling thread or on
/// a second one (`YAMLEventPipeline`), including when it stops early on an error of its own or of libyaml.
final class YAMLPipelineTests: XCTestCase {
    /// Reads `text` both ways: serially, and through the pipeline (threshold 0, so any size goes through it).
    private func bothWays(_ text: String, limits: LoadLimits = .default) -> (serial: String, pipelined: String, result: LoadResult) {
        let file = SourceFile(path: "big.yaml", format: .yaml, text: text)
        let serial = YAMLReader.read(file, limits: limits, pipelineThreshold: .max)
        let pipelined = YAMLReader.read(file, limits: limits, pipelineThreshold: 0)
        return (dump(serial), dump(pipelined), pipelined)
    }

    /// Every value, key and span of a result, and its issues, as text.
    private func dump(_ result: LoadResult) -> String {
        var out = result.issues.map { "issue \($0.code) \($0.span) \($0.message) \($0.hint ?? "")\n" }.joined()
        guard let root = result.root else { return out + "no tree\n" }
        var pending: [(Node, Int)] = [(root, 0)]
        while let (node, depth) = pending.popLast() {
            let pad = String(repeating: " ", count: depth)
            switch node.value {
            case .object(let members):
                out += "\(pad){} \(node.span)\n"
                for member in members.reversed() {
                    pending.append((member.value, depth + 2))
                    pending.append((Node(.string("key " + member.key), span: member.keySpan), depth + 1))
                }
            case .array(let elements):
                out += "\(pad)[] \(node.span)\n"
                pending.append(contentsOf: elements.reversed().map { ($0, depth + 1) })
            case .string(let text): out += "\(pad)\(text.debugDescription) \(node.span)\n"
            case .number(let number): out += "\(pad)#\(number.literal) \(node.span)\n"
            case .bool(let flag): out += "\(pad)\(flag) \(node.span)\n"
            case .null: out += "\(pad)null \(node.span)\n"
            }
        }
        return out
    }

    /// Enough endpoints for dozens of batches, so the ring of batches wraps around many times; with
    /// anchors, merges, flow collections, block scalars and non-ASCII text.
    private func largeConfiguration(endpoints: Int = 1500) -> String {
        var text = "version: 3\nname: \"gateway ü\"\ndefaults: &defaults\n  timeout: 3s\n  cache_ttl: 300s\nendpoints:\n"
        for index in 0..<endpoints {
            text += """
              - endpoint: /v1/résumé-\(index)/{id}
                <<: *defaults
                method: \(index % 2 == 0 ? "GET" : "POST")
                concurrent_calls: !!int "\(index % 3 + 1)"
                "@weight": !!float &w\(index) \(index)
                "@copy": *w\(index)
                "@label": !custom tagged-\(index)
                input_headers: [Authorization, "X-Ünïcode-\(index)"]
                extra_config:
                  validation/cel:
                    - check_expr: |
                        'Bearer' in req_headers['Authorization'][0]
                backend:
                  - url_pattern: /items/{id}
                    host: ["https://svc-\(index % 7).example.com"]
                    extra_config: {qos/circuit-breaker: {interval: 60, timeout: 10, max_errors: 5}}

            """
        }
        return text
    }

    func testALargeFileGivesTheSameTreeBothWays() throws {
        let text = largeConfiguration()
        XCTAssertGreaterThan(text.utf8.count, 500_000)
        let (serial, pipelined, result) = bothWays(text)
        XCTAssertEqual(result.issues, [])
        XCTAssertEqual(result.root?["endpoints"]?.elements?.count, 1500)
        XCTAssertEqual(result.root?["endpoints"]?[1499]?["timeout"]?.string, "3s", "merged from the anchor")
        XCTAssertEqual(result.root?["endpoints"]?[1499]?["concurrent_calls"]?.number?.literal, "3", "a tagged quoted scalar")
        XCTAssertEqual(result.root?["endpoints"]?[1499]?["@copy"]?.number?.literal, "1499", "an anchored, tagged scalar")
        XCTAssertEqual(result.root?["endpoints"]?[1499]?["@label"]?.string, "tagged-1499")
        XCTAssertEqual(pipelined, serial)
    }

    func testLibyamlErrorsNearTheEndAreTheSameBothWays() {
        let (serial, pipelined, result) = bothWays(largeConfiguration() + "broken: [unclosed\n")
        XCTAssertNil(result.root)
        XCTAssertTrue(serial.hasPrefix("issue syntax"), serial.prefix(200).description)
        XCTAssertEqual(pipelined, serial)
    }

    func testTheReaderStoppingEarlyCancelsTheParserThread() {
        // A repeated key near the start: the reader throws while the parser thread still has most of the
        // file ahead of it and the ring is full.
        let early = bothWays("version: 3\nversion: 3\n" + largeConfiguration())
        XCTAssertTrue(early.serial.contains("already defined at line 1"), early.serial.prefix(200).description)
        XCTAssertEqual(early.pipelined, early.serial)
        // The node limit stops the reader in the middle of the stream.
        let limited = bothWays(largeConfiguration(), limits: LoadLimits(maxYAMLNodes: 5000))
        XCTAssertTrue(limited.serial.contains("expands to more than 5000 nodes"), limited.serial.prefix(200).description)
        XCTAssertEqual(limited.pipelined, limited.serial)
    }

    func testThePipelineIsFreedWhenFinishReturnsNotLaterByItsThread() {
        // Found by the YAML fuzz target (LeakSanitizer): the parser thread held a reference to the pipeline
        // (then, once that was gone, a box for its closure), so after an early stop they could outlive the
        // read and be freed by the thread later.
        for attempt in 0..<200 {
            let bytes = Array("a: [1, 2]\nb: *nowhere\n".utf8)
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            XCTAssertEqual(yaml_parser_initialize(parser), 1)
            defer { yaml_parser_delete(parser) }
            weak var released: YAMLEventPipeline?
            bytes.withUnsafeBufferPointer { buffer in
                yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
                guard let pipeline = YAMLEventPipeline(parser: parser) else { return XCTFail("no parser thread") }
                released = pipeline
                _ = pipeline.next()
                pipeline.finish()
            }
            XCTAssertNil(released, "attempt \(attempt): the pipeline outlived finish()")
        }
    }

    func testTheFuzzInputsThatFoundTheLeaksReadTheSameBothWays() {
        // A document that is not UTF-8, and one with a tab where indentation goes: both stop the reader early.
        for encoded in [
            "YmFzZTogJuIge3RpbWVOTk5OTk5OTk5OTjNzLE5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTm919DogM3MsIGhvc3Q6IFthXX0KeDoKICA8PDogKmIKICB5OiAqYgppOiBbbCFzdCo8YiwgKmJdCg==",
            "YToKCS0gYgpEREQgfjpERERvdWJsZUREREREREQvRERERERERERERERERERERERERHRvdWJsZUREREREREQ6LQlJbjp0OkREREREREREREREREREREREREREREREdG91YmxlRERERERERDotCUk=",
        ] {
            let file = SourceFile(path: "fuzz.yaml", format: .yaml, bytes: [UInt8](Data(base64Encoded: encoded)!))
            let serial = YAMLReader.read(file, limits: .default, pipelineThreshold: .max)
            let pipelined = YAMLReader.read(file, limits: .default, pipelineThreshold: 0)
            XCTAssertEqual(dump(pipelined), dump(serial))
            XCTAssertNil(serial.root, encoded)
        }
    }

    func testSmallAndEmptyDocumentsGoThroughThePipelineToo() {
        for text in ["version: 3\n", "---\n", "", "- a\n", "a: 1\n---\nb: 2\n", "a: *nowhere\n"] {
            let (serial, pipelined, _) = bothWays(text)
            XCTAssertEqual(pipelined, serial, text)
        }
    }
}
