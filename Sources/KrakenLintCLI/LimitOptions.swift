import ArgumentParser
import ConfigTree
import Foundation

/// The input limits every reading command shares (`lint`, `audit`, `validate`): each has a documented default
/// and can be raised for a file that legitimately needs more. See docs/reliability.md.
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest input file, in bytes (default: 67108864, 64 MiB).", valueName: "bytes"))
    var maxFileSize: Int = LoadLimits.default.maxFileSize

    @Option(help: ArgumentHelp("Deepest nesting of objects and arrays (default: 1000).", valueName: "levels"))
    var maxDepth: Int = LoadLimits.default.maxDepth

    @Option(help: ArgumentHelp("Longest object key, in bytes (default: 4096).", valueName: "bytes"))
    var maxKeyLength: Int = LoadLimits.default.maxKeyLength

    @Option(help: ArgumentHelp("Most nodes a YAML document may expand to through anchors and aliases (default: 2000000).", valueName: "nodes"))
    var maxYamlNodes: Int = LoadLimits.default.maxYAMLNodes

    @Option(help: ArgumentHelp("Most values (objects, arrays, strings, numbers...) a JSON document may hold (default: 4000000).", valueName: "nodes"))
    var maxJsonNodes: Int = LoadLimits.default.maxJSONNodes

    @Option(help: ArgumentHelp("Seconds one file may take to check; a file that takes longer is reported and not checked (default: 30).", valueName: "seconds"))
    var timeBudget: Double = LimitOptions.defaultTimeBudget

    static let defaultTimeBudget = 30.0

    var loadLimits: LoadLimits {
        LoadLimits(maxFileSize: maxFileSize, maxDepth: maxDepth, maxKeyLength: maxKeyLength, maxYAMLNodes: maxYamlNodes, maxJSONNodes: maxJsonNodes)
    }

    var timeBudgetDuration: Duration { Self.duration(seconds: timeBudget) }

    /// A budget in seconds as the duration the limit uses, rounded up to the millisecond.
    static func duration(seconds: Double) -> Duration { .milliseconds(Int64((seconds * 1000).rounded(.up))) }

    func validate() throws {
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-depth", maxDepth), ("--max-key-length", maxKeyLength), ("--max-yaml-nodes", maxYamlNodes), ("--max-json-nodes", maxJsonNodes)] where value < 1 {
            throw ValidationError("\(name) must be at least 1, got \(value)")
        }
        if !(timeBudget > 0) || !timeBudget.isFinite { throw ValidationError("--time-budget must be a positive number of seconds, got \(timeBudget)") }
    }
}
