import CYAML

/// YAML reader on libyaml's event API. (Being written on the `tree` branch.)
enum YAMLReader {
    static func read(_ file: SourceFile, limits: LoadLimits) -> LoadResult {
        LoadResult(root: nil, issues: [LoadIssue(code: .structure, message: "YAML reader not available yet (libyaml \(String(cString: yaml_get_version_string())))", span: Span(at: file.position(ofOffset: 0)))])
    }
}
