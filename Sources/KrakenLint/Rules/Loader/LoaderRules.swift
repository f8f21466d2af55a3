import ConfigTree

/// Descriptions of the findings the loader itself produces (they are not visitor rules: the readers emit them).
public enum LoaderRules {
    public static let syntax = RuleDescription(
        id: "syntax", severity: .error,
        summary: "The file is not valid JSON or YAML",
        explanation: "KrakenD cannot start with a configuration it cannot parse. The message says what the reader expected at that spot; common slips are trailing commas, comments in JSON, and single backslashes in strings such as \"DOMAIN\\user\".",
        fix: "Correct the syntax at the position shown.",
        triggering: [
            RuleExample("{\"version\": 3↓,}"),
            RuleExample("{\"version\": 3 ↓\"port\": 8080}"),
        ],
        nonTriggering: [RuleExample("{\"version\": 3, \"port\": 8080}")]
    )

    public static let encoding = RuleDescription(
        id: "encoding", severity: .error,
        summary: "The file is not UTF-8, or starts with a byte-order mark",
        explanation: "Configuration files must be UTF-8. KrakenD's JSON decoder also refuses a UTF-8 byte-order mark.",
        fix: "Save the file as UTF-8 without a byte-order mark.",
        triggering: [RuleExample("↓\u{FEFF}{\"version\": 3}")], nonTriggering: [RuleExample("{\"version\": 3, \"name\": \"café\"}")]
    )

    public static let duplicateKey = RuleDescription(
        id: "duplicate-key", severity: .warning,
        summary: "An object repeats a key; KrakenD keeps the last one",
        explanation: "JSON allows repeated keys, and KrakenD's decoder silently keeps the last value, so the first one is dead configuration and usually a merge mistake. (In YAML a repeated key is a syntax error, as in KrakenD's YAML library.)",
        fix: "Remove or merge one of the two members.",
        triggering: [RuleExample("{\"version\": 3, \"port\": 8080, ↓\"port\": 9090}")],
        nonTriggering: [RuleExample("{\"version\": 3, \"port\": 8080}")]
    )

    public static let limit = RuleDescription(
        id: "limit", severity: .error,
        summary: "The file exceeds a size, depth, expansion or time limit",
        explanation: "krakenlint bounds file size, nesting depth, key length, YAML alias expansion and the time one file may take, so that a broken or hostile file cannot exhaust memory, the stack or the run. No real KrakenD configuration comes near these limits; docs/reliability.md lists the defaults.",
        fix: "Check the file for runaway nesting or alias expansion; a file that really is this large can pass with --max-file-size, --max-depth, --max-key-length, --max-yaml-nodes, --max-json-nodes or --time-budget.",
        triggering: [RuleExample("{\"version\": 3, \"a\": " + String(repeating: "[", count: 999) + "↓[[" + String(repeating: "]", count: 1001) + "}")],
        nonTriggering: [RuleExample("{\"version\": 3, \"endpoints\": [{\"endpoint\": \"/a\", \"backend\": [{\"url_pattern\": \"/b\", \"mapping\": {\"x\": \"y\"}}]}]}")]
    )

    public static let structure = RuleDescription(
        id: "structure", severity: .error,
        summary: "The document cannot be a KrakenD configuration",
        explanation: "A KrakenD configuration is a single JSON object or YAML mapping. An empty file, a top-level array or scalar, or several YAML documents in one file cannot be loaded.",
        fix: "Make the file a single object with \"version\": 3 at the top.",
        triggering: [RuleExample("↓[1, 2]")],
        nonTriggering: [RuleExample("{\"version\": 3}")]
    )

    public static let all = [syntax, encoding, duplicateKey, limit, structure]
}
