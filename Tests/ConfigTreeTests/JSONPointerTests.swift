import ConfigTree
import XCTest

final class JSONPointerTests: XCTestCase {
    private let text = """
    {
      "endpoints": [
        {"endpoint": "/a", "backend": [{"host": ["h1", "h2"]}]},
        {"endpoint": "/b"}
      ],
      "a/b": {"m~n": 1},
      "": "empty key"
    }
    """

    func testEscapingRoundTrips() throws {
        XCTAssertEqual(JSONPointer.escape("a/b"), "a~1b")
        XCTAssertEqual(JSONPointer.escape("m~n"), "m~0n")
        XCTAssertEqual(JSONPointer.escape("~/"), "~0~1")
        let pointer = JSONPointer(tokens: ["a/b", "m~n", "~1"])
        XCTAssertEqual(pointer.description, "/a~1b/m~0n/~01")
        XCTAssertEqual(JSONPointer(parsing: pointer.description), pointer)
        XCTAssertEqual(JSONPointer(parsing: "#/a~1b/m%7E0n"), JSONPointer(tokens: ["a/b", "m~n"]))
        XCTAssertEqual(JSONPointer(parsing: "")?.tokens, [])
        XCTAssertEqual(JSONPointer(parsing: "/")?.tokens, [""])
        XCTAssertNil(JSONPointer(parsing: "a/b"), "must start with /")
        XCTAssertNil(JSONPointer(parsing: "/a~2"), "~2 is not an escape")
        XCTAssertNil(JSONPointer(parsing: "#/%zz"), "bad percent-encoding")
    }

    func testResolveFollowsObjectsAndArrays() throws {
        let (file, result) = load(text)
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(root.resolve(JSONPointer(parsing: "/endpoints/0/backend/0/host/1")!)?.string, "h2")
        XCTAssertEqual(root.resolve(JSONPointer(parsing: "/a~1b/m~0n")!)?.number?.literal, "1")
        XCTAssertEqual(root.resolve(JSONPointer(parsing: "/")!)?.string, "empty key")
        XCTAssertNil(root.resolve(JSONPointer(parsing: "/endpoints/2")!))
        XCTAssertNil(root.resolve(JSONPointer(parsing: "/endpoints/01")!), "leading zeros are not array indexes")
        XCTAssertNil(root.resolve(JSONPointer(parsing: "/endpoints/-")!))
        XCTAssertNil(root.resolve(JSONPointer(parsing: "/endpoints/0/endpoint/x")!))
        XCTAssertEqual(file.startText(root.resolve(.root)?.span), "1:1")
    }

    func testPointerToOffsetFindsTheInnermostValueAndKeys() throws {
        let (file, result) = load(text)
        let root = try XCTUnwrap(result.root)
        func pointer(atLine line: Int, column: Int) -> String? {
            guard let lineStart = file.byteRange(ofLine: line)?.lowerBound else { return nil }
            return root.pointer(toOffset: lineStart + column - 1)?.description
        }
        XCTAssertEqual(pointer(atLine: 3, column: 47), "/endpoints/0/backend/0/host/0", "inside \"h1\"")
        XCTAssertEqual(pointer(atLine: 3, column: 7), "/endpoints/0/endpoint", "on the key endpoint")
        XCTAssertEqual(pointer(atLine: 4, column: 5), "/endpoints/1", "on the opening brace")
        XCTAssertEqual(pointer(atLine: 6, column: 15), "/a~1b/m~0n")
        XCTAssertEqual(pointer(atLine: 1, column: 1), "")
        XCTAssertNil(root.pointer(toOffset: file.bytes.count + 5))
        // Every node's start offset leads back to a pointer that resolves to that node.
        var pending: [(JSONPointer, Node)] = [(.root, root)]
        var checked = 0
        while let (path, node) = pending.popLast() {
            XCTAssertEqual(root.resolve(path)?.span, node.span, path.description)
            if case .array = node.value {} else if case .object = node.value {} else {
                XCTAssertEqual(root.pointer(toOffset: node.span.start), path)
            }
            checked += 1
            for (index, element) in (node.elements ?? []).enumerated() { pending.append((path.appending(index), element)) }
            for member in node.members ?? [] { pending.append((path.appending(member.key), member.value)) }
        }
        XCTAssertEqual(checked, 14)
    }

    func testKeySpanAtAPointer() throws {
        let (file, result) = load(text)
        let root = try XCTUnwrap(result.root)
        XCTAssertEqual(file.spanText(root.keySpan(at: JSONPointer(parsing: "/a~1b/m~0n")!)), "6:11-6:16")
        XCTAssertNil(root.keySpan(at: JSONPointer(parsing: "/endpoints/0")!), "array elements have no key")
        XCTAssertNil(root.keySpan(at: .root))
    }
}
