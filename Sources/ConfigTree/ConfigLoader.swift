/// Entry point of the loader: bytes in, a positioned tree and issues out.
public enum ConfigLoader {
    /// Reads `file` with the reader for its format, under `limits`.
    public static func load(_ file: SourceFile, limits: LoadLimits = .default) -> LoadResult {
        switch file.format {
        case .json: return JSONReader.read(file, limits: limits)
        case .yaml: return YAMLReader.read(file, limits: limits)
        }
    }

    /// Reads a JSON file whose top level may be any value (an array of test cases, a boolean schema),
    /// with the same positions, checks and limits as a configuration. `file.format` is not consulted.
    public static func loadJSONValue(_ file: SourceFile, limits: LoadLimits = .default) -> LoadResult {
        JSONReader.read(file, limits: limits, anyTopLevel: true)
    }

    /// Reads the file at `path` (see `SourceReader.read(path:limits:)`) and loads it.
    public static func load(path: String, limits: LoadLimits = .default) throws(SourceReadError) -> (file: SourceFile, result: LoadResult) {
        let file = try SourceReader.read(path: path, limits: limits)
        return (file, load(file, limits: limits))
    }
}
