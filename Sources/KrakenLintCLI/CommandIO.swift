import Foundation

/// Where a command reads and writes, injected so the whole CLI runs in-process in tests.
public final class CommandIO: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeOutBytes: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)?
    private let writeErr: @Sendable (String) -> Void
    /// Reads all of standard input.
    public let readStandardInput: @Sendable () -> [UInt8]
    /// The environment variables the command sees.
    public let environment: EnvironmentVariables
    /// Whether standard output is a terminal (for `--color auto`).
    public let stdoutIsTerminal: Bool
    public let currentDirectory: String
    /// Whether the process exits as soon as the command returns (the real binary, not a test): then the
    /// command may leave its large results (parsed trees) to the operating system instead of freeing them.
    public let exitsAfterCommand: Bool

    public convenience init(
        stdout: @escaping @Sendable (String) -> Void,
        stderr: @escaping @Sendable (String) -> Void,
        stdin: @escaping @Sendable () -> [UInt8] = { [] },
        stdoutBytes: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)? = nil,
        environment: [String: String] = [:],
        stdoutIsTerminal: Bool = false,
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        exitsAfterCommand: Bool = false
    ) {
        self.init(
            stdout: stdout, stderr: stderr, stdin: stdin, stdoutBytes: stdoutBytes, variables: EnvironmentVariables(environment),
            stdoutIsTerminal: stdoutIsTerminal, currentDirectory: currentDirectory, exitsAfterCommand: exitsAfterCommand)
    }

    private init(
        stdout: @escaping @Sendable (String) -> Void, stderr: @escaping @Sendable (String) -> Void,
        stdin: @escaping @Sendable () -> [UInt8], stdoutBytes: (@Sendable (UnsafeBufferPointer<UInt8>) -> Void)?, variables: EnvironmentVariables,
        stdoutIsTerminal: Bool, currentDirectory: String, exitsAfterCommand: Bool
    ) {
        self.writeOut = stdout
        self.writeOutBytes = stdoutBytes
        self.writeErr = stderr
        self.readStandardInput = stdin
        self.environment = variables
        self.stdoutIsTerminal = stdoutIsTerminal
        self.currentDirectory = currentDirectory
        self.exitsAfterCommand = exitsAfterCommand
    }

    public func out(_ text: String) { lock.withLock { writeOut(text) } }

    /// Writes bytes to standard output as they are, valid UTF-8 or not (a rendered configuration keeps
    /// every byte its templates and partials gave it). Without a byte writer, they go through ``out(_:)``.
    public func out(bytes: [UInt8]) {
        lock.withLock {
            if let writeOutBytes { bytes.withUnsafeBufferPointer(writeOutBytes) } else { writeOut(String(decoding: bytes, as: UTF8.self)) }
        }
    }

    /// Writes the pieces of UTF-8 text that `write` emits (`Reporter.write(_:to:)`) to standard output as they
    /// come; without a byte writer (tests), as the one string they make.
    public func out(streaming write: (_ emit: (UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        lock.withLock {
            if let writeOutBytes {
                write { part in if !part.isEmpty { writeOutBytes(part) } }
            } else {
                var text: [UInt8] = []
                write { text.append(contentsOf: $0) }
                writeOut(String(decoding: text, as: UTF8.self))
            }
        }
    }

    public func err(_ text: String) { lock.withLock { writeErr(text) } }

    /// Keeps `value` alive until the process exits when it exits right after this command: freeing a
    /// tree of a million nodes takes tens of milliseconds that the operating system does for free.
    public func leaveToProcessExit<Value: AnyObject>(_ value: Value) {
        guard exitsAfterCommand else { return }
        _ = Unmanaged.passRetained(value)
    }

    /// The process's real standard streams and environment.
    public static var process: CommandIO {
        CommandIO(
            stdout: { text in write(text, to: FileHandle.standardOutput) },
            stderr: { text in write(text, to: FileHandle.standardError) },
            stdin: { Array(FileHandle.standardInput.readDataToEndOfFile()) },
            stdoutBytes: { bytes in write(bytes, to: FileHandle.standardOutput) },
            variables: .process,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            currentDirectory: FileManager.default.currentDirectoryPath,
            exitsAfterCommand: true
        )
    }

    /// Writes `bytes` from where they are, without copying them into a `Data` first.
    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to handle: FileHandle) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        handle.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
    }

    /// Writes the UTF-8 of `text` from the string's own storage: a report of several megabytes is not copied
    /// into a `Data` first.
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            handle.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
    }
}
