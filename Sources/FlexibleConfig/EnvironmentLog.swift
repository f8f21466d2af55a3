import Foundation
import GoTemplate

/// Remembers which environment variables the templates read, and marks the values `env` returns with their
/// variable, so that a finding can name the variable and a reporter can mask the value.
final class EnvironmentLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    private var values: Set<String> = []

    /// Replaces `env` in `functions` with a version that records each read and marks its result.
    func wrap(_ functions: inout FunctionMap) {
        guard let env = functions["env"] else { return }
        functions["env"] = TemplateFunction(
            parameters: env.parameters, variadic: env.variadic, result: env.result, isDeterministic: env.isDeterministic
        ) { [self] arguments, context in
            let value = try env.body(arguments, context)
            guard let name = arguments.first?.goStringText else { return value }
            record(name: name, value: value)
            return value.withOrigin(ValueOrigin(source: "environment", range: 0..<0, path: nil, environmentVariable: name))
        }
    }

    private func record(name: String, value: Value) {
        lock.lock()
        defer { lock.unlock() }
        if !names.contains(name) { names.append(name) }
        if case .string(let text) = value.storage, !text.isEmpty { values.insert(text) }
    }

    var namesRead: [String] {
        lock.lock()
        defer { lock.unlock() }
        return names
    }

    var valuesRead: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return values
    }
}
