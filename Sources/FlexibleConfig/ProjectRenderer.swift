import ConfigTree
import GoTemplate

/// Renders a KrakenD CE flexible-configuration project exactly as KrakenD does (krakend-flexibleconfig v2.3):
/// settings, base template, sub-templates, sprig plus `marshal` and `include`, executed with the settings as
/// `.` and `$`. Every problem becomes a ``FlexibleConfigProblem`` at its place instead of KrakenD's log line
/// and silent fallback to the raw file.
public struct ProjectRenderer: Sendable {
    public var options: FlexibleConfigOptions
    public var limits: RenderLimits

    public init(options: FlexibleConfigOptions, limits: RenderLimits = .default) {
        self.options = options
        self.limits = limits
    }

    /// Renders the project whose base template (`-c`) is `baseTemplatePath`.
    public func render(baseTemplatePath: String) throws(SourceReadError) -> RenderedProject {
        let read = try SourceReader.read(path: options.resolve(baseTemplatePath), limits: limits.files)
        let base = SourceFile(path: baseTemplatePath, format: read.format, bytes: read.bytes)
        return render(base: base)
    }

    /// Renders a project whose base template is already read.
    public func render(base: SourceFile) -> RenderedProject {
        var run = Run(base: base)
        let layout = options.enterpriseConfigPath != nil ? enterpriseLayout(into: &run) : communityLayout(into: &run)
        // Loading problems are fatal in KrakenD, before any template is parsed.
        guard let layout, !run.problems.contains(where: { $0.severity == .error }) else {
            return run.finish(output: nil, sourceMap: nil)
        }

        let log = IncludeLog()
        let environment = EnvironmentLog()
        var functions = Sprig.genericFunctionMap()
        for (name, function) in KrakenDFunctions.functions(partialFolders: layout.partialFolders, log: log, limits: limits.files) {
            functions[name] = function
        }
        environment.wrap(&functions)

        let set = TemplateSet(functions: functions)
        for template in [(name: GoPath.base(base.path), file: base)] + layout.templates {
            do {
                try set.parse(name: template.name, text: String(decoding: template.file.bytes, as: UTF8.self), source: template.file.path)
            } catch {
                run.problems.append(problem(for: error, code: .parse, in: run.sources))
                return run.finish(output: nil, sourceMap: nil, environment: environment)
            }
        }

        var execution = ExecutionOptions()
        execution.context = FunctionContext(environment: options.environment, maximumResultSize: limits.maximumFunctionResult)
        execution.maximumOutputBytes = limits.maximumOutputBytes
        execution.maximumDepth = limits.maximumDepth
        execution.maximumRangeIterations = limits.maximumRangeIterations
        execution.missingKey = layout.missingKey
        execution.recordSourceMap = true
        let result: RenderResult
        do {
            result = try set.execute(GoPath.base(base.path), data: Value(.map(layout.data, valueType: .interface)), options: execution)
        } catch {
            let code: FlexibleConfigProblem.Code = error.kind == .limit || RenderLimits.isFunctionResultLimit(error) ? .limit : .execution
            run.problems.append(problem(for: error, code: code, in: run.sources))
            return run.finish(output: nil, sourceMap: nil, environment: environment)
        }

        for (path, partial) in log.partials { run.sources[path] = partial }
        var bytes = result.output
        guard let renderMap = result.sourceMap else { return run.finish(output: nil, sourceMap: nil, environment: environment) }
        var map = RenderedOutputMap(renderMap, length: bytes.count)
        if let referenceKey = layout.referenceKey, !options.rendersYAML {
            let folder = GoPath.dir(base.path)
            let resolver = ReferenceResolver(key: referenceKey, folder: (folder, options.resolve(folder)), limits: limits)
            let outcome = resolver.resolve(bytes, map: map, set: set, data: Value(.map(layout.data, valueType: .interface)), execution: execution, sources: run.sources)
            for file in outcome.files { run.sources[file.path] = file }
            run.problems += outcome.problems
            if outcome.problems.contains(where: { $0.severity == .error }) {
                return run.finish(output: nil, sourceMap: nil, environment: environment)
            }
            bytes = outcome.output
            map = outcome.map
            for (path, partial) in log.partials { run.sources[path] = partial }
        }
        let output = SourceFile(
            path: RenderedProject.renderedName(of: base.path), format: options.rendersYAML ? .yaml : .json, bytes: bytes
        )
        run.problems += RenderWarnings.missingPartials(log.missing, sources: run.sources)
        run.problems += RenderWarnings.suspiciousOutput(output, sourceMap: map, sources: run.sources)
        if let metaKey = layout.metaKey {
            let metaProblems = EnterpriseMetaTree.problems(in: output, sourceMap: map, key: metaKey)
            run.problems += metaProblems
            if !metaProblems.isEmpty { return run.finish(output: nil, sourceMap: nil, environment: environment) }
        }
        return run.finish(output: output, sourceMap: map, environment: environment)
    }

