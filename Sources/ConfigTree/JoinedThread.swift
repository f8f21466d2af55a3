#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a fresh thread with a stack of a chosen size and waits for that thread to end.
///
/// Deep recursion (nested templates, deeply nested instances) needs more stack than a caller's thread may
/// have. Foundation's `Thread` frees its closure only after the thread has exited, which can be after a
/// waiting caller has already returned; LeakSanitizer then sees everything the closure held as leaked, and
/// a process that does this for many inputs keeps memory it no longer needs. Joining the thread means that
/// when `run` returns, the thread and everything it held are gone.
public enum JoinedThread {
    /// Runs `body` on a new thread whose stack is at least `stackSize` bytes, and returns its result once
    /// the thread has ended. Nil when the system refuses to start a thread.
    public static func run<Result>(stackSize: Int, _ body: @escaping () -> Result) -> Result? {
        let work = Work(body)
        guard startAndJoin(work, stackSize: stackSize) else { return nil }
        return work.result
    }

    /// Starts a thread that performs `work` and waits for it to end; false when no thread could be started.
    private static func startAndJoin(_ work: WorkItem, stackSize: Int) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let pageRounded = (max(stackSize, 64 << 10) + 4095) & ~4095
        pthread_attr_setstacksize(&attributes, pageRounded)
        // The thread borrows `work`: the caller keeps it alive until the join has returned.
        let context = Unmanaged.passUnretained(work).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<WorkItem>.fromOpaque(raw).takeUnretainedValue().perform()
            return nil
        }, context)
        guard started == 0, let thread else { return false }
        #else
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<WorkItem>.fromOpaque(raw!).takeUnretainedValue().perform()
            return nil
        }, context)
        guard started == 0 else { return false }
        #endif
        pthread_join(thread, nil)
        return true
    }

    /// What the thread performs; the join orders the caller's and the thread's accesses.
    private class WorkItem: @unchecked Sendable {
        func perform() {}
    }

    /// The body and its result.
    private final class Work<Result>: WorkItem, @unchecked Sendable {
        private let body: () -> Result
        private(set) var result: Result?
        init(_ body: @escaping () -> Result) { self.body = body }
        override func perform() { result = body() }
    }
}
