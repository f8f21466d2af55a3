@testable import GoTemplate
import XCTest

/// Calls a sprig function's body directly, as the executor would after checking the arguments.
func callSprig(_ functions: FunctionMap, _ name: String, _ arguments: Value..., context: FunctionContext = FunctionContext())
    throws -> Value
{
    guard let function = functions[name] else { throw FunctionError("no function \(name)") }
    return try function.body(arguments, context)
}

/// The text of a string result, or a description of the unexpected kind of value.
func stringResult(_ value: Value) -> String {
    if case .string(let text) = value.storage { return text }
    return "<not a string: \(value.storage)>"
}

/// The message of the `FunctionError` a call throws, or nil when it does not throw one.
func sprigErrorMessage(_ call: () throws -> Value) -> String? {
    do {
        _ = try call()
        return nil
    } catch let error as FunctionError {
        return error.message
    } catch {
        return "\(error)"
    }
}
