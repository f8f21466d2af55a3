@testable import GoTemplate
import XCTest

/// What the generated Go cases cannot show: size limits where Go would exhaust memory or loop forever, the
/// random functions, and origins kept by functions that return an argument or a part of it.
final class SprigLimitsAndOriginTests: XCTestCase {
    private let functions = Sprig.genericFunctionMap()
    private let small = FunctionContext(maximumResultSize: 100)

    private func failure(_ name: String, _ arguments: Value..., context: FunctionContext) -> String? {
        sprigErrorMessage { try functions[name]!.body(arguments, context) }
    }

    func testBuildersStopAtTheResultSizeLimit() throws {
        let limit = "result of 101 bytes or elements exceeds the limit of 100"
        XCTAssertEqual(stringResult(try callSprig(functions, "repeat", .int(100), .string("a"), context: small)).count, 100)
        XCTAssertEqual(failure("repeat", .int(101), .string("a"), context: small), limit)
        XCTAssertEqual(failure("indent", .int(101), .string("a"), context: small), limit)
        XCTAssertEqual(failure("until", .int(1_000_000_000), context: small), limit)
        XCTAssertEqual(failure("untilStep", .int(0), .int(Int.max), .int(1), context: small), limit)
        XCTAssertEqual(failure("seq", .int(-5000), context: small), limit)
        XCTAssertEqual(failure("randAlpha", .int(101), context: small), limit)
        let forty = Value.string(String(repeating: "a", count: 40))
        XCTAssertEqual(
            failure("replace", .string(""), .string("xyz"), forty, context: small),
            "result of 163 bytes or elements exceeds the limit of 100")
        XCTAssertEqual(
            failure("replace", .string("a"), .string("bbbbbb"), forty, context: small),
            "result of 102 bytes or elements exceeds the limit of 100")
    }

    func testSequencesWhoseIntegersWrapEndAtTheLimitWhereGoNeverEnds() {
        // In Go these loop until memory runs out: the index wraps past the stop value.
        let limit = "result of 101 bytes or elements exceeds the limit of 100"
        XCTAssertEqual(failure("untilStep", .int(Int.max), .int(Int.min), .int(Int.min), context: small), limit)
        XCTAssertEqual(failure("untilStep", .int(Int.min), .int(Int.max), .int(Int.max), context: small), limit)
        XCTAssertEqual(failure("untilStep", .int(Int.max - 7), .int(Int.max), .int(3), context: small), limit)
    }

    func testRandomStringsDrawFromTheirAlphabetAndAreMarkedNonDeterministic() throws {
        let alphabets: [(String, (UInt8) -> Bool)] = [
            ("randAlphaNum", { $0.isASCIILetterOrDigit }),
            ("randAlpha", { $0.isASCIILetterOrDigit && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            ("randNumeric", { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            ("randAscii", { (0x20...0x7E).contains($0) }),
        ]
        for (name, belongs) in alphabets {
            let text = stringResult(try callSprig(functions, name, .int(64)))
            XCTAssertEqual(text.utf8.count, 64, name)
            XCTAssertTrue(text.utf8.allSatisfy(belongs), "\(name): \(text)")
            XCTAssertEqual(stringResult(try callSprig(functions, name, .int(0))), "", name)
            XCTAssertEqual(stringResult(try callSprig(functions, name, .int(-3))), "", name)
            XCTAssertFalse(functions[name]!.isDeterministic, name)
        }
        XCTAssertFalse(functions["shuffle"]!.isDeterministic)
        XCTAssertTrue(functions["env"]!.isDeterministic)
    }

    func testShuffleKeepsTheRunes() throws {
        let text = "héllo wörld ✓"
        let shuffled = stringResult(try callSprig(functions, "shuffle", .string(text)))
        XCTAssertEqual(shuffled.unicodeScalars.map(\.value).sorted(), text.unicodeScalars.map(\.value).sorted())
        XCTAssertEqual(stringResult(try callSprig(functions, "shuffle", .string(""))), "")
    }

    func testEnvironmentComesFromTheContextOnly() throws {
        let context = FunctionContext(environment: ["PORT": "8080"])
        XCTAssertEqual(stringResult(try callSprig(functions, "env", .string("PORT"), context: context)), "8080")
        XCTAssertEqual(stringResult(try callSprig(functions, "env", .string("PATH"), context: context)), "")
        XCTAssertEqual(stringResult(try callSprig(functions, "expandenv", .string("$PATH:$PORT"), context: context)), ":8080")
    }

    func testFunctionsReturningAnArgumentOrAPartOfItKeepItsOrigin() throws {
        let origin = ValueOrigin(source: "settings/service.json", range: 10..<14, path: ".port")
        let port = Value.float64(8080).withOrigin(origin)
        let list = Value.list([.string("a"), port])
        let dictionary = Value.map(["port": port])
        let calls: [(String, [Value])] = [
            ("last", [list]), ("first", [.list([port])]), ("get", [dictionary, .string("port")]),
            ("default", [.int(1), port]), ("coalesce", [.nil, port]), ("ternary", [port, .nil, .bool(true)]),
            ("dig", [.string("port"), .nil, dictionary]), ("deepCopy", [port]), ("mustLast", [list]),
        ]
        for (name, arguments) in calls {
            XCTAssertEqual(try functions[name]!.body(arguments, FunctionContext()).origin, origin, name)
        }
        let rest = try callSprig(functions, "rest", list)
        guard case .list(let elements, _) = rest.storage else { return XCTFail("rest gave \(rest.storage)") }
        XCTAssertEqual(elements.first?.origin, origin)
        let merged = try callSprig(functions, "merge", .map([:]), dictionary)
        guard case .map(let members, _) = merged.storage else { return XCTFail("merge gave \(merged.storage)") }
        XCTAssertEqual(members["port"]?.origin, origin)
    }

    func testExactlyTheFunctionsThatChangeTheirMapInGoSaySo() throws {
        let flagged = functions.filter(\.value.mutatesFirstArgument).keys.sorted()
        XCTAssertEqual(flagged, ["merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite", "set", "unset"])
        let changed = try callSprig(functions, "set", .map(["a": .int(1)]), .string("b"), .int(2))
        XCTAssertEqual(GoFormat.formatValue(changed), "map[a:1 b:2]")
    }

    func testDeeplyNestedMapsMergeUpToTheDepthLimit() {
        var destination = Value.map(["x": .int(1)]), source = Value.map(["leaf": .int(1)])
        for _ in 0..<(MergoMerge.maximumDepth + 1) {
            destination = .map(["k": destination])
            source = .map(["k": source])
        }
        XCTAssertEqual(
            failure("merge", destination, source, context: FunctionContext()),
            "merge: maps nested deeper than \(MergoMerge.maximumDepth) levels")
    }
}

private extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}
