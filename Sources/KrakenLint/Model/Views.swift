import ConfigTree

/// A string item of a `host` list, with its position.
public struct HostEntry: Sendable {
    public let value: String
    public let span: Span
    public let pointer: JSONPointer
}

/// One `extra_config` member: a namespace and its configuration block.
public struct NamespaceView: Sendable {
    /// The namespace, after legacy aliases were mapped to their current name.
    public let name: String
    /// The key as written in the file (differs from `name` for a legacy alias).
    public let writtenName: String
    public let keySpan: Span
    public let node: Node
    public let pointer: JSONPointer
    public let level: NamespaceLevel
}

/// An `extra_config` map at one level.
public struct ExtraConfigView: Sendable {
    public let node: Node
    public let pointer: JSONPointer
    public let level: NamespaceLevel
    /// Namespaces in source order; comment keys (`@ $ _ #`) are not namespaces and are left out.
    public let namespaces: [NamespaceView]

    public func namespace(_ name: String) -> NamespaceView? { namespaces.last { $0.name == name } }
}

/// Where a backend sits.
public enum BackendOwner: Sendable {
    case endpoint
    case workflow
    case asyncAgent
}

/// A backend object (in an endpoint, a workflow or an async agent).
public struct BackendView: Sendable {
    public let node: Node
    public let pointer: JSONPointer
    public let index: Int
    public let owner: BackendOwner
    /// The `endpoint` path of the endpoint (or workflow) that owns the backend, when it has one.
    public let endpointPath: String?
    /// The backend's own `host` entries (empty when it has none and falls back to the root hosts).
    public let hosts: [HostEntry]
    public let urlPattern: String?
    public let extraConfig: ExtraConfigView?
    /// The workflow declared in this backend's `extra_config`, if any.
    public let workflow: EndpointView?
}

/// An endpoint object, or the endpoint-like body of a `workflow` namespace.
public struct EndpointView: Sendable {
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
}

/// An `async_agent` item.
public struct AsyncAgentView: Sendable {
    public let node: Node
    public let pointer: JSONPointer
    public let index: Int
    public let backends: [BackendView]
    public let extraConfig: ExtraConfigView?
}

/// The root of a configuration.
public struct ServiceView: Sendable {
    public let node: Node
    /// The root `host` entries, used by backends that declare none.
    public let hosts: [HostEntry]
    public let endpoints: [EndpointView]
    public let asyncAgents: [AsyncAgentView]
    public let extraConfig: ExtraConfigView?
}
