/// Server-supplied text made safe to print: quoted, with control characters and quotes escaped so a hostile
/// name cannot move the cursor or fake other output.
func quotedForDisplay(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        default:
            if scalar.value < 0x20 || (scalar.value >= 0x7f && scalar.value < 0xa0)
                || scalar.properties.generalCategory == .format
            {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
