import ConfigTree
import GoTemplate

/// Enterprise's `$ref` (or `ref_key`) objects: an object `{"$ref": "path"}` in the rendered output is replaced
/// by the render of the file it names, with the same data, relative to the base template's folder. The
/// replacement is spliced into the output bytes, so every other byte keeps its place and its origin.
///
/// Referenced files may reference others; a chain deeper than ``maximumPasses`` (a cycle, most likely) is
/// an error.
struct ReferenceResolver {
    static let maximumPasses = 16

    let key: String
    /// The folder relative references are resolved against, as shown and as opened.
    let folder: (shown: String, opened: String)
    let limits: RenderLimits

    struct Outcome {
        var output: [UInt8]
        var map: RenderedOutputMap
        var files: [SourceFile] = []
        var problems: [FlexibleConfigProblem] = []
    }

    func resolve(_ output: [UInt8], map: RenderedOutputMap, set: TemplateSet, data: Value, execution: ExecutionOptions,
                 sources: [String: SourceFile]) -> Outcome {
        var outcome = Outcome(output: output, map: map)
        var known = sources
        for _ in 0..<Self.maximumPasses {
            let rendered = SourceFile(path: "rendered", format: .json, bytes: outcome.output)
            guard let root = ConfigLoader.loadJSONValue(rendered, limits: limits.files).root else { return outcome }
            var references: [(object: Span, path: String, value: Span)] = []
            collect(root, into: &references)
            if references.isEmpty { return outcome }
            for reference in references.sorted(by: { $0.object.start > $1.object.start }) {
                let mapping = SourceMapping(map: outcome.map, sources: known)
                let place = mapping.origin(of: reference.value)?.location ?? .init(path: rendered.path, span: reference.value)
                let shown = reference.path.hasPrefix("/") ? reference.path : GoPath.join(folder.shown, reference.path)
                let opened = reference.path.hasPrefix("/") ? reference.path : GoPath.join(folder.opened, reference.path)
                guard let read = try? SourceReader.read(path: opened, limits: limits.files) else {
                    outcome.problems.append(FlexibleConfigProblem(
                        code: .reference, message: "\(key) names \(shown), which cannot be read; Enterprise cannot replace this object",
                        location: place
                    ))
                    continue
                }
                let file = SourceFile(path: shown, format: .json, bytes: read.bytes)
                known[shown] = file
                outcome.files.append(file)
                let result: RenderResult
                do {
                    try set.parse(name: "\(key):\(shown)", text: String(decoding: file.bytes, as: UTF8.self), source: shown)
                    result = try set.execute("\(key):\(shown)", data: data, options: execution)
                } catch {
                    outcome.problems.append(TemplateErrorPlacement.problem(
                        for: error, code: error.kind == .parse ? .parse : .execution, sources: known
                    ))
                    continue
                }
                guard let referenced = result.sourceMap else { continue }
                let replaced = reference.object.start..<reference.object.end
                outcome.output.replaceSubrange(replaced, with: result.output)
                outcome.map.splice(replacing: replaced, with: referenced, length: result.output.count)
            }
            if outcome.problems.contains(where: { $0.severity == .error }) { return outcome }
        }
        outcome.problems.append(FlexibleConfigProblem(
            code: .reference,
            message: "\(key) objects are still present after \(Self.maximumPasses) rounds of replacement: the referenced files refer to each other in a cycle",
            location: .init(path: "rendered", span: Span(at: 0))
        ))
        return outcome
    }

    /// Every object holding the reference key with a string value, outermost only.
    private func collect(_ node: Node, into references: inout [(object: Span, path: String, value: Span)]) {
        if let members = node.members {
            if let reference = members.first(where: { $0.key == key }), let path = reference.value.string {
                references.append((node.span, path, reference.value.span))
                return
            }
            for member in members { collect(member.value, into: &references) }
        } else if let elements = node.elements {
            for element in elements { collect(element, into: &references) }
        }
    }
}
