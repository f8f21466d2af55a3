@testable import GoTemplate
import XCTest

/// One call of a sprig function and what Go gives for it (see `SprigFunctionCases.swift`).
struct SprigFunctionCase {
    enum Expectation {
        /// What `printf "%v"` and `printf "%T"` print of the result.
        case result(String, type: String)
        /// The same, for a list whose order Go leaves to its random map iteration.
        case unorderedResult(String, type: String)
        /// The function's error, as Go reports it after `error calling NAME: `.
        case failure(String)
    }

    let function: String
    let arguments: [Value]
    let expectation: Expectation

    init(_ function: String, _ arguments: [Value], _ expectation: Expectation) {
        self.function = function
        self.arguments = arguments
        self.expectation = expectation
    }
}

/// Runs every generated case through the function bodies of sprig's generic map.
final class SprigFunctionTableTests: XCTestCase {
    func testEveryCaseGivesGosResultOrError() throws {
        let functions = Sprig.genericFunctionMap()
        for testCase in sprigFunctionCases {
            let call = "\(testCase.function) \(testCase.arguments.map(\.storage))"
            guard let function = functions[testCase.function] else {
                XCTFail("no function \(testCase.function)")
                continue
            }
            let context = FunctionContext(environment: sprigFunctionCaseEnvironment)
            let outcome = Result { try function.body(testCase.arguments, context) }
            switch (testCase.expectation, outcome) {
            case (.result(let text, let type), .success(let value)):
                XCTAssertEqual(GoFormat.formatValue(value), text, call)
                XCTAssertEqual(value.goType.description, type, call)
            case (.unorderedResult(let text, let type), .success(let value)):
                XCTAssertEqual(elements(GoFormat.formatValue(value)), elements(text), call)
                XCTAssertEqual(value.goType.description, type, call)
            case (.failure(let message), .failure(let error)):
                XCTAssertEqual((error as? FunctionError)?.message, message, call)
            case (.failure(let message), .success(let value)):
                XCTFail("\(call): expected the error \(message), got \(GoFormat.formatValue(value))")
            case (_, .failure(let error)):
                XCTFail("\(call): unexpected error \(error)")
            }
        }
    }

    func testTheTableCoversEveryFunctionOfTheseFamilies() {
        let covered = Set(sprigFunctionCases.map(\.function))
        let families = [
            SprigStrings.functions, SprigConversions.functions, SprigDefaults.functions, SprigReflection.functions,
            SprigEnvironment.functions, SprigLists.functions, SprigDicts.functions,
        ]
        let deterministic = families.flatMap { $0.filter(\.value.isDeterministic).keys }
        XCTAssertEqual(Set(deterministic).subtracting(covered).sorted(), [])
    }

    /// The elements of a printed list, sorted.
    private func elements(_ printed: String) -> [String] {
        printed.dropFirst().dropLast().split(separator: " ").map(String.init).sorted()
    }
}
