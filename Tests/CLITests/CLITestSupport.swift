import Foundation
import KrakenLintCLI
import TestPeers

/// Runs the CLI in-process and captures what it prints.
struct CLIRun {
    let status: Int32
    let stdout: String
    let stderr: String
}

final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func append(_ more: String) { lock.withLock { text += more } }
    var value: String { lock.withLock { text } }
}

func runCLI(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) -> CLIRun {
    let out = Capture(), err = Capture()
    let input = Array(stdin.utf8)
    let io = CommandIO(stdout: { out.append($0) }, stderr: { err.append($0) }, stdin: { input }, environment: environment)
    let status = KrakenLintCommand.run(arguments, io: io)
    return CLIRun(status: status, stdout: out.value, stderr: err.value)
}

/// The package root, found from this file's location.
let packageRoot: URL = TestPeers.packageRoot
