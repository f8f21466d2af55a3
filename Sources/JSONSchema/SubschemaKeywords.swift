/// Which keywords hold subschemas, and in what shape, per dialect. Only these places are walked
/// for `$id` and anchors, so an `$id` inside `const`, `enum` or an unknown keyword is not an identifier.
enum SubschemaKeywords {
    enum Shape {
        case single, array, map, singleOrArray, mapOfSchemaOrStrings
    }

    static func shape(of keyword: String, in dialect: Dialect) -> Shape? {
        // Most keys of a schema (`type`, `description`, `enum`, `$ref`...) hold no subschema; their first
        // byte and length turn most of them away without the string comparisons of every case below
        // (indexing a schema asks this of every key). Every keyword of a case passes.
        guard let first = keyword.utf8.first, first >= 0x80 || mayNameSubschema(first: first, length: keyword.utf8.count) else { return nil }
        switch keyword {
        case "additionalProperties", "propertyNames", "not", "if", "then", "else", "contains":
            return .single
        case "additionalItems":
            return dialect == .draft2020_12 ? nil : .single
        case "items":
            return dialect == .draft2020_12 ? .single : .singleOrArray
        case "unevaluatedItems", "unevaluatedProperties", "contentSchema":
            return dialect == .draft7 ? nil : .single
        case "allOf", "anyOf", "oneOf":
            return .array
        case "prefixItems":
            return dialect == .draft2020_12 ? .array : nil
        case "properties", "patternProperties":
            return .map
        case "definitions":
            return .map
        case "$defs", "dependentSchemas":
            return dialect == .draft7 ? nil : .map
        case "dependencies":
            return .mapOfSchemaOrStrings
        default:
            return nil
        }
    }

    /// Whether a keyword of `shape(of:in:)` starts with the ASCII byte `first` and has `length` bytes.
    private static func mayNameSubschema(first: UInt8, length: Int) -> Bool {
        switch (first, length) {
        case (UInt8(ascii: "a"), 5), (UInt8(ascii: "a"), 15), (UInt8(ascii: "a"), 20),
             (UInt8(ascii: "p"), 10), (UInt8(ascii: "p"), 11), (UInt8(ascii: "p"), 13), (UInt8(ascii: "p"), 17),
             (UInt8(ascii: "n"), 3), (UInt8(ascii: "i"), 2), (UInt8(ascii: "i"), 5), (UInt8(ascii: "t"), 4), (UInt8(ascii: "e"), 4),
             (UInt8(ascii: "c"), 8), (UInt8(ascii: "c"), 13), (UInt8(ascii: "u"), 16), (UInt8(ascii: "u"), 21), (UInt8(ascii: "o"), 5),
             (UInt8(ascii: "d"), 11), (UInt8(ascii: "d"), 12), (UInt8(ascii: "d"), 16), (UInt8(ascii: "$"), 5):
            return true
        default:
            return false
        }
    }
}
