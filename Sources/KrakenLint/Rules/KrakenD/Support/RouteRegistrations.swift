import ConfigTree

/// Replays how KrakenD registers a configuration's endpoints in its gin router, in file order, and
/// collects every registration the router refuses (which makes KrakenD panic at start).
///
/// Registered like KrakenD does: the custom health check path first (router `health_path`, unless
/// `disable_health`), then each endpoint under its upper-cased method (only GET, POST, PUT, PATCH and
/// DELETE; others are skipped by KrakenD) with `{param}` rewritten to `:param`, then, with router
/// `auto_options`, each distinct path once more under OPTIONS. Endpoints that KrakenD refuses earlier
/// (forbidden paths) and paths containing `*` (handled by the Enterprise wildcard feature, with no public
/// description of how) are left out.
struct RouteRegistrations {
    /// A refused registration and the endpoint that asked for it.
    struct Finding {
        let endpoint: EndpointView
        let method: String
        let refusal: RouterTable.Refusal
    }

    /// Whether KrakenD registers endpoints of this (upper-cased) method: GET, POST, PUT, PATCH or DELETE
    /// (compared, not hashed: it is asked for each of thousands of endpoints).
    static func isRegistered(_ method: String) -> Bool {
        switch method {
        case "GET", "POST", "PUT", "PATCH", "DELETE": return true
        default: return false
        }
    }

    /// The owner number used for the router's own health check route.
    static let healthCheckOwner = -1

    let findings: [Finding]

    init(service: ServiceView) {
        var table = RouterTable()
        var findings: [Finding] = []
        let router = service.extraConfig?.namespace("router")?.node
        if let router, !WeakTyping.isTrue(router["disable_health"]), let health = router["health_path"]?.string, !health.isEmpty {
            _ = table.register(.init(method: "GET", path: health, owner: Self.healthCheckOwner))
        }
        let disableREST = WeakTyping.isTrue(service.node["disable_rest"])
        var optionPaths: [(path: String, endpoint: EndpointView)] = []
        var seenOptionPaths = Set<String>()
        for index in service.endpoints.indices {
            let endpoint = service.endpoints[index]
            guard let path = endpoint.path else { continue }
            let normalized = EndpointPaths.normalized(path)
            let method = ByteSearch.containsLowercaseASCII(endpoint.method) ? endpoint.method.uppercased() : endpoint.method
            guard EndpointPaths.forbiddenReason(normalized) == nil, !ByteSearch.contains(UInt8(ascii: "*"), in: normalized), Self.isRegistered(method) else { continue }
            let parameters = EndpointPaths.inputParameters(of: normalized, disableREST: disableREST)
            let routerPath = EndpointPaths.routerPath(normalized, parameters: parameters)
            if let refusal = table.register(.init(method: method, path: routerPath, owner: endpoint.index)) {
                findings.append(Finding(endpoint: endpoint, method: method, refusal: refusal))
            } else if seenOptionPaths.insert(routerPath).inserted {
                optionPaths.append((routerPath, endpoint))
            }
        }
        if let router, WeakTyping.isTrue(router["auto_options"]) {
            for (path, endpoint) in optionPaths {
                if let refusal = table.register(.init(method: "OPTIONS", path: path, owner: endpoint.index)) {
                    findings.append(Finding(endpoint: endpoint, method: "OPTIONS", refusal: refusal))
                }
            }
        }
        self.findings = findings
    }

    /// How a message names the registration `owner` made: an endpoint with its line, or the health check.
    static func describe(owner: Int, in service: ServiceView, file: SourceFile) -> String {
        if owner == healthCheckOwner { return "the health check path (router health_path)" }
        guard let endpoint = service.endpoints.first(where: { $0.index == owner }) else { return "another endpoint" }
        let line = file.line(ofOffset: (endpoint.node["endpoint"]?.span ?? endpoint.node.span).start)
        return "endpoint \(KrakenDText.endpoint(endpoint)) on line \(line)"
    }
}
