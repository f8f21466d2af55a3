import ConfigTree

/// KrakenD's flexible configuration (`FC_ENABLE=1`) renders the file as a Go template before parsing it;
/// this is the supported way to keep secrets out of the file.
public enum FlexibleConfigTemplate {
    /// True when `text` holds a template action (`{{ ... }}`), so its real value is only known after rendering.
    public static func isTemplate(_ text: String) -> Bool {
        // A byte scan in place: `{` and `}` are ASCII, so they never occur inside another character's UTF-8 bytes.
        EndpointPaths.withBytes(of: text) { bytes in
            guard let open = firstPair(of: UInt8(ascii: "{"), in: bytes, from: 0) else { return false }
            return firstPair(of: UInt8(ascii: "}"), in: bytes, from: open + 2) != nil
        }
    }

    /// Where `byte` first occurs twice in a row, at `start` or after.
    private static func firstPair(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == byte, bytes[index + 1] == byte { return index }
            index += 1
        }
        return nil
    }

    /// True for `$NAME` (upper case), `${NAME}` or `%NAME%`: shell and Windows variable syntax that KrakenD
    /// does not expand, so the characters themselves are used as the value.
    public static func isVariableReference(_ text: String) -> Bool {
        let isName: (Substring) -> Bool = { name in
            !name.isEmpty && name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "_" }
        }
        if text.hasPrefix("${"), text.hasSuffix("}") { return isName(text.dropFirst(2).dropLast()) }
        if text.hasPrefix("$") {
            let name = text.dropFirst()
            return isName(name) && name.contains { $0.isLetter } && !name.contains { $0.isLowercase }
        }
        if text.count > 2, text.hasPrefix("%"), text.hasSuffix("%") { return isName(text.dropFirst().dropLast()) }
        return false
    }

    /// How to write `key` so that its value comes from the environment variable `variable`, in the
    /// syntax of `format`. The JSON form uses a raw Go string (backquotes) so that the file stays valid JSON
    /// before rendering; YAML uses single quotes for the same reason.
    public static func envForm(key: String, variable: String, format: SourceFormat) -> String {
        switch format {
        case .json: return "\"\(key)\": \"{{ env `\(variable)` }}\""
        case .yaml: return "\(key): '{{ env \"\(variable)\" }}'"
        }
    }

    /// A complete fix sentence: render the value from `variable` with flexible configuration.
    public static func fix(key: String, variable: String, format: SourceFormat) -> String {
        switch format {
        case .json:
            return "Render it from the environment with flexible configuration (run KrakenD with FC_ENABLE=1): "
                + envForm(key: key, variable: variable, format: .json)
                + ", or \"\(key)\": {{ env \"\(variable)\" | toJson }} when the value may contain a quote or a backslash"
                + " (that form is valid JSON only after rendering)."
        case .yaml:
            return "Render it from the environment with flexible configuration (run KrakenD with FC_ENABLE=1 and an FC_OUT"
                + " path ending in .yaml, because without FC_OUT the rendered text is read as JSON): "
                + envForm(key: key, variable: variable, format: .yaml) + "."
        }
    }
}
