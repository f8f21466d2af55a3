import ConfigTree

/// One host of one backend that declares `auth/ntlm`: what to probe and how to name it in reports.
public struct ProbeTarget: Sendable {
    /// The endpoint path the backend serves (`/users/{id}`), or `async_agent NAME` for an agent's backend.
    public var endpoint: String
    /// The backend's index in its `backend` list.
    public var backendIndex: Int
    /// JSON Pointer to the backend object, e.g. `/endpoints/0/backend/0/extra_config/workflow/backend/1`.
    public var pointer: String
    /// 1-based line of the `auth/ntlm` block in the file.
    public var line: Int
    /// The host entry as configured (empty when the backend has none).
    public var hostEntry: String
    /// The backend's `url_pattern` as configured.
    public var urlPattern: String
    /// Where the request goes; nil when the target is not probed.
    public var url: ProbeURL?
    public var credentials: ConfiguredCredentials
    /// Why the target is listed but not probed (service discovery, unusable host).
    public var notProbedReason: String?
    /// The `auth/ntlm` key of the backend in the file, where the probe's finding is placed.
    public var blockSpan: Span

    public init(
        endpoint: String, backendIndex: Int, pointer: String, line: Int, hostEntry: String, urlPattern: String,
        url: ProbeURL?, credentials: ConfiguredCredentials, notProbedReason: String?, blockSpan: Span = Span(at: 0)
    ) {
        self.blockSpan = blockSpan
        self.endpoint = endpoint
        self.backendIndex = backendIndex
        self.pointer = pointer
        self.line = line
        self.hostEntry = hostEntry
        self.urlPattern = urlPattern
        self.url = url
        self.credentials = credentials
        self.notProbedReason = notProbedReason
    }

    /// The URL as shown in reports: the probed URL, or host + pattern when not probed.
    public var displayURL: String {
        if let url { return url.description }
        return hostEntry + urlPattern
    }
}
