import ConfigTree
import Foundation

/// A set of named templates sharing one function table: Go's `*template.Template` with its associated
/// templates, built by `New(name).Funcs(functions)` and `Parse`.
///
/// Functions of the set shadow the built-ins of the same name. Each `parse` adds the templates it defines;
/// a later definition of a name replaces the earlier one (as `ParseFiles` does), except that an empty body
/// never replaces a non-empty one.
public final class TemplateSet: @unchecked Sendable {
    private let functions: FunctionMap
    /// By name: Go strings, told apart by their bytes as Go's map of templates does.
    private var templates: [MapKey: ParsedTemplate] = [:]
    private var firstName: String?
    /// For each executed name: the deepest chain of `template` calls it can make, nil when it can recurse.
    private var callDepthBounds: [MapKey: Int?] = [:]
    private let lock = NSLock()

    public init(functions: FunctionMap = [:]) {
        self.functions = functions
    }

    /// The names of the templates in the set, in the order of their bytes (a byte that is not valid UTF-8 reads
    /// as U+FFFD).
    public var templateNames: [String] {
        lock.lock()
        defer { lock.unlock() }
        return templates.sortedKeys.map(\.text)
    }

    /// Parses `text` as the template `name` and adds it and every `{{define}}`/`{{block}}` in it to the set.
    /// `source` is the file path the source map and errors report.
    public func parse(name: String, text: String, source: String? = nil) throws(TemplateError) {
        let origin = ParsedText(parseName: name, bytes: Array(text.utf8), source: source)
        let functions = self.functions
        let trees = try Parser.parse(name: name, origin: origin) { functionName in
            if let user = functions[functionName] { return .user(user) }
            if let builtin = Builtin(rawValue: functionName) { return .builtin(builtin) }
            return nil
        }
        lock.lock()
        defer { lock.unlock() }
        if firstName == nil { firstName = name }
        callDepthBounds = [:]
        for (treeName, root) in trees {
            if let existing = templates[treeName], root.isEmpty, !existing.root.isEmpty { continue }
            templates[treeName] = ParsedTemplate(key: treeName, root: root, origin: origin)
        }
    }

    /// Executes the template `name` with `data` as dot, as Go's `ExecuteTemplate` does.
    public func execute(_ name: String, data: Value, options: ExecutionOptions = .init()) throws(TemplateError) -> RenderResult {
        lock.lock()
        let templates = self.templates
        let callDepthBound = self.callDepthBound(of: MapKey(name))
        lock.unlock()
        guard let template = templates[MapKey(name)] else {
            let owner = firstName ?? name
            throw TemplateError(
                kind: .execution,
                description: "template: no template \(GoFormat.quote(name)) associated with template \(GoFormat.quote(owner))",
                templateName: name)
        }
        let stackSize = Self.stackSize(forDepth: min(options.maximumDepth, callDepthBound ?? Int.max))
        if stackSize <= Self.callerStackAssumed {
            var executor = Executor(templates: templates, template: template, options: options)
            return try executor.run(data: data)
        }
        // Go allows 100000 nested template calls; run on a thread whose stack can hold that many.
        let outcome = JoinedThread.run(stackSize: stackSize) { () -> Result<RenderResult, TemplateError> in
            do throws(TemplateError) {
                var executor = Executor(templates: templates, template: template, options: options)
                return .success(try executor.run(data: data))
            } catch {
                return .failure(error)
            }
        }
        guard let result = outcome else {
            throw TemplateError(kind: .limit, description: "template: \(name): no thread could be started for deeply nested template calls", templateName: name)
        }
        return try result.get()
    }

    /// The longest chain of `template` calls from `name`, or nil when a call can recurse (the lock is held).
    private func callDepthBound(of name: MapKey) -> Int? {
        if let known = callDepthBounds[name] { return known }
        var depths: [MapKey: Int] = [:]
        var visiting: Set<MapKey> = []
        func depth(_ current: MapKey) -> Int? {
            if let known = depths[current] { return known }
            if visiting.contains(current) || visiting.count > 1000 { return nil }
            visiting.insert(current)
            defer { visiting.remove(current) }
            var deepest = 0
            for callee in templates[current]?.calledNames ?? [] {
                guard let calleeDepth = depth(callee) else { return nil }
                deepest = max(deepest, calleeDepth + 1)
            }
            depths[current] = deepest
            return deepest
        }
        let bound = depth(name)
        callDepthBounds[name] = .some(bound)
        return bound
    }

    /// Native stack one level of `template` call needs: about 1 KiB optimized, 6.5 KiB unoptimized.
    private static let stackBytesPerDepth = 8192
    /// The stack a template that cannot recurse is assumed to fit in on the calling thread.
    private static let callerStackAssumed = 256 * 1024

    private static func stackSize(forDepth depth: Int) -> Int {
        let wanted = depth.multipliedReportingOverflow(by: stackBytesPerDepth)
        let bytes = wanted.overflow ? Int.max : wanted.partialValue
        return min(bytes + (64 << 10), 1 << 30)
    }
}
