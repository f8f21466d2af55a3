/// What a `missingkey` option does when a map has no entry for a field (Go's `Option("missingkey=…")`).
public enum MissingKeyPolicy: Sendable, Equatable {
    /// Go's default (`missingkey=default`, `invalid`): the result is "no value", printed `<no value>`.
    case `default`
    /// The zero value of the map's element type (for `map[string]interface{}` still printed `<no value>`).
    case zero
    /// Execution stops with `map has no entry for key "x"`.
    case error
}

/// Settings and bounds of one execution.
public struct ExecutionOptions: Sendable {
    /// Handed to every function the template calls.
    public var context: FunctionContext
    /// The deepest chain of `template` calls (Go's 100000). A thread whose native stack runs short first
    /// stops earlier with a `.limit` error.
    public var maximumDepth: Int
    /// The largest output, in bytes.
    public var maximumOutputBytes: Int
    /// The most `range` iterations one execution may run in total, so that `range` over a huge integer
    /// with an empty body ends.
    public var maximumRangeIterations: Int
    /// Whether to record where each output byte came from (``RenderResult/sourceMap``).
    public var recordSourceMap: Bool
    public var missingKey: MissingKeyPolicy

    public init(
        context: FunctionContext = .init(), maximumDepth: Int = 100_000, maximumOutputBytes: Int = 64 << 20,
        maximumRangeIterations: Int = 10_000_000, recordSourceMap: Bool = false, missingKey: MissingKeyPolicy = .default
    ) {
        self.context = context
        self.maximumDepth = maximumDepth
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumRangeIterations = maximumRangeIterations
        self.recordSourceMap = recordSourceMap
        self.missingKey = missingKey
    }
}

/// The output of an execution and, when asked for, its source map.
public struct RenderResult: Sendable {
    public let output: [UInt8]
    public let sourceMap: SourceMap?

    /// The output as a string (invalid UTF-8 is replaced).
    public var text: String { String(decoding: output, as: UTF8.self) }
}
