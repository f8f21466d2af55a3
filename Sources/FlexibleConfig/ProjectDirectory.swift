import ConfigTree
import Foundation
import GoTemplate

/// The file-system question a flexible-configuration project asks: list a folder as Go's `os.ReadDir` does
/// (sorted by name). Paths are joined and cleaned with ``GoPath``, as KrakenD's Go code does.
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
            _ = FileManager.default.fileExists(atPath: GoPath.join(path, name), isDirectory: &entryIsDirectory)
            return Entry(name: name, isDirectory: entryIsDirectory.boolValue)
        }
    }
}
