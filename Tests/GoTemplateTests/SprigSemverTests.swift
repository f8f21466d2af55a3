@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19 with sprig 3.2.3 and Masterminds/semver v3.
final class SprigSemverTests: XCTestCase {
    private let semver = SprigSemver.functions

    private func version(_ text: String) throws -> any GoObject {
        let value = try callSprig(semver, "semver", .string(text))
        guard case .object(let object) = value.storage else { throw FunctionError("not an object: \(value.storage)") }
        return object
    }

    private func member(_ object: any GoObject, _ name: String) throws -> String {
        guard let value = try object.member(name) else { return "<none>" }
        switch value.storage {
        case .string(let text): return text
        case .int(let integer, .uint64): return String(integer)
        case .object(let inner): return inner.formatted
        default: return "<\(value.storage)>"
        }
    }

    func testVersionMembers() throws {
        let parsed = try version("v1.2.3-beta.1+build.5")
        let names = ["Major", "Minor", "Patch", "Prerelease", "Metadata", "Original", "String", "IncMinor", "IncPatch"]
        XCTAssertEqual(
            try names.map { try member(parsed, $0) },
            ["1", "2", "3", "beta.1", "build.5", "v1.2.3-beta.1+build.5", "1.2.3-beta.1+build.5", "1.3.0", "1.2.3"])
        XCTAssertEqual(parsed.formatted, "1.2.3-beta.1+build.5")
        XCTAssertEqual(parsed.goType.description, "*semver.Version")
        let incremented = try XCTUnwrap(try parsed.member("IncMajor"))
        guard case .object(let next) = incremented.storage else { return XCTFail("IncMajor") }
        XCTAssertEqual(try member(next, "String"), "2.0.0")
        XCTAssertEqual(next.goType.description, "semver.Version")
        // Go: can't evaluate field Original in type semver.Version (pointer receiver).
        XCTAssertNil(try next.member("Original"))

        let short = try version("1")
        XCTAssertEqual(short.formatted, "1.0.0")
        XCTAssertEqual(try member(short, "Original"), "1")
        XCTAssertEqual(try member(short, "IncMajor"), "2.0.0")
        XCTAssertEqual(try version("1.02.3").formatted, "1.2.3")
    }

    func testVersionMethodsWithArgumentsAndJSON() throws {
        let parsed = try version("v1.2.3-rc.1+b")
        func call(_ name: String, _ argument: Value) throws -> String {
            let value = try XCTUnwrap(parsed.method(name)).body([argument], FunctionContext())
            switch value.storage {
            case .int(let integer, _): return String(integer)
            case .bool(let flag): return String(flag)
            case .object(let object): return object.formatted
            default: return "<\(value.storage)>"
            }
        }
        func other(_ text: String) throws -> Value { try callSprig(semver, "semver", .string(text)) }
        XCTAssertEqual(try call("Compare", try other("1.3.0")), "-1")
        XCTAssertEqual(try call("LessThan", try other("1.3.0")), "true")
        XCTAssertEqual(try call("GreaterThan", try other("1.0.0")), "true")
        XCTAssertEqual(try call("Equal", try other("1.2.3-rc.1")), "true")
        XCTAssertEqual(try call("SetPrerelease", .string("beta")), "1.2.3-beta+b")
        XCTAssertEqual(try call("SetMetadata", .string("m")), "1.2.3-rc.1+m")
        guard case .string(let json) = parsed.jsonValue?.storage else { return XCTFail("semver JSON") }
        XCTAssertEqual(json, "1.2.3-rc.1+b")
        let plain = try version("1.2.3")
        XCTAssertEqual(
            sprigErrorMessage { try XCTUnwrap(plain.method("SetPrerelease")).body([.string("01")], FunctionContext()) },
            "Version segment starts with 0")
        XCTAssertEqual(
            sprigErrorMessage { try XCTUnwrap(plain.method("SetMetadata")).body([.string("a_b")], FunctionContext()) },
            "Invalid Metadata string")
    }

