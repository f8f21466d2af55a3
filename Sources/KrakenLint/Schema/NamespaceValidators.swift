import ConfigTree
import Foundation
import JSONSchema

extension KrakenDSchema {
    /// Validates one namespace block the way the bundled schema validates it at `level`, for example a
    /// block written under a legacy name, checked under its current name. Error pointers are relative to
    /// the block. Returns nil when the schema does not accept `name` at `level`.
    public static func validateNamespace(_ block: Node, name: String, at level: NamespaceLevel) -> [ValidationError]? {
        guard NamespaceCatalog.info(name, at: level) != nil else { return nil }
        switch NamespaceValidators.shared.validator(name: name, level: level) {
        case .success(let validator):
            return validator.validate(block)
        case .failure(let error):
            return [ValidationError(
                instancePointer: .root, keywordLocation: "", absoluteKeywordLocation: nil, keyword: "",
                message: "krakenlint's bundled schema for \(name) could not be compiled: \(error)"
            )]
        }
    }
}

/// One compiled validator per namespace and level, built on first use and kept.
final class NamespaceValidators: @unchecked Sendable {
    static let shared = NamespaceValidators()

    private let lock = NSLock()
    private var registry: SchemaRegistry?
    private var cache: [String: Result<Validator, SchemaError>] = [:]

    func validator(name: String, level: NamespaceLevel) -> Result<Validator, SchemaError> {
        let entry = Self.entryURI(name: name, level: level)
        return lock.withLock {
            if let known = cache[entry] { return known }
            let result = compile(entry)
            cache[entry] = result
            return result
        }
    }

    /// Compiles the schema at `entry`, creating the shared registry first if needed. Call under the lock.
    private func compile(_ entry: String) -> Result<Validator, SchemaError> {
        do {
            let registry = try self.registry ?? KrakenDSchema.bundledRegistry()
            self.registry = registry
            return .success(try Validator(registry: registry, entry: entry))
        } catch let error as SchemaError {
            return .failure(error)
        } catch {
            return .failure(.unreadable(path: entry, reason: "\(error)"))
        }
    }

    /// The URI of the schema a level's `extra_config` applies to the namespace `name`.
    static func entryURI(name: String, level: NamespaceLevel) -> String {
        let token = name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        switch level {
        case .asyncAgent:
            return KrakenDSchema.bundledBaseURI + "defs/async_agent.json#/items/properties/extra_config/properties/" + token
        default:
            return KrakenDSchema.bundledBaseURI + "extra_config/\(level.rawValue).json#/properties/" + token
        }
    }
}
