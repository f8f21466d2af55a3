/// The places where an `extra_config` map can appear; each accepts its own set of namespaces.
public enum NamespaceLevel: String, CaseIterable, Sendable {
    /// The root `extra_config`.
    case service
    /// `endpoints[].extra_config`.
    case endpoint
    /// `backend[].extra_config`, wherever the backend is (endpoint, workflow, async agent).
    case backend
    /// `workflow.extra_config` inside a backend's `workflow` namespace.
    case workflow
    /// `async_agent[].extra_config`.
    case asyncAgent = "async_agent"

    /// Human wording for messages: "the service", "an endpoint"...
    public var phrase: String {
        switch self {
        case .service: return "the service (root)"
        case .endpoint: return "an endpoint"
        case .backend: return "a backend"
        case .workflow: return "a workflow"
        case .asyncAgent: return "an async agent"
        }
    }
}
