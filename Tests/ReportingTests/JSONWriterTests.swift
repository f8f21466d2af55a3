import ConfigTree
import Findings
@testable import Reporting
import Foundation
import XCTest

/// The JSON text is written as bytes in place; these pin it to the escaping rules and to the value tree it
/// replaced for reports (the prober still builds the tree with `JSONReporter.diagnostic(for:in:)`).
final class JSONWriterTests: XCTestCase {
    func testQuoteEscapesQuotesBackslashesControlsAndJavaScriptLineBreaks() {
        let text = "a\"b\\c\nd\re\tf\u{08}g\u{0C}h\u{01}i\u{1F}j\u{7F}k\u{2028}l\u{2029}m\u{2027}né🙂"
        XCTAssertEqual(
            JSONWriter.quote(text),
            "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001i\\u001fj\u{7F}k\\u2028l\\u2029m\u{2027}né🙂\""
        )
        XCTAssertEqual(JSONWriter.quote(""), "\"\"")
        XCTAssertEqual(JSONWriter.quote("plain text"), "\"plain text\"")
        // Other characters whose UTF-8 starts like U+2028's (E2 80 A8) are kept as they are.
        XCTAssertEqual(JSONWriter.quote("\u{2026}\u{20AC}\u{2030}"), "\"\u{2026}\u{20AC}\u{2030}\"")
    }

    /// Plain bytes are passed over eight at a time: a byte to escape at any offset of a word, in texts of
    /// every length around a word, is still found, and quoting agrees with a byte-by-byte reference.
    func testEscapesAreFoundAtEveryOffsetOfTheWordAtATimeScan() {
        func reference(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
                }
            }
            return out + "\""
        }
        let specials: [String] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "\u{2026}", "é", "\u{7F}", " ", "~"]
        for length in 0...19 {
            for offset in 0..<max(length, 1) {
                for special in specials {
                    var text = String(repeating: "a", count: length)
                    if length > 0 {
                        let index = text.index(text.startIndex, offsetBy: offset)
                        text.replaceSubrange(index...index, with: special)
                    }
                    XCTAssertEqual(JSONWriter.quote(text), reference(text), "\(length) \(offset) \(special.unicodeScalars.map(\.value))")
                }
            }
        }
    }

    func testValuesSerializePrettyAndCompact() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .double(1.5), .bool(true), .null, .string("s")])),
            ("b", .object([])), ("c", .array([])), ("d", .double(.infinity)),
        ])
        XCTAssertEqual(value.serialized(), #"{"a":[1,1.5,true,null,"s"],"b":{},"c":[],"d":null}"#)
        XCTAssertEqual(value.serialized(pretty: true), """
            {
              "a": [
                1,
                1.5,
                true,
                null,
                "s"
              ],
              "b": {},
              "c": [],
              "d": null
            }
            """)
    }

    /// Thousands of findings (rendered in slices on all cores) with related locations, properties and locations in
    /// another file come out as the value tree of `JSONReporter.diagnostic(for:in:)` serializes them, in order,
    /// pretty and compact.
    func testReportsMatchTheValueTreeOfEachFinding() {
        let count = 3 * Slices.itemsPerSlice + 7
        let text = (0..<count).map { "{\"line\": \($0)}" }.joined(separator: "\n") + "\n"
        let file = SourceFile(path: "k.json", format: .json, text: text)
        let other = SourceFile(path: "other.json", format: .json, text: "{}\n")
        let shared: [String: PropertyValue] = ["krakend_id": .string("2.3.1"), "krakend_severity": .string("MEDIUM")]
        let findings = (0..<count).map { index in
            var finding = Finding(
                ruleID: "r/x", severity: index % 3 == 0 ? .error : .info, message: "m\(index) \"quoted\"\n",
                span: Span(at: file.byteRange(ofLine: index + 1)?.lowerBound ?? 0), pointer: JSONPointer(tokens: ["line", "\(index)"]),
                fix: index % 2 == 0 ? "fix \(index)" : nil
            )
            if index % 5 == 0 { finding.related = [RelatedLocation(Location(file: other, span: Span(at: 1)), message: "see")] }
            if index % 7 == 0 { finding.properties = ["z": .number(2), "a": .string("b"), "f": .number(0.5)] }
            // Runs and interleavings of more distinct properties than a chunk keeps the text of, as separate
            // dictionaries with equal contents (an audit's) and as one shared dictionary.
            if index % 3 == 1 { finding.properties = ["krakend_id": .string("\(index % 23)"), "krakend_severity": .string("LOW")] }
            if index % 3 == 2, index % 7 != 0 { finding.properties = shared }
            // A finding in another file than its report's.
            if index % 13 == 0 { finding.location = Location(file: other, span: Span(at: 1)) }
            // Pointer tokens that need escaping (ASCII and not), and one that needs JSON escaping too.
            if index % 11 == 0 { finding.pointer = JSONPointer(tokens: ["qos/http-cache", "a~b/c", "é/~1", "\"q\"\u{2028}", ""]) }
            return finding
        }
        let reports = [
            Report(file: file, findings: findings, secrets: []),
            Report(file: other, findings: [], secrets: []),
        ]
        let run = Run(reports: reports, toolVersion: "t")
        for pretty in [true, false] {
            let tree = JSONValue.object([
                ("tool", .object([("name", .string("krakenlint")), ("version", .string("t"))])),
                ("files", .array(reports.map { report in
                    .object([
                        ("path", .string(report.file.path)),
                        ("format", .string(report.file.format.rawValue)),
                        ("diagnostics", .array(report.findings.map { JSONReporter.diagnostic(for: $0, in: report) })),
                    ])
                })),
                ("summary", .object([("files", .int(2)), ("errors", .int(run.count(.error))), ("warnings", .int(0)), ("infos", .int(run.count(.info)))])),
            ])
            XCTAssertEqual(JSONReporter(pretty: pretty).render(run), tree.serialized(pretty: pretty) + "\n")
        }
    }
}
