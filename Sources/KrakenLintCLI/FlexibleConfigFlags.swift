import ArgumentParser
import FlexibleConfig

/// The folders of a flexible-configuration project, shared by `render`, `lint` and `probe`. A flag left out
/// falls back to KrakenD's variable of the same meaning (`FC_SETTINGS`, `FC_PARTIALS`, `FC_TEMPLATES`,
/// `FC_OUT`, `FC_CONFIG`), so a project runs the way `krakend check` runs it.
struct FlexibleConfigFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Settings folder: its *.json files are the template's data (default: $FC_SETTINGS).", valueName: "dir"))
    var settings: String?

    @Option(help: ArgumentHelp("Partials folder that include reads from (default: $FC_PARTIALS).", valueName: "dir"))
    var partials: String?

    @Option(help: ArgumentHelp("Templates folder whose *.tmpl files join the template set (default: $FC_TEMPLATES).", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("fc-config"), help: ArgumentHelp("Enterprise Extended Flexible Configuration behaviour file (default: $FC_CONFIG).", valueName: "path"))
    var enterpriseConfig: String?

    /// The folders as given, without the parser.
    var chosen: FlexibleConfigFolders {
        FlexibleConfigFolders(settings: settings, partials: partials, templates: templates, enterpriseConfig: enterpriseConfig)
    }

    /// Whether any folder flag was given (which turns flexible configuration on for `lint` and `probe`).
    var anyGiven: Bool { chosen.anyGiven }

    /// The options KrakenD would use: the flags, else the environment's `FC_*` variables.
    func options(io: CommandIO, outputPath: String? = nil) -> FlexibleConfigOptions {
        chosen.options(io: io, outputPath: outputPath)
    }
}

/// The flexible-configuration folders given on the command line, as plain values (nil: not given).
struct FlexibleConfigFolders: Equatable, Sendable {
    var settings: String?
    var partials: String?
    var templates: String?
    var enterpriseConfig: String?

    /// Whether any folder was given (which turns flexible configuration on for `lint` and `probe`).
    var anyGiven: Bool { settings != nil || partials != nil || templates != nil || enterpriseConfig != nil }

    /// The options KrakenD would use: these folders, else the environment's `FC_*` variables.
    func options(io: CommandIO, outputPath: String? = nil) -> FlexibleConfigOptions {
        var options = FlexibleConfigOptions.fromEnvironment(io.environment.all, workingDirectory: io.currentDirectory)
        if let settings { options.settingsDirectory = settings }
        if let partials { options.partialsDirectory = partials }
        if let templates { options.templatesDirectory = templates }
        if let enterpriseConfig { options.enterpriseConfigPath = enterpriseConfig }
        if let outputPath { options.outputPath = outputPath }
        return options
    }
}
