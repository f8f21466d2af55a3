import ConfigTree
import GoTemplate

/// The settings tree of an Enterprise project: every path of `settings.paths`, read recursively. A file
/// becomes a key named after it without its suffix, a folder a nested key (with `dir_field_prefix`); a path
/// that names a single file puts that file's keys at the root. Several paths build one tree; a later path
/// may redefine a key only with `allow_overwrite`.
///
/// Where Enterprise's behaviour is not public, the conservative reading is taken: a redefinition without
/// `allow_overwrite` is an error at the later file.
struct EnterpriseSettingsLoader {
    let config: EnterpriseConfig
    let options: FlexibleConfigOptions
    let limits: LoadLimits

    struct Loaded {
        var data: [MapKey: Value] = [:]
        var files: [SourceFile] = []
        var problems: [FlexibleConfigProblem] = []
        /// The file that set each top-level-to-leaf path, for redefinition messages.
        var definedBy: [String: String] = [:]
    }

    func load() -> Loaded {
        var loaded = Loaded()
        for path in config.settingsPaths {
            let resolved = options.resolve(path)
            if let entries = try? ProjectDirectory.list(resolved) {
                var tree: [MapKey: Value] = [:]
                readFolder(resolved, shownAs: path, entries: entries, keyPath: "", into: &tree, &loaded)
                var data = loaded.data
                merge(tree, into: &data, keyPath: "", source: path, &loaded)
                loaded.data = data
            } else if let value = readFile(resolved, shownAs: path, keyPath: "", &loaded) {
                guard case .map(let members, _) = value.storage else {
                    loaded.problems.append(problem("the settings file \(path) must hold an object to be merged at the root", path))
                    continue
                }
                var data = loaded.data
                merge(members, into: &data, keyPath: "", source: path, &loaded)
                loaded.data = data
            }
        }
        return loaded
    }

    private func readFolder(_ folder: String, shownAs shown: String, entries: [ProjectDirectory.Entry], keyPath: String,
                            into tree: inout [MapKey: Value], _ loaded: inout Loaded) {
        for entry in entries where !entry.name.hasPrefix(".") {
            let path = GoPath.join(folder, entry.name)
            let shownPath = GoPath.join(shown, entry.name)
            if entry.isDirectory {
                guard let children = try? ProjectDirectory.list(path) else { continue }
                let key = config.directoryFieldPrefix + entry.name
                var subtree: [MapKey: Value] = [:]
                if case .map(let existing, _) = tree[MapKey(key)]?.storage { subtree = existing }
                readFolder(path, shownAs: shownPath, entries: children, keyPath: keyPath + SettingsValue.step(key), into: &subtree, &loaded)
                tree[MapKey(key)] = Value(.map(subtree, valueType: .interface))
                continue
            }
            guard let suffix = config.allowedSuffixes.filter({ entry.name.hasSuffix($0) }).max(by: { $0.count < $1.count }) else { continue }
            let key = String(entry.name.dropLast(suffix.count))
            if let value = readFile(path, shownAs: shownPath, keyPath: keyPath + SettingsValue.step(key), &loaded) {
                tree[MapKey(key)] = value
            }
        }
    }

    /// One settings file in the format its suffix names, or nil (with a problem) when it cannot be used.
    private func readFile(_ path: String, shownAs shown: String, keyPath: String, _ loaded: inout Loaded) -> Value? {
        let read: SourceFile
        do {
            read = try SourceReader.read(path: path, limits: limits)
        } catch {
            loaded.problems.append(problem("the settings path \(shown) cannot be read: \(error.message)", shown))
            return nil
        }
        let lower = shown.lowercased()
        if lower.hasSuffix(".toml") || lower.hasSuffix(".tml") {
            let file = SourceFile(path: shown, format: .json, bytes: read.bytes)
            loaded.files.append(file)
            let result = TOMLSettings.read(file, path: keyPath)
            loaded.problems += result.problems
            return result.value
        }
        let keyValueSyntax: KeyValueSettings.Syntax? =
            lower.hasSuffix(".env") || lower.hasSuffix(".dotenv") ? .dotenv
            : lower.hasSuffix(".properties") || lower.hasSuffix(".prop") || lower.hasSuffix(".props") ? .properties
            : lower.hasSuffix(".ini") ? .ini : nil
        if let syntax = keyValueSyntax {
            let file = SourceFile(path: shown, format: .json, bytes: read.bytes)
            loaded.files.append(file)
            let result = KeyValueSettings.read(file, syntax: syntax, path: keyPath)
            loaded.problems += result.problems
            return result.value
        }
        let format: SourceFormat = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? .yaml : .json
        let file = SourceFile(path: shown, format: format, bytes: read.bytes)
        loaded.files.append(file)
        let result = format == .json ? ConfigLoader.loadJSONValue(file, limits: limits) : ConfigLoader.load(file, limits: limits)
        if let failure = result.issues.first(where: { $0.severity == .error }) {
            loaded.problems.append(FlexibleConfigProblem(
                code: .settings, message: "the settings file \(shown) cannot be read: \(failure.message)",
                location: .init(path: shown, span: failure.span), hint: failure.hint
            ))
            return nil
        }
        guard let root = result.root else { return nil }
        return SettingsValue.value(of: root, in: file, path: keyPath)
    }

    /// Merges `tree` into `data` key by key; a leaf already set is replaced only with `allow_overwrite`.
    private func merge(_ tree: [MapKey: Value], into data: inout [MapKey: Value], keyPath: String, source: String, _ loaded: inout Loaded) {
        for key in tree.sortedKeys {
            guard let value = tree[key] else { continue }
            let path = keyPath + SettingsValue.step(key.text)
            if case .map(let incoming, _) = value.storage, let existing = data[key], case .map(var current, _) = existing.storage {
                merge(incoming, into: &current, keyPath: path, source: source, &loaded)
                data[key] = Value(.map(current, valueType: .interface), origin: existing.origin)
                continue
            }
            if data[key] != nil, !config.allowOverwrite {
                loaded.problems.append(FlexibleConfigProblem(
                    code: .settings,
                    message: "\(source) sets \(path) again, after \(loaded.definedBy[path] ?? "an earlier settings path"); "
                        + "the first value is kept unless settings.allow_overwrite is true",
                    location: .init(path: value.origin?.source ?? source, span: value.origin.map { Span(start: $0.range.lowerBound, end: $0.range.upperBound) } ?? Span(at: 0))
                ))
                continue
            }
            data[key] = value
            loaded.definedBy[path] = value.origin?.source ?? source
        }
    }

    private func problem(_ message: String, _ path: String) -> FlexibleConfigProblem {
        FlexibleConfigProblem(code: .settings, message: message, location: .init(path: path, span: Span(at: 0)))
    }
}
