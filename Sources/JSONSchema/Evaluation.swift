import Foundation
import ConfigTree

/// One validation run: the dynamic scope, the current locations (tracked only when errors are
/// collected), the errors, and the limits that keep hostile input from crashing or hanging.
final class Evaluation {
    let options: ValidationOptions
    /// When false nothing is built: the first failure ends the run (the yes/no path).
    @exclusivity(unchecked) var collecting: Bool
    @exclusivity(unchecked) var errors: [ValidationError] = []
    @exclusivity(unchecked) var scope: [CompiledResource] = []
    @exclusivity(unchecked) var instanceTokens: [String] = []
    @exclusivity(unchecked) var keywordTokens: [String] = []
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var inPlaceChain = 0
    /// The object and the array whose members or elements are lent right now (`lending`), and those
    /// buffers: valid only while the `lending` call that set them runs, which restores the previous ones.
    @exclusivity(unchecked) var lentObject: UnsafePointer<Node>?
    @exclusivity(unchecked) var lentMembers = UnsafeBufferPointer<Member>(start: nil, count: 0)
    @exclusivity(unchecked) var lentArray: UnsafePointer<Node>?
    @exclusivity(unchecked) var lentElements = UnsafeBufferPointer<Node>(start: nil, count: 0)
    /// Set when a limit stopped the run; the result is then invalid whatever else happened.
    @exclusivity(unchecked) var limitExceeded = false

    /// Whether this run returns errors at all (`collecting` is switched off temporarily inside probes).
    let collectsErrors: Bool
    /// Set while a value is judged on the yes/no path before errors are collected for it.
    @exclusivity(unchecked) var prejudging = false

    /// True where only the answer matters and no error built here can reach the result: runs that
    /// collect no errors, and prejudging (whose errors, limits included, are discarded).
    var onYesOrNoPath: Bool { !collecting && (!collectsErrors || prejudging) }

    /// Whether `scope` is maintained; only `$dynamicRef` and `$recursiveRef` read it.
    let tracksScope: Bool

    /// Whether `lending` asks for the storage of a value's children ahead of the walk: only for an instance too
    /// large to stay in the core's caches (`prefetchThreshold`), where it saves a tenth of the time; in a small
    /// one the children's storage is in cache already, and the hint would only add instructions.
    let prefetchesChildren: Bool

    /// The size of source text (bytes) from which an instance's tree is taken not to fit the core's caches. The
    /// tree takes about seven times its source (a member is 56 bytes); 64 KiB of source make about the 512 KiB
    /// of this machine's level-2 cache.
    static let prefetchThreshold = 64 << 10

    init(options: ValidationOptions, collecting: Bool, tracksScope: Bool, instance: Node) {
        self.options = options
        self.collecting = collecting
        self.collectsErrors = collecting
        self.tracksScope = tracksScope
        prefetchesChildren = instance.span.end - instance.span.start >= Self.prefetchThreshold
        depthCeiling = options.maxDepth
    }

    var instancePointer: JSONPointer { JSONPointer(tokens: instanceTokens) }

    var keywordLocation: String {
        var text = ""
        for token in keywordTokens {
            text += "/"
            text += JSONPointer.escape(token)
        }
        return text
    }

    /// Set when the instance turned out deeper than the calling thread's stack allows; the
    /// validator then reruns on a large-stack thread.
    @exclusivity(unchecked) var needsDeepStack = false
    /// Instance depth allowed before asking for a large stack (Int.max once on one).
    @exclusivity(unchecked) var inlineDepthLimit = Int.max {
        didSet { depthCeiling = min(inlineDepthLimit, options.maxDepth) }
    }
    /// The lower of `inlineDepthLimit` and the options' `maxDepth`: below it, neither limit is near.
    @exclusivity(unchecked) private(set) var depthCeiling: Int

    /// Reports a limit that stopped validation; recorded even inside probes, since it decides the result.
    func reportLimit(_ schema: SchemaNode, _ keyword: String, _ message: String, instanceToken: String? = nil) {
        guard collectsErrors else { return }
        let saved = collecting
        collecting = true
        report(schema, keyword, message, instanceToken: instanceToken)
        errors[errors.count - 1].isLimit = true
        collecting = saved
    }

    func report(_ schema: SchemaNode, _ keyword: String, _ message: String, instanceToken: String? = nil, suggestions: [String] = [], allowedNames: [String] = []) {
        guard collecting else { return }
        var pointer = instancePointer
        if let instanceToken { pointer = pointer.appending(instanceToken) }
        errors.append(ValidationError(
            instancePointer: pointer,
            keywordLocation: keywordLocation,
            absoluteKeywordLocation: schema.absoluteLocation + "/" + JSONPointer.escape(keyword),
            keyword: keyword,
            message: message,
            suggestions: suggestions,
            allowedNames: allowedNames
        ))
    }

    /// Shows an instance value in a message, unless the location holds a secret.
    func show(_ node: Node, token: String? = nil) -> String {
        var pointer = instancePointer
        if let token { pointer = pointer.appending(token) }
        if options.isSecret(pointer) { return "(hidden value)" }
        return ValueText.render(node)
    }
}

/// Short, readable renderings of JSON values for messages.
enum ValueText {
    static let maximumLength = 80

    static func render(_ node: Node) -> String {
        let text: String
        switch node.value {
        case .string(let value): text = quote(value)
        case .number(let number): text = number.literal
        case .bool(let flag): text = flag ? "true" : "false"
        case .null: text = "null"
        case .array(let elements): text = elements.isEmpty ? "[]" : "an array of \(elements.count) item\(elements.count == 1 ? "" : "s")"
        case .object(let members): text = members.isEmpty ? "{}" : "an object with \(members.count) propert\(members.count == 1 ? "y" : "ies")"
        }
        return text
    }

    static func quote(_ value: String) -> String {
        var body = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": body += "\\\""
            case "\\": body += "\\\\"
            case "\n": body += "\\n"
            case "\t": body += "\\t"
            case "\r": body += "\\r"
            default:
                if scalar.value < 0x20 { body += String(format: "\\u%04X", scalar.value) } else { body.unicodeScalars.append(scalar) }
            }
            if body.unicodeScalars.count > maximumLength {
                body += "..."
                break
            }
        }
        return "\"" + body + "\""
    }

    /// An allowed value in a list: strings bare (`GET`), everything else as JSON.
    static func listItem(_ node: Node) -> String {
        if let text = node.string { return text.isEmpty ? "\"\"" : text }
        return render(node)
    }

    static func list(_ nodes: [Node], limit: Int = 10) -> String {
        let shown = nodes.prefix(limit).map(listItem).joined(separator: ", ")
        return nodes.count > limit ? shown + ", ..." : shown
    }
}
