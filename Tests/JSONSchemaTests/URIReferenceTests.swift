import XCTest
@testable import JSONSchema

final class URIReferenceTests: XCTestCase {
    /// RFC 3986 section 5.4: every normal and abnormal example, against its base.
    func testReferencesResolveAsTheRFCExamplesSay() {
        let base = URIReference(parsing: "http://a/b/c/d;p?q")
        let examples: [(String, String)] = [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
            ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"), ("/./g", "http://a/g"),
            ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ]
        for (reference, expected) in examples {
            XCTAssertEqual(base.resolving(reference).description, expected, "reference \"\(reference)\"")
        }
    }

    /// Paths whose dots are not whole segments come back unchanged; dot segments go, wherever they are.
    func testOnlyWholeDotSegmentsAreRemoved() {
        let unchanged = ["/schema/v3/defs/a.json", "a.b/c..d/.e/f.", "/...", "/a/.../b", "//x", "/", "", "a//b", "/é/.x/x"]
        for path in unchanged {
            XCTAssertEqual(URIReference.removeDotSegments(path), path, path)
        }
        XCTAssertEqual(URIReference.removeDotSegments("/schema/v3/extra_config/../defs/a.json"), "/schema/v3/defs/a.json")
        XCTAssertEqual(URIReference.removeDotSegments("/a/b/."), "/a/b/")
        XCTAssertEqual(URIReference.removeDotSegments("/a/b/.."), "/a/")
        XCTAssertEqual(URIReference.removeDotSegments("./a"), "a")
        XCTAssertEqual(URIReference.removeDotSegments("/é/../x"), "/x")
    }
}
