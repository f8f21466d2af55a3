import ArgumentParser
import ConfigTree
import FlexibleConfig
import Foundation
import KrakenLint

/// `krakenlint render TEMPLATE`: the bytes KrakenD would parse from a flexible-configuration project.
struct RenderCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a flexible-configuration template exactly as KrakenD does.",
        discussion: """
            Renders TEMPLATE with Go's text/template, sprig and KrakenD's marshal and include, with the \
            settings, partials and templates folders given by the flags or by KrakenD's variables FC_SETTINGS, \
            FC_PARTIALS, FC_TEMPLATES and FC_OUT. Relative paths are resolved against the working directory, as \
            KrakenD resolves them.

            The output is the rendered configuration itself, so it contains every value the templates put in \
            it, including secrets read with env: printing them is this command's job. Every other command \
            masks them.

            Unless --out is given, render also writes the output where KrakenD would leave its copy: the out \
            file of an Enterprise file (--fc-config or FC_CONFIG), else the FC_OUT file; lint and probe never \
            write either. A file is written whole through a temporary file beside it, never half, and never \
            over a file of the project.

            Problems are printed on standard error at the template, partial or settings line that caused \
            them. A template error, which KrakenD only logs before falling back to the raw file, ends the \
            command with exit status 2 and no output; warnings (a missing partial, <no value> in the output) \
            do not stop it.

            Examples:
              krakenlint render --settings config/settings --templates config/templates config/krakend.tmpl
              FC_SETTINGS=config/settings krakenlint render config/krakend.tmpl > krakend.json
            """
    )

    @Argument(help: "The base template (KrakenD's -c file).")
    var template: String

    @OptionGroup var folders: FlexibleConfigFlags

    @Option(help: ArgumentHelp("Write the output to this file instead of standard output; its extension decides YAML or JSON, as FC_OUT does.", valueName: "path"))
    var out: String?

    @OptionGroup(title: "Limits")
    var limitOptions: LimitOptions

    @OptionGroup(title: "Rendering limits")
    var renderLimitOptions: RenderLimitOptions

    func run(io: CommandIO) throws -> ExitStatus {
        let options = folders.options(io: io, outputPath: out)
        let renderer = ProjectRenderer(options: options, limits: renderLimitOptions.renderLimits(files: limitOptions.loadLimits))
        let template = self.template
        let budget = limitOptions.timeBudgetDuration
        // A hostile template (a pattern that backtracks for ever) must not hold the command: it gets the budget.
        guard let rendered = TimeBudget.run(budget, { Result { () throws(SourceReadError) in try renderer.render(baseTemplatePath: template) } }) else {
            io.err("krakenlint: \(template): rendering took more than the time budget of \(TimeBudget.describe(budget)); it was stopped and nothing was written (raise the budget with --time-budget SECONDS)\n")
            return .usage
        }
        let project: RenderedProject
        do {
            project = try rendered.get()
        } catch {
            throw UsageError(error.description)
        }
        if !project.problems.isEmpty {
            io.err(ProblemText.render(project.problems, sources: project.sources))
        }
        guard let output = project.output, !project.problems.contains(where: { $0.severity == .error }) else {
            io.err("krakenlint: \(template) was not rendered; KrakenD would log the error above and parse the raw file\n")
            return .usage
        }
        // --out replaces standard output; without it, the file KrakenD leaves behind is written as KrakenD
        // writes it (Enterprise's out, else CE's FC_OUT, which is the options' output path when --out is
        // absent), and standard output still gets the bytes.
        let kept = project.enterpriseOutputPath.map { ($0, "the out file of the Enterprise flexible-configuration file") }
            ?? options.outputPath.map { ($0, "the FC_OUT file") }
        let target = out ?? kept?.0
        if let target {
            let resolved = options.resolve(target)
            if let clash = project.sources.keys.sorted().first(where: { Self.sameFile(options.resolve($0), resolved) }) {
                io.err("krakenlint: \(target) is the project file \(clash); the rendered configuration is not written over it\n")
                return .usage
            }
            do {
                try AtomicFileWriter.write(output.bytes, to: resolved)
            } catch {
                io.err("krakenlint: \(error.description)\n")
                return .usage
            }
            if out == nil, let kept { io.err("krakenlint: wrote \(target), \(kept.1)\n") }
        }
        if out == nil {
            io.out(bytes: output.bytes)
        }
        return .success
    }

    /// Whether two paths name the same file once `.`, `..` and symbolic links are resolved.
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return canonical(first) == canonical(second)
    }
}

/// Flexible-configuration problems as plain `file:line:col: severity: message [code]` lines with the source line.
enum ProblemText {
    static func render(_ problems: [FlexibleConfigProblem], sources: [String: SourceFile]) -> String {
        var text = ""
        for problem in problems {
            let file = sources[problem.location.path]
            let position = file.map { $0.position(ofOffset: problem.location.span.start) }
            let place = position.map { "\(problem.location.path):\($0.line):\($0.column)" } ?? problem.location.path
            text += "\(place): \(problem.severity.rawValue): \(problem.message) [\(problem.code.rawValue)]\n"
            if let file, let position, let line = file.lineText(position.line) {
                text += " \(position.line) | \(line)\n"
            }
            for note in problem.notes {
                let noteFile = sources[note.location.path]
                let notePosition = noteFile.map { $0.position(ofOffset: note.location.span.start) }
                let notePlace = notePosition.map { "\(note.location.path):\($0.line):\($0.column)" } ?? note.location.path
                text += "\(notePlace): note: \(note.message)\n"
            }
            if let hint = problem.hint { text += "  fix: \(hint)\n" }
        }
        return text
    }
}
