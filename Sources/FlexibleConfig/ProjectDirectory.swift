import ConfigTree
import Foundation

/// The file-system questions a flexible-configuration project asks: list a folder as Go's `os.ReadDir` does
/// (sorted by name), read a file under the loader's limits.
enum ProjectDirectory {
    enum ListingError: Error, Equatable {
        case missing
        case notAFolder
        case unreadable(String)

        var description: String {
            switch self {
            case .missing: return "no such file or directory"
            case .notAFolder: return "not a directory"
            case .unreadable(let reason): return reason
            }
        }
    }

    struct Entry: Equatable {
        var name: String
        var isDirectory: Bool
    }

    /// The entries of `path`, sorted by name as Go's `os.ReadDir` returns them.
    static func list(_ path: String) throws(ListingError) -> [Entry] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing }
        guard isDirectory.boolValue else { throw .notAFolder }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable("permission denied")
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { name in
            var entryIsDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: join(path, name), isDirectory: &entryIsDirectory)
            return Entry(name: name, isDirectory: entryIsDirectory.boolValue)
        }
    }

    /// Go's `path.Join` of two elements, cleaned: `join("partials", "/x.json")` stays inside the folder,
    /// `join("partials", "../x")` climbs out, as KrakenD's `include` does.
    static func join(_ base: String, _ name: String) -> String {
        clean(base.isEmpty ? name : base + "/" + name)
    }

    /// Go's `path.Clean`.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The last element of `path`, as Go's `filepath.Base`.
    static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty { return "." }
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The folder part of `path`, as Go's `filepath.Dir`: `"."` for a bare name.
    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : clean(folder)
    }
}
