/// Wording helpers shared by the `krakend/*` rule messages.
enum KrakenDText {
    /// `text` in double quotes, control characters escaped, shortened when long so one value cannot
    /// flood the output.
    static func quoted(_ text: String, limit: Int = 120) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                shown += "…"
                break
            }
            count += 1
            switch scalar {
            case "\"": shown += "\\\""
            case "\\": shown += "\\\\"
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    shown += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    shown.unicodeScalars.append(scalar)
                }
            }
        }
        return "\"" + shown + "\""
    }

    /// A host entry fit for a message: credentials written as `user:password@` are replaced by `***@`.
    static func host(_ entry: String) -> String {
        guard let at = entry.lastIndex(of: "@") else { return quoted(entry) }
        let start = entry.firstRange(of: "://").map(\.upperBound) ?? entry.startIndex
        guard start <= at else { return quoted(entry) }
        return quoted(String(entry[..<start]) + "***" + String(entry[at...]))
    }

    /// An endpoint as people read it: method and path, e.g. `GET "/users/{id}"`.
    static func endpoint(_ endpoint: EndpointView) -> String {
        endpoint.method.uppercased() + " " + quoted(endpoint.path ?? "")
    }
}
