import ConfigTree
import Foundation

/// Runs deep validations on a thread with a large stack, so nesting up to `maxDepth` cannot
/// overflow the caller's stack (which may be a small secondary or task thread).
enum DeepStack {
    /// Instances at most this deep are validated on the calling thread.
    static let inlineDepth = 12
    static let stackSize = 512 << 20

    /// True when `node` nests deeper than `limit` (walks at most until it finds out).
    static func exceeds(_ node: Node, _ limit: Int) -> Bool {
        var stack: [(Node, Int)] = [(node, 0)]
        while let (current, depth) = stack.popLast() {
            switch current.value {
            case .object(let members):
                guard !members.isEmpty else { continue }
                if depth + 1 > limit { return true }
                for member in members where member.value.isObject || member.value.elements != nil { stack.append((member.value, depth + 1)) }
            case .array(let elements):
                guard !elements.isEmpty else { continue }
                if depth + 1 > limit { return true }
                for element in elements where element.isObject || element.elements != nil { stack.append((element, depth + 1)) }
            default:
                continue
            }
        }
        return false
    }

    /// Runs `body` here when the instance is shallow, else on a fresh thread with a large stack.
    static func run<T>(for instance: Node, _ body: @escaping () -> T) -> T {
        guard exceeds(instance, inlineDepth) else { return body() }
        let box = ResultBox<T>(body)
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
