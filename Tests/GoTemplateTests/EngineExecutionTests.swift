@testable import GoTemplate
import XCTest

/// Execution behaviour and error wording; every expected string was printed by Go 1.19's text/template
/// with the same data (see `engineSampleData`).
final class EngineExecutionTests: XCTestCase {
    func testFieldsOnMapsNilAndMissingValues() {
        XCTAssertEqual(renderForTest("x{{.a}}y"), "xAy")
        XCTAssertEqual(renderForTest("{{.missing}}|{{.m.z}}|{{ $x := .m.z }}{{ $x.q }}"), "<no value>|<no value>|<no value>")
        XCTAssertEqual(
            renderForTest("{{ .m.z.q }}"),
            #"ERR: template: t:1:5: executing "t" at <.m.z.q>: nil pointer evaluating interface {}.q"#)
        XCTAssertEqual(
            renderForTest("{{ .a.b }}"),
            #"ERR: template: t:1:5: executing "t" at <.a.b>: can't evaluate field b in type interface {}"#)
        XCTAssertEqual(
            renderForTest("{{ with .a }}{{ .q }}{{ end }}"),
            #"ERR: template: t:1:16: executing "t" at <.q>: can't evaluate field q in type string"#)
        XCTAssertEqual(
            renderForTest("{{ range $i, $e := .list }}{{ $e.q }}{{ end }}"),
            #"ERR: template: t:1:32: executing "t" at <$e.q>: can't evaluate field q in type interface {}"#)
        XCTAssertEqual(
            renderForTest("{{ .a 1 }}"), #"ERR: template: t:1:3: executing "t" at <.a>: a is not a method but has arguments"#)
        XCTAssertEqual(renderForTest(#"{{ (.m).k }}{{ index . "m" "k" }}{{ index .m "nope" }}"#), "vv<no value>")
    }

    func testMissingKeyOptions() {
        let data = Value.map(["m": .map(["k": .string("v")]), "s": Value(.map(["k": .string("v")], valueType: .string))])
        let zero = ExecutionOptions(missingKey: .zero)
        XCTAssertEqual(renderForTest("{{ .nope }}", data: data, options: zero), "<no value>")
        XCTAssertEqual(renderForTest(#"{{ .s.nope }}|{{ printf "%q" .s.nope }}"#, data: data, options: zero), #"|"""#)
        XCTAssertEqual(
            renderForTest("{{ .nope.x }}", data: data, options: zero),
            #"ERR: template: t:1:8: executing "t" at <.nope.x>: nil pointer evaluating interface {}.x"#)
        let strict = ExecutionOptions(missingKey: .error)
        XCTAssertEqual(
            renderForTest("{{ .m.nope }}", data: data, options: strict),
            #"ERR: template: t:1:5: executing "t" at <.m.nope>: map has no entry for key "nope""#)
        XCTAssertEqual(
            renderForTest("{{ .nope.x }}", data: data, options: strict),
            #"ERR: template: t:1:8: executing "t" at <.nope.x>: map has no entry for key "nope""#)
    }

    func testRangeOverListsMapsAndNothing() {
        XCTAssertEqual(renderForTest("{{range .list}}[{{.}}]{{end}}"), "[1][x][<no value>]")
        XCTAssertEqual(renderForTest("{{range $i, $e := .list}}{{$i}}={{$e}},{{end}}"), "0=1,1=x,2=<no value>,")
        XCTAssertEqual(renderForTest("{{range $k, $v := .m}}{{$k}}={{$v}};{{end}}"), "k=v;z=<no value>;")
        XCTAssertEqual(renderForTest("{{ range .missing }}x{{ else }}empty{{ end }}"), "empty")
        XCTAssertEqual(
            renderForTest("{{ range .a }}{{ end }}"), #"ERR: template: t:1:9: executing "t" at <.a>: range can't iterate over A"#)
        XCTAssertEqual(
            renderForTest(
                "{{ range $i, $e := .list }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ if eq $i 2 }}{{ break }}{{ end }}[{{ $e }}]{{ end }}"),
            "[1]")
    }

    /// Go 1.22 and later range over integers; Go 1.23 and later accept `{{else with}}` (documented behaviour,
    /// not available in the Go 1.19 the expectations elsewhere come from).
    func testNewerGoFeatures() {
        XCTAssertEqual(renderForTest("{{ range 3 }}{{ . }}{{ end }}|{{ range $v := 2 }}{{ $v }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}"), "012|01|none")
        XCTAssertEqual(
            renderForTest("{{ range $i, $v := 3 }}{{ end }}"),
            #"ERR: template: t:1:19: executing "t" at <3>: can't use 3 to iterate over more than one variable"#)
        XCTAssertEqual(renderForTest("{{ with .missing }}x{{ else with .a }}{{ . }}{{ else }}none{{ end }}"), "A")
        XCTAssertEqual(renderForTest("{{ with .missing }}x{{ else with .nope }}y{{ else }}none{{ end }}"), "none")
    }

    func testVariablesScopeAndAssignment() {
        XCTAssertEqual(renderForTest("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}"), "2")
        XCTAssertEqual(renderForTest("{{ $x := 1 }}{{ if 1 }}{{ $x := 2 }}{{ $x = 3 }}{{ $x }}{{ end }}{{ $x }}"), "31")
        XCTAssertEqual(renderForTest("{{ $ := 1 }}{{ $ }}"), "1")
    }

    func testTemplateCallsBlocksAndDepth() {
        XCTAssertEqual(
            renderForTest(#"{{ define "x" }}X{{ .a }}{{ end }}{{ template "x" . }}{{ block "y" .m }}Y{{ .k }}{{ end }}"#), "XAYv")
        XCTAssertEqual(
            renderForTest(#"{{ define "r" }}{{ if . }}{{ . }}{{ template "r" (slice . 1) }}{{ end }}{{ end }}{{ template "r" "abc" }}"#),
            "abcbcc")
        XCTAssertEqual(
            renderForTest(#"{{ template "x" . }}"#),
            #"ERR: template: t:1:12: executing "t" at <{{template "x" .}}>: template "x" not defined"#)
        let error = templateErrorForTest(#"{{ template "t" }}"#)
        XCTAssertEqual(
            error?.description, #"template: t:1:12: executing "t" at <{{template "t"}}>: exceeded maximum template depth (100000)"#)
        XCTAssertEqual(error?.kind, .limit)
        XCTAssertEqual(error?.line, 1)
        XCTAssertEqual(error?.column, 12)
    }

    func testBuiltins() {
        XCTAssertEqual(renderForTest(#"{{ printf "%s-%d" .a 3 }}|{{ 1 | printf "%d" }}|{{ .a | printf "%s|%s" "x" }}"#), "A-3|1|x|A")
        XCTAssertEqual(renderForTest(#"{{ len .list }} {{ index .list 1 }} {{ index .m "k" }} {{ slice "abcdef" 1 3 }} {{ "a" | len }}"#), "3 x v bc 1")
        XCTAssertEqual(renderForTest(#"{{ and 1 0 }} {{ or 0 "" "x" }} {{ not .a }}"#), "0 x false")
        XCTAssertEqual(renderForTest(#"{{ eq .n 3.0 }} {{ lt 1 2 }} {{ eq "a" "b" "a" }} {{ eq .missing nil }}"#), "true true true true")
        XCTAssertEqual(renderForTest(#"{{ ge 2 1 }} {{ le 1 1 }} {{ gt "b" "a" }} {{ ne 1 2 }}"#), "true true true true")
        XCTAssertEqual(renderForTest(#"{{ html "<a&b>" }} {{ js "a'b<" }} {{ urlquery "a b&c" }}"#), #"&lt;a&amp;b&gt; a\'b\u003C a+b%26c"#)
        XCTAssertEqual(renderForTest(#"{{ html nil 1 }}|{{ html .missing }}|{{ js "é\u2028<" }}|{{ urlquery "a/b?c=d é" }}"#),
            #"&lt;no value&gt;1|&lt;no value&gt;|é\u2028\u003C|a%2Fb%3Fc%3Dd+%C3%A9"#)
    }

    /// Go's built-in `slice` cuts a string by bytes. With sprig loaded, sprig's `slice` replaces it, so the
    /// differential corpus cannot reach it; the expected bytes are what Go 1.19's text/template prints.
    func testBuiltinSliceOfAStringKeepsItsBytes() throws {
        let set = TemplateSet()
        try set.parse(
            name: "t",
            text: #"{{ slice "é" 0 1 }}|{{ slice "\xffab" 1 }}|{{ len (slice "é" 1) }}|{{ slice "\xff\xfe" 1 | printf "%q" }}|{{ eq (slice "é" 0 1) "\xc3" }}|{{ slice "é" 0 1 | html }}"#)
        let output = try set.execute("t", data: .nil).output
        XCTAssertEqual(output, [0xC3] + Array(#"|ab|1|"\xfe"|true|"#.utf8) + [0xC3])
    }

    func testAndOrShortCircuit() {
        let calls = CallCounter()
        let count = TemplateFunction(parameters: []) { _, _ in
            calls.increment()
            return .bool(true)
        }
        XCTAssertEqual(renderForTest("{{ and 0 count }}{{ or 1 count }}", functions: ["count": count]), "01")
        XCTAssertEqual(calls.value, 0)
    }

    func testBuiltinErrors() {
        let cases: [(String, String)] = [
            ("{{ eq .n 3 }}", #"at <eq .n 3>: error calling eq: incompatible types for comparison"#),
            ("{{ printf 3 }}", #"at <3>: expected string; found 3"#),
            ("{{ nil }}", #"at <nil>: nil is not a command"#),
            ("{{ len .missing }}", #"at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value"#),
            ("{{ index .list 3 }}", #"at <index .list 3>: error calling index: reflect: slice index out of range"#),
            ("{{ index .list 4 }}", #"at <index .list 4>: error calling index: index out of range: 4"#),
            ("{{ index .list 1.0 }}", #"at <index .list 1.0>: error calling index: cannot index slice/array with type float64"#),
            ("{{ index .m 1 }}", #"at <index .m 1>: error calling index: value has type int; should be string"#),
            ("{{ slice .list 2 1 }}", #"at <slice .list 2 1>: error calling slice: invalid slice index: 2 > 1"#),
            (#"{{ slice "abc" 1 2 3 }}"#, #"at <slice "abc" 1 2 3>: error calling slice: cannot 3-index slice a string"#),
            ("{{ lt .m .m }}", #"at <lt .m .m>: error calling lt: invalid type for comparison"#),
            ("{{ not 1 2 }}", #"at <not>: wrong number of args for not: want 1 got 2"#),
            ("{{ and }}", #"at <and>: wrong number of args for and: want at least 1 got 0"#),
            ("{{ printf }}", #"at <printf>: wrong number of args for printf: want at least 1 got 0"#),
            ("{{ 1 2 }}", #"at <1>: can't give argument to non-function 1"#),
            ("{{ call .a }}", #"at <call .a>: error calling call: non-function of type string"#),
            ("{{ call .missing }}", #"at <call .missing>: error calling call: call of nil"#),
        ]
        for (text, suffix) in cases {
            let error = templateErrorForTest(text)
            XCTAssertEqual(error?.kind, .execution, text)
            XCTAssertTrue(error?.description.hasSuffix(suffix) ?? false, "\(text): \(String(describing: error))")
            XCTAssertTrue(error?.description.hasPrefix(#"template: t:1:"#) ?? false, text)
        }
    }

    func testUserFunctionArgumentsAreCheckedAsGoDoes() {
        let upper = TemplateFunction(parameters: [.string], result: .string) { arguments, _ in
            guard case .string(let text) = arguments[0].storage else { return .nil }
            return .string(text.uppercased())
        }
        let fails = TemplateFunction(parameters: [], result: .string) { _, _ in throw FunctionError("boom") }
        let functions: FunctionMap = ["upper": upper, "fails": fails]
        XCTAssertEqual(renderForTest("{{ upper .a }}{{ .m.k | upper }}", functions: functions), "AV")
        XCTAssertEqual(
            renderForTest("{{ upper .n }}", functions: functions),
            #"ERR: template: t:1:9: executing "t" at <.n>: wrong type for value; expected string; got float64"#)
        XCTAssertEqual(
            renderForTest("{{ upper .m.z }}", functions: functions),
            #"ERR: template: t:1:11: executing "t" at <.m.z>: wrong type for value; expected string; got interface {}"#)
        XCTAssertEqual(
            renderForTest("{{ upper .missing }}", functions: functions),
            #"ERR: template: t:1:9: executing "t" at <.missing>: invalid value; expected string"#)
        XCTAssertEqual(
            renderForTest("{{ upper 1 }}", functions: functions),
            #"ERR: template: t:1:9: executing "t" at <1>: expected string; found 1"#)
        XCTAssertEqual(
            renderForTest("{{ upper }}", functions: functions),
            #"ERR: template: t:1:3: executing "t" at <upper>: wrong number of args for upper: want 1 got 0"#)
        XCTAssertEqual(
            renderForTest("{{ fails }}", functions: functions),
            #"ERR: template: t:1:3: executing "t" at <fails>: error calling fails: boom"#)
    }

    /// Go's maps are references: sprig's `set` changes the map its first argument names. Expectations from Go
    /// with `put := func(m map[string]interface{}, k string, v interface{}) map[string]interface{}`.
    func testAFunctionThatMutatesItsFirstArgumentChangesTheVariable() {
        let put = TemplateFunction(parameters: [.map(.interface), .string, .interface], result: .map(.interface), mutatesFirstArgument: true) {
            arguments, _ in
            guard case .map(var members, let valueType) = arguments[0].storage, case .string(let key) = arguments[1].storage else {
                return arguments[0]
            }
            members[MapKey(key)] = arguments[2]
            return Value(.map(members, valueType: valueType), origin: arguments[0].origin)
        }
        let data = Value.map(["m": .map(["k": .string("v")])])
        let functions: FunctionMap = ["put": put]
        XCTAssertEqual(renderForTest(#"{{ $d := .m }}{{ $_ := put $d "n" 1 }}{{ $d.n }}|{{ len $d }}"#, data: data, functions: functions), "1|2")
        XCTAssertEqual(renderForTest(#"{{ $_ := put $.m "n" 2 }}{{ $.m.n }}"#, data: data, functions: functions), "2")
        XCTAssertEqual(renderForTest(#"{{ $d := . }}{{ $_ := put $d.m "n" 3 }}{{ $d.m.n }}"#, data: data, functions: functions), "3")
    }

    func testLimits() {
        let output = templateErrorForTest("{{ range 100 }}0123456789{{ end }}", options: ExecutionOptions(maximumOutputBytes: 25))
        XCTAssertEqual(output?.kind, .limit)
        XCTAssertEqual(output?.description, "template: t:1:15: executing \"t\" at <0123456789>: output exceeds the limit of 25 bytes")
        let iterations = templateErrorForTest("{{ range 1000000000000 }}{{ end }}", options: ExecutionOptions(maximumRangeIterations: 1000))
        XCTAssertEqual(iterations?.kind, .limit)
        XCTAssertEqual(
            iterations?.description,
            "template: t:1:9: executing \"t\" at <1000000000000>: range iterations exceed the limit of 1000")
        let depth = templateErrorForTest(#"{{ define "d" }}{{ template "d" }}{{ end }}{{ template "d" }}"#, options: ExecutionOptions(maximumDepth: 50))
        XCTAssertEqual(depth?.kind, .limit)
        XCTAssertEqual(
            depth?.description,
            #"template: t:1:28: executing "d" at <{{template "d"}}>: exceeded maximum template depth (50)"#)
    }

    func testPrintingStopsAtTheResultLimitInsteadOfBuildingIt() {
        // Found by the template fuzz target: a width of millions applies to every element of a collection,
        // so one printf of the data made 1.6 GB before the result limit was checked.
        let options = ExecutionOptions(context: FunctionContext(maximumResultSize: 1_000))
        for (text, at) in [
            (#"{{ printf "%9223372v" . }}"#, "1:3"),
            (#"{{ printf "%900d|%900d" 1 2 }}"#, "1:3"),
            (#"{{ .n | printf "%.900000f" }}"#, "1:8"),
            (#"{{ print (printf "%999s" "x") (printf "%999s" "y") }}"#, "1:3"),
            (#"{{ println (printf "%999s" "x") "y" }}"#, "1:3"),
        ] {
            let error = templateErrorForTest(text, options: options)
            XCTAssertEqual(error?.kind, .limit, text)
            XCTAssertTrue(error?.description.hasPrefix("template: t:\(at): executing \"t\" at <") == true, "\(text): \(String(describing: error))")
            XCTAssertTrue(error?.description.hasSuffix("result exceeds the limit of 1000 bytes") == true, "\(text): \(String(describing: error))")
        }
        // Under the limit, the same directives print as Go prints them.
        XCTAssertEqual(renderForTest(#"{{ printf "%5v|%-3d|%03d" .list 7 7 }}"#, options: options), "[    1     x <nil>]|7  |007")
        XCTAssertEqual(renderForTest(#"{{ printf "%998s" "x" | len }}"#, options: options), "998")
    }
}

/// Counts calls from a function body.
final class CallCounter: @unchecked Sendable {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// Methods that take arguments, called through `GoObject.method` as Go's `evalCall` does. Expectations were
/// captured from Go 1.19 with sprig 3.2.3 (the differential peer).
final class EngineMethodCallTests: XCTestCase {
    private func render(_ text: String) -> String {
        renderForTest(text, functions: Sprig.genericFunctionMap())
    }

    func testMethodsReceiveOperandsAndThePipelineValue() {
        XCTAssertEqual(render(#"{{(semver "1.2.3").Compare (semver "1.3.0")}}"#), "-1")
        XCTAssertEqual(render(#"{{semver "1.3.0" | (semver "1.2.3").LessThan}}"#), "true")
        XCTAssertEqual(render(#"{{$v := semver "2.0.0"}}{{$v.Compare (semver "1.0.0")}} {{$v.Major}}"#), "1 2")
        XCTAssertEqual(render(#"{{(toDate "2006-01-02" "2024-05-06").Format "Mon Jan 2"}}"#), "Mon May 6")
    }

    func testMethodCallErrorsHaveGoWordingAndPlace() {
        XCTAssertEqual(
            render(#"{{(semver "1.2.3").Compare}}"#),
            #"ERR: template: t:1:10: executing "t" at <"1.2.3">: wrong number of args for Compare: want 1 got 0"#)
        XCTAssertEqual(
            render(#"{{(semver "1.2.3").Compare 1}}"#),
            #"ERR: template: t:1:27: executing "t" at <1>: can't handle 1 for arg of type *semver.Version"#)
        XCTAssertEqual(
            render(#"{{(semver "1.2.3").SetPrerelease "x y"}}"#),
            #"ERR: template: t:1:18: executing "t" at <(semver "1.2.3").SetPrerelease>: error calling SetPrerelease: Invalid Prerelease string"#)
    }
}

/// Go's nil slices, as sprig's functions return them. The expectation was captured from Go 1.19 with sprig
/// 3.2.3 (the differential peer).
final class EngineNilSliceTests: XCTestCase {
    func testNilSlicesMarshalAsNullAndPrintAsGoDoes() {
        let template = #"{{concat (list) (list) | toJson}} {{concat (list 1) | toJson}} {{printf "%#v" (initial (list))}} "#
            + #"{{printf "%v|%d" (rest (list)) (len (rest (list)))}} {{regexSplit "x" "axb" 0 | toJson}} "#
            + #"{{regexFindAll "x" "abc" 0 | toJson}} {{printf "%#v" (regexFindAll "q" "abc" -1)}} "#
            + #"{{deepEqual (list) (initial (list))}} {{deepEqual (initial (list)) (rest (list))}} {{empty (rest (list))}} "#
            + #"{{regexFindAll "b" "abc" -1 | toJson}}"#
        XCTAssertEqual(
            renderForTest(template, functions: Sprig.genericFunctionMap()),
            #"null [1] []interface {}(nil) []|0 null null []string(nil) false true true ["b"]"#)
    }

    func testOnlyTheMarkerIsNil() {
        XCTAssertTrue(Value.nilSlice(of: .string).isNilSlice)
        XCTAssertFalse(Value.list([]).isNilSlice)
        XCTAssertFalse(Value.strings([]).isNilSlice)
        XCTAssertFalse(Value.list([.int(1)]).isNilSlice)
        XCTAssertFalse(Value.string("").isNilSlice)
    }
}
