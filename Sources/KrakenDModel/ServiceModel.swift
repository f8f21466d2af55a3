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
        // The object's members are read in place, once: copying a value out of the tree retains its storage,
        // which the schema validation reads on another core at the same time.
        guard case .object(let members) = node.value else { return nil }
        return members.withUnsafeBufferPointer { members in
            let path = ObjectFields.string("endpoint", in: members)
            return EndpointView(
                node: node, pointer: pointer, index: index, isWorkflow: isWorkflow,
                path: path,
                method: ObjectFields.string("method", in: members) ?? "GET",
                backends: backends(in: members, at: pointer, owner: isWorkflow ? .workflow : .endpoint, endpointPath: path),
                extraConfig: extraConfig(in: members, at: pointer, level: isWorkflow ? .workflow : .endpoint)
            )
        }
    }

    func backends(of owner: Node, at pointer: JSONPointer, owner kind: BackendOwner, endpointPath: String?) -> [BackendView] {
        guard case .object(let members) = owner.value else { return [] }
        return members.withUnsafeBufferPointer { backends(in: $0, at: pointer, owner: kind, endpointPath: endpointPath) }
    }

    /// The backends listed in the `backend` member of an object with these members.
    private func backends(in owner: UnsafeBufferPointer<Member>, at pointer: JSONPointer, owner kind: BackendOwner, endpointPath: String?) -> [BackendView] {
        guard let listIndex = Node.lastIndex(of: "backend", in: owner), case .array(let list) = owner[listIndex].value.value else { return [] }
        let listPointer = pointer.appending("backend")
        var views: [BackendView] = []
        views.reserveCapacity(list.count)
        list.withUnsafeBufferPointer { list in
            for index in list.indices {
                guard case .object(let members) = list[index].value else { continue }
                let backendPointer = listPointer.appending(index)
                let view = members.withUnsafeBufferPointer { members in
                    let extra = extraConfig(in: members, at: backendPointer, level: .backend)
                    var workflow: EndpointView?
                    if let block = extra?.namespace("workflow") {
                        workflow = endpoint(block.node, pointer: block.pointer, index: 0, isWorkflow: true)
                    }
                    let sanitize = Node.lastIndex(of: "disable_host_sanitize", in: members)
                    return BackendView(
                        node: list[index], pointer: backendPointer, index: index, owner: kind,
                        endpointPath: endpointPath,
                        hosts: WeakTyping.hostEntries(in: members, at: backendPointer),
                        urlPattern: ObjectFields.string("url_pattern", in: members),
                        disablesHostSanitize: sanitize.map { WeakTyping.isTrue(members[$0].value) } ?? false,
                        extraConfig: extra,
                        workflow: workflow
                    )
                }
                views.append(view)
            }
        }
        return views
    }

    /// The `host` entries of an object: a list of strings, or one string, which KrakenD wraps in a list.
    func hosts(of node: Node, at pointer: JSONPointer) -> [HostEntry] {
        WeakTyping.hostEntries(of: node, at: pointer)
    }

    func extraConfig(of node: Node, at pointer: JSONPointer, level: NamespaceLevel) -> ExtraConfigView? {
        guard case .object(let members) = node.value else { return nil }
        return members.withUnsafeBufferPointer { extraConfig(in: $0, at: pointer, level: level) }
    }

    /// The view of the `extra_config` member of an object with these members.
    private func extraConfig(in owner: UnsafeBufferPointer<Member>, at pointer: JSONPointer, level: NamespaceLevel) -> ExtraConfigView? {
        guard let blockIndex = Node.lastIndex(of: "extra_config", in: owner) else { return nil }
        let block = owner[blockIndex].value
        guard case .object(let members) = block.value else { return nil }
        var namespaces: [NamespaceView] = []
        namespaces.reserveCapacity(members.count)
        members.withUnsafeBufferPointer { members in
            for item in members.indices where !ServiceModel.isCommentKey(members[item].key) {
                namespaces.append(NamespaceView(
                    name: canonicalNamespace(members[item].key), writtenName: members[item].key, keySpan: members[item].keySpan,
                    node: members[item].value, ownerPointer: pointer, level: level
                ))
            }
        }
        return ExtraConfigView(node: block, ownerPointer: pointer, level: level, namespaces: namespaces)
    }
}
