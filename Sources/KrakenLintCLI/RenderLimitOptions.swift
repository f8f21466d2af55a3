import ArgumentParser
import ConfigTree
import FlexibleConfig

/// The bounds on rendering a flexible-configuration template (`render`, and `lint`, `audit` or `probe` of a
/// template): each has a documented default and a flag that raises it. See docs/reliability.md.
struct RenderLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest rendered configuration, in bytes (default: 67108864, 64 MiB).", valueName: "bytes"))
    var maxOutputSize: Int = RenderLimits.default.maximumOutputBytes

    @Option(help: ArgumentHelp("Deepest chain of template calls, as in a template that calls itself (default: 10000).", valueName: "calls"))
    var maxTemplateDepth: Int = RenderLimits.default.maximumDepth

    @Option(help: ArgumentHelp("Most range iterations in one rendering, as in a range over a huge number (default: 1000000).", valueName: "iterations"))
    var maxRangeIterations: Int = RenderLimits.default.maximumRangeIterations

    @Option(help: ArgumentHelp("Largest string or list a template function builds: repeat, until, seq, indent... (default: 4194304 bytes or elements).", valueName: "n"))
    var maxFunctionResult: Int = RenderLimits.default.maximumFunctionResult

    /// The render limits, with `files` bounding every file the project reads (settings, templates, partials).
    func renderLimits(files: LoadLimits) -> RenderLimits {
        RenderLimits(
            files: files, maximumOutputBytes: maxOutputSize, maximumDepth: maxTemplateDepth,
            maximumRangeIterations: maxRangeIterations, maximumFunctionResult: maxFunctionResult)
    }

    func validate() throws {
        for (name, value) in [
            ("--max-output-size", maxOutputSize), ("--max-template-depth", maxTemplateDepth),
            ("--max-range-iterations", maxRangeIterations), ("--max-function-result", maxFunctionResult),
        ] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
    }
}
