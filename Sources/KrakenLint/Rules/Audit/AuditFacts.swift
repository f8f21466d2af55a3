import ConfigTree

/// What the audit rules read from one configuration, worked out once per file the way KrakenD's loader
/// decodes it (weak typing for the root and endpoint fields, `Init()` defaults and inheritance), with
/// the pointers the findings are placed at.
final class AuditFacts: Sendable {
    let root: Node
    let service: ServiceView
    let format: SourceFormat
    /// The configuration's endpoints (workflows and async agents are not audited).
    let endpoints: [EndpointView]
    /// Each endpoint's effective timeout in whole milliseconds (truncated, as KrakenD's summary has it).
    let timeoutMilliseconds: [Int64]
    /// Whether an endpoint's timeout is its own (false: inherited from the root or the 2 s default).
    let ownTimeout: [Bool]
    /// The pointers of the endpoints' own timeouts that KrakenD's decoder refuses (`AuditGate.undecodable`).
    let undecodableTimeouts: [JSONPointer]
    /// The members of each endpoint that the rules read, found in one pass over its keys. Rules read them
    /// in place (`endpointFields[index].path`): iterating the array copies each element, seven retains.
    let endpointFields: [EndpointFields]
    /// Each endpoint's name in messages, made once however many rules name it.
    private let names: EndpointNames
    /// The namespaces (current and written names) set on some audited endpoint or backend, so a rule that
    /// looks for one nobody uses skips its walk over thousands of blocks.
    private let endpointAndBackendNamespaces: NameSet
    /// Each endpoint's number of state-changing backends (rule 5.1.6): any method but GET and HEAD, the
    /// endpoint's when the backend has none, or a gRPC backend.
    let stateChangingBackends: [Int]
    /// The `qos/http-cache` block KrakenD audits of each backend that has one (rule 2.3.1), in order.
    let httpCaches: [(endpoint: EndpointView, backend: BackendView, block: NamespaceView)]

    /// The facts of `service`, from what the lint walk gathered endpoint by endpoint (`gathered`), or gathered
    /// here when it holds other endpoints than the service's (a walk that did not visit them).
    init(root: Node, service: ServiceView, format: SourceFormat, gathered: AuditEndpointFacts? = nil) {
        self.root = root
        self.service = service
        self.format = format
        endpoints = service.endpoints
        var facts: AuditEndpointFacts
        if let gathered, gathered.covers(endpoints) {
            facts = gathered
        } else {
            facts = AuditEndpointFacts(root: root, capacity: endpoints.count)
            for index in endpoints.indices { facts.add(endpoints[index]) }
        }
        stateChangingBackends = facts.stateChanging
        httpCaches = facts.caches
        timeoutMilliseconds = facts.milliseconds
        ownTimeout = facts.own
        undecodableTimeouts = facts.undecodable
        endpointFields = facts.fields
        endpointAndBackendNamespaces = facts.namespaces
        names = EndpointNames(count: endpoints.count)
    }

    /// An endpoint as messages name it (`GET "/users/{id}"`).
    func name(of endpoint: EndpointView) -> String {
        var name: [UInt8] = []
        appendName(of: endpoint, to: &name)
        return String(decoding: name, as: UTF8.self)
    }

    /// `name(of:)` appended to a message's UTF-8 bytes (`AuditMessage`). Each endpoint's name is made once, and
    /// then copied from bytes of the audit's own: the endpoint's path and method are read by the other rule
    /// groups' threads at the same time, and retaining them for every message made the cores wait.
    func appendName(of endpoint: EndpointView, to bytes: inout [UInt8]) {
        guard endpoint.index >= 0, endpoint.index < endpoints.count, endpoints[endpoint.index] === endpoint else {
            bytes.appendUTF8(KrakenDText.endpoint(endpoint))
            return
        }
        names.append(at: endpoint.index, to: &bytes) { name in
            if !Self.appendPlainName(of: endpoint, to: &name) { name.appendUTF8(KrakenDText.endpoint(endpoint)) }
        }
    }