    func testVersionErrors() {
        let cases = [
            ("1.2.3.4", "Invalid Semantic Version"), ("", "Invalid Semantic Version"),
            ("1.2.3-01", "Version segment starts with 0"), ("1.2.3-a..b", "Invalid Semantic Version"),
            ("99999999999999999999.0.0",
             "Error parsing version segment: strconv.ParseUint: parsing \"99999999999999999999\": value out of range"),
            ("1.2.3+a_b", "Invalid Semantic Version"), ("V1.2", "Invalid Semantic Version"),
        ]
        for (text, message) in cases {
            XCTAssertEqual(sprigErrorMessage { try callSprig(semver, "semver", .string(text)) }, message, text)
        }
    }

    func testConstraints() throws {
        let cases: [(String, String, Bool)] = [
            (">=1.2.3", "1.2.3", true), (">1.2.3", "1.2.3", false), ("~1.2.3", "1.2.9", true), ("~1.2.3", "1.3.0", false),
            ("^1.2.3", "1.9.0", true), ("^1.2.3", "2.0.0", false), ("^0.2.3", "0.2.9", true), ("^0.2.3", "0.3.0", false),
            ("^0.0.3", "0.0.4", false), ("1.2.x", "1.2.7", true), ("1.x", "1.9.9", true), ("*", "5.0.0", true),
            (">= 1.2, < 3.0.0", "2.5.0", true), (">=1.2 <3", "3.0.0", false), ("1.2 - 1.4.5", "1.4.5", true),
            ("1.2 - 1.4.5", "1.4.6", false), ("<1.0 || >=2.0", "1.5.0", false), ("<1.0 || >=2.0", "2.1.0", true),
            (">=1.2.3", "1.2.4-beta", false), (">=1.2.3-alpha", "1.2.4-beta", true), ("!=1.2.3", "1.2.3", false),
            ("!=1.2.x", "1.2.5", false), ("!=1.x", "2.0.0", true), (">1.2.x", "1.3.0", true), (">1.x", "1.9.0", false),
            ("<=1.2.x", "1.2.9", true), ("<=1.x", "1.9.0", true), ("=<1.2", "1.3.0", false), ("~>2", "2.9.1", true),
            ("~0", "0.5.0", true), ("=1.2.3+meta", "1.2.3", true), ("1.2.3-beta.2", "1.2.3-beta.10", false),
            ("<1.2.3-beta.10", "1.2.3-beta.2", true), (">1.2.3-beta", "1.2.3-beta.1", true), (">= 1.x.3", "1.0.0", true),
            (">=1.0 <2.0 || ^3.1", "3.4.0", true), (">=1.0,<2.0", "1.5.0", true), ("  >= 1.0  ", "1.0.0", true),
            ("v1.2.3", "1.2.3", true),
        ]
        for (constraint, text, expected) in cases {
            let value = try callSprig(semver, "semverCompare", .string(constraint), .string(text))
            guard case .bool(let result) = value.storage else { return XCTFail("\(constraint) gave \(value.storage)") }
            XCTAssertEqual(result, expected, "\(constraint) against \(text)")
        }
    }

    func testConstraintErrors() {
        let cases = [
            ("", "1.0.0", "improper constraint: "), ("bogus", "1.0.0", "improper constraint: bogus"),
            (">=1.2.3", "bogus", "Invalid Semantic Version"), ("1|2", "1.0.0", "constraint Parser Error"),
            ("==1.2", "1.2.0", "improper constraint: ==1.2"), ("1.2.3 ||", "1.2.3", "improper constraint: "),
        ]
        for (constraint, text, message) in cases {
            XCTAssertEqual(
                sprigErrorMessage { try callSprig(semver, "semverCompare", .string(constraint), .string(text)) }, message,
                constraint)
        }
    }
}
