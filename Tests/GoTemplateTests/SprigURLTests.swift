@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19's `net/url` through sprig 3.2.3.
final class SprigURLTests: XCTestCase {
    private let url = SprigURL.functions
    private let keys = ["fragment", "host", "hostname", "opaque", "path", "query", "scheme", "userinfo"]

    private func parts(_ text: String) throws -> [String] {
        guard case .map(let members, _) = try callSprig(url, "urlParse", .string(text)).storage else { return [] }
        return keys.map { members[MapKey($0)].map(stringResult) ?? "<missing>" }
    }

    func testParse() throws {
        let cases: [(String, [String])] = [
            ("https://user:p%40ss@example.com:8080/a%20b/c?x=1&y=%20#frag%21ment",
             ["frag!ment", "example.com:8080", "example.com", "", "/a b/c", "x=1&y=%20", "https", "user:p%40ss"]),
            ("http://[::1]:80/x", ["", "[::1]:80", "::1", "", "/x", "", "http", ""]),
            ("mailto:joe@example.com", ["", "", "", "joe@example.com", "", "", "mailto", ""]),
            ("/relative/path?q", ["", "", "", "", "/relative/path", "q", "", ""]),
            ("//host/p", ["", "host", "host", "", "/p", "", "", ""]),
            ("a:b", ["", "", "", "b", "", "", "a", ""]),
            ("HTTP://Example.COM/%7Efoo", ["", "Example.COM", "Example.COM", "", "/~foo", "", "http", ""]),
            ("http://h/a%2Fb", ["", "h", "h", "", "/a/b", "", "http", ""]),
            ("*", ["", "", "", "", "*", "", "", ""]),
            ("", ["", "", "", "", "", "", "", ""]),
            ("http://x@y@z/", ["", "z", "z", "", "/", "", "http", "x%40y"]),
            ("http://[fe80::1%25en0]/", ["", "[fe80::1%en0]", "fe80::1%en0", "", "/", "", "http", ""]),
            ("http://h/p#a b", ["a b", "h", "h", "", "/p", "", "http", ""]),
            ("http://h/p?", ["", "h", "h", "", "/p", "", "http", ""]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try parts(text), expected, text)
        }
    }

    func testParseErrors() {
        let cases = [
            ("http://a b.com/", #"parse "http://a b.com/": invalid character " " in host name"#),
            ("http://host:port/", #"parse "http://host:port/": invalid port ":port" after host"#),
            ("%zz", #"parse "%zz": invalid URL escape "%zz""#),
            (":foo", #"parse ":foo": missing protocol scheme"#),
            ("http://h/\u{1}", #"parse "http://h/\x01": net/url: invalid control character in URL"#),
        ]
        for (text, message) in cases {
            XCTAssertEqual(sprigErrorMessage { try callSprig(url, "urlParse", .string(text)) }, "unable to parse url: " + message, text)
        }
    }

    func testJoin() throws {
        func join(_ members: [String: Value]) throws -> String { stringResult(try callSprig(url, "urlJoin", .map(members))) }
        XCTAssertEqual(
            try join([
                "scheme": .string("https"), "host": .string("example.com:8080"), "path": .string("/a b/c"),
                "query": .string("x=1"), "fragment": .string("f g"), "userinfo": .string("user:p@ss"),
            ]),
            "https://user:p%40ss@example.com:8080/a%20b/c?x=1#f%20g")
        XCTAssertEqual(try join(["scheme": .string("mailto"), "opaque": .string("joe@example.com")]), "mailto:joe@example.com")
        XCTAssertEqual(try join(["path": .string("a:b")]), "./a:b")
        XCTAssertEqual(try join(["host": .string("h"), "path": .string("rel")]), "//h/rel")
        XCTAssertEqual(try join([:]), "")
        XCTAssertEqual(try join(["userinfo": .string("a/b")]), "")
        XCTAssertEqual(try join(["scheme": .string("file"), "path": .string("/etc/x")]), "file:///etc/x")
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(url, "urlJoin", .map(["host": .int(5)])) },
            "unable to parse host key, must be of type string, but int found")
        XCTAssertEqual(
            sprigErrorMessage { try callSprig(url, "urlJoin", .map(["path": .nil])) },
            "runtime error: invalid memory address or nil pointer dereference")
        XCTAssertEqual(
            sprigErrorMessage {
                try callSprig(url, "urlJoin", .map(["scheme": .string("http"), "host": .string("h"), "userinfo": .string("us%zz")]))
            },
            #"unable to parse userinfo in dict: parse "proto://us%zz@host": invalid URL escape "%zz""#)
    }
}
