import ConfigTree

/// Runs validations so nesting up to `maxDepth` cannot overflow the stack: first on the calling
/// thread with a small depth allowance; an instance deeper than that is validated again on a fresh
/// thread with a large stack, which has ended when `run` returns.
enum DeepStack {
    /// Instance depth validated on the calling thread (which may be a small secondary or task thread).
    static let inlineDepth = 24
    static let stackSize = 512 << 20

    static func run<T>(_ body: @escaping (_ inlineDepthLimit: Int) -> (result: T, needsDeepStack: Bool)) -> T {
        let first = body(inlineDepth)
        guard first.needsDeepStack else { return first.result }
        // Should the system refuse a thread, the shallow evaluation's answer stands.
        return JoinedThread.run(stackSize: stackSize) { body(Int.max).result } ?? first.result
    }
}
