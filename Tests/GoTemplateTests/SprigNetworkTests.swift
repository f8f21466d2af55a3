@testable import GoTemplate
import XCTest

final class SprigNetworkTests: XCTestCase {
    /// `localhost` resolves from the hosts file, with no network traffic.
    func testGetHostByNameOfLocalhost() throws {
        let function = try XCTUnwrap(SprigNetwork.functions["getHostByName"])
        XCTAssertFalse(function.isDeterministic)
        let address = stringResult(try function.body([.string("localhost")], FunctionContext()))
        XCTAssertTrue(["127.0.0.1", "::1"].contains(address), address)
    }

    func testNoAddressFailsAsSprigPanics() {
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(SprigNetwork.functions, "getHostByName", .string("")) },
            "invalid argument to Intn")
    }
}
