import ConfigTree
import Foundation

/// The files of `schemas/` that the build embeds, each parsed into a tree the first time it is asked for.
///
/// A lint of a small configuration reads only the few files its schema check and rules reach, not all
/// 121 (parsing every file took about 4 ms of each process).
enum EmbeddedSchemaDocuments {
    /// One embedded file: its path relative to `schemas/` and its tree.
    struct Document: Sendable {
        let path: String
        let root: Node
    }

    /// Every embedded file that parsed, in path order (parses them all).
    static var documents: [Document] { everything.documents }

    /// Embedded files that did not parse, with the loader's first message. Empty in a correct build;
    /// a test asserts it.
    static var failures: [(path: String, message: String)] { everything.failures }

    /// The tree of the embedded file at `path` (relative to `schemas/`), or nil when there is no such file
    /// or it does not parse.
    static func document(at path: String) -> Node? {
        cache.tree(at: path)
    }

    private static let cache = ParsedFiles()

    private static let everything: (documents: [Document], failures: [(path: String, message: String)]) = {
        var documents: [Document] = []
        var failures: [(path: String, message: String)] = []
        for file in EmbeddedSchemas.files {
            switch cache.parsed(file.path) {
            case .tree(let root)?: documents.append(Document(path: file.path, root: root))
            case .failure(let message)?: failures.append((file.path, message))
            case nil: break
            }
        }
        return (documents, failures)
    }()

    /// The embedded files parsed so far, by path; safe to use from any thread.
    private final class ParsedFiles: @unchecked Sendable {
        enum Parsed {
            case tree(Node)
            case failure(String)
        }

        private let lock = NSLock()
        private var parsed: [String: Parsed] = [:]
        /// Each embedded file's position in `EmbeddedSchemas.files`, by path (searching the list compared
        /// about 60 paths a file: 1.2 M instructions for a large configuration's 121 files).
        private lazy var positions: [String: Int] = Dictionary(
            EmbeddedSchemas.files.indices.map { (EmbeddedSchemas.files[$0].path, $0) }, uniquingKeysWith: { first, _ in first }
        )

        func tree(at path: String) -> Node? {
            if case .tree(let root)? = self.parsed(path) { return root }
            return nil
        }

        /// The file at `path` parsed (once), or nil when no embedded file has that path.
        func parsed(_ path: String) -> Parsed? {
            lock.withLock {
                if let known = parsed[path] { return known }
                guard let position = positions[path] else { return nil }
                let file = EmbeddedSchemas.files[position]
                if let root = EmbeddedTree.decode(file.contents) {
                    parsed[path] = .tree(root)
                    return .tree(root)
                }
                let source = SourceFile(path: "schemas/" + file.path, format: .json, text: file.contents)
                let result = ConfigLoader.load(source)
                let outcome: Parsed
                if let root = result.root, !result.issues.contains(where: { $0.severity == .error }) {
                    outcome = .tree(root)
                } else {
                    outcome = .failure(result.issues.first?.message ?? "no value")
                }
                parsed[path] = outcome
                return outcome
            }
        }
    }
}
