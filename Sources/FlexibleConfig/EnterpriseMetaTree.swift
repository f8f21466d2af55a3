import ConfigTree
import GoTemplate

/// Enterprise's `.meta` variable (named by `meta_key`): the tree of the files involved in the configuration.
/// Its layout is not public, so krakenlint does not invent one. The variable exists, so that a template that
/// reads it is not taken for a typo, and every use of it is an error at the action: a field or method of
/// it fails when executed, and printing it (directly, through `printf` or `marshal`) leaves a marker in the
/// output that ``problems(in:sourceMap:metaKey:)`` turns into an error at the action that printed it.
struct EnterpriseMetaTree: GoObject {
    let key: String

    /// What printing the variable writes: no real configuration contains it, and `marshal` escapes none of it.
    static func marker(_ key: String) -> String { "{.\(key): not modelled by krakenlint}" }

    var goType: GoType { .named("krakenlint.UnmodelledMeta") }
    var goKind: String { "struct" }
    var formatted: String { Self.marker(key) }
    var jsonValue: Value? { .string(Self.marker(key)) }

    func member(_ name: String) throws -> Value? {
        throw FunctionError(
            ".\(key) is Enterprise's tree of the files involved, whose layout is not public; krakenlint cannot render what Enterprise puts here"
        )
    }

    /// One error at each action that printed the variable, with how often it did.
    static func problems(in output: SourceFile, sourceMap: RenderedOutputMap?, key: String) -> [FlexibleConfigProblem] {
        let marker = Array(Self.marker(key).utf8)
        let bytes = output.bytes
        guard bytes.count >= marker.count, let first = marker.first else { return [] }
        var found: [(location: FlexibleConfigProblem.Location, offset: Int, count: Int)] = []
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == first, bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            let location = SourceMapping.action(at: index, in: sourceMap)
                ?? .init(path: output.path, span: Span(start: index, end: index + marker.count))
            if let seen = found.firstIndex(where: { $0.location == location }) {
                found[seen].count += 1
            } else {
                found.append((location, index, 1))
            }
            index += marker.count
        }
        return found.map { place in
            FlexibleConfigProblem(
                code: .execution,
                message: "this action prints .\(key), Enterprise's tree of the files involved, whose layout is not public; "
                    + "krakenlint cannot render what Enterprise puts here" + RenderWarnings.times(place.count),
                location: place.location,
                notes: [.init(message: "rendered here", location: .init(path: output.path, span: Span(start: place.offset, end: place.offset + marker.count)))],
                hint: "check this part with Enterprise's own krakend check, or build it from settings files instead of .\(key)"
            )
        }
    }
}
