import ConfigTree

/// Builds the typed, read-only views of a configuration tree.
///
/// Lenient by design: a value of the wrong type is simply absent from the view (the schema reports it),
/// so rules can rely on the views without re-checking types.
public struct ServiceModel: Sendable {
    /// Maps a written namespace to its current name (legacy aliases); identity by default.
    public var canonicalNamespace: @Sendable (String) -> String

    public init(canonicalNamespace: @escaping @Sendable (String) -> String = { $0 }) {
        self.canonicalNamespace = canonicalNamespace
    }

    /// Comment keys start with `@`, `$`, `_` or `#`; KrakenD ignores them everywhere.
    public static func isCommentKey(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        return first == UInt8(ascii: "@") || first == UInt8(ascii: "$") || first == UInt8(ascii: "_") || first == UInt8(ascii: "#")
    }

    public func service(_ root: Node) -> ServiceView {
        let pointer = JSONPointer.root
        let endpointsPointer = pointer.appending("endpoints")
        let endpoints = (root["endpoints"]?.elements ?? []).enumerated().compactMap { index, node in
            endpoint(node, pointer: endpointsPointer.appending(index), index: index, isWorkflow: false)
        }
        let agents = (root["async_agent"]?.elements ?? []).enumerated().compactMap { index, node -> AsyncAgentView? in
            guard node.isObject else { return nil }
            let agentPointer = pointer.appending("async_agent").appending(index)
            return AsyncAgentView(
                node: node, pointer: agentPointer, index: index,
                backends: backends(of: node, at: agentPointer, owner: .asyncAgent, endpointPath: nil),
                extraConfig: extraConfig(of: node, at: agentPointer, level: .asyncAgent)
            )
        }
        return ServiceView(
            node: root,
            hosts: hosts(of: root, at: pointer),
            endpoints: endpoints,
            asyncAgents: agents,
            extraConfig: extraConfig(of: root, at: pointer, level: .service)
        )
    }

    func endpoint(_ node: Node, pointer: JSONPointer, index: Int, isWorkflow: Bool) -> EndpointView? {
        guard node.isObject else { return nil }
        let path = node["endpoint"]?.string
        return EndpointView(
            node: node, pointer: pointer, index: index, isWorkflow: isWorkflow,
            path: path,
            method: node["method"]?.string ?? "GET",
            backends: backends(of: node, at: pointer, owner: isWorkflow ? .workflow : .endpoint, endpointPath: path),
            extraConfig: extraConfig(of: node, at: pointer, level: isWorkflow ? .workflow : .endpoint)
        )
    }

    func backends(of owner: Node, at pointer: JSONPointer, owner kind: BackendOwner, endpointPath: String?) -> [BackendView] {
        guard let list = owner["backend"]?.elements else { return [] }
        let listPointer = pointer.appending("backend")
        return list.enumerated().compactMap { index, node in
            guard node.isObject else { return nil }
            let backendPointer = listPointer.appending(index)
            let extra = extraConfig(of: node, at: backendPointer, level: .backend)
            var workflow: EndpointView?
            if let block = extra?.namespace("workflow") {
                workflow = endpoint(block.node, pointer: block.pointer, index: 0, isWorkflow: true)
            }
            return BackendView(
                node: node, pointer: backendPointer, index: index, owner: kind,
                endpointPath: endpointPath,
                hosts: hosts(of: node, at: backendPointer),
                urlPattern: node["url_pattern"]?.string,
                disablesHostSanitize: WeakTyping.isTrue(node["disable_host_sanitize"]),
                extraConfig: extra,
                workflow: workflow
            )
        }
    }

    /// The `host` entries of an object: a list of strings, or one string, which KrakenD wraps in a list.
    func hosts(of node: Node, at pointer: JSONPointer) -> [HostEntry] {
        WeakTyping.hostEntries(of: node, at: pointer)
    }

    func extraConfig(of node: Node, at pointer: JSONPointer, level: NamespaceLevel) -> ExtraConfigView? {
        guard let block = node["extra_config"], let members = block.members else { return nil }
        let namespaces = members.compactMap { item -> NamespaceView? in
            guard !ServiceModel.isCommentKey(item.key) else { return nil }
            return NamespaceView(
                name: canonicalNamespace(item.key), writtenName: item.key, keySpan: item.keySpan,
                node: item.value, ownerPointer: pointer, level: level
            )
        }
        return ExtraConfigView(node: block, ownerPointer: pointer, level: level, namespaces: namespaces)
    }
}
