/// A version as Masterminds/semver v3 parses it (`NewVersion`): an optional `v`, one to three numeric
/// segments, a pre-release and build metadata. It is what sprig's `semver` returns, a `*semver.Version` whose
/// niladic methods templates call (`.Major`, `.Prerelease`, `.String`, `.IncMinor`…).
struct SemanticVersion: Sendable, Equatable {
    var major: UInt64, minor: UInt64, patch: UInt64
    var prerelease: String
    var metadata: String
    var original: String

    /// Compiled once; a `Regex` is immutable and matched without shared mutable state.
    nonisolated(unsafe) private static let pattern = try? GoRegex(
        #"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$"#)
    private static let identifierCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789".unicodeScalars)

    /// `semver.NewVersion`, failing with its error texts.
    init(parsing text: String) throws(FunctionError) {
        guard let pattern = Self.pattern, let match = pattern.firstMatch(in: text) else {
            throw FunctionError("Invalid Semantic Version")
        }
        let groups = pattern.submatches(of: match, in: text)
        func segment(_ digits: Substring) throws(FunctionError) -> UInt64 {
            guard let value = UInt64(digits) else {
                throw FunctionError("Error parsing version segment: strconv.ParseUint: parsing \"\(digits)\": value out of range")
            }
            return value
        }
        major = try segment(Substring(groups[1]))
        minor = groups[2].isEmpty ? 0 : try segment(groups[2].dropFirst())
        patch = groups[3].isEmpty ? 0 : try segment(groups[3].dropFirst())
        prerelease = groups[5]
        metadata = groups[8]
        original = text
        if !prerelease.isEmpty { try Self.validatePrerelease(prerelease) }
        if !metadata.isEmpty { try Self.validateMetadata(metadata) }
    }

    /// semver's `validatePrerelease`.
    static func validatePrerelease(_ text: String) throws(FunctionError) {
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            if part.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                if part.count > 1 && part.first == "0" { throw FunctionError("Version segment starts with 0") }
            } else if !part.unicodeScalars.allSatisfy(identifierCharacters.contains) {
                throw FunctionError("Invalid Prerelease string")
            }
        }
    }

    /// semver's `validateMetadata`.
    static func validateMetadata(_ text: String) throws(FunctionError) {
        for part in text.split(separator: ".", omittingEmptySubsequences: false)
        where !part.unicodeScalars.allSatisfy(identifierCharacters.contains) {
            throw FunctionError("Invalid Metadata string")
        }
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String, metadata: String, original: String) {
        (self.major, self.minor, self.patch) = (major, minor, patch)
        (self.prerelease, self.metadata, self.original) = (prerelease, metadata, original)
    }

    /// `Version.String`: `1.2.3-pre+meta`, without any `v`.
    var text: String {
        var output = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { output += "-" + prerelease }
        if !metadata.isEmpty { output += "+" + metadata }
        return output
    }

    /// `Version.Compare`: -1, 0 or 1; metadata is ignored, a pre-release sorts before its release.
    func compare(_ other: SemanticVersion) -> Int {
        for (left, right) in [(major, other.major), (minor, other.minor), (patch, other.patch)] where left != right {
            return left < right ? -1 : 1
        }
        if prerelease.isEmpty && other.prerelease.isEmpty { return 0 }
        if prerelease.isEmpty { return 1 }
        if other.prerelease.isEmpty { return -1 }
        return Self.comparePrerelease(prerelease, other.prerelease)
    }

    /// semver's `comparePrerelease`, part by part.
    static func comparePrerelease(_ left: String, _ right: String) -> Int {
        let leftParts = left.split(separator: ".", omittingEmptySubsequences: false)
        let rightParts = right.split(separator: ".", omittingEmptySubsequences: false)
        for index in 0..<max(leftParts.count, rightParts.count) {
            let a = index < leftParts.count ? leftParts[index] : ""
            let b = index < rightParts.count ? rightParts[index] : ""
            let order = comparePart(a, b)
            if order != 0 { return order }
        }
        return 0
    }

    private static func comparePart(_ left: Substring, _ right: Substring) -> Int {
        if left == right { return 0 }
        if left.isEmpty { return -1 }
        if right.isEmpty { return 1 }
        switch (UInt64(left), UInt64(right)) {
        case (nil, nil): return left.utf8.lexicographicallyPrecedes(right.utf8) ? -1 : 1
        case (_, nil): return -1
        case (nil, _): return 1
        case (let a?, let b?): return a > b ? 1 : -1
        }
    }

    /// The `v` the original text started with, which the `Inc…` methods keep.
    private var originalPrefix: String { original.hasPrefix("v") ? "v" : "" }

    func incrementedPatch() -> SemanticVersion {
        var next = self
        next.metadata = ""
        next.prerelease = ""
        if prerelease.isEmpty { next.patch = patch &+ 1 }
        next.original = originalPrefix + next.text
        return next
    }

    func incrementedMinor() -> SemanticVersion {
        var next = SemanticVersion(major: major, minor: minor &+ 1, patch: 0, prerelease: "", metadata: "", original: "")
        next.original = originalPrefix + next.text
        return next
    }

    func incrementedMajor() -> SemanticVersion {
        var next = SemanticVersion(major: major &+ 1, minor: 0, patch: 0, prerelease: "", metadata: "", original: "")
        next.original = originalPrefix + next.text
        return next
    }
}

