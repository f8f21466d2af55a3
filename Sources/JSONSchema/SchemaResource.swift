import ConfigTree

/// Where a (sub)schema sits: a registered document and a JSON Pointer from its root.
/// Tables of locations are `LocationTable`s.
struct SchemaLocation: Equatable, Sendable {
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
    /// `base` parsed, once: references inside the resource are resolved against it.
    let baseReference: URIReference
    let location: SchemaLocation
    let dialect: DialectContext
    var anchors: [String: SchemaLocation] = [:]
    var dynamicAnchors: [String: SchemaLocation] = [:]
    var recursiveAnchor = false
    /// Numbers the resources of a registry (and of the registries copied from it) from 0, so that a
    /// compiler keeps what it made of each in an array instead of a table keyed by object identity.
    let number: Int

    init(base: String, location: SchemaLocation, dialect: DialectContext, number: Int) {
        self.base = base
        self.baseReference = URIReference(parsing: base)
        self.location = location
        self.dialect = dialect
        self.number = number
    }
}

/// What indexing learned about one subschema location.
struct LocationInfo: Sendable {
    let resource: SchemaResource
    let dialect: DialectContext
}