    /// `KrakenDText.endpoint` for the usual endpoint, whose method is upper-case ASCII and whose path is short
    /// printable ASCII with nothing to escape: the same text, without the per-character work.
    static func plainName(of endpoint: EndpointView) -> String? {
        var name: [UInt8] = []
        guard appendPlainName(of: endpoint, to: &name) else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    /// `plainName(of:)` appended to `bytes`; false (and nothing appended) when the name is not plain.
    private static func appendPlainName(of endpoint: EndpointView, to bytes: inout [UInt8]) -> Bool {
        var path = endpoint.path ?? "", method = endpoint.method
        // The bytes are checked in place, and copied whole.
        return path.withUTF8 { path in
            method.withUTF8 { method in
                // Without early exits or short-circuits: a flag per byte, or-ed together.
                var outside: UInt8 = path.count > 120 ? 1 : 0
                for byte in path {
                    outside |= (byte &- 0x20 >= 0x5F ? 1 : 0) | (byte == UInt8(ascii: "\"") ? 1 : 0) | (byte == UInt8(ascii: "\\") ? 1 : 0)
                }
                for byte in method { outside |= (byte >= 0x80 ? 1 : 0) | (byte &- UInt8(ascii: "a") < 26 ? 1 : 0) }
                guard outside == 0 else { return false }
                bytes.append(contentsOf: method)
                bytes.append(UInt8(ascii: " "))
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: path)
                bytes.append(UInt8(ascii: "\""))
                return true
            }
        }
    }

    // MARK: namespaces

    /// Whether some audited endpoint or backend has the namespace `name` (under its current or its
    /// written name). False means `block(name, in:)` is nil for every endpoint and backend.
    func isUsedByEndpointsOrBackends(_ name: String) -> Bool { endpointAndBackendNamespaces.contains(name) }

    /// The block KrakenD audits for `name` in `extraConfig`: the current spelling when it is there (KrakenD's
    /// normalisation copies it over the legacy one), else the legacy spelling.
    func block(_ name: String, in extraConfig: ExtraConfigView?) -> NamespaceView? {
        guard let extraConfig else { return nil }
        var legacy: NamespaceView?
        for namespace in extraConfig.namespaces.reversed() where namespace.name == name {
            if namespace.writtenName == name { return namespace }
            if legacy == nil { legacy = namespace }
        }
        return legacy
    }

    func serviceBlock(_ name: String) -> NamespaceView? { block(name, in: service.extraConfig) }

    /// Where a missing service-level namespace belongs: the root `extra_config`, or the root when there is none.
    var serviceExtraConfigPointer: JSONPointer { root["extra_config"] == nil ? .root : JSONPointer.root.appending("extra_config") }

    /// Where a missing endpoint-level setting belongs: the `endpoints` list, or the root when there is none.
    var endpointsPointer: JSONPointer { root["endpoints"] == nil ? .root : JSONPointer.root.appending("endpoints") }

    /// The backends KrakenD audits: those of the endpoints themselves (not of workflows or async agents).
    func backends(of endpoint: EndpointView) -> [BackendView] { endpoint.backends }

    // MARK: KrakenD's decoding

    /// A duration as KrakenD's decoder reads it, in nanoseconds: a Go duration string, or a bare number taken
    /// as nanoseconds; 0 when absent or null. Nil when the loader would refuse the value.
    static func duration(_ node: Node?) -> Int64? {
        guard let node else { return 0 }
        switch node.value {
        case .string(let text): return GoDuration.parse(text)
        case .number(let number):
            let value = number.doubleValue
            guard value.isFinite, abs(value) < 9.2e18 else { return nil }
            return Int64(value)
        case .bool(let flag): return flag ? 1 : 0
        case .null: return 0
        default: return nil
        }
    }

    /// A string field as KrakenD's weak decoder reads it (numbers and booleans become text); nil when absent
    /// or not decodable as a string.
    static func string(_ node: Node?) -> String? {
        guard let node else { return nil }
        switch node.value {
        case .string(let text): return text
        case .number(let number): return number.literal
        case .bool(let flag): return flag ? "1" : "0"
        case .null: return ""
        default: return nil
        }
    }

    /// True only for JSON `true` (values inside `extra_config` are not weakly decoded).
    static func isJSONTrue(_ node: Node?) -> Bool { node?.bool == true }

    /// A number that KrakenD's audit reads as a Go `float64` and finds above zero. JSON numbers always are
    /// `float64`; a YAML integer decodes to `int` and is not one.
    func isPositiveFloat(_ node: Node?) -> Bool {
        guard let number = node?.number, number.doubleValue > 0 else { return false }
        return format != .yaml || Self.isYAMLFloat(number.literal)
    }