/// A `*semver.Version` (or, from the `Inc…` methods, a `semver.Version`) as a template sees it.
struct SemanticVersionObject: GoObject {
    let version: SemanticVersion
    let isPointer: Bool

    var goType: GoType { .named(isPointer ? "*semver.Version" : "semver.Version") }
    var goKind: String { isPointer ? "ptr" : "struct" }
    var formatted: String { version.text }

    func member(_ name: String) throws -> Value? {
        switch name {
        case "Major": return Self.unsigned(version.major)
        case "Minor": return Self.unsigned(version.minor)
        case "Patch": return Self.unsigned(version.patch)
        case "Prerelease": return .string(version.prerelease)
        case "Metadata": return .string(version.metadata)
        // `Original` has a pointer receiver: a `semver.Version` returned by value does not have it.
        case "Original": return isPointer ? .string(version.original) : nil
        case "String": return .string(version.text)
        case "IncPatch": return Value(.object(SemanticVersionObject(version: version.incrementedPatch(), isPointer: false)))
        case "IncMinor": return Value(.object(SemanticVersionObject(version: version.incrementedMinor(), isPointer: false)))
        case "IncMajor": return Value(.object(SemanticVersionObject(version: version.incrementedMajor(), isPointer: false)))
        default: return nil
        }
    }

    var jsonValue: Value? { .string(version.text) }

    func method(_ name: String) -> TemplateFunction? {
        let versionType = GoType.named("*semver.Version")
        @Sendable func other(_ value: Value) -> SemanticVersion? {
            if case .object(let object as SemanticVersionObject) = value.storage { return object.version }
            return nil
        }
        let version = self.version
        switch name {
        case "Compare":
            return TemplateFunction(parameters: [versionType], result: .int) { arguments, _ in
                guard let other = other(arguments[0]) else { throw FunctionError("runtime error: invalid memory address or nil pointer dereference") }
                return .int(version.compare(other))
            }
        case "LessThan", "GreaterThan", "Equal":
            let wanted = name == "LessThan" ? -1 : name == "GreaterThan" ? 1 : 0
            return TemplateFunction(parameters: [versionType], result: .bool) { arguments, _ in
                guard let other = other(arguments[0]) else { throw FunctionError("runtime error: invalid memory address or nil pointer dereference") }
                return .bool(version.compare(other) == wanted)
            }
        case "SetPrerelease", "SetMetadata":
            return TemplateFunction(parameters: [.string], result: .named("semver.Version")) { arguments, _ in
                let text = arguments[0].stringArgument
                var next = version
                if name == "SetPrerelease" {
                    if !text.isEmpty { try SemanticVersion.validatePrerelease(text) }
                    next.prerelease = text
                } else {
                    if !text.isEmpty { try SemanticVersion.validateMetadata(text) }
                    next.metadata = text
                }
                next.original = (version.original.hasPrefix("v") ? "v" : "") + next.text
                return Value(.object(SemanticVersionObject(version: next, isPointer: false)))
            }
        default:
            return nil
        }
    }

    private static func unsigned(_ value: UInt64) -> Value {
        value <= UInt64(Int64.max) ? Value(.int(Int64(value), .uint64)) : Value(.uint(value, .uint64))
    }
}
