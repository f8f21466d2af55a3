/// `--format junit`: one testcase per target so CI shows the smoke test; failures for targets that did not
/// authenticate, skipped for targets not probed.
public enum ProbeJUnitFormat {
    public static func render(_ results: [ProbeResult], summary: ProbeSummary) -> String {
        let skipped = results.filter { !$0.isFailure && !$0.wasProbed }.count
        let seconds = formatSeconds(summary.elapsedMilliseconds)
        let counts = "tests=\"\(results.count)\" failures=\"\(summary.failed)\" errors=\"0\" skipped=\"\(skipped)\" time=\"\(seconds)\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"krakenlint probe\" \(counts)>\n"
        xml += "  <testsuite name=\"krakenlint probe\" \(counts)>\n"
        for result in results {
            let name = "backend \(result.target.backendIndex) \(result.target.displayURL)"
            xml += "    <testcase classname=\"\(escape(result.target.endpoint))\" name=\"\(escape(name))\""
            xml += " time=\"\(formatSeconds(result.elapsedMilliseconds))\">\n"
            var body = [result.detail]
            if let server = result.server { body.append("server: \(server.description)") }
            body += result.hints.map { "hint: \($0)" }
            if !result.user.isEmpty { body.append("user: \(result.user)") }
            let text = escape(body.joined(separator: "\n"), attribute: false)
            if result.isFailure {
                xml += "      <failure type=\"\(result.outcome.rawValue)\" message=\"\(escape(result.outcome.rawValue + ": " + result.detail))\">\(text)</failure>\n"
            } else if !result.wasProbed {
                xml += "      <skipped message=\"\(escape(result.detail))\"/>\n"
            } else {
                xml += "      <system-out>\(text)</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func formatSeconds(_ milliseconds: Int) -> String {
        let whole = milliseconds / 1000
        let fraction = milliseconds % 1000
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    /// Text safe in XML content and attributes; characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\n": output += attribute ? "&#10;" : "\n"
            case "\t": output += attribute ? "&#9;" : "\t"
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xD800...0xDFFF).contains(value) && value != 0xFFFE && value != 0xFFFF
                output.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return output
    }
}
