import ConfigTree
@testable import FlexibleConfig
import Foundation
import TestPeers
import XCTest

/// Renders every real project of `../shared/fc-corpus` and compares the bytes with what Go's text/template and
/// sprig rendered for it, as KrakenD CE does: byte for byte, no normalisation.
final class FCCorpusTests: XCTestCase {
    func testEveryCorpusProjectRendersByteForByteAsKrakenD() throws {
        let corpus = try FCCorpus.require()
        let projects = try FCCorpus.projects(in: corpus)
        XCTAssertGreaterThanOrEqual(projects.count, 9, "the corpus README lists nine projects")
        var rendered = 0
        for project in projects {
            guard let expected = project.expectedOutput else { continue }
            let result = try project.render()
            XCTAssertEqual(
                result.problems.filter { $0.severity == .error }.map(\.message), [],
                "\(project.name): rendering reported errors"
            )
            guard let output = result.output?.bytes else {
                XCTFail("\(project.name): no output")
                continue
            }
            if output != expected {
                XCTFail("\(project.name): rendered output differs from Go's at byte \(FCCorpus.firstDifference(output, expected))")
            }
            rendered += 1
        }
        XCTAssertEqual(rendered, 8, "eight corpus projects render")
    }

    /// The one project that fails: KrakenD logs an execution error for a template that is not defined. We
    /// report it at the same place with Go's words and the missing name. Go prints `krakend.tmpl:23:16` with a
    /// 0-based byte column; our columns are 1-based, so the same byte is column 17.
    func testTheFailingCorpusProjectIsReportedAtTheActionThatCallsTheMissingTemplate() throws {
        let corpus = try FCCorpus.require()
        let failing = try FCCorpus.projects(in: corpus).filter { $0.expectedError != nil }
        XCTAssertEqual(failing.count, 1)
        for project in failing {
            let result = try project.render()
            XCTAssertNil(result.output)
            let problem = try XCTUnwrap(result.problems.first)
            XCTAssertEqual(problem.code, .execution)
            let file = try XCTUnwrap(result.sources[problem.location.path])
            let position = file.position(ofOffset: problem.location.span.start)
            XCTAssertEqual("\(problem.location.path):\(position.line):\(position.column)", "krakend.tmpl:23:17")
            XCTAssertTrue(problem.message.contains("template \"!!endpoint_user_signup.tmpl\" not defined"), problem.message)
        }
    }
}

/// The shared corpus of real flexible-configuration projects (see its README).
struct FCCorpus {
    struct Project {
        var name: String
        var folder: URL
        var settings: [String: String]

        var expectedOutput: [UInt8]? {
            (try? Data(contentsOf: folder.appendingPathComponent("expected.rendered"))).map { Array($0) }
        }

        var expectedError: String? {
            try? String(contentsOf: folder.appendingPathComponent("expected.error"), encoding: .utf8)
        }

        /// Renders the project the way its run.env says, with the project folder as working directory and
        /// exactly the run.env variables plus PATH as the environment.
        func render() throws -> RenderedProject {
            var environment = settings.filter { !["BASE_TEMPLATE", "FC_SETTINGS", "FC_PARTIALS", "FC_TEMPLATES"].contains($0.key) }
            environment["PATH"] = "/usr/bin:/bin"
            let options = FlexibleConfigOptions(
                settingsDirectory: settings["FC_SETTINGS"], partialsDirectory: settings["FC_PARTIALS"],
                templatesDirectory: settings["FC_TEMPLATES"], environment: environment, workingDirectory: folder.path
            )
            return try ProjectRenderer(options: options).render(baseTemplatePath: try XCTUnwrap(settings["BASE_TEMPLATE"]))
        }
    }

    static func require() throws -> URL {
        try TestPeers.requireShared("fc-corpus", for: "the flexible-config corpus test")
    }

    static func projects(in corpus: URL) throws -> [Project] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        return try names.compactMap { name in
            let folder = corpus.appendingPathComponent(name)
            let runFile = folder.appendingPathComponent("run.env")
            guard FileManager.default.fileExists(atPath: runFile.path) else { return nil }
            return Project(name: name, folder: folder, settings: try runEnvironment(runFile))
        }
    }

    /// `KEY=VALUE` lines split at the first `=`, the value taken literally; empty and `#` lines ignored.
    static func runEnvironment(_ url: URL) throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true) {
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    }
}
