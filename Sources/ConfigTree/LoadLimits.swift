/// Bounds on every input, so hostile or broken files produce an error instead of a crash or a hang.
public struct LoadLimits: Sendable {
    /// Largest file accepted, in bytes.
    public var maxFileSize: Int
    /// Deepest nesting of objects and arrays.
    public var maxDepth: Int
    /// Longest object key, in bytes.
    public var maxKeyLength: Int
    /// Most nodes a YAML document may expand to through aliases (alias-bomb guard).
    public var maxYAMLNodes: Int
    /// Most values (objects, arrays and scalars, keys not counted) a JSON document may hold: bounds the tree's
    /// memory, which a file of tiny values (`[0,0,0,…]`) makes about 35 times the file's size.
    public var maxJSONNodes: Int

    public init(
        maxFileSize: Int = 64 << 20, maxDepth: Int = 1000, maxKeyLength: Int = 4096, maxYAMLNodes: Int = 2_000_000,
        maxJSONNodes: Int = 4_000_000
    ) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxKeyLength = maxKeyLength
        self.maxYAMLNodes = maxYAMLNodes
        self.maxJSONNodes = maxJSONNodes
    }

    public static let `default` = LoadLimits()
}
