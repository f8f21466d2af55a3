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
        if let root = linted.root, root.resolve(diagnostic.pointer) == nil, root.keySpan(at: diagnostic.pointer) == nil,
           root.resolve(JSONPointer(tokens: Array(diagnostic.pointer.tokens.dropLast()))) == nil {
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

@_cdecl("LLVMFuzzerCustomMutator")
public func lintFuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    StructureMutator.mutate(data, size: size, maxSize: maxSize, seed: seed)
}
