import JSONSchema

/// The `schema/*` findings: the configuration breaks the KrakenD schema (krakenlint's own, in `schemas/`,
/// or the one given with `--schema`). One id per JSON Schema keyword, so a team can tune them separately.
public enum SchemaRules {
    /// The rule id for an engine error on `keyword`: `additionalProperties` becomes `schema/additional-properties`.
    public static func ruleID(forKeyword keyword: String) -> String { ValidationError.ruleID(forKeyword: keyword) }

    private static func rule(
        _ keyword: String, _ summary: String, _ explanation: String, _ fix: String,
        triggering: @autoclosure @escaping @Sendable () -> [RuleExample],
        nonTriggering: @autoclosure @escaping @Sendable () -> [RuleExample]
    ) -> RuleDescription {
        RuleDescription(
            id: ruleID(forKeyword: keyword), severity: .error, summary: summary,
            explanation: explanation + " KrakenD's own `krakend check --lint` reports the same problem; the runtime may ignore it silently or refuse to start.",
            fix: fix, triggering: triggering(), nonTriggering: nonTriggering()
        )
    }

    public static let descriptions: [RuleDescription] = [
        rule("required", "A required property is missing",
             "The schema requires this property at this place, for example `endpoint` and `backend` in an endpoint, `url_pattern` in a backend.",
             "Add the missing property.",
             triggering: [
                 RuleExample(#"{"version": 3, "endpoints": [↓{"backend": [{"url_pattern": "/a"}]}]}"#),
                 RuleExample(#"{"version": 3, ↓"tls": {}}"#),
             ],
             nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a"}]}]}"#)]),
        rule("additionalProperties", "A property is not allowed here",
             "Objects in a KrakenD configuration are closed: a misspelled or misplaced key is rejected by the schema and ignored by the runtime, so the setting you meant never applies. Keys starting with @, $, _ or # are comments and always allowed.",
             "Fix the spelling (the message suggests the closest allowed name) or move the key where it belongs.",
             triggering: [RuleExample(#"{"version": 3, ↓"timeuot": "3s"}"#), RuleExample("version: 3\n↓timeuot: 3s\n", format: .yaml)],
             nonTriggering: [RuleExample(#"{"version": 3, "timeout": "3s", "@comment": "fine"}"#)]),
        rule("type", "A value has the wrong type",
             "KrakenD expects a specific JSON type here: a duration is a string (\"3s\"), a port is an integer, a host list is an array of strings.",
             "Write the value with the expected type.",
             triggering: [RuleExample(#"{"version": 3, "port": ↓"8080"}"#), RuleExample(#"{"version": 3, "cache_ttl": ↓3600}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "port": 8080}"#)]),
        rule("enum", "A value is not one of the allowed values",
             "Only the listed values are accepted here; matching is case-sensitive (\"get\" is not \"GET\").",
             "Use one of the values the message lists.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "method": ↓"TRACE", "backend": [{"url_pattern": "/a"}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "method": "POST", "backend": [{"url_pattern": "/a"}]}]}"#)]),
        rule("const", "A value differs from the only value allowed",
             "The schema fixes this value, for example `version` must be 3.",
             "Write the value the message names.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"modifier/martian": {"header.Id": {"scope": ↓"request"}}}}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3}"#)]),
        rule("pattern", "A string does not have the required form",
             "Durations are one integer and a unit (\"300ms\", \"2s\", \"1m\"; not \"1.5s\" or \"1m30s\"), endpoint paths start with / and contain no *, ?, & or % except a trailing /*.",
             "Rewrite the string in the form the message describes.",
             triggering: [RuleExample(#"{"version": 3, "timeout": ↓"1.5s"}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "timeout": "1500ms"}"#)]),
        rule("minimum", "A number is below the allowed minimum",
             "The schema sets a lower bound for this number.", "Use a value within the bounds the message names.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "concurrent_calls": ↓0, "backend": [{"url_pattern": "/a"}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "concurrent_calls": 2, "backend": [{"url_pattern": "/a"}]}]}"#)]),
        rule("maximum", "A number is above the allowed maximum",
             "The schema sets an upper bound for this number (a port is at most 65535, concurrent_calls at most 5).", "Use a value within the bounds the message names.",
             triggering: [RuleExample(#"{"version": 3, "port": ↓70000}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "port": 8080}"#)]),
        rule("minItems", "An array has too few items",
             "The schema requires at least this many items, for example TLS needs at least one key pair. (An endpoint without backends is reported by krakend/endpoint-without-backends.)", "Add the missing items.",
             triggering: [RuleExample(#"{"version": 3, "tls": {↓"keys": []}}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a"}]}]}"#)]),
        rule("maxItems", "An array has too many items",
             "The schema allows at most this many items here.", "Remove the extra items.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "extra_config": {"auth/validator": {"alg": "RS256", "jwk_url": "http://x", "propagate_claims": [↓["a", "b", "c"]]}}, "backend": [{"url_pattern": "/a", "host": ["http://a"]}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3}"#)]),
        rule("uniqueItems", "An array repeats an item",
             "Lists such as input_headers must not repeat an entry.", "Remove the repeated item.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", ↓"input_headers": ["X-A", "X-A"], "backend": [{"url_pattern": "/a"}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "input_headers": ["X-A", "X-B"], "backend": [{"url_pattern": "/a"}]}]}"#)]),
        rule("minLength", "A string is too short",
             "The schema requires a non-empty string here. (An empty backend host is reported by krakend/invalid-host.)", "Fill in the value.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"workflow": {"endpoint": "/w", "backend": [{"url_pattern": "/b", "host": [↓""]}]}}}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["https://b"]}]}]}"#)]),
        rule("maxLength", "A string is too long", "The schema bounds this string's length.", "Shorten the value.", triggering: [], nonTriggering: [RuleExample(#"{"version": 3}"#)]),
        rule("minProperties", "An object has too few properties", "The schema requires at least this many keys in this object.", "Add the missing settings.",
             triggering: [RuleExample(#"{"version": 3, "extra_config": {↓"security/bot-detector": {}}}"#)],
             nonTriggering: [RuleExample(#"{"version": 3}"#)]),
        rule("maxProperties", "An object has too many properties", "The schema allows at most this many keys in this object.", "Remove settings.",
             triggering: [RuleExample(#"{"version": 3, "endpoints": [{"endpoint": "/a", "backend": [{"url_pattern": "/a", "host": ["http://a"], "extra_config": {"modifier/response-body": {"modifiers": [↓{"regexp": {"field": "a", "find": "b", "replace": "c"}, "literal": {"field": "a", "find": "b", "replace": "c"}}]}}}]}]}"#)],
             nonTriggering: [RuleExample(#"{"version": 3}"#)]),
        rule("oneOf", "A value matches none, or more than one, of the allowed forms",
             "Some settings accept one of several forms (for example exactly one of two ways to configure a namespace). The message shows the errors of the form that came closest.",
             "Follow the form the message describes, and only one of them.",
             triggering: [RuleExample(#"{"version": 3, "extra_config": {↓"server/virtualhost": {"hosts": ["a"], "aliased_hosts": {"b": "a"}}}}"#)],
             nonTriggering: [RuleExample(#"{"version": 3}"#)]),
        rule("anyOf", "A value matches none of the allowed forms",
             "Some settings accept one of several forms; this value fits none. The message shows the errors of the form that came closest.",
             "Follow the form the message describes.",
             triggering: [RuleExample(#"{"version": 3, "tls": ↓"on"}"#)],
             nonTriggering: [RuleExample(#"{"version": 3, "tls": null}"#)]),
    ]
}
