import Foundation
import XCTest

/// KrakenD's `include` returns a partial's bytes as a Go string, valid UTF-8 or not, and Go writes them to the
/// rendered configuration as they are; so does the render.
final class IncludedBytesTests: XCTestCase {
    func testAPartialThatIsNotUTF8ReachesTheOutputByteForByte() throws {
        let fixture = try ProjectFixture([
            "krakend.tmpl": #"{"name": "{{ include "name.txt" }}", "length": {{ include "name.txt" | len }}}"#
        ])
        defer { fixture.remove() }
        let partials = fixture.folder.appendingPathComponent("partials")
        try FileManager.default.createDirectory(at: partials, withIntermediateDirectories: true)
        try Data([0x63, 0x61, 0x66, 0xE9]).write(to: partials.appendingPathComponent("name.txt"))
        let project = try fixture.render(settings: nil)
        let output = try XCTUnwrap(project.output).bytes
        XCTAssertEqual(Array(output), Array(#"{"name": "caf"#.utf8) + [0xE9] + Array(#"", "length": 4}"#.utf8))
    }
}
