import ConfigTree

/// The files of `schemas/` that the build embeds, parsed into trees once.
enum EmbeddedSchemaDocuments {
    /// One embedded file: its path relative to `schemas/` and its tree.
    struct Document: Sendable {
        let path: String
        let root: Node
    }

    /// Every embedded file that parsed, in path order.
    static let documents: [Document] = parsed.documents

    /// Embedded files that did not parse, with the loader's first message. Empty in a correct build;
    /// a test asserts it.
    static let failures: [(path: String, message: String)] = parsed.failures

    /// The tree of the embedded file at `path` (relative to `schemas/`), or nil.
    static func document(at path: String) -> Node? {
        documents.first { $0.path == path }?.root
    }

    private static let parsed: (documents: [Document], failures: [(path: String, message: String)]) = {
        var documents: [Document] = []
        var failures: [(path: String, message: String)] = []
        for file in EmbeddedSchemas.files {
            let source = SourceFile(path: "schemas/" + file.path, format: .json, text: file.contents)
            let result = ConfigLoader.load(source)
            if let root = result.root, !result.issues.contains(where: { $0.severity == .error }) {
                documents.append(Document(path: file.path, root: root))
            } else {
                failures.append((file.path, result.issues.first?.message ?? "no value"))
            }
        }
        return (documents, failures)
    }()
}
