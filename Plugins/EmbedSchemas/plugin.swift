import Foundation
import PackagePlugin

/// Embeds every `*.json` file under the package's `schemas/` folder into the target as Swift source,
/// so the binary carries the KrakenD schema and needs no files beside it.
@main
struct EmbedSchemas: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let schemasDirectory = context.package.directoryURL.appending(path: "schemas")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSchemas.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: schemasDirectory, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where url.pathExtension == "json" {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) schema files",
                executable: try context.tool(named: "SchemaEmbedder").url,
                arguments: [schemasDirectory.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
