import ConfigTree

/// Where a (sub)schema sits: a registered document and a JSON Pointer from its root.
struct SchemaLocation: Hashable, Sendable {
    let document: Int
    let pointer: JSONPointer
}

/// One registered schema document.
struct SchemaDocument: Sendable {
    /// The URI it was registered under (file URL or retrieval URI), without fragment.
    let uri: String
    let root: Node
}

/// A schema resource: a document root or a subschema with its own `$id`, with the anchors it defines.
final class SchemaResource: @unchecked Sendable {
    /// Absolute base URI, without fragment. Immutable after indexing.
    let base: String
    let location: SchemaLocation
    let dialect: DialectContext
    var anchors: [String: SchemaLocation] = [:]
    var dynamicAnchors: [String: SchemaLocation] = [:]
    var recursiveAnchor = false

    init(base: String, location: SchemaLocation, dialect: DialectContext) {
        self.base = base
        self.location = location
        self.dialect = dialect
    }
}

/// What indexing learned about one subschema location.
struct LocationInfo: Sendable {
    let resource: SchemaResource
    let dialect: DialectContext
}
