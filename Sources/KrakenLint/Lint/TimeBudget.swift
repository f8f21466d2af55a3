import ConfigTree
import Foundation

extension Linter {
    /// Lints `file`, but gives up waiting after `budget`: a file that takes longer gets one `limit` error at its
    /// start and no tree (so it counts as unreadable, exit 2), instead of holding the whole run.
    ///
    /// The abandoned lint is not interrupted (Swift cannot stop a thread); it finishes on its own thread and its
    /// result is dropped. The command line exits once every file is reported, so the work ends with the process.
    public func lint(_ file: SourceFile, timeBudget budget: Duration) -> FileReport {
        let outcome = BudgetedResult<FileReport>()
        let linter = self
        let thread = Thread { outcome.finish(linter.lint(file)) }
        thread.stackSize = 16 << 20
        thread.start()
        if let report = outcome.wait(for: budget) { return report }
        return Self.overBudget(file, budget: budget)
    }

    /// The report of a file that did not finish within the time budget.
    static func overBudget(_ file: SourceFile, budget: Duration) -> FileReport {
        let issue = LoadIssue(
            code: .limit,
            message: "checking this file took more than the time budget of \(Self.describe(budget)); it was stopped and not checked",
            span: Span(at: 0),
            hint: "raise the budget with --time-budget SECONDS if the file is meant to be this large")
        return FileReport(file: file, root: nil, diagnostics: [diagnostic(from: issue)], secrets: SecretCatalog.secrets(inUnreadable: file))
    }

    static func describe(_ budget: Duration) -> String {
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
