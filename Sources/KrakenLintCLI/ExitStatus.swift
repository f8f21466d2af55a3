/// The exit-code contract shared by every command.
public enum ExitStatus: Int32, Sendable {
    /// Nothing at or above the fail level (lint); every target authenticated (probe).
    case success = 0
    /// Findings at or above the fail level (lint); a target failed (probe); an instance invalid (validate).
    case findings = 1
    /// Usage error, unreadable file, unusable schema.
    case usage = 2
    /// A bug in krakenlint.
    case internalError = 3
}

/// An error that ends a command with a message on standard error and the usage exit code.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
