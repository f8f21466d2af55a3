import ConfigTree
import KrakenLint
import XCTest

/// The globs of `.krakenlint.yml` (paths, rule ids, JSON Pointers) and the order rule settings apply in.
final class GlobAndPolicyTests: XCTestCase {
    func testPathGlobs() {
        XCTAssertTrue(Glob.matchesPath("legacy", "legacy/a/krakend.json"), "a directory name covers what is below it")
        XCTAssertTrue(Glob.matchesPath("legacy/**", "legacy/a/krakend.json"))
        XCTAssertTrue(Glob.matchesPath("*.json", "a/b/krakend.json"), "no slash: a name at any depth")
        XCTAssertFalse(Glob.matchesPath("a/*.json", "a/b/krakend.json"), "* stays inside one directory")
        XCTAssertTrue(Glob.matchesPath("a/**/krakend.json", "a/krakend.json"))
        XCTAssertTrue(Glob.matchesPath("a/**/krakend.json", "a/x/y/krakend.json"))
        XCTAssertTrue(Glob.matchesPath("./k?.json", "k1.json"))
        XCTAssertFalse(Glob.matchesPath("k?.json", "k12.json"))
        XCTAssertFalse(Glob.matchesPath("staging", "prod/krakend.json"))
    }

    func testRuleGlobs() {
        XCTAssertTrue(Glob.matchesRule("ntlm/*", "ntlm/plaintext-password"))
        XCTAssertFalse(Glob.matchesRule("ntlm/*", "secret/plaintext"))
        XCTAssertTrue(Glob.matchesRule("*", "krakend/unsupported-version"))
        XCTAssertFalse(Glob.matchesRule("ntlm", "ntlm/plaintext-password"), "a family needs its /*")
        XCTAssertTrue(Glob.matchesRule("*/plaintext*", "ntlm/plaintext-password"))
    }

    func testPointerGlobsCoverTheSubtree() {
        XCTAssertTrue(Glob.matchesPointer(["endpoints", "*", "backend"], ["endpoints", "3", "backend", "0", "host"]))
        XCTAssertFalse(Glob.matchesPointer(["endpoints", "*", "backend"], ["endpoints", "3"]))
        XCTAssertTrue(Glob.matchesPointer(["**", "auth/ntlm"], ["extra_config", "auth/ntlm", "password"]))
        XCTAssertTrue(Glob.matchesPointer([], ["anything"]))
    }

    func testPathologicalPatternsStayFast() {
        let text = String(repeating: "a", count: 5000)
        let pattern = String(repeating: "*a", count: 50) + "b"
        let start = Date()
        XCTAssertFalse(Glob.matchesRule(pattern, text))
        XCTAssertFalse(Glob.matchesPath(String(repeating: "**/", count: 50) + "x", String(repeating: "d/", count: 200) + "y"))
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "no exponential backtracking")
    }

    func testTheLastMatchingSettingWins() {
        let configuration = LintConfiguration(
            directory: "/repo",
            rules: [RuleSetting(pattern: "krakend/*", level: .off), RuleSetting(pattern: "krakend/unsupported-version", level: .on(.info))],
            overrides: [.init(files: [.init(glob: "prod/*.json", pointer: ["version"])], rules: [RuleSetting(pattern: "*", level: .on(.error))])]
        )
        let elsewhere = configuration.policy(for: "/repo/dev/krakend.json")
        XCTAssertEqual(elsewhere.level(for: "krakend/unsupported-version", at: JSONPointer(tokens: ["version"])), .on(.info))
        XCTAssertEqual(elsewhere.level(for: "krakend/other", at: .root), .off)
        XCTAssertNil(elsewhere.level(for: "ntlm/plaintext-password", at: .root))
        let prod = configuration.policy(for: "/repo/prod/krakend.json")
        XCTAssertEqual(prod.level(for: "krakend/unsupported-version", at: JSONPointer(tokens: ["version"])), .on(.error))
        XCTAssertEqual(prod.level(for: "krakend/unsupported-version", at: JSONPointer(tokens: ["port"])), .on(.info), "the override is limited to /version")
        XCTAssertFalse(configuration.ignores("/repo/prod/krakend.json"))
        XCTAssertEqual(configuration.policy(for: "/elsewhere/krakend.json").level(for: "krakend/x", at: .root), .off, "rules apply to files outside the directory too")
    }
}
