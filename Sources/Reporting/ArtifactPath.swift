import ConfigTree
import Foundation

/// File paths as CI systems want them: relative to a root directory, with `/` separators.
public struct ArtifactPath: Sendable {
    /// Absolute directory that relative output paths start from.
    public let root: String
    /// Absolute directory that relative input paths were given against.
    public let currentDirectory: String

    public init(root: String, currentDirectory: String) {
        self.currentDirectory = ArtifactPath.normalize(currentDirectory, against: "/")
        self.root = ArtifactPath.normalize(root, against: self.currentDirectory)
    }

    /// `path` relative to `root`, or nil when it lies outside it (or is not a file path, like `<stdin>`).
    public func relative(_ path: String) -> String? {
        guard !path.hasPrefix("<") else { return nil }
        let absolute = ArtifactPath.normalize(path, against: currentDirectory)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// The absolute form of a file path given relative to `currentDirectory`.
    public func absolute(_ path: String) -> String { ArtifactPath.normalize(path, against: currentDirectory) }

    /// The path relative to `root` when it lies inside it, the path as given otherwise.
    public func display(_ path: String) -> String { relative(path) ?? path }

    /// An absolute path with `.` and `..` segments resolved, without touching the file system.
    static func normalize(_ path: String, against base: String) -> String {
        PathNormalization.absolute(path, against: base)
    }

    /// Percent-encodes a relative path for a URI reference, keeping `/`.
    public static func uriEncode(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#[]%")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
