import ConfigTree
@testable import FlexibleConfig
import XCTest

/// Bytes planted in every kind of project file are traced back to the file, line and column they were
/// written at, through variables, `range`, `template` calls, `include` and `marshal`.
final class SourceMappingTests: XCTestCase {
    static let files: [String: String] = [
        "krakend.tmpl": """
            {
              "version": 3,
              "literal_in_base": true,
              "port": {{ .service.port }},
              "name": "{{ .service.name }}",
              {{- $hosts := .service.hosts }}
              "endpoints": [{{ range $i, $e := .service.endpoints }}{{ if $i }},{{ end }}{{ template "endpoint.tmpl" $e }}{{ end }}],
              "cors": {{ include "cors.json" }},
              "hosts": {{ marshal $hosts }},
              "secret": "{{ env "GATEWAY_SECRET" }}"
            }
            """,
        "templates/endpoint.tmpl": """
            {{ define "endpoint.tmpl" }}{"endpoint": "{{ .path }}", "literal_in_sub": 1}{{ end }}
            """,
        "settings/service.json": """
            {
              "port": 8080,
              "name": "orders-gateway",
              "hosts": ["https://a.example"],
              "endpoints": [{"path": "/first"}, {"path": "/second-path"}]
            }
            """,
        "partials/cors.json": """
            {
              "allow_origins": ["https://portal.example"]
            }
            """,
    ]

    private var project: RenderedProject!
    private var fixture: ProjectFixture!

    override func setUpWithError() throws {
        fixture = try ProjectFixture(Self.files)
        project = try fixture.render(templates: "templates", environment: ["GATEWAY_SECRET": "s3cr3t-value"])
        XCTAssertEqual(project.problems.map(\.message), [])
    }

    override func tearDown() { fixture?.remove() }

    func testALiteralOfTheBaseTemplateMapsToItsLine() throws {
        XCTAssertEqual(project.place(try project.origin(of: "literal_in_base").location), "krakend.tmpl:3:4")
    }

    func testALiteralOfASubTemplateMapsIntoTheTemplatesFolderWithTheCallAsANote() throws {
        let origin = try project.origin(of: "literal_in_sub")
        XCTAssertEqual(project.place(origin.location), "templates/endpoint.tmpl:1:58")
        XCTAssertTrue(origin.notes.contains { $0.message.contains("in template \"endpoint.tmpl\"") }, "\(origin.notes)")
        XCTAssertTrue(origin.notes.contains { $0.message.contains("range") }, "\(origin.notes)")
    }

    func testASettingsNumberMapsToTheSettingsFile() throws {
        let origin = try project.origin(of: "8080")
        XCTAssertEqual(project.place(origin.location), "settings/service.json:2:11")
        XCTAssertEqual(origin.notes.first.map { project.place($0.location) }, "krakend.tmpl:4:11")
    }

    func testABytePartWayIntoASettingsStringMapsToTheSameByteOfTheString() throws {
        let origin = try project.origin(of: "gateway")
        XCTAssertEqual(project.place(origin.location), "settings/service.json:3:19")
    }

    func testAQuotedRenderedStringMapsToTheWholeSettingsStringItPrinted() throws {
        let offset = try project.renderedOffset(of: "\"orders-gateway\"")
        let map = try XCTUnwrap(project.sourceMap)
        let origin = try XCTUnwrap(SourceMapping(map: map, sources: project.sources).origin(of: Span(start: offset, end: offset + 16)))
        XCTAssertEqual(project.place(origin.location), "settings/service.json:3:11")
        XCTAssertEqual(origin.location.span.end - origin.location.span.start, 16)
    }

    func testAValueReachedThroughRangeAndATemplateCallMapsToItsSettingsElement() throws {
        let origin = try project.origin(of: "/second-path")
        XCTAssertEqual(project.place(origin.location), "settings/service.json:5:47")
        XCTAssertTrue(origin.notes.contains { $0.message.contains("item 1") }, "\(origin.notes)")
    }

    func testIncludedBytesMapIntoThePartial() throws {
        XCTAssertEqual(project.place(try project.origin(of: "allow_origins").location), "partials/cors.json:2:4")
    }

    func testMarshalledSettingsMapToTheValueTheyCameFrom() throws {
        let origin = try project.origin(of: "[\"https://a.example\"]")
        XCTAssertEqual(project.place(origin.location), "settings/service.json:4:12")
    }

    func testAnEnvironmentValueIsPlacedAtItsActionAndNamesTheVariableOnly() throws {
        let origin = try project.origin(of: "s3cr3t-value")
        XCTAssertEqual(project.place(origin.location), "krakend.tmpl:10:14")
        XCTAssertEqual(origin.environmentVariable, "GATEWAY_SECRET")
        XCTAssertEqual(project.environmentValuesToMask, ["s3cr3t-value"])
        XCTAssertEqual(project.environmentVariablesRead, ["GATEWAY_SECRET"])
        XCTAssertFalse(origin.notes.contains { $0.message.contains("s3cr3t") })
    }
}
