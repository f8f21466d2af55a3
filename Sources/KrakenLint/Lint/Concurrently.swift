import Dispatch
import Foundation

/// Two independent pieces of work run at the same time, on two cores when there are two free.
///
/// The second piece goes to a global queue while the calling thread runs the first, then waits for it.
/// Unlike `DispatchQueue.concurrentPerform`, which runs nested calls one after the other, this keeps
/// its parallelism when called from inside other parallel work (one job per file, then schema beside
/// rules, then rule groups beside each other). A blocked waiter cannot starve the pool: libdispatch adds
/// a worker when the ones it has are blocked.
public enum Concurrently {
    public static func both<First: Sendable, Second: Sendable>(
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
    /// `both(first, second)` when `inParallel`, else the two one after the other on the calling thread
    /// (for work too small to be worth a second thread).
    public static func both<First: Sendable, Second: Sendable>(
        inParallel: Bool, _ first: @Sendable () -> First, _ second: @escaping @Sendable () -> Second
    ) -> (First, Second) {
        guard inParallel else { return (first(), second()) }
        return both(first, second)
    }

    /// `map(items, transform)` when `inParallel`, else in order on the calling thread.
    public static func map<Item: Sendable, Result: Sendable>(
        inParallel: Bool, _ items: [Item], _ transform: @escaping @Sendable (Item) -> Result
    ) -> [Result] {
        guard inParallel else { return items.map(transform) }
        return map(items, transform)
    }

    /// `transform` applied to every item, in order, on at most as many threads as there are cores: the
    /// calling thread and helpers on a global queue take the next item until none is left. It serves the
    /// CLI's one job per file and the linter's rule groups alike, and keeps its parallelism when nested
    /// (unlike `DispatchQueue.concurrentPerform`), while never holding more items in flight than cores.
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @escaping @Sendable (Item) -> Result) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = items.map { _ in ResultSlot<Result>() }
        let next = NextIndex(count: items.count)
        let work: @Sendable () -> Void = {
            while let index = next.take() { slots[index].value = transform(items[index]) }
        }
        let group = DispatchGroup()
        let helpers = min(items.count, max(2, ProcessInfo.processInfo.activeProcessorCount)) - 1
        for _ in 0..<helpers { DispatchQueue.global().async(group: group, execute: work) }
        work()
        group.wait()
        return slots.map { slot in
            guard let value = slot.value else { preconditionFailure("a piece of work finished without a result") }
            return value
        }
    }
}

/// The next item to work on, handed out once each.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// A result of work done on another thread: written once there before `group.wait()` returns (which
/// orders the write before the read).
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}
