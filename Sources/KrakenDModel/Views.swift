import ConfigTree

/// A string item of a `host` list, with its position.
public struct HostEntry: Sendable {
    public let value: String
    public let span: Span
    /// The pointer of the object that holds the `host` member (shared with that object's view: a large
    /// configuration has tens of thousands of hosts, and pointers are built only for findings).
    let ownerPointer: JSONPointer
    /// The item's index in the list, or nil for a single string written where a list belongs.
    let index: Int?

    /// The pointer of this host.
    public var pointer: JSONPointer {
        let list = ownerPointer.appending("host")
        return index.map { list.appending($0) } ?? list
    }

    init(value: String, span: Span, ownerPointer: JSONPointer, index: Int?) {
        self.value = value
        self.span = span
        self.ownerPointer = ownerPointer
        self.index = index
    }
}

/// One `extra_config` member: a namespace and its configuration block.
public final class NamespaceView: Sendable {
    /// The namespace, after legacy aliases were mapped to their current name.
    public let name: String
    /// The key as written in the file (differs from `name` for a legacy alias).
    public let writtenName: String
    public let keySpan: Span
    public let node: Node
    public let level: NamespaceLevel
    /// The pointer of the object whose `extra_config` holds this namespace (shared with that object's view).
    let ownerPointer: JSONPointer

    /// The pointer of the `extra_config` object holding this namespace.
    public var extraConfigPointer: JSONPointer { ownerPointer.appending("extra_config") }

    /// The pointer of the namespace's block (built when asked: most namespaces never need it).
    public var pointer: JSONPointer { ownerPointer.appending("extra_config", writtenName) }

    init(name: String, writtenName: String, keySpan: Span, node: Node, ownerPointer: JSONPointer, level: NamespaceLevel) {
        self.name = name
        self.writtenName = writtenName
        self.keySpan = keySpan
        self.node = node
        self.ownerPointer = ownerPointer
        self.level = level
    }
}

/// An `extra_config` map at one level.
public final class ExtraConfigView: Sendable {
    public let node: Node
    /// The pointer of the object that holds this `extra_config` (shared with that object's view).
    let ownerPointer: JSONPointer
    public let level: NamespaceLevel
    /// Namespaces in source order; comment keys (`@ $ _ #`) are not namespaces and are left out.
    public let namespaces: [NamespaceView]

    public func namespace(_ name: String) -> NamespaceView? {
        let length = name.utf8.count
        return namespaces.last { Node.isKey($0.name, name, length: length) }
    }

    /// The pointer of the `extra_config` object.
    public var pointer: JSONPointer { ownerPointer.appending("extra_config") }

    init(node: Node, ownerPointer: JSONPointer, level: NamespaceLevel, namespaces: [NamespaceView]) {
        self.node = node
        self.ownerPointer = ownerPointer
        self.level = level
        self.namespaces = namespaces
    }
}

/// Where a backend sits.
public enum BackendOwner: Sendable {
    case endpoint
    case workflow
    case asyncAgent
}

/// A backend object (in an endpoint, a workflow or an async agent).
public final class BackendView: Sendable {
    public let node: Node
    public let pointer: JSONPointer
    public let index: Int
    public let owner: BackendOwner
    /// The `endpoint` path of the endpoint (or workflow) that owns the backend, when it has one.
    public let endpointPath: String?
    /// The backend's own `host` entries (empty when it has none and falls back to the root hosts).
    public let hosts: [HostEntry]
    public let urlPattern: String?
    /// `disable_host_sanitize`, read as KrakenD's weakly typed decoder reads it (`"true"`, `1`...).
    public let disablesHostSanitize: Bool
    public let extraConfig: ExtraConfigView?
    /// The workflow declared in this backend's `extra_config`, if any.
    public let workflow: EndpointView?

    /// Whether KrakenD sanitizes this backend's hosts (rejects a path in them): not for workflow
    /// backends, nor when `disable_host_sanitize` is true.
    public var sanitizesHosts: Bool { owner != .workflow && !disablesHostSanitize }

    init(node: Node, pointer: JSONPointer, index: Int, owner: BackendOwner, endpointPath: String?, hosts: [HostEntry], urlPattern: String?, disablesHostSanitize: Bool, extraConfig: ExtraConfigView?, workflow: EndpointView?) {
        self.disablesHostSanitize = disablesHostSanitize
        self.node = node
        self.pointer = pointer
        self.index = index
        self.owner = owner
        self.endpointPath = endpointPath
        self.hosts = hosts
        self.urlPattern = urlPattern
        self.extraConfig = extraConfig
        self.workflow = workflow
    }
}

/// An endpoint object, or the endpoint-like body of a `workflow` namespace.
public final class EndpointView: Sendable {
    public let node: Node
    public let pointer: JSONPointer
    public let index: Int
    /// True for a `workflow` block inside a backend.
    public let isWorkflow: Bool
    /// The `endpoint` string, when present and a string.
    public let path: String?
    /// The `method` string, upper-cased as written; `GET` when absent.
    public let method: String
    public let backends: [BackendView]
    public let extraConfig: ExtraConfigView?

    init(node: Node, pointer: JSONPointer, index: Int, isWorkflow: Bool, path: String?, method: String, backends: [BackendView], extraConfig: ExtraConfigView?) {
        self.node = node
        self.pointer = pointer
        self.index = index
        self.isWorkflow = isWorkflow
        self.path = path
        self.method = method
        self.backends = backends
        self.extraConfig = extraConfig
    }
}

/// An `async_agent` item.
public final class AsyncAgentView: Sendable {
    public let node: Node
    public let pointer: JSONPointer
    public let index: Int
    public let backends: [BackendView]
    public let extraConfig: ExtraConfigView?

    init(node: Node, pointer: JSONPointer, index: Int, backends: [BackendView], extraConfig: ExtraConfigView?) {
        self.node = node
        self.pointer = pointer
        self.index = index
        self.backends = backends
        self.extraConfig = extraConfig
    }
}

/// The root of a configuration.
public final class ServiceView: Sendable {
    public let node: Node
    /// The root `host` entries, used by backends that declare none.
    public let hosts: [HostEntry]
    public let endpoints: [EndpointView]
    public let asyncAgents: [AsyncAgentView]
    public let extraConfig: ExtraConfigView?

    init(node: Node, hosts: [HostEntry], endpoints: [EndpointView], asyncAgents: [AsyncAgentView], extraConfig: ExtraConfigView?) {
        self.node = node
        self.hosts = hosts
        self.endpoints = endpoints
        self.asyncAgents = asyncAgents
        self.extraConfig = extraConfig
    }
}
