import Foundation
@testable import KrakenLintCLI
import XCTest

/// The process's variables read one at a time must be what the whole environment holds.
final class EnvironmentVariablesTests: XCTestCase {
    func testTheProcessVariablesAreReadOneAtATimeAsTheyAre() throws {
        let whole = ProcessInfo.processInfo.environment
        XCTAssertFalse(whole.isEmpty)
        for (name, value) in whole {
            XCTAssertEqual(EnvironmentVariables.process[name], value, name)
        }
        XCTAssertNil(EnvironmentVariables.process["KRAKENLINT_TEST_\(UUID().uuidString.replacingOccurrences(of: "-", with: "_"))"])
        XCTAssertEqual(EnvironmentVariables.process.all, whole)
    }

    func testGivenVariablesAreExactlyThose() {
        let given = EnvironmentVariables(["FC_ENABLE": "1", "EMPTY": ""])
        XCTAssertEqual(given["FC_ENABLE"], "1")
        XCTAssertEqual(given["EMPTY"], "")
        XCTAssertNil(given["PATH"], "a test's variables do not fall back to the process's")
        XCTAssertEqual(given.all, ["FC_ENABLE": "1", "EMPTY": ""])
    }

    func testTheProcessIOReadsTheProcessVariables() throws {
        let path = try XCTUnwrap(ProcessInfo.processInfo.environment["PATH"])
        XCTAssertEqual(CommandIO.process.environment["PATH"], path)
    }
}
