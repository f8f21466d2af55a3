/// Go's `encoding/json` for template values: `Marshal`, `MarshalIndent` and `Unmarshal` into `interface{}`.
/// Failures are ``FunctionError``s carrying Go's error text.
public enum GoJSON {
    /// `json.Marshal`: map keys sorted, `<`, `>` and `&` escaped as `\u003c` etc. unless `escapeHTML` is false
    /// (as with an `Encoder` after `SetEscapeHTML(false)`), U+2028/U+2029 escaped, numbers in Go's form.
    public static func marshal(_ value: Value, escapeHTML: Bool = true) throws -> String {
        var encoder = JSONEncoding(escapeHTML: escapeHTML)
        try encoder.encode(value)
        return String(decoding: encoder.output, as: UTF8.self)
    }

    /// `json.MarshalIndent`: ``marshal(_:escapeHTML:)`` with each element on a line of its own, starting with
    /// `prefix` and one `indent` per nesting level.
    public static func marshalIndent(_ value: Value, prefix: String, indent: String, escapeHTML: Bool = true) throws -> String {
        var encoder = JSONEncoding(escapeHTML: escapeHTML)
        try encoder.encode(value)
        return String(decoding: JSONEncoding.indent(encoder.output, prefix: prefix, indent: indent), as: UTF8.self)
    }

    /// `json.Unmarshal` into an `interface{}`: objects are `map[string]interface{}`, arrays `[]interface{}`,
    /// numbers `float64`; a syntax error reads as Go's (`unexpected end of JSON input`).
    public static func decode(_ text: String) throws -> Value {
        try JSONDecoding.decode(text)
    }
}
