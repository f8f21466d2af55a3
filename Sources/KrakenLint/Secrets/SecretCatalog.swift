import ConfigTree

/// Which fields of a configuration hold secrets, and how to find their values in a tree.
///
/// A field is named by the namespace it lives in and the path of keys inside that namespace's block.
public enum SecretCatalog {
    public struct Field: Sendable, Hashable {
        public let namespace: String
        public let path: [String]
        public init(namespace: String, path: [String]) {
            self.namespace = namespace
            self.path = path
        }
    }

    public static let fields: [Field] = [
        Field(namespace: "auth/ntlm", path: ["password"]),
    ]

    /// The string values of every secret field in `service`, at any level.
    public static func secrets(in service: ServiceView) -> [SecretValue] {
        var found: [SecretValue] = []
        func scan(_ extraConfig: ExtraConfigView?) {
            for namespace in extraConfig?.namespaces ?? [] {
                for field in fields where field.namespace == namespace.name {
                    var node: Node? = namespace.node
                    for key in field.path { node = node?[key] }
                    if let node, let text = node.string { found.append(SecretValue(text, span: node.span)) }
                }
            }
        }
        func scan(_ endpoint: EndpointView) {
            scan(endpoint.extraConfig)
            for backend in endpoint.backends { scan(backend) }
        }
        func scan(_ backend: BackendView) {
            scan(backend.extraConfig)
            if let workflow = backend.workflow { scan(workflow) }
        }
        scan(service.extraConfig)
        service.endpoints.forEach(scan)
        for agent in service.asyncAgents {
            scan(agent.extraConfig)
            agent.backends.forEach(scan)
        }
        return found
    }
}