    static func isYAMLFloat(_ literal: String) -> Bool {
        let unsigned = literal.hasPrefix("-") || literal.hasPrefix("+") ? String(literal.dropFirst()) : literal
        if unsigned.hasPrefix("0x") || unsigned.hasPrefix("0o") { return false }
        return unsigned.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }

    /// An endpoint path after `Init()`'s normalisation: one leading slash removed, then one added.
    static func normalizedPath(_ path: String) -> String {
        path.hasPrefix("/") ? path : "/" + path
    }

    /// The values a plugin `name` holds, with their pointers: a string, or the strings of an array.
    static func pluginNames(_ block: NamespaceView, allowString: Bool, allowArray: Bool) -> [(name: String, pointer: JSONPointer)] {
        guard block.node.isObject, let name = block.node["name"] else { return [] }
        let pointer = block.pointer.appending("name")
        if let text = name.string { return allowString ? [(text, pointer)] : [] }
        guard allowArray, let items = name.elements else { return [] }
        return items.enumerated().compactMap { index, item in item.string.map { ($0, pointer.appending(index)) } }
    }
}

/// What the audit reads from each endpoint and its backends, gathered one endpoint at a time. The lint walk
/// hands each endpoint over as it reaches it (`AuditCollector.visitEndpoint`), when its backends and blocks are
/// in the cache for the other rules of the walk too: a walk of its own, at the end, read them all from memory
/// again, and that walk was a tenth of the time the audit adds.
struct AuditEndpointFacts {
    /// The endpoints added, in order.
    private(set) var endpoints: [EndpointView] = []
    private(set) var milliseconds: [Int64] = []
    private(set) var own: [Bool] = []
    private(set) var undecodable: [JSONPointer] = []
    private(set) var namespaces = NameSet()
    private(set) var stateChanging: [Int] = []
    private(set) var caches: [(endpoint: EndpointView, backend: BackendView, block: NamespaceView)] = []
    private(set) var fields: [EndpointFields] = []
    /// The root's timeout in nanoseconds, which endpoints without their own inherit (2 s when 0 or absent).
    private let rootTimeout: Int64

    init(root: Node, capacity: Int) {
        var timeout = AuditFacts.duration(root["timeout"]) ?? 0
        if timeout == 0 { timeout = 2_000_000_000 }
        rootTimeout = timeout
        endpoints.reserveCapacity(capacity)
        fields.reserveCapacity(capacity)
        milliseconds.reserveCapacity(capacity)
        own.reserveCapacity(capacity)
        stateChanging.reserveCapacity(capacity)
    }

    /// Whether the endpoints added are `endpoints`, the same views in the same order.
    func covers(_ endpoints: [EndpointView]) -> Bool {
        self.endpoints.count == endpoints.count && self.endpoints.indices.allSatisfy { self.endpoints[$0] === endpoints[$0] }
    }

    /// Gathers what the rules that look at every endpoint and backend need, while the endpoint's blocks are at
    /// hand. The views' arrays are indexed rather than iterated as copies: the other rule groups read the same
    /// views on other cores meanwhile, and each copy of a shared reference is a contended retain.
    mutating func add(_ endpoint: EndpointView) {
        let endpointIndex = endpoints.count
        endpoints.append(endpoint)
        // Appended, then read in place: a copy of the fields is seven retains and seven releases.
        fields.append(EndpointFields(endpoint.node))
        let decoded = AuditFacts.duration(fields[endpointIndex].timeout?.value)
        if decoded == nil { undecodable.append(endpoint.pointer.appending("timeout")) }
        let value = decoded ?? 0
        milliseconds.append((value == 0 ? rootTimeout : value) / 1_000_000)
        own.append(value != 0)
        if let extraConfig = endpoint.extraConfig {
            for index in extraConfig.namespaces.indices { insertNames(of: extraConfig.namespaces[index]) }
        }
        var method = AuditFacts.string(fields[endpointIndex].method) ?? ""
        if method.isEmpty { method = "GET" }
        var unsafe = 0
        for backendIndex in endpoint.backends.indices {
            let backend = endpoint.backends[backendIndex]
            var exactCache: NamespaceView?, legacyCache: NamespaceView?, grpc = false
            let blocks = backend.extraConfig?.namespaces ?? []
            for namespaceIndex in blocks.indices {
                let namespace = blocks[namespaceIndex]
                insertNames(of: namespace)
                // The lengths first: a comparison of two different strings is a call, the length a load.
                if namespace.writtenName.utf8.count == 12, namespace.writtenName == "backend/grpc" { grpc = true }
                // `block(_:in:)`: the last block under the current spelling, else the last legacy one.
                if namespace.name.utf8.count == 14, namespace.name == "qos/http-cache" {
                    if namespace.writtenName == namespace.name { exactCache = namespace } else { legacyCache = namespace }
                }
            }
            if let cache = exactCache ?? legacyCache { caches.append((endpoint, backend, cache)) }
            var backendMethod = AuditFacts.string(backend.node["method"]) ?? ""
            if backendMethod.isEmpty { backendMethod = method }
            if (backendMethod != "GET" && backendMethod != "HEAD") || grpc { unsafe += 1 }
        }
        stateChanging.append(unsafe)
    }

