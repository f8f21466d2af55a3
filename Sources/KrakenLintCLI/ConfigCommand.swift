import ArgumentParser
import ConfigTree
import Foundation
import KrakenLint
import Reporting

/// `krakenlint config --print [PATH]`: the configuration that applies to a file or directory.
struct ConfigCommand: IOCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective krakenlint configuration for a file or directory.",
        discussion: """
            Prints, as YAML, the .krakenlint.yml that `krakenlint lint` would use for PATH (default: the current
            directory), found by walking up to the repository root, or the file given with --config. For a file,
            it also lists every rule's level in effect there. A broken configuration is reported with positions
            and exit status 2.

            Examples:
              krakenlint config --print
              krakenlint config --print gateway/krakend.json
              krakenlint config --print --config ci/.krakenlint.yml gateway/krakend.json
            """
    )

    @Flag(help: "Print the effective configuration.")
    var print = false

    @Option(name: .customLong("config"), help: "Configuration file to use instead of searching for .krakenlint.yml.")
    var configPath: String?

    @Argument(help: "The file or directory whose configuration to show.")
    var path: String?

    func validate() throws {
        if !print { throw ValidationError("say what to do: --print shows the effective configuration") }
    }

    func run(io: CommandIO) throws -> ExitStatus {
        let discovery = ConfigurationDiscovery(currentDirectory: io.currentDirectory)
        let target = discovery.absolute(path ?? ".")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            throw UsageError("\(path ?? "."): no such file or directory")
        }
        let source = configPath ?? (isDirectory.boolValue ? discovery.configurationPath(inOrAbove: target) : discovery.configurationPath(forFile: target))
        guard let source else {
            io.out("# no .krakenlint.yml, .krakenlint.yaml or .krakenlint.json found from \(path ?? ".") up to the repository root;\n")
            io.out("# every rule runs at its default severity, fail-level is error\n")
            if !isDirectory.boolValue { io.out(effectiveRules(LintConfiguration(directory: "/").policy(for: nil), for: path ?? ".", ignored: false)) }
            return .success
        }
        let loaded: ConfigurationDiscovery.Loaded
        do {
            loaded = try discovery.load(source)
        } catch let error as UnreadableConfiguration {
            throw UsageError(error.description)
        }
        guard let configuration = loaded.configuration else {
            let report = Report(file: loaded.file, findings: loaded.diagnostics)
            io.err(TextReporter().render(Run(reports: [report], toolVersion: krakenlintVersion)))
            return .usage
        }
        io.out("# \(source)\n" + ConfigurationPrinter.yaml(configuration))
        if !isDirectory.boolValue {
            io.out(effectiveRules(configuration.policy(for: target), for: path ?? ".", ignored: configuration.ignores(target)))
        }
        return .success
    }

    /// The level of every rule for one file, as YAML comments (pointer-limited overrides are marked).
    private func effectiveRules(_ policy: RulePolicy, for path: String, ignored: Bool) -> String {
        if ignored { return "# \(path) is ignored by this configuration: lint skips it\n" }
        let rules = RuleRegistry.allDescriptions
        let width = rules.map(\.id.count).max() ?? 0
        var out = "# in effect for \(path):\n"
        for rule in rules {
            let level = policy.level(for: rule.id, at: .root)?.description ?? rule.defaultSeverity.rawValue
            let partial = policy.entries.contains { !$0.pointers.isEmpty && $0.setting.matches(rule.id) }
            out += "#   " + rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + level + (partial ? "  (other levels below some JSON Pointers)" : "") + "\n"
        }
        return out
    }
}

/// Writes a configuration back as YAML that `krakenlint` reads.
enum ConfigurationPrinter {
    static func yaml(_ configuration: LintConfiguration) -> String {
        var out = ""
        if let edition = configuration.edition { out += "edition: \(edition.rawValue)\n" }
        out += "fail-level: \((configuration.failLevel ?? .error).rawValue)\n"
        out += "rules:" + (configuration.rules.isEmpty ? " {}\n" : "\n")
        for setting in configuration.rules { out += "  \(JSONWriter.quote(setting.pattern)): \(setting.level)\n" }
        out += "ignore:" + (configuration.ignore.isEmpty ? " []\n" : "\n")
        for glob in configuration.ignore { out += "  - \(JSONWriter.quote(glob))\n" }
        out += "overrides:" + (configuration.overrides.isEmpty ? " []\n" : "\n")
        for override in configuration.overrides {
            let files = override.files.map { target in
                target.glob + (target.pointer.map { "#" + JSONPointer(tokens: $0).description } ?? "")
            }
            out += "  - files: [" + files.map(JSONWriter.quote).joined(separator: ", ") + "]\n"
            out += "    rules:" + (override.rules.isEmpty ? " {}\n" : "\n")
            for setting in override.rules { out += "      \(JSONWriter.quote(setting.pattern)): \(setting.level)\n" }
        }
        return out
    }
}
