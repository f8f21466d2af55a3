import Foundation
import XCTest

/// Every file in examples/ with its expected `lint` output, text and JSON, compared byte for byte with the
/// reviewed files in Golden/examples/ (actionlint's testdata style), and the exit code of each.
/// Set KRAKENLINT_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
final class ExamplesGoldenTests: XCTestCase {
    static let examples = packageRoot.appendingPathComponent("examples")
    static let golden = packageRoot.appendingPathComponent("Tests/CLITests/Golden/examples")
    static var updating: Bool { ProcessInfo.processInfo.environment["KRAKENLINT_UPDATE_GOLDEN"] == "1" }

    func testEveryExampleMatchesItsGoldenTextAndJSONOutput() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThan(names.count, 10)
        var exitCodes = ""
        for name in names {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Self.examples.appendingPathComponent(name).path, isDirectory: &isFolder)
            let lint: (String) -> CLIRun
            if isFolder.boolValue {
                // A flexible-configuration project, linted as a folder from the package root so that its
                // paths are the same on every machine.
                lint = { format in
                    Self.inPackageRoot { runCLI(["lint", "--format", format, "--color", "never", "examples/" + name]) }
                }
            } else {
                let text = try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
                // Standard input named as the file, so the paths in the output are the same on every machine.
                lint = { format in
                    runCLI(["lint", "--format", format, "--color", "never", "--stdin-filename", "examples/" + name, "-"], stdin: text)
                }
            }
            let plain = lint("text"), json = lint("json")
            XCTAssertEqual(plain.status, json.status, name)
            exitCodes += "\(name) \(plain.status)\n"
            try check(name + ".txt", plain.stdout)
            try check(name + ".out.json", json.stdout)
        }
        try check("exit-codes.txt", exitCodes)
        let expected = Set(names.flatMap { [$0 + ".txt", $0 + ".out.json"] } + ["exit-codes.txt"])
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.golden.path))
        XCTAssertEqual(present.subtracting(expected), [], "golden files without an example; delete them")
    }

    private static func inPackageRoot<Result>(_ body: () -> Result) -> Result {
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        return body()
    }

    private func check(_ name: String, _ actual: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.golden.appendingPathComponent(name)
        if Self.updating {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("missing golden file \(name); run with KRAKENLINT_UPDATE_GOLDEN=1 to create it", file: file, line: line)
        }
        XCTAssertEqual(actual, expected, "examples/\(name) differs from its golden file", file: file, line: line)
    }
}
