/// Entry point of the loader: bytes in, a positioned tree and issues out.
public enum ConfigLoader {
    /// Reads `file` with the reader for its format, under `limits`.
    public static func load(_ file: SourceFile, limits: LoadLimits = .default) -> LoadResult {
        switch file.format {
        case .json: return JSONReader.read(file, limits: limits)
        case .yaml: return YAMLReader.read(file, limits: limits)
        }
    }
}
