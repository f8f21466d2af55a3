// libFuzzer target: the whole lint of one input (JSON or YAML, chosen from the content as `lint -` does), then
// every report format. Never crashes; every finding lies inside the file; an unreadable file has an error;
// findings come sorted. Mutations are structure-aware (StructureMutator).
import ConfigTree
import Findings
import KrakenLint
import Reporting

private let linter = Linter()
private let settings = ReportSettings(verbose: true, color: true, paths: ArtifactPath(root: "/", currentDirectory: "/"))

@_cdecl("LLVMFuzzerTestOneInput")
public func lintFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let format = SourceReader.sniffFormat(bytes)
    let file = SourceFile(path: format == .json ? "fuzz.json" : "fuzz.yaml", format: format, bytes: bytes)
    let linted = linter.lintedFile(file)
    let report = linted.report
    for diagnostic in report.diagnostics {
        SpanCheck.check(diagnostic.span, in: file, what: "finding [\(diagnostic.ruleID)] \(diagnostic.message)")
        // A finding about a missing member ("no host") points at where it would be: its parent must exist.
        // With a repeated key, a pointer may go through the earlier member (which `resolve` skips, as KrakenD
        // keeps the last): any member of that name will do.
        let tokens = diagnostic.pointer.tokens[...]
        if let root = linted.root, !reachable(root, tokens), !reachable(root, tokens.dropLast()) {
            violated("finding [\(diagnostic.ruleID)] points at \(diagnostic.pointer), which is not in the file")
        }
    }
    if linted.root == nil, !report.diagnostics.contains(where: { $0.severity == .error }) {
        violated("an unreadable file without an error finding")
    }
    if zip(report.diagnostics, report.diagnostics.dropFirst()).contains(where: { Finding.ordered($1, $0) }) {
        violated("findings out of order")
    }
    let run = Run(reports: [report], toolVersion: "fuzz")
    for format in ReportFormat.allCases { _ = format.reporter(settings).render(run) }
    return 0
}

/// Whether `tokens` lead from `node` to a value, through any of the members that share a key.
private func reachable(_ node: Node, _ tokens: ArraySlice<String>) -> Bool {
    guard let token = tokens.first else { return true }
    switch node.value {
    case .object(let members):
        return members.contains { $0.key == token && reachable($0.value, tokens.dropFirst()) }
    case .array(let elements):
        guard let index = Int(token), elements.indices.contains(index) else { return false }
        return reachable(elements[index], tokens.dropFirst())
    default:
        return false
    }
}

@_cdecl("LLVMFuzzerCustomMutator")
public func lintFuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    StructureMutator.mutate(data, size: size, maxSize: maxSize, seed: seed)
}
