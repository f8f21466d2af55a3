@testable import KrakenLintCLI
import XCTest

/// `--color auto` colors only a terminal, and never when NO_COLOR is set to something or TERM is dumb.
final class ColorChoiceTests: XCTestCase {
    private func io(terminal: Bool, _ environment: [String: String] = [:]) -> CommandIO {
        CommandIO(stdout: { _ in }, stderr: { _ in }, environment: environment, stdoutIsTerminal: terminal)
    }

    func testAutoFollowsTheTerminalAndTheEnvironment() {
        XCTAssertTrue(ColorChoice.auto.enabled(io: io(terminal: true)))
        XCTAssertFalse(ColorChoice.auto.enabled(io: io(terminal: false)))
        XCTAssertFalse(ColorChoice.auto.enabled(io: io(terminal: true, ["NO_COLOR": "1"])))
        XCTAssertTrue(ColorChoice.auto.enabled(io: io(terminal: true, ["NO_COLOR": ""])), "an empty NO_COLOR does not count")
        XCTAssertFalse(ColorChoice.auto.enabled(io: io(terminal: true, ["TERM": "dumb"])))
    }

    func testAlwaysAndNeverIgnoreTheEnvironment() {
        XCTAssertTrue(ColorChoice.always.enabled(io: io(terminal: false, ["NO_COLOR": "1"])))
        XCTAssertFalse(ColorChoice.never.enabled(io: io(terminal: true)))
    }
}
