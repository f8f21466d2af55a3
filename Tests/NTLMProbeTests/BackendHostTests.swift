import NTLMProbe
import XCTest

final class BackendHostTests: XCTestCase {
    func testSchemeDefaultsToHTTPLikeKrakenDsSanitizer() throws {
        let host = try BackendHost.parse("backend.local:8080").get()
        XCTAssertEqual(host.scheme, .http)
        XCTAssertEqual(host.host, "backend.local")
        XCTAssertEqual(host.port, 8080)
    }

    func testHTTPSUses443AndATrailingSlashIsDropped() throws {
        let host = try BackendHost.parse("https://erp.example.com/").get()
        XCTAssertEqual(host.scheme, .https)
        XCTAssertEqual(host.port, 443)
        XCTAssertEqual(host.basePath, "")
        XCTAssertEqual(host.url(path: "/api/x").description, "https://erp.example.com/api/x")
    }

    func testTheURLPatternGetsExactlyOneLeadingSlash() throws {
        let host = try BackendHost.parse("http://h:81").get()
        XCTAssertEqual(host.url(path: "users").description, "http://h:81/users")
        XCTAssertEqual(host.url(path: "/users").description, "http://h:81/users")
        XCTAssertEqual(host.url(path: "//users").description, "http://h:81//users")
    }

    func testRequestTargetsCannotCarryControlCharactersOrSpaces() throws {
        let host = try BackendHost.parse("http://h").get()
        XCTAssertEqual(host.url(path: "/a b\r\nX: y").requestTarget, "/a%20b%0D%0AX:%20y")
    }

    func testIPv6LiteralsAreBracketedInTheAuthority() throws {
        let host = try BackendHost.parse("http://[::1]:8080").get()
        XCTAssertEqual(host.url(path: "/").description, "http://[::1]:8080/")
    }

    func testUnusableHostsAreRejectedWithAReason() {
        let cases = [
            ("consul://svc", "scheme"), ("http://", "no host name"), ("http://h:0", "port"),
            ("http://h:70000", "port"), ("http://user:pass@h", "user information"), ("", "no host name"),
        ]
        for (entry, expected) in cases {
            switch BackendHost.parse(entry) {
            case .success(let host): XCTFail("\(entry) parsed as \(host)")
            case .failure(let problem): XCTAssertTrue(problem.message.contains(expected), "\(entry): \(problem)")
            }
        }
    }
}
