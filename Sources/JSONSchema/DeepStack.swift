import Foundation

/// Runs validations so nesting up to `maxDepth` cannot overflow the stack: first on the calling
/// thread with a small depth allowance; an instance deeper than that is validated again on a fresh
/// thread with a large stack.
enum DeepStack {
    /// Instance depth validated on the calling thread (which may be a small secondary or task thread).
    static let inlineDepth = 24
    static let stackSize = 512 << 20

    static func run<T>(_ body: @escaping (_ inlineDepthLimit: Int) -> (result: T, needsDeepStack: Bool)) -> T {
        let first = body(inlineDepth)
        guard first.needsDeepStack else { return first.result }
        let box = ResultBox<T>({ body(Int.max).result })
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [box] in
            box.run()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        return box.result!
    }

    private final class ResultBox<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func run() { result = body() }
    }
}