    /// What the templates are rendered from: the data, the sub-templates by name, where partials are looked for.
    private struct Layout {
        var data: [MapKey: Value] = [:]
        var templates: [(name: String, file: SourceFile)] = []
        /// Each folder as opened and as shown; `include` takes the first that holds the name.
        var partialFolders: [(opened: String, shown: String)] = []
        var missingKey: MissingKeyPolicy = .default
        /// Enterprise's `ref_key`: objects holding it are replaced by the file they name (nil in CE).
        var referenceKey: String?
        /// Enterprise's `meta_key`, whose variable krakenlint does not model (nil in CE).
        var metaKey: String?
    }

    /// KrakenD CE: `FC_SETTINGS`, `FC_TEMPLATES` (`*.tmpl`, named by file name), `FC_PARTIALS`.
    private func communityLayout(into run: inout Run) -> Layout? {
        var layout = Layout()
        layout.data = loadSettings(into: &run)
        layout.templates = loadTemplates(into: &run).map { (GoPath.base($0.path), $0) }
        if let partials = options.partialsDirectory {
            layout.partialFolders = [(options.resolve(partials), partials)]
        } else {
            layout.partialFolders = [(options.workingDirectory, "")]
        }
        return layout
    }

    /// KrakenD Enterprise: the behaviour file's settings tree, templates named by their path inside each
    /// templates folder (any extension), partial folders searched in order, `undefined_vars`.
    private func enterpriseLayout(into run: inout Run) -> Layout? {
        guard let path = options.enterpriseConfigPath else { return nil }
        let file: SourceFile
        do {
            let read = try SourceReader.read(path: options.resolve(path), limits: limits.files)
            file = SourceFile(path: path, format: .json, bytes: read.bytes)
        } catch {
            run.problems.append(FlexibleConfigProblem(
                code: .enterpriseConfig, message: "the Enterprise flexible-configuration file cannot be read: \(error.message)",
                location: .init(path: path, span: Span(at: 0))
            ))
            return nil
        }
        run.sources[path] = file
        let parsed = EnterpriseConfig.parse(file)
        run.problems += parsed.problems
        guard let config = parsed.config else { return nil }
        if let out = config.output, !out.isEmpty { run.enterpriseOutputPath = out }

        var layout = Layout()
        let settings = EnterpriseSettingsLoader(config: config, options: options, limits: limits.files).load()
        for settingsFile in settings.files { run.sources[settingsFile.path] = settingsFile }
        run.problems += settings.problems
        layout.data = settings.data
        // A settings file or folder of the same name keeps its data (reading: Enterprise's precedence is not public).
        if layout.data[MapKey(config.metaKey)] == nil {
            layout.data[MapKey(config.metaKey)] = Value(.object(EnterpriseMetaTree(key: config.metaKey)))
            layout.metaKey = config.metaKey
        }
        for folder in config.templatePaths {
            for template in templateFiles(under: folder, relativeTo: "", into: &run) {
                run.sources[template.file.path] = template.file
                layout.templates.append(template)
            }
        }
        layout.partialFolders = config.partialPaths.map { (options.resolve($0), $0) }
        switch config.undefinedVariables {
        case .error: layout.missingKey = .error
        case .zero: layout.missingKey = .zero
        case .invalid: layout.missingKey = .default
        }
        layout.referenceKey = config.referenceKey
        return layout
    }

    /// Every file under an Enterprise templates folder, named by its path inside it (`service/components.tmpl`).
    private func templateFiles(under folder: String, relativeTo prefix: String, into run: inout Run) -> [(name: String, file: SourceFile)] {
        let shownFolder = prefix.isEmpty ? folder : GoPath.join(folder, prefix)
        guard let entries = try? ProjectDirectory.list(options.resolve(shownFolder)) else {
            if prefix.isEmpty {
                run.problems.append(FlexibleConfigProblem(
                    code: .templates, message: "the templates folder \(folder) cannot be read",
                    location: .init(path: folder, span: Span(at: 0))
                ))
            }
            return []
        }
        var found: [(name: String, file: SourceFile)] = []
        for entry in entries where !entry.name.hasPrefix(".") {
            let name = prefix.isEmpty ? entry.name : prefix + "/" + entry.name
            if entry.isDirectory {
                found += templateFiles(under: folder, relativeTo: name, into: &run)
                continue
            }
            let shown = GoPath.join(folder, name)
            guard let read = try? SourceReader.read(path: options.resolve(shown), limits: limits.files) else { continue }
            found.append((name, SourceFile(path: shown, format: read.format, bytes: read.bytes)))
        }
        return found
    }

