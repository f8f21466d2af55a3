import ConfigTree
import GoTemplate

/// The template data of a KrakenD CE project: every `*.json` directly in the settings folder, each decoded into
/// an object reached by the file's name without `.json` (`service.json` → `.service`).
///
/// The listing is not recursive and the suffix is case-sensitive, as in KrakenD. Every problem is collected,
/// because KrakenD reports them all at once and stops.
struct SettingsLoader {
    struct Loaded {
        var data: [MapKey: Value] = [:]
        var files: [SourceFile] = []
        var problems: [FlexibleConfigProblem] = []
    }

    let limits: LoadLimits

    func load(folder: String, shownAs shownFolder: String) -> Loaded {
        var loaded = Loaded()
        let entries: [ProjectDirectory.Entry]
        do {
            entries = try ProjectDirectory.list(folder)
        } catch {
            loaded.problems.append(.unreadableFolder(
                .settings, role: "settings", folder: shownFolder, reason: error.description,
                hint: "point FC_SETTINGS (or --settings) at the folder that holds the settings *.json files; "
                    + "relative paths are resolved against the working directory"
            ))
            return loaded
        }
        for entry in entries where entry.name.hasSuffix(".json") {
            let key = String(entry.name.dropLast(".json".count))
            let path = GoPath.join(shownFolder, entry.name)
            if entry.isDirectory {
                loaded.problems.append(FlexibleConfigProblem(
                    code: .settings,
                    message: "\(path) is a folder, but its name ends in .json, so KrakenD tries to read it as a settings file and stops",
                    location: .init(path: path, span: Span(at: 0))
                ))
                continue
            }
            let file: SourceFile
            do {
                file = try SourceReader.read(path: GoPath.join(folder, entry.name), limits: limits)
            } catch {
                loaded.problems.append(FlexibleConfigProblem(
                    code: .settings, message: "the settings file \(path) cannot be read: \(error.message)",
                    location: .init(path: path, span: Span(at: 0))
                ))
                continue
            }
            let shown = SourceFile(path: path, format: .json, bytes: file.bytes)
            loaded.files.append(shown)
            let result = ConfigLoader.loadJSONValue(shown, limits: limits)
            if let failure = result.issues.first(where: { $0.severity == .error }) {
                loaded.problems.append(FlexibleConfigProblem(
                    code: .settings,
                    message: "the settings file \(path) is not valid JSON: \(failure.message); KrakenD stops here",
                    location: .init(path: path, span: failure.span), hint: failure.hint
                ))
                continue
            }
            guard let root = result.root else { continue }
            guard root.isObject else {
                loaded.problems.append(FlexibleConfigProblem(
                    code: .settings,
                    message: "the settings file \(path) holds \(article(root.typeName)) \(root.typeName), but KrakenD decodes each "
                        + "settings file into an object and stops otherwise",
                    location: .init(path: path, span: root.span),
                    hint: "wrap the content in an object, for example {\"items\": ...}, and read it as .\(key).items"
                ))
                continue
            }
            loaded.data[MapKey(key)] = SettingsValue.value(of: root, in: shown, path: SettingsValue.step(key))
        }
        return loaded
    }

    private func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
