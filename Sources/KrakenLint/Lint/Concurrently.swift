import Dispatch

/// Two independent pieces of work run at the same time, on two cores when there are two free.
///
/// The second piece goes to a global queue while the calling thread runs the first, then waits for it.
/// Unlike `DispatchQueue.concurrentPerform`, which runs nested calls one after the other, this keeps
/// its parallelism when called from inside other parallel work (one job per file, then schema beside
/// rules, then rule groups beside each other). A blocked waiter cannot starve the pool: libdispatch adds
/// a worker when the ones it has are blocked.
enum Concurrently {
    static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @escaping @Sendable () -> Second
    ) -> (First, Second) {
        let slot = ResultSlot<Second>()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { slot.value = second() }
        let one = first()
        group.wait()
        guard let two = slot.value else { preconditionFailure("the second piece of work finished without a result") }
        return (one, two)
    }
}

/// The second piece's result: written once on its thread before `group.wait()` returns (which orders the
/// write before the read).
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}
