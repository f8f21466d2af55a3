import Dispatch
@testable import KrakenLint
import XCTest

final class ConcurrentlyTests: XCTestCase {
    func testBothResultsComeBackInOrder() {
        let (sum, text) = Concurrently.both({ (1...1_000).reduce(0, +) }, { String(repeating: "a", count: 3) })
        XCTAssertEqual(sum, 500_500)
        XCTAssertEqual(text, "aaa")
    }

    func testMapKeepsTheOrderOfItsItems() {
        XCTAssertEqual(Concurrently.map(Array(0..<50)) { $0 * $0 }, (0..<50).map { $0 * $0 })
        XCTAssertEqual(Concurrently.map([7]) { $0 + 1 }, [8])
        XCTAssertEqual(Concurrently.map([Int]()) { $0 + 1 }, [])
    }

    func testMapNestedInMapFinishesEveryItemInOrder() {
        let outer = Concurrently.map(Array(0..<200)) { row in Concurrently.map(Array(0..<5)) { row * 10 + $0 } }
        XCTAssertEqual(outer, (0..<200).map { row in (0..<5).map { row * 10 + $0 } })
    }

    func testEveryRuleIsInExactlyOneGroupAndTheRouteRulesShareOne() {
        let groups = Linter.ruleGroups(RuleRegistry.visitorRules)
        let ids = groups.flatMap { group in group.rules.map { rule in rule.id } }
        XCTAssertEqual(ids.sorted(), RuleRegistry.visitorRules.map { rule in rule.id }.sorted())
        let routeGroups = groups.filter { group in group.rules.contains { $0.id == DuplicateEndpointRule.id || $0.id == RouteCollisionRule.id } }
        XCTAssertEqual(routeGroups.count, 1, "one router table serves both route rules")
        XCTAssertEqual(Linter.ruleGroups(RuleRegistry.visitorRules.filter { $0.id.hasPrefix("ntlm/") }).count, 1, "empty groups are dropped")
    }

    func testNestedInsideABusyConcurrentPerformItFinishesEveryPair() {
        // The linter runs one job per file on every core, and each job splits in two: no deadlock, no lost result.
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let pair = Concurrently.both({ index * 2 }, { index * 3 })
            results.add(pair.0 + pair.1)
        }
        XCTAssertEqual(results.total, (0..<64).reduce(0) { $0 + $1 * 5 })
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var sum = 0
    func add(_ value: Int) { lock.withLock { sum += value } }
    var total: Int { lock.withLock { sum } }
}
