/// The routes KrakenD registers in its gin router, and the registrations gin refuses.
///
/// gin keeps one tree per method. A `:name` wildcard runs to the next `/`. It refuses (and KrakenD
/// panics at start): a second registration of the same path; two different wildcards at the same place
/// after the same prefix (`/a/:id` and `/a/:name`); a wildcard without a name or with a second `:` or
/// `*` in its segment. A literal segment beside a wildcard (`/a/:id` and `/a/new`) is fine.
struct RouterTable {
    /// One registration: a method, a router path and who asked for it.
    struct Route {
        let method: String
        let path: String
        let owner: Int
    }

    /// Why a registration is refused.
    enum Refusal: Equatable {
        /// The same method and path were registered before, by `owner`.
        case duplicate(owner: Int)
        /// A different wildcard was registered at the same place by `owner`.
        case wildcardConflict(owner: Int, existing: String, new: String)
        /// The path itself has a wildcard gin cannot parse.
        case malformedWildcard(String)
    }

    private var paths: [String: Int] = [:]
    private var wildcards: [String: (name: String, owner: Int)] = [:]

    /// Registers `route` the way gin would, returning why gin refuses it, or nil when it is accepted.
    mutating func register(_ route: Route) -> Refusal? {
        if let malformed = Self.malformedWildcard(in: route.path) { return .malformedWildcard(malformed) }
        let key = route.method + " " + route.path
        if let owner = paths[key] { return .duplicate(owner: owner) }
        let bytes = Array(route.path.utf8)
        var pending: [(prefix: String, name: String)] = []
        for start in bytes.indices where bytes[start] == UInt8(ascii: ":") {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let name = String(decoding: bytes[start..<end], as: UTF8.self)
            let prefix = route.method + " " + String(decoding: bytes[..<start], as: UTF8.self)
            if let existing = wildcards[prefix], existing.name != name {
                return .wildcardConflict(owner: existing.owner, existing: existing.name, new: name)
            }
            pending.append((prefix, name))
        }
        paths[key] = route.owner
        for (prefix, name) in pending where wildcards[prefix] == nil { wildcards[prefix] = (name, route.owner) }
        return nil
    }

    /// The first wildcard gin cannot parse: `:` or `*` with no name, or a second `:`/`*` in the segment.
    static func malformedWildcard(in path: String) -> String? {
        let bytes = Array(path.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: ":") || bytes[index] == UInt8(ascii: "*") else {
                index += 1
                continue
            }
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
            let segment = bytes[index..<end]
            if segment.count < 2 || segment.dropFirst().contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "*") }) {
                return String(decoding: segment, as: UTF8.self)
            }
            index = end
        }
        return nil
    }
}
