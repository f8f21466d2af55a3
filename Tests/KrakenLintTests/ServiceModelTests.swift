import ConfigTree
@testable import KrakenLint
import XCTest

final class ServiceModelTests: XCTestCase {
    func testALargeConfigurationIsModelledInOrderWithTruePointers() throws {
        let count = 613
        var endpoints: [String] = []
        for index in 0..<count {
            // Every seventh item is not an object: it gets no view, and the indexes of the others stay true.
            endpoints.append(index % 7 == 3 ? "42" : #"{"endpoint": "/e\#(index)", "backend": [{"host": ["http://h\#(index)"], "url_pattern": "/"}]}"#)
        }
        let text = #"{"version": 3, "endpoints": [\#(endpoints.joined(separator: ","))]}"#
        let root = try XCTUnwrap(ConfigLoader.load(SourceFile(path: "big.json", format: .json, text: text)).root)
        let service = ServiceModel().service(root)
        let expected = (0..<count).filter { $0 % 7 != 3 }
        XCTAssertEqual(service.endpoints.map(\.index), expected)
        XCTAssertEqual(service.endpoints.map(\.path), expected.map { "/e\($0)" })
        let last = try XCTUnwrap(expected.last)
        XCTAssertEqual(service.endpoints.last?.pointer.description, "/endpoints/\(last)")
        XCTAssertEqual(service.endpoints.last?.backends.first?.hosts.first?.pointer.description, "/endpoints/\(last)/backend/0/host/0")
    }
}
