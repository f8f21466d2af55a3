import Foundation

/// Where a command reads and writes, injected so the whole CLI runs in-process in tests.
public final class CommandIO: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeErr: @Sendable (String) -> Void
    /// Reads all of standard input.
    public let readStandardInput: @Sendable () -> [UInt8]
    public let environment: [String: String]
    /// Whether standard output is a terminal (for `--color auto`).
    public let stdoutIsTerminal: Bool
    public let currentDirectory: String

    public init(
        stdout: @escaping @Sendable (String) -> Void,
        stderr: @escaping @Sendable (String) -> Void,
        stdin: @escaping @Sendable () -> [UInt8] = { [] },
        environment: [String: String] = [:],
        stdoutIsTerminal: Bool = false,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.writeOut = stdout
        self.writeErr = stderr
        self.readStandardInput = stdin
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.currentDirectory = currentDirectory
    }

    public func out(_ text: String) { lock.withLock { writeOut(text) } }
    public func err(_ text: String) { lock.withLock { writeErr(text) } }

    /// The process's real standard streams and environment.
    public static var process: CommandIO {
        CommandIO(
            stdout: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            stderr: { text in FileHandle.standardError.write(Data(text.utf8)) },
            stdin: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            environment: ProcessInfo.processInfo.environment,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1
        )
    }
}
