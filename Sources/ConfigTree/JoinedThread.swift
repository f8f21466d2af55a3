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
        start(stackSize: stackSize, body)?.join()
    }

    /// Starts `body` on a new thread whose stack is at least `stackSize` bytes and returns at once; nil when
    /// the system refuses to start a thread. The caller keeps working and calls `join()` for the result.
    static func start<Result>(stackSize: Int, _ body: @escaping () -> Result) -> Running<Result>? {
        let work = Work(body)
        guard let thread = startThread(performing: work, stackSize: stackSize) else { return nil }
        return Running(work: work, thread: thread)
    }

    /// A thread started by `start`. It is joined by `join()`, or at the latest when this is released, so what
    /// the work borrows must outlive this value.
    final class Running<Result> {
        private let work: Work<Result>
        private let thread: pthread_t
        private var joined = false

        fileprivate init(work: Work<Result>, thread: pthread_t) {
            self.work = work
            self.thread = thread
        }

        /// Waits for the thread to end and returns what the work returned.
        func join() -> Result {
            if !joined {
                pthread_join(thread, nil)
                joined = true
            }
            guard let result = work.result else { preconditionFailure("a joined thread left no result") }
            return result
        }

        deinit {
            if !joined { pthread_join(thread, nil) }
        }
    }

    /// Starts a thread that performs `work`; nil when no thread could be started. The thread borrows `work`:
    /// the caller keeps it alive until the thread has been joined.
    private static func startThread(performing work: WorkItem, stackSize: Int) -> pthread_t? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        let pageRounded = (max(stackSize, 64 << 10) + 4095) & ~4095
        pthread_attr_setstacksize(&attributes, pageRounded)
        let context = Unmanaged.passUnretained(work).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<WorkItem>.fromOpaque(raw).takeUnretainedValue().perform()
            return nil
        }, context)
        guard started == 0, let thread else { return nil }
        return thread
        #else
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, { raw in
            Unmanaged<WorkItem>.fromOpaque(raw!).takeUnretainedValue().perform()
            return nil
        }, context)
        guard started == 0 else { return nil }
        return thread
        #endif
    }

    /// What the thread performs; the join orders the caller's and the thread's accesses.
    fileprivate class WorkItem: @unchecked Sendable {
        func perform() {}
    }

    /// The body and its result.
    fileprivate final class Work<Result>: WorkItem, @unchecked Sendable {
        private let body: () -> Result
        private(set) var result: Result?
        init(_ body: @escaping () -> Result) { self.body = body }
        override func perform() { result = body() }
    }
}
