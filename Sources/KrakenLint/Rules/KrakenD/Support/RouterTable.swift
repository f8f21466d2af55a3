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

    /// A path prefix that ends right before a wildcard, named by the prefix before the previous wildcard
    /// (`parent`) and the text since then, so each route costs time linear in its length.
    private struct PrefixKey: Hashable {
        let parent: Int
        let text: Substring
    }

    private var paths: [String: Int] = [:]
    private var prefixIDs: [PrefixKey: Int] = [:]
    /// The wildcard registered right after each prefix, and by whom.
    private var wildcards: [Int: (name: String, owner: Int)] = [:]

    /// Registers `route` the way gin would, returning why gin refuses it, or nil when it is accepted.
    mutating func register(_ route: Route) -> Refusal? {
        if let malformed = Self.malformedWildcard(in: route.path) { return .malformedWildcard(malformed) }
        let key = route.method + " " + route.path
        if let owner = paths[key] { return .duplicate(owner: owner) }
        var pending: [(prefix: Int, name: String)] = []
        var prefix = -1
        let bytes = key.utf8
        var chunkStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: ":") else {
                index = bytes.index(after: index)
                continue
            }
            prefix = intern(PrefixKey(parent: prefix, text: key[chunkStart..<index]))
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
            let name = String(key[index..<end])
            if let existing = wildcards[prefix], existing.name != name {
                return .wildcardConflict(owner: existing.owner, existing: existing.name, new: name)
            }
            pending.append((prefix, name))
            chunkStart = index
            index = end
        }
        paths[key] = route.owner
        for (prefix, name) in pending where wildcards[prefix] == nil { wildcards[prefix] = (name, route.owner) }
        return nil
    }

    private mutating func intern(_ key: PrefixKey) -> Int {
        if let id = prefixIDs[key] { return id }
        let id = prefixIDs.count
        prefixIDs[key] = id
        return id
    }

    /// The first wildcard gin cannot parse: `:` or `*` with no name, or a second `:`/`*` in the segment.
    static func malformedWildcard(in path: String) -> String? {
        EndpointPaths.withBytes(of: path) { bytes in malformedWildcard(in: bytes) }
    }

    private static func malformedWildcard(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
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
