import Foundation
import KrakenLintCLI

exit(KrakenLintCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
