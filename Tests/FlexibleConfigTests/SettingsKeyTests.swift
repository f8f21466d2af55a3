import XCTest

/// Settings keys are Go map keys: KrakenD's decoder keeps two keys whose bytes differ, even when they are the
/// same text in Unicode's eyes (`e` + U+0301 and U+00E9), and so does the render.
final class SettingsKeyTests: XCTestCase {
    func testCanonicallyEquivalentSettingsKeysStayTwoKeys() throws {
        let fixture = try ProjectFixture([
            "settings/keys.json": "{\"e\u{301}\": 1, \"\u{E9}\": 2}",
            "krakend.tmpl": #"{"n": {{ len .keys }}, "pairs": "{{ range $k, $v := .keys }}{{ $k }}={{ $v }};{{ end }}", "json": {{ marshal .keys }}}"#,
        ])
        defer { fixture.remove() }
        let project = try fixture.render()
        let output = try XCTUnwrap(project.output).bytes
        // Go ranges over and marshals a map in its keys' byte order: 65 CC 81 before C3 A9.
        XCTAssertEqual(
            String(decoding: output, as: UTF8.self).unicodeScalars.map(\.value),
            #"{"n": 2, "pairs": "e\#u{301}=1;\#u{E9}=2;", "json": {"e\#u{301}":1,"\#u{E9}":2}}"#.unicodeScalars.map(\.value))
    }
}
