import Foundation
import XCTest

/// The NTLM module stays pure: bytes in, bytes out, no networking. Its sources may import only swift-crypto
/// and the C library (for the clock).
final class ModuleBoundaryTests: XCTestCase {
    func testSourcesImportNothingButCryptoAndTheCLibrary() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NTLM")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 10)
        let allowed: Set<String> = ["Crypto", "Glibc", "Musl", "Darwin"]
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let importIndex = words.firstIndex(of: "import"), importIndex + 1 < words.count else { continue }
                let module = String(words[importIndex + 1])
                XCTAssertTrue(allowed.contains(module), "\(file) imports \(module)")
            }
        }
    }

    /// The parser files are compiled on their own by Fuzz/run.sh, so they must not need Crypto.
    func testParserSourcesListedForTheFuzzerDoNotImportCrypto() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = try String(contentsOf: root.appendingPathComponent("Fuzz/sources.sh"), encoding: .utf8)
        let listStart = try XCTUnwrap(script.range(of: "PARSER_SOURCES=("))
        let listEnd = try XCTUnwrap(script.range(of: ")", range: listStart.upperBound..<script.endIndex))
        let names = script[listStart.upperBound..<listEnd.lowerBound].split(whereSeparator: \.isWhitespace)
        XCTAssertTrue(names.contains("ChallengeMessage"))
        for name in names {
            let text = try String(
                contentsOf: root.appendingPathComponent("Sources/NTLM/\(name).swift"), encoding: .utf8)
            XCTAssertFalse(text.contains("import Crypto"), "\(name).swift is compiled without Crypto")
        }
    }
}
