/// Which keywords hold subschemas, and in what shape, per dialect. Only these places are walked
/// for `$id` and anchors, so an `$id` inside `const`, `enum` or an unknown keyword is not an identifier.
enum SubschemaKeywords {
    enum Shape {
        case single, array, map, singleOrArray, mapOfSchemaOrStrings
    }

    static func shape(of keyword: String, in dialect: Dialect) -> Shape? {
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
}
