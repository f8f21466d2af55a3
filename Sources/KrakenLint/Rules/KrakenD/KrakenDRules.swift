/// The `krakend/*` rules: what KrakenD's runtime checks beyond the schema.
enum KrakenDRules {
    // Rule types are immutable metadata, safe to read from any thread.
    nonisolated(unsafe) static let all: [any Rule.Type] = [
        UnsupportedVersionRule.self,
        InvalidListenIPRule.self,
        InvalidHostRule.self,
        EndpointWithoutBackendsRule.self,
        InvalidEndpointPathRule.self,
        UndefinedURLParamRule.self,
        NoOpMultipleBackendsRule.self,
        BackendWithoutHostRule.self,
        DuplicateEndpointRule.self,
        RouteCollisionRule.self,
        LegacyNamespaceRule.self,
        EnterpriseOnlyRule.self,
    ]
}
