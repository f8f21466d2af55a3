import ConfigTree
import GoTemplate

/// A flexible-configuration project after rendering: the bytes KrakenD would parse, where each of them came
/// from, every file that fed them, and the problems found on the way.
public struct RenderedProject: Sendable {
    /// The base template, as given.
    public let baseTemplate: SourceFile
    /// The rendered configuration (named after the base template), or nil when rendering failed.
    public let output: SourceFile?
    /// Where every rendered byte came from (nil when rendering failed).
    public let sourceMap: RenderedOutputMap?
    /// Every file that fed the output, by the path shown to the user: templates, partials, settings files.
    public let sources: [String: SourceFile]
    /// Problems found while loading and rendering, in the order found.
    public let problems: [FlexibleConfigProblem]
    /// The environment variables the templates read with `env`, by name, in the order first read.
    public let environmentVariablesRead: [String]
    /// The non-empty values of those variables: what a reporter masks wherever rendered text is shown.
    public let environmentValuesToMask: Set<String>
    /// The Enterprise behaviour file's `out`: where Enterprise writes the compiled configuration (as given,
    /// relative to the working directory), or nil when it names none.
    public var enterpriseOutputPath: String? = nil

    /// The rendered output's file name: the base template's path with ` (rendered)`, so that it can never be
    /// mistaken for a file on disk.
    public static func renderedName(of path: String) -> String { path + " (rendered)" }

    /// The place in a project file that produced rendered byte `offset`, innermost first, followed by the
    /// chain of template calls and range iterations that led there.
    public func origins(ofRenderedOffset offset: Int) -> [OutputOrigin] {
        guard let (map, local) = sourceMap?.locate(offset) else { return [] }
        return map.origins(ofOutputOffset: local)
    }
}
