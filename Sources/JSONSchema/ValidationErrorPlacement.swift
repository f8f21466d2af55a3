import ConfigTree

extension ValidationError {
    /// Keywords about an object's members as a whole: their errors are shown on the member's key.
    public static let keyPlacedKeywords: Set<String> = [
        "additionalProperties", "unevaluatedProperties", "propertyNames", "required", "minProperties",
        "maxProperties", "dependentRequired", "dependencies",
    ]

    /// Where people look for this error in `root`: the key of an unknown or object-level problem, the key
    /// of an object or array value (they are long), the value otherwise. `pointer` is the instance pointer
    /// as written in the file when a caller renamed keys before validating (`instancePointer` otherwise).
    /// `lint` and `validate` both place schema errors with this one function.
    public func span(in root: Node, at pointer: JSONPointer? = nil) -> Span {
        let pointer = pointer ?? instancePointer
        let keySpan = root.keySpan(at: pointer)
        if Self.keyPlacedKeywords.contains(keyword), let keySpan { return keySpan }
        if let node = root.resolve(pointer) {
            if node.isObject || node.elements != nil, let keySpan { return keySpan }
            return node.span
        }
        return keySpan ?? root.span
    }

    /// The finding id for an error on `keyword`: `additionalProperties` becomes `schema/additional-properties`.
    public static func ruleID(forKeyword keyword: String) -> String {
        guard !keyword.isEmpty else { return "schema/invalid" }
        var id = "schema/"
        for scalar in keyword.unicodeScalars where scalar != "$" {
            if scalar.properties.isUppercase {
                id += "-" + String(scalar).lowercased()
            } else {
                id.unicodeScalars.append(scalar)
            }
        }
        return id
    }
}
