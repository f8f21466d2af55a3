@testable import GoTemplate
import XCTest

/// The data most engine tests run against, as Go sees
/// `map[string]interface{}{"a": "A", "n": 3.0, "list": []interface{}{1, "x", nil}, "m": map[string]interface{}{"k": "v", "z": nil}}`.
let engineSampleData = Value.map([
    "a": .string("A"), "n": .float64(3), "list": .list([.int(1), .string("x"), .nil]),
    "m": .map(["k": .string("v"), "z": .nil]),
])

/// Parses `text` as the template `t` and executes it; returns the output, or Go's error text prefixed
/// with `ERR: ` (the form the expectations were captured from Go in).
func renderForTest(
    _ text: String, data: Value = engineSampleData, functions: FunctionMap = [:], options: ExecutionOptions = .init()
) -> String {
    let set = TemplateSet(functions: functions)
    do {
        try set.parse(name: "t", text: text)
        return try set.execute("t", data: data, options: options).text
    } catch {
        return "ERR: \(error.description)"
    }
}

/// The error a parse or execution throws, or nil.
func templateErrorForTest(_ text: String, data: Value = engineSampleData, options: ExecutionOptions = .init()) -> TemplateError? {
    let set = TemplateSet()
    do {
        try set.parse(name: "t", text: text)
        _ = try set.execute("t", data: data, options: options)
        return nil
    } catch {
        return error
    }
}
