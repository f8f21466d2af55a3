#if os(Linux)
import Synchronization

/// Whether a `SchemaNode`'s keywords are filled: written once, under the lazy compiler's lock, after the
/// keywords; read by every validation before it reads them. The release store and acquiring load make
/// the filled keywords visible to a thread that sees the flag set.
struct CompileState: ~Copyable {
    private let filled = Atomic<Bool>(false)

    var isFilled: Bool { filled.load(ordering: .acquiring) }

    func markFilled() { filled.store(true, ordering: .releasing) }
}
#else
import Foundation

/// Whether a `SchemaNode`'s keywords are filled. Where the `Synchronization` module needs a newer system
/// than the package's minimum (macOS 13), a lock orders the flag with the keywords instead of an atomic.
struct CompileState: ~Copyable {
    private final class Flag: @unchecked Sendable {
        let lock = NSLock()
        var filled = false
    }

    private let flag = Flag()

    var isFilled: Bool { flag.lock.withLock { flag.filled } }

    func markFilled() { flag.lock.withLock { flag.filled = true } }
}
#endif
