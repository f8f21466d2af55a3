import ConfigTree
@testable import FlexibleConfig
import Foundation
import XCTest

/// A throw-away project folder: files written from a dictionary of relative path → text, rendered with
/// options relative to the folder.
struct ProjectFixture {
    let folder: URL

    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fc-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func render(
        _ base: String = "krakend.tmpl", settings: String? = "settings", partials: String? = "partials",
        templates: String? = nil, enterprise: String? = nil, environment: [String: String] = [:]
    ) throws -> RenderedProject {
        let options = FlexibleConfigOptions(
            settingsDirectory: settings, partialsDirectory: partials, templatesDirectory: templates,
            enterpriseConfigPath: enterprise, environment: environment, workingDirectory: folder.path
        )
        return try ProjectRenderer(options: options).render(baseTemplatePath: base)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

extension RenderedProject {
    /// `path:line:col` of a location in one of the project's files.
    func place(_ location: FlexibleConfigProblem.Location) -> String {
        guard let file = sources[location.path] ?? (output?.path == location.path ? output : nil) else { return location.path }
        let position = file.position(ofOffset: location.span.start)
        return "\(location.path):\(position.line):\(position.column)"
    }

    /// The rendered offset of the first occurrence of `text` in the output.
    func renderedOffset(of text: String) throws -> Int {
        let output = try XCTUnwrap(output).bytes
        let needle = Array(text.utf8)
        let found = (0...(output.count - needle.count)).first { Array(output[$0..<($0 + needle.count)]) == needle }
        return try XCTUnwrap(found, "\"\(text)\" is not in the rendered output")
    }

    /// Where the rendered bytes of `text` came from, as `path:line:col`.
    func origin(of text: String) throws -> SourceMapping.Origin {
        let map = try XCTUnwrap(sourceMap)
        let offset = try renderedOffset(of: text)
        return try XCTUnwrap(SourceMapping(map: map, sources: sources).origin(of: Span(start: offset, end: offset + text.utf8.count)))
    }
}
