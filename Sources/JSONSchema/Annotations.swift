/// What the keywords applied to one instance value have evaluated, for `unevaluatedProperties`
/// and `unevaluatedItems`. Only gathered below a schema that has one of those keywords.
final class Annotations {
    var allProperties = false
    /// Indices into the instance's effective members.
    var properties = Set<Int>()
    var allItems = false
    /// Items `0..<itemsPrefix` were evaluated.
    var itemsPrefix = 0
    /// Items matched by `contains`.
    var containsMatches = Set<Int>()

    func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        properties.formUnion(other.properties)
        allItems = allItems || other.allItems
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        containsMatches.formUnion(other.containsMatches)
    }
}