    /// A block's current and written names, in the set of namespaces some endpoint or backend uses.
    private mutating func insertNames(of namespace: NamespaceView) {
        namespaces.insert(namespace.name)
        if namespace.writtenName != namespace.name { namespaces.insert(namespace.writtenName) }
    }
}

/// The members of an endpoint that the audit rules read, found in one pass over its keys instead of a lookup
/// (a scan of the keys) per rule and endpoint. A repeated key gives its last member, as `Node`'s lookups do.
struct EndpointFields: Sendable {
    private(set) var timeout: Member?
    private(set) var method: Node?
    /// The `endpoint` member's value: the path as written.
    private(set) var path: Node?
    private(set) var backend: Member?
    private(set) var inputHeaders: Node?
    private(set) var inputQueryStrings: Node?
    private(set) var outputEncoding: Node?

    init(_ endpoint: Node) {
        guard case .object(let members) = endpoint.value else { return }
        var timeout: Member?, backend: Member?
        var method: Node?, path: Node?, inputHeaders: Node?, inputQueryStrings: Node?, outputEncoding: Node?
        // The members are read in place and only the seven wanted are copied: copying each member (its key
        // and its value) cost two retains and two releases, on objects the other rule groups read meanwhile.
        // They are found into locals and then stored: a closure that set the fields captured `self`, and was
        // copied out and destroyed for it.
        members.withUnsafeBufferPointer { members in
            for index in members.indices {
                // By length first: most keys are then compared with one name or none, not with all seven.
                switch members[index].key.utf8.count {
                case 6: if members[index].key == "method" { method = members[index].value }
                case 7:
                    if members[index].key == "timeout" {
                        timeout = members[index]
                    } else if members[index].key == "backend" {
                        backend = members[index]
                    }
                case 8: if members[index].key == "endpoint" { path = members[index].value }
                case 13: if members[index].key == "input_headers" { inputHeaders = members[index].value }
                case 15: if members[index].key == "output_encoding" { outputEncoding = members[index].value }
                case 19: if members[index].key == "input_query_strings" { inputQueryStrings = members[index].value }
                default: break
                }
            }
        }
        self.timeout = timeout
        self.method = method
        self.path = path
        self.backend = backend
        self.inputHeaders = inputHeaders
        self.inputQueryStrings = inputQueryStrings
        self.outputEncoding = outputEncoding
    }

    /// The number of backends in the `backend` list (0 when it is absent or not a list).
    var backendCount: Int { backend?.value.elements?.count ?? 0 }
}

/// The endpoint names of one file's audit as UTF-8, each made on first use. The audit's rules run one after the
/// other on one thread, which is the only one that touches it.
private final class EndpointNames: @unchecked Sendable {
    private var names: [[UInt8]?]

    init(count: Int) { names = Array(repeating: nil, count: count) }

    /// Appends the name of endpoint `index` to `bytes`, made by `make` (which appends it) the first time.
    func append(at index: Int, to bytes: inout [UInt8], _ make: (inout [UInt8]) -> Void) {
        if names[index] == nil {
            var made: [UInt8] = []
            // Room for a method and a usual path, so the name is not copied as it grows.
            made.reserveCapacity(64)
            make(&made)
            names[index] = made
        }
        names[index]!.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
}
