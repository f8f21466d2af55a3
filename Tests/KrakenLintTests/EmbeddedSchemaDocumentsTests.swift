import ConfigTree
import Foundation
@testable import KrakenLint
import XCTest

/// The build embeds `schemas/` without the whitespace between tokens; the trees must be the files' own.
final class EmbeddedSchemaDocumentsTests: XCTestCase {
    private let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("schemas")

    func testEveryEmbeddedTreeIsTheTreeOfItsFileOnDisk() throws {
        XCTAssertGreaterThan(EmbeddedSchemaDocuments.documents.count, 100)
        for document in EmbeddedSchemaDocuments.documents {
            let (_, result) = try ConfigLoader.load(path: schemas.appendingPathComponent(document.path).path)
            let root = try XCTUnwrap(result.root, document.path)
            XCTAssertTrue(sameTree(document.root, root), "schemas/\(document.path) is embedded with a different tree")
        }
    }

    /// The compact form is the build's own, but a damaged one is refused (nil, and the JSON reader takes the
    /// file) rather than trusted: counts larger than what follows, cut values, unknown tags.
    func testADamagedCompactTreeIsRefused() throws {
        let decoded = try XCTUnwrap(EmbeddedTree.decode(#"~{2:1:a[2:t#2:-12:bcn"#))
        XCTAssertEqual(decoded["a"]?[1]?.number?.literal, "-1")
        XCTAssertEqual(decoded["a"]?[0]?.bool, true)
        XCTAssertEqual(decoded["bc"]?.isNull, true)
        for damaged in ["", "{}", "~", "~{999999999999999:", "~[4000000000:t", "~\"5:ab", "~{1:1:a", "~[1:x", "~t t", "~{1:", "~#:"] {
            XCTAssertNil(EmbeddedTree.decode(damaged), damaged)
        }
    }

    /// Same values, members in the same order with the same keys, numbers with the same literal; spans aside.
    private func sameTree(_ left: Node, _ right: Node) -> Bool {
        switch (left.value, right.value) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && sameTree($0.value, $1.value) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { sameTree($0, $1) }
        case (.string(let a), .string(let b)):
            return a.utf8.elementsEqual(b.utf8)
        case (.number(let a), .number(let b)):
            return a.literal == b.literal
        case (.bool(let a), .bool(let b)):
            return a == b
        case (.null, .null):
            return true
        default:
            return false
        }
    }
}
