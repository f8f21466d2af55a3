import ConfigTree

/// What the bundled schema says about one namespace at one level.
public struct NamespaceInfo: Sendable, Equatable {
    /// The namespace key, e.g. `auth/ntlm`.
    public let name: String
    /// Where the key is accepted.
    public let level: NamespaceLevel
    /// Whether only KrakenD Enterprise implements it (the Community Edition ignores it silently).
    public let isEnterpriseOnly: Bool
    /// The schema's short description of what the namespace configures.
    public let summary: String
}

/// The namespaces the bundled schema accepts at each `extra_config` level, read from
/// `schemas/extra_config/<level>.json` (and the async agent definition).
public enum NamespaceCatalog {
    /// The namespaces accepted at `level`, sorted by name.
    public static func namespaces(at level: NamespaceLevel) -> [NamespaceInfo] {
        catalog[level] ?? []
    }

    /// The namespace `name` at `level`, or nil when the schema does not accept it there.
    public static func info(_ name: String, at level: NamespaceLevel) -> NamespaceInfo? {
        namespaces(at: level).first { $0.name == name }
    }

    /// The levels at which `name` is accepted.
    public static func levels(of name: String) -> [NamespaceLevel] {
        NamespaceLevel.allCases.filter { info(name, at: $0) != nil }
    }

    private static let catalog: [NamespaceLevel: [NamespaceInfo]] = {
        var catalog: [NamespaceLevel: [NamespaceInfo]] = [:]
        for level in NamespaceLevel.allCases {
            let (file, pointer) = levelMap(level)
            let document = EmbeddedSchemaDocuments.document(at: file)
            guard let map = pointer.reduce(document, { node, token in node?[token] }) else { continue }
            let directory = file.split(separator: "/").dropLast().joined(separator: "/")
            catalog[level] = (map.members ?? []).map { member in
                NamespaceInfo(
                    name: member.key, level: level,
                    isEnterpriseOnly: member.value["x-krakend-edition"]?.string == "ee",
                    summary: summary(of: member.value, relativeTo: directory)
                )
            }.sorted { $0.name < $1.name }
        }
        return catalog
    }()

    /// The file and the pointer (as tokens) of the `properties` map listing a level's namespaces.
    private static func levelMap(_ level: NamespaceLevel) -> (String, [String]) {
        switch level {
        case .asyncAgent: return ("defs/async_agent.json", ["items", "properties", "extra_config", "properties"])
        default: return ("extra_config/\(level.rawValue).json", ["properties"])
        }
    }

    /// The description of the schema a namespace entry refers to (the level variant when there is one),
    /// without the "Enterprise only." marker.
    private static func summary(of entry: Node, relativeTo directory: String) -> String {
        guard let reference = entry["$ref"]?.string else { return "" }
        let parts = reference.split(separator: "#", maxSplits: 1).map(String.init)
        let path = normalize(directory.isEmpty ? parts[0] : directory + "/" + parts[0])
        guard var target = EmbeddedSchemaDocuments.document(at: path) else { return "" }
        var text = target["description"]?.string ?? ""
        if parts.count == 2 {
            for token in parts[1].split(separator: "/") {
                guard let next = target[String(token)] else { return text }
                target = next
            }
            text = target["description"]?.string ?? text
        }
        let marker = "Enterprise only. "
        return text.hasPrefix(marker) ? String(text.dropFirst(marker.count)) : text
    }

    /// Resolves `.` and `..` segments of a relative path.
    private static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for segment in path.split(separator: "/") {
            if segment == ".." { _ = parts.popLast() } else if segment != "." { parts.append(segment) }
        }
        return parts.joined(separator: "/")
    }
}
