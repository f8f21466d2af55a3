import Dispatch

/// Two independent pieces of work run at the same time, on two cores when there are two free.
///
/// `DispatchQueue.concurrentPerform` runs one piece on the calling thread and lends the other to the
/// pool; called from inside another `concurrentPerform` (one job per file) it still cannot deadlock, it
/// only runs the pieces one after the other when every core is busy.
enum Concurrently {
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let results = Pair<First, Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { results.first = first() } else { results.second = second() }
        }
        guard let one = results.first, let two = results.second else {
            preconditionFailure("concurrentPerform returned before both pieces of work finished")
        }
        return (one, two)
    }
}

/// Two result slots, each written by exactly one of the two pieces of work before `concurrentPerform`
/// returns (which orders the writes before the reads).
private final class Pair<First, Second>: @unchecked Sendable {
    var first: First?
    var second: Second?
}
