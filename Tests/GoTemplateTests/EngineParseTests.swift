@testable import GoTemplate
import XCTest

/// Parse behaviour and parse errors; every expected string was printed by Go 1.19's text/template.
final class EngineParseTests: XCTestCase {
    func testTrimMarkersCommentsAndLiterals() {
        XCTAssertEqual(renderForTest(#"{{- " a " -}}  b  {{- 3 -}}"#), " a b3")
        XCTAssertEqual(renderForTest("{{/* c */}}z"), "z")
        XCTAssertEqual(renderForTest("a  {{- /* c */ -}}  z"), "az")
        XCTAssertEqual(renderForTest("{{ 0x1F }} {{ 0o17 }} {{ 1_000 }} {{ 0b101 }} {{ 'a' }} {{ 1.5 }} {{ 0x1p-2 }}"), "31 15 1000 5 97 1.5 0.25")
        XCTAssertEqual(renderForTest("{{ `raw\nx` }}"), "raw\nx")
        XCTAssertEqual(renderForTest(#"{{ "tab\there\u00e9\x41" }}"#), "tab\there\u{e9}A")
    }

    func testParseErrorsHaveGoWordingAndLine() {
        XCTAssertEqual(renderForTest("{{ toYaml . }}"), #"ERR: template: t:1: function "toYaml" not defined"#)
        XCTAssertEqual(renderForTest("{{ .a-b }}"), "ERR: template: t:1: bad character U+002D '-'")
        XCTAssertEqual(renderForTest("{{ if }}"), "ERR: template: t:1: missing value for if")
        XCTAssertEqual(renderForTest("{{ .a"), "ERR: template: t:1: unclosed action")
        XCTAssertEqual(renderForTest("{{ end }}"), "ERR: template: t:1: unexpected {{end}}")
        XCTAssertEqual(renderForTest("{{ if 1 }}x"), "ERR: template: t:1: unexpected EOF")
        XCTAssertEqual(renderForTest("{{ if 1 }}{{ else }}{{ else }}{{ end }}"), "ERR: template: t:1: expected end; found {{else}}")
        XCTAssertEqual(
            renderForTest("{{ range .list }}{{ break }}{{ end }}{{ break }}"), "ERR: template: t:1: {{break}} outside {{range}}")
        XCTAssertEqual(renderForTest("{{ $x }}"), #"ERR: template: t:1: undefined variable "$x""#)
        XCTAssertEqual(renderForTest("{{ range $i, $e, $f := .list }}{{end}}"), "ERR: template: t:1: too many declarations in range")
        XCTAssertEqual(renderForTest(#"{{ "x" | 3 }}"#), "ERR: template: t:1: non executable command in pipeline stage 2")
        XCTAssertEqual(renderForTest("{{ 99999999999999999999 }}"), #"ERR: template: t:1: integer overflow: "99999999999999999999""#)
        XCTAssertEqual(renderForTest("{{ 1.5.3 }}"), #"ERR: template: t:1: unexpected ".3" in operand"#)
        XCTAssertEqual(renderForTest(#"{{ "abc }}"#), "ERR: template: t:1: unterminated quoted string")
        XCTAssertEqual(renderForTest("{{ 'ab' }}"), "ERR: template: t:1: malformed character constant: 'ab'")
        XCTAssertEqual(renderForTest("{{ nil.x }}"), #"ERR: template: t:1: unexpected . after term "nil""#)
        XCTAssertEqual(
            renderForTest(#"{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}"#),
            #"ERR: template: t:1: template: multiple definition of template "a""#)
    }

    func testParseErrorReportsTheLineOfTheFurthestToken() {
        let error = templateErrorForTest("line one\n{{ if .a }}\n{{ .b ) }}\n{{ end }}")
        XCTAssertEqual(error?.description, #"template: t:3: unexpected ")" in command"#)
        XCTAssertEqual(error?.kind, .parse)
        XCTAssertEqual(error?.line, 3)
    }

    func testUnknownFunctionIsAParseErrorButASetFunctionShadowsABuiltin() {
        let shout = TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
            guard case .string(let text) = arguments[0].storage else { return .nil }
            return .string(text.uppercased())
        }
        XCTAssertEqual(renderForTest(#"{{ len "abc" }}"#, functions: ["len": shout]), "ABC")
        XCTAssertEqual(renderForTest(#"{{ shout "abc" }}"#), #"ERR: template: t:1: function "shout" not defined"#)
    }

    func testLaterDefinitionReplacesEarlierAndEmptyDoesNot() throws {
        let set = TemplateSet()
        try set.parse(name: "a.tmpl", text: #"{{ define "x" }}one{{ end }}"#)
        try set.parse(name: "b.tmpl", text: #"{{ define "x" }}two{{ end }}{{ template "x" }}"#)
        try set.parse(name: "c.tmpl", text: #"{{ define "x" }}  {{ end }}"#)
        XCTAssertEqual(try set.execute("b.tmpl", data: .nil).text, "two")
        XCTAssertEqual(set.templateNames, ["a.tmpl", "b.tmpl", "c.tmpl", "x"])
    }

    func testErrorsCarryStructuredFacts() throws {
        let set = TemplateSet()
        XCTAssertThrowsError(try set.parse(name: "b.tmpl", text: "{{ define \"x\" }}\n{{ .a | nope }}{{ end }}", source: "dir/b.tmpl")) {
            let error = $0 as? TemplateError
            XCTAssertEqual(error?.description, #"template: b.tmpl:2: function "nope" not defined"#)
            XCTAssertEqual(error?.kind, .parse)
            XCTAssertEqual(error?.templateName, "b.tmpl")
            XCTAssertEqual(error?.line, 2)
            XCTAssertNil(error?.column)
            XCTAssertEqual(error?.source, "dir/b.tmpl")
        }
        try set.parse(name: "a.tmpl", text: "x{{ .a.b }}", source: "dir/a.tmpl")
        XCTAssertThrowsError(try set.execute("nope", data: .nil)) {
            XCTAssertEqual("\($0)", #"template: no template "nope" associated with template "a.tmpl""#)
        }
        XCTAssertThrowsError(try set.execute("a.tmpl", data: .map(["a": .string("s")]))) {
            let error = $0 as? TemplateError
            XCTAssertEqual(error?.kind, .execution)
            XCTAssertEqual(error?.line, 1)
            XCTAssertEqual(error?.column, 6)
            XCTAssertEqual(error?.offset, 6)
            XCTAssertEqual(error?.source, "dir/a.tmpl")
        }
    }

    func testNodesKeepByteOffsetsIntoTheirSource() throws {
        let origin = ParsedText(parseName: "t", bytes: Array("ab{{ .x | printf \"%v\" }}".utf8), source: nil)
        let trees = try Parser.parse(name: "t", origin: origin) { Builtin(rawValue: $0).map(ResolvedFunction.builtin) }
        guard case .action(let action) = trees[0].root.nodes[1] else { return XCTFail("no action") }
        XCTAssertEqual(action.span, 2..<24)
        XCTAssertEqual(action.offset, 5)
        XCTAssertEqual(action.pipe.commands[1].arguments[0].syntax.offset, 10)
        XCTAssertEqual(action.goDescription, #"{{.x | printf "%v"}}"#)
    }
}
