import FlexibleConfig
import KrakenLint

/// A flexible-configuration project declared by `.krakenlint.yml` (`flexible-config:`): its paths are relative
/// to the configuration's directory and are shown relative to the working directory.
enum FlexibleConfigProject {
    static func absolute(_ path: String, in configuration: LintConfiguration) -> String {
        if path.hasPrefix("/") { return path }
        return InputFiles.joined(configuration.directory, path)
    }

    /// `absolute` relative to the working directory when it lies below it, so paths in findings open from there.
    static func shown(_ absolute: String, io: CommandIO) -> String {
        let prefix = io.currentDirectory.hasSuffix("/") ? io.currentDirectory : io.currentDirectory + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// Whether `absolute` lies in one of the project's settings, partials or templates folders.
    static func holds(_ absolute: String, _ project: FlexibleConfigSettings, configuration: LintConfiguration) -> Bool {
        project.folders.contains { folder in
            let root = Self.absolute(folder, in: configuration)
            return absolute.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }

    /// The options to render the project with; a folder flag on the command line overrides the file.
    static func options(_ project: FlexibleConfigSettings, configuration: LintConfiguration, flags: FlexibleConfigFolders, io: CommandIO) -> FlexibleConfigOptions {
        func folder(_ path: String?) -> String? { path.map { shown(absolute($0, in: configuration), io: io) } }
        return FlexibleConfigOptions(
            settingsDirectory: flags.settings ?? folder(project.settings),
            partialsDirectory: flags.partials ?? folder(project.partials),
            templatesDirectory: flags.templates ?? folder(project.templates),
            outputPath: folder(project.out),
            enterpriseConfigPath: flags.enterpriseConfig ?? folder(project.enterpriseConfig),
            environment: io.environment.all, workingDirectory: io.currentDirectory
        )
    }
}
