import Foundation

/// The environment variables a command reads: the process's, looked up one name at a time, or a dictionary
/// a test hands over.
///
/// A lint asks for three or four variables (`FC_ENABLE`, `FC_CONFIG`, `NO_COLOR`, `TERM`). Copying the whole
/// environment into a dictionary first, as `ProcessInfo.environment` does, was 7% of the instructions of
/// linting `{"version": 3}`; the process's variables are now read with `getenv`, and the dictionary is built
/// only for what needs every variable (a template's `env` and `expandenv`).
public struct EnvironmentVariables: Sendable {
    private let given: [String: String]?

    /// The variables of this process.
    public static let process = EnvironmentVariables(given: nil)

    /// Exactly these variables.
    public init(_ variables: [String: String]) { given = variables }

    private init(given: [String: String]?) { self.given = given }

    /// The value of the variable `name`, nil when it is not set.
    public subscript(name: String) -> String? {
        if let given { return given[name] }
        return getenv(name).map { String(cString: $0) }
    }

    /// Every variable, as a dictionary.
    public var all: [String: String] { given ?? Self.processVariables }

    /// The process's variables, read once.
    private static let processVariables = ProcessInfo.processInfo.environment
}
