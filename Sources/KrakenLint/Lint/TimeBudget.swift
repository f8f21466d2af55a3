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
        let thread = Thread { outcome.finish(work()) }
        thread.stackSize = 16 << 20
        thread.start()
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
