import ConfigTree

/// Builders for NTLM rule examples: a Dynamics-like endpoint with one backend whose `extra_config`
/// holds the given `auth/ntlm` block. Markers (`↓`) inside the block are kept.
enum NTLMExample {
    static let secureHost = "https://crm.contoso.local"

    /// `block` is the JSON value of `auth/ntlm`; `markKey` and `markHost` put a marker before the `auth/ntlm` key and the host.
    static func json(_ block: String, host: String = secureHost, markKey: Bool = false, markHost: Bool = false, edition: Edition? = nil, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
        let mark = markKey ? String(RuleExample.marker) : ""
        let hostMark = markHost ? String(RuleExample.marker) : ""
        return RuleExample("""
            {"version": 3,
             "endpoints": [{"endpoint": "/accounts", "backend": [{
               "host": [\(hostMark)"\(host)"], "url_pattern": "/api/data/v9.2/accounts",
               "extra_config": {\(mark)"auth/ntlm": \(block)}}]}]}
            """, format: .json, edition: edition, file: file, line: line)
    }

    /// `block` is the YAML mapping of `auth/ntlm`, one `key: value` per line, without indentation; `markKey` and
    /// `markHost` put a marker before the `auth/ntlm` key and the host.
    static func yaml(_ block: String, host: String = secureHost, markKey: Bool = false, markHost: Bool = false, edition: Edition? = nil, file: StaticString = #filePath, line: UInt = #line) -> RuleExample {
        let mark = markKey ? String(RuleExample.marker) : ""
        let hostMark = markHost ? String(RuleExample.marker) : ""
        let indented = block.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "            " + $0 }
            .joined(separator: "\n")
        return RuleExample("""
            version: 3
            endpoints:
              - endpoint: /accounts
                backend:
                  - host: [\(hostMark)"\(host)"]
                    url_pattern: /api/data/v9.2/accounts
                    extra_config:
                      \(mark)auth/ntlm:
            \(indented)

            """, format: .yaml, edition: edition, file: file, line: line)
    }
}
