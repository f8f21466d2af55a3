// libFuzzer target: the YAML reader over arbitrary bytes, through both of its paths (the direct event loop, and
// the pipeline that parses on a second thread, which files of 512 KB and more take). Both must give the same
// issues and the same tree; every span lies inside the input; an accepted tree reads back the same from JSON.
@testable import ConfigTree

@_cdecl("LLVMFuzzerTestOneInput")
public func yamlReaderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.yaml", format: .yaml, bytes: fuzzInput(data, size))
    // A smaller alias budget than the default keeps each run short; the limit's code path is the same.
    let limits = LoadLimits(maxYAMLNodes: 100_000)
    let direct = YAMLReader.read(file, limits: limits, pipelineThreshold: Int.max)
    SpanCheck.check(direct, in: file)
    if let root = direct.root { JSONText.checkRoundTrip(root, from: "YAML") }
    let pipelined = YAMLReader.read(file, limits: limits, pipelineThreshold: 0)
    if pipelined.issues != direct.issues {
        violated("the pipeline reports \(pipelined.issues.map(\.message)), the direct reader \(direct.issues.map(\.message))")
    }
    switch (direct.root, pipelined.root) {
    case (nil, nil): break
    case (let a?, let b?): if !SpanCheck.sameTree(a, b) { violated("the pipeline builds another tree than the direct reader") }
    default: violated("the pipeline and the direct reader disagree on accepting")
    }
    return 0
}
