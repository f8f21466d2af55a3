/// Which targets to extract and how to fill `url_pattern` placeholders.
public struct TargetSelection: Sendable {
    /// Values for `{name}` placeholders, from `--param name=value`.
    public var parameters: [String: String]
    /// The value used for a placeholder without a `--param`.
    public var defaultParameter: String
    /// When not empty, only backends of these endpoints (exact path, or `async_agent NAME`).
    public var endpoints: [String]
    /// When not empty, only these hosts (the entry as configured, its host name, or `name:port`).
    public var hosts: [String]

    public init(
        parameters: [String: String] = [:], defaultParameter: String = "1", endpoints: [String] = [],
        hosts: [String] = []
    ) {
        self.parameters = parameters
        self.defaultParameter = defaultParameter
        self.endpoints = endpoints
        self.hosts = hosts
    }

    func includes(endpoint: String) -> Bool {
        endpoints.isEmpty || endpoints.contains(endpoint)
    }

    func includes(hostEntry: String, parsed: BackendHost?) -> Bool {
        guard !hosts.isEmpty else { return true }
        var names = [hostEntry]
        if let parsed {
            names.append(parsed.host)
            names.append("\(parsed.host):\(parsed.port)")
        }
        return hosts.contains { names.contains($0) }
    }

    /// `pattern` with each `{name}` replaced by its parameter (escaped for a path), or the default.
    func fill(_ pattern: String) -> String {
        var output = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[rest.startIndex..<open]
            let name = String(rest[rest.index(after: open)..<close])
            output += RequestTarget.escapedParameter(parameters[name] ?? defaultParameter)
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
