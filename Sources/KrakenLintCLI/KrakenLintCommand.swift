import ArgumentParser

/// The version printed by `--version` and in machine-readable output.
public let krakenlintVersion = "0.1.0"

/// A subcommand that runs with injected I/O and returns its exit status.
protocol IOCommand: ParsableCommand {
    func run(io: CommandIO) throws -> ExitStatus
}

/// `krakenlint`: the root command.
public struct KrakenLintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "krakenlint",
        abstract: "Lint KrakenD configurations and smoke-test their NTLM credentials.",
        version: krakenlintVersion,
        subcommands: [
            LintCommand.self, AuditCommand.self, RenderCommand.self, ProbeCommand.self, RulesCommand.self, ExplainCommand.self,
            ValidateCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: LintCommand.self
    )

    public init() {}

    /// Parses `arguments` (without the program name), runs the command, and returns the exit code.
    public static func run(_ arguments: [String], io: CommandIO) -> Int32 {
        do {
            if let request = LintRequest(plainArguments: arguments) {
                return try request.run(io: io).rawValue
            }
            var command = try parseAsRoot(arguments)
            guard let runnable = command as? any IOCommand else {
                try command.run()
                return ExitStatus.success.rawValue
            }
            return try runnable.run(io: io).rawValue
        } catch let error as UsageError {
            io.err("krakenlint: \(error.description)\n")
            return ExitStatus.usage.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { io.out(message + "\n") }
                return ExitStatus.success.rawValue
            }
            if !message.isEmpty { io.err(message + "\n") }
            // swift-argument-parser's usage exit (64) and validation failures become 2.
            if code == .validationFailure || code.rawValue == 64 { return ExitStatus.usage.rawValue }
            return code == .failure ? ExitStatus.usage.rawValue : ExitStatus.internalError.rawValue
        }
    }
}
