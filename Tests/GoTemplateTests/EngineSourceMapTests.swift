@testable import GoTemplate
import XCTest

/// The source map: which template span, value origin, `range` iteration and `template` call each output
/// byte comes from.
final class EngineSourceMapTests: XCTestCase {
    private let settings = "settings/service.json"

    private func render(_ text: String, data: Value, functions: FunctionMap = [:]) throws -> RenderResult {
        let set = TemplateSet(functions: functions)
        try set.parse(name: "krakend.tmpl", text: text, source: "config/krakend.tmpl")
        return try set.execute("krakend.tmpl", data: data, options: ExecutionOptions(recordSourceMap: true))
    }

    private func span(_ template: String, _ range: Range<Int>) -> TemplateSpan {
        TemplateSpan(template: template, source: "config/krakend.tmpl", range: range)
    }

    func testLiteralTextAndAValueFromData() throws {
        let port = ValueOrigin(source: settings, range: 10..<14, path: ".port")
        let result = try render("ab{{ .port }}cd", data: .map(["port": Value(.int(8080, .int), origin: port)]))
        XCTAssertEqual(result.text, "ab8080cd")
        let map = try XCTUnwrap(result.sourceMap)
        XCTAssertEqual(map.origins(ofOutputOffset: 1), [.literal(span("krakend.tmpl", 0..<2))])
        XCTAssertEqual(map.origins(ofOutputOffset: 2), [.value(port), .action(span("krakend.tmpl", 2..<13))])
        XCTAssertEqual(map.origins(ofOutputOffset: 5), [.value(port), .action(span("krakend.tmpl", 2..<13))])
        XCTAssertEqual(map.origins(ofOutputOffset: 6), [.literal(span("krakend.tmpl", 13..<15))])
        XCTAssertEqual(map.origins(ofOutputOffset: 8), [])
    }

    func testOriginsSurviveVariablesRangeAndIndex() throws {
        let first = ValueOrigin(source: settings, range: 20..<27)
        let second = ValueOrigin(source: settings, range: 29..<36)
        let hosts = Value.list([Value(.string("h1"), origin: first), Value(.string("h2"), origin: second)])
        let text = "{{ range $i, $h := .hosts }}{{ $x := $h }}{{ $x }},{{ end }}|{{ index .hosts 1 }}"
        let result = try render(text, data: .map(["hosts": hosts]))
        XCTAssertEqual(result.text, "h1,h2,|h2")
        let map = try XCTUnwrap(result.sourceMap)
        let header = span("krakend.tmpl", 0..<28)
        XCTAssertEqual(
            map.origins(ofOutputOffset: 3),
            [.value(second), .action(span("krakend.tmpl", 42..<50)), .rangeIteration(header, iteration: 1, key: nil)])
        XCTAssertEqual(
            map.origins(ofOutputOffset: 2),
            [.literal(span("krakend.tmpl", 50..<51)), .rangeIteration(header, iteration: 0, key: nil)])
        XCTAssertEqual(map.origins(ofOutputOffset: 7), [.value(second), .action(span("krakend.tmpl", 61..<81))])
    }

    func testOriginsThroughTemplateCallsAndFunctionsReturningTheirArgument() throws {
        let port = ValueOrigin(source: settings, range: 3..<7, path: ".svc.port")
        let keep = TemplateFunction(parameters: [.interface]) { arguments, _ in arguments[0] }
        let text = #"{{ define "x" }}[{{ .port | keep }}]{{ end }}{{ range $k, $v := .services }}{{ template "x" $v }}{{ end }}"#
        let data = Value.map(["services": .map(["api": .map(["port": Value(.int(8080, .int), origin: port)])])])
        let result = try render(text, data: data, functions: ["keep": keep])
        XCTAssertEqual(result.text, "[8080]")
        let map = try XCTUnwrap(result.sourceMap)
        XCTAssertEqual(
            map.origins(ofOutputOffset: 1),
            [
                .value(port), .action(span("x", 17..<35)), .templateCall(span("krakend.tmpl", 76..<97), callee: "x"),
                .rangeIteration(span("krakend.tmpl", 45..<76), iteration: 0, key: "api"),
            ])
        XCTAssertEqual(
            map.origins(ofOutputOffset: 0),
            [
                .literal(span("x", 16..<17)), .templateCall(span("krakend.tmpl", 76..<97), callee: "x"),
                .rangeIteration(span("krakend.tmpl", 45..<76), iteration: 0, key: "api"),
            ])
    }

    func testAFunctionResultHasNoValueOriginAndNoMapUnlessAsked() throws {
        let port = ValueOrigin(source: settings, range: 3..<7)
        let result = try render(#"{{ printf "%v" .port }}"#, data: .map(["port": Value(.string("80"), origin: port)]))
        XCTAssertEqual(result.sourceMap?.origins(ofOutputOffset: 0), [.action(span("krakend.tmpl", 0..<23))])
        let set = TemplateSet()
        try set.parse(name: "t", text: "x")
        XCTAssertNil(try set.execute("t", data: .nil).sourceMap)
    }
}
