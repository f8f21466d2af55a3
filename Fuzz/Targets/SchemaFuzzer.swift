// libFuzzer target: compile an arbitrary schema and validate an arbitrary instance with it. The input is the
// schema's JSON, a NUL byte, the instance's JSON. Compiling may refuse the schema (SchemaError), never crash or
// hang; the fast yes/no path and the full error path must agree; every error points into the instance.
import ConfigTree
import JSONSchema

@_cdecl("LLVMFuzzerTestOneInput")
public func schemaFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    let schemaFile = SourceFile(path: "schema.json", format: .json, bytes: Array(bytes[..<split]))
    let instanceFile = SourceFile(path: "instance.json", format: .json, bytes: split < bytes.count ? Array(bytes[(split + 1)...]) : Array("null".utf8))
    guard let schema = ConfigLoader.loadJSONValue(schemaFile).root, let instance = ConfigLoader.loadJSONValue(instanceFile).root else { return 0 }
    let options = ValidationOptions(formatAssertion: size % 2 == 0)
    guard let validator = try? Validator(schema: schema, uri: "https://fuzz.example/schema.json", options: options) else { return 0 }
    let valid = validator.isValid(instance)
    let errors = validator.validate(instance)
    if valid != errors.isEmpty {
        violated("isValid says \(valid) but validate returns \(errors.count) errors: \(errors.prefix(3).map(\.message))")
    }
    for error in errors where instance.resolve(error.instancePointer) == nil && instance.keySpan(at: error.instancePointer) == nil {
        violated("error \"\(error.message)\" points at \(error.instancePointer), which is not in the instance")
    }
    return 0
}

@_cdecl("LLVMFuzzerCustomMutator")
public func schemaFuzzerCustomMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    // Mutate the schema or the instance on its own, so the separator survives.
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let split = bytes.firstIndex(of: 0) else { return StructureMutator.mutate(data, size: size, maxSize: maxSize, seed: seed) }
    let mutateSchema = seed % 3 != 0
    var part = mutateSchema ? Array(bytes[..<split]) : Array(bytes[(split + 1)...])
    let room = maxSize - (size - part.count)
    guard room > 0 else { return libFuzzerMutate(data, size, maxSize) }
    let originalCount = part.count
    part += Array(repeating: 0, count: max(0, room - originalCount))
    let newCount = part.withUnsafeMutableBufferPointer { StructureMutator.mutate($0.baseAddress!, size: originalCount, maxSize: room, seed: seed / 3) }
    let mutated = Array(part[..<newCount])
    let out = mutateSchema ? mutated + [0] + bytes[(split + 1)...] : Array(bytes[...split]) + mutated
    out.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: out.count) }
    return out.count
}
