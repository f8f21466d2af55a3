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

extension Concurrently {
    /// `transform` applied to every item at the same time (the first on the calling thread), in order.
    static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = items.dropFirst().map { _ in ResultSlot<Result>() }
        let group = DispatchGroup()
        for (item, slot) in zip(items.dropFirst(), slots) {
            DispatchQueue.global().async(group: group) { slot.value = transform(item) }
        }
        let first = transform(items[0])
        group.wait()
        return [first] + slots.map { slot in
            guard let value = slot.value else { preconditionFailure("a piece of work finished without a result") }
            return value
        }
    }
}

/// A result of work done on another thread: written once there before `group.wait()` returns (which
/// orders the write before the read).
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}
