import Foundation

/// A scratch directory with files, removed when the test ends.
final class TemporaryTree {
    let root: URL

    /// Creates the directory and `files` (relative path → contents); `gitRoot` adds a `.git` directory.
    init(_ files: [String: String], gitRoot: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("krakenlint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if gitRoot { try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true) }
        for (path, contents) in files { try write(path, contents) }
    }

    func write(_ path: String, _ contents: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    deinit { try? FileManager.default.removeItem(at: root) }
}