    /// What one render gathers before it is packed into a ``RenderedProject``.
    private struct Run {
        let base: SourceFile
        var sources: [String: SourceFile]
        var problems: [FlexibleConfigProblem] = []
        /// The Enterprise behaviour file's `out`.
        var enterpriseOutputPath: String?

        init(base: SourceFile) {
            self.base = base
            sources = [base.path: base]
        }

        func finish(output: SourceFile?, sourceMap: RenderedOutputMap?, environment: EnvironmentLog? = nil) -> RenderedProject {
            RenderedProject(
                baseTemplate: base, output: output, sourceMap: sourceMap, sources: sources, problems: problems,
                environmentVariablesRead: environment?.namesRead ?? [],
                environmentValuesToMask: environment?.valuesRead ?? [],
                enterpriseOutputPath: enterpriseOutputPath
            )
        }
    }

    private func loadSettings(into run: inout Run) -> [MapKey: Value] {
        guard let folder = options.settingsDirectory else { return [:] }
        let loaded = SettingsLoader(limits: limits.files).load(folder: options.resolve(folder), shownAs: folder)
        for file in loaded.files { run.sources[file.path] = file }
        run.problems += loaded.problems
        return loaded.data
    }

    /// The `*.tmpl` files of the templates folder, in directory order.
    private func loadTemplates(into run: inout Run) -> [SourceFile] {
        guard let folder = options.templatesDirectory else { return [] }
        let entries: [ProjectDirectory.Entry]
        do {
            entries = try ProjectDirectory.list(options.resolve(folder))
        } catch {
            run.problems.append(.unreadableFolder(
                .templates, role: "templates", folder: folder, reason: error.description,
                hint: "point FC_TEMPLATES (or --templates) at an existing folder, or unset it"
            ))
            return []
        }
        var templates: [SourceFile] = []
        for entry in entries where entry.name.hasSuffix(".tmpl") {
            let shown = GoPath.join(folder, entry.name)
            do {
                let file = try SourceReader.read(path: options.resolve(shown), limits: limits.files)
                let template = SourceFile(path: shown, format: file.format, bytes: file.bytes)
                run.sources[shown] = template
                templates.append(template)
            } catch {
                run.problems.append(FlexibleConfigProblem(
                    code: .templates, message: "the template \(shown) cannot be read: \(error.message)",
                    location: .init(path: shown, span: Span(at: 0))
                ))
            }
        }
        return templates
    }

    /// A template error at its place: Go's message, with the `template: NAME:LINE:COL:` prefix turned into a
    /// position in the file that holds the template.
    private func problem(for error: any Error, code: FlexibleConfigProblem.Code, in sources: [String: SourceFile]) -> FlexibleConfigProblem {
        guard let error = error as? TemplateError else {
            return FlexibleConfigProblem(code: code, message: "\(error)", location: .init(path: "", span: Span(at: 0)))
        }
        return TemplateErrorPlacement.problem(for: error, code: code, sources: sources)
    }
}

/// Bounds on what rendering one project may spend.
public struct RenderLimits: Sendable {
    /// Bounds on every file read (base template, sub-templates, settings, partials).
    public var files: LoadLimits
    /// The largest rendered output, in bytes.
    public var maximumOutputBytes: Int
    /// The deepest nesting of template calls.
    public var maximumDepth: Int
    /// The most `range` iterations in one rendering (each is recorded in the source map, about 100 bytes).
    public var maximumRangeIterations: Int
    /// The largest string (bytes) or list (elements) a function builds (`repeat`, `until`, `seq`, `indent`…);
    /// a list of integers takes about 64 bytes an element.
    public var maximumFunctionResult: Int

    public init(
        files: LoadLimits = .default, maximumOutputBytes: Int = 64 << 20, maximumDepth: Int = 10_000,
        maximumRangeIterations: Int = 1_000_000, maximumFunctionResult: Int = 4 << 20
    ) {
        self.files = files
        self.maximumOutputBytes = maximumOutputBytes
        self.maximumDepth = maximumDepth
        self.maximumRangeIterations = maximumRangeIterations
        self.maximumFunctionResult = maximumFunctionResult
    }

    public static let `default` = RenderLimits()

    /// Whether a function stopped at ``maximumFunctionResult`` (the engine reports it as the function's error).
    static func isFunctionResultLimit(_ error: TemplateError) -> Bool {
        error.kind == .execution && error.description.contains("bytes or elements exceeds the limit of")
    }
}
