import ConfigTree

/// What the bundled schema says about one namespace at one level.
public struct NamespaceInfo: Sendable, Equatable {
    /// The namespace key, e.g. `auth/ntlm`.
    public let name: String
    /// Where the key is accepted.
    public let level: NamespaceLevel
    /// Whether only KrakenD Enterprise implements it (the Community Edition ignores it silently).
    public let isEnterpriseOnly: Bool
    /// The `$ref` of the namespace's entry and the folder it is relative to, from which `summary` is read.
    let reference: String?
    let directory: String

    /// The schema's short description of what the namespace configures (read from the schema file the
    /// entry refers to, when asked: the lint itself needs only names and editions).
    public var summary: String {
        NamespaceCatalog.summary(reference: reference, relativeTo: directory)
    }
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
                    reference: member.value["$ref"]?.string, directory: directory
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
    static func summary(reference: String?, relativeTo directory: String) -> String {
        guard let reference else { return "" }
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
