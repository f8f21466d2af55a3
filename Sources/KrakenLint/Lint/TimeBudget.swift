import ConfigTree
import Findings
import Foundation

/// A bound on the time one file may take: the work runs on its own thread and the caller waits at most the
/// budget. A file that takes longer gets one `limit` error at its start and counts as unreadable (exit 2),
/// instead of holding the whole run.
///
/// The abandoned work is not interrupted (Swift cannot stop a thread); it finishes on its own thread and its
/// result is dropped. The command line exits once every file is reported, so the work ends with the process.
public enum TimeBudget {
    /// The result of `work`, or nil when it did not finish within `budget`.
    public static func run<Value>(_ budget: Duration, _ work: @escaping @Sendable () -> Value) -> Value? {
        let outcome = BudgetedResult<Value>()
        BudgetWorkers.shared.run { outcome.finish(work()) }
        return outcome.wait(for: budget)
    }

    /// The report of a file that did not finish within the time budget.
    public static func overBudget(_ file: SourceFile, budget: Duration) -> Report {
        let issue = LoadIssue(
            code: .limit,
            message: "checking this file took more than the time budget of \(describe(budget)); it was stopped and not checked",
            span: Span(at: 0),
            hint: "raise the budget with --time-budget SECONDS if the file is meant to be this large")
        return Report(file: file, findings: [Finding(issue)], secrets: SecretCatalog.secrets(inUnreadable: file), isReadable: false)
    }

    /// The budget as people write it: `30 s`, `0.5 s`.
    public static func describe(_ budget: Duration) -> String {
        let seconds = Double(budget.components.seconds) + Double(budget.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// The threads that run budgeted work, kept once started: a run over a hundred files took a hundred thread
/// creations (each with its large stack mapped and unmapped) where it needs as many threads as files in
/// flight. Work that runs over its budget keeps its thread until it ends, and a new thread serves meanwhile.
private final class BudgetWorkers: @unchecked Sendable {
    static let shared = BudgetWorkers()

    private let lock = NSLock()
    private var idle: [BudgetWorker] = []

    /// Runs `work` on an idle thread, or on a new one when none is idle.
    func run(_ work: @escaping @Sendable () -> Void) {
        let worker = lock.withLock { idle.popLast() } ?? BudgetWorker(pool: self)
        worker.run(work)
    }

    fileprivate func finished(_ worker: BudgetWorker) { lock.withLock { idle.append(worker) } }
}

/// One thread of `BudgetWorkers`, with the stack deep inputs need, that runs one piece of work at a time.
private final class BudgetWorker: @unchecked Sendable {
    private let given = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var work: (@Sendable () -> Void)?

    init(pool: BudgetWorkers) {
        let thread = Thread { [pool, self] in
            while true {
                self.given.wait()
                guard let work = self.lock.withLock({ self.work.take() }) else { continue }
                work()
                pool.finished(self)
            }
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    func run(_ work: @escaping @Sendable () -> Void) {
        lock.withLock { self.work = work }
        given.signal()
    }
}

/// A result handed from the worker thread to the waiting one.
private final class BudgetedResult<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Value?

    func finish(_ result: Value) {
        lock.withLock { value = result }
        done.signal()
    }

    func wait(for budget: Duration) -> Value? {
        let nanoseconds = budget.components.seconds * 1_000_000_000 + budget.components.attoseconds / 1_000_000_000
        guard done.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds))) == .success else { return nil }
        return lock.withLock { value }
    }
}
