import Foundation

/// Many findings rendered in slices on all cores, the slices' texts kept in order: each finding's text
/// depends on nothing but itself (an audit of a large configuration has tens of thousands).
enum Slices {
    /// Below this many findings per core, one thread renders them all.
    static let itemsPerSlice = 1_000

    /// `render` of consecutive ranges covering `0..<count`, in order; one range when `count` is small.
    static func render<Text: Sendable>(_ count: Int, _ render: @Sendable (Range<Int>) -> Text) -> [Text] {
        let slices = count < itemsPerSlice ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, count / itemsPerSlice)
        guard slices > 1 else { return [render(0..<count)] }
        let parts = RenderedParts<Text>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { index in
            parts.store(render(count * index / slices ..< count * (index + 1) / slices), at: index)
        }
        return parts.all
    }
}

/// The texts of the slices rendered at the same time, each written once by its own thread.
private final class RenderedParts<Text: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [Text?]

    init(count: Int) { texts = Array(repeating: nil, count: count) }

    func store(_ text: Text, at index: Int) { lock.withLock { texts[index] = text } }

    var all: [Text] { lock.withLock { texts.map { $0! } } }
}
