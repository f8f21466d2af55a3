// libFuzzer target: the JSON reader over arbitrary bytes. It accepts or refuses, never crashes; every span and
// issue lies inside the input; an accepted tree written back as JSON reads back the same; the read split over two
// threads (forced on these small inputs) gives exactly what the read on one gives.
@testable import ConfigTree

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonReaderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.json", format: .json, bytes: fuzzInput(data, size))
    let anyValue = ConfigLoader.loadJSONValue(file)
    SpanCheck.check(anyValue, in: file)
    if let root = anyValue.root { JSONText.checkRoundTrip(root, from: "JSON") }
    let split = JSONReader.read(file, limits: .default, anyTopLevel: true, splitSize: 0)
    if split.issues != anyValue.issues { violated("the split read reports other issues: \(split.issues.map(\.message))") }
    switch (split.root, anyValue.root) {
    case (nil, nil): break
    case (let left?, let right?): if !SpanCheck.sameTree(left, right) { violated("the split read gives another tree") }
    default: violated("the split read and the serial read disagree on whether the input is JSON")
    }
    // The configuration entry point refuses what is not an object, and otherwise agrees with the value reader.
    let configuration = ConfigLoader.load(file)
    SpanCheck.check(configuration, in: file)
    if configuration.root != nil, anyValue.root == nil { violated("accepted as a configuration but not as a JSON value") }
    if let root = anyValue.root, root.isObject, configuration.root == nil {
        violated("an object refused as a configuration: \(configuration.issues.first?.message ?? "?")")
    }
    return 0
}
