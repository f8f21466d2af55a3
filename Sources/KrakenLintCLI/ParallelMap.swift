import Foundation

/// Results gathered from concurrent work into their input order.
private final class OrderedResults<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Element) { lock.withLock { slots[index] = value } }
    var values: [Element] { lock.withLock { slots.compactMap { $0 } } }
}

extension Array where Element: Sendable {
    /// `map` run on all cores; the result keeps the input order.
    func parallelMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let results = OrderedResults<Result>(count: count)
        let items = self
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values
    }
}
