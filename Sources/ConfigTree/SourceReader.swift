#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, in plain words; `description` is `path: message`.
public struct SourceReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// What went wrong: "no such file", "is a directory", "permission denied", "file is N bytes, more than the limit of M", ...
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Reads configuration files and standard input into `SourceFile`s, refusing what is too large before reading it.
public enum SourceReader {
    /// Reads the file at `path`. The format comes from the extension (`.json`, `.yaml`, `.yml`),
    /// otherwise from the content (see `sniffFormat`). The size is checked before any byte is read.
    public static func read(path: String, limits: LoadLimits = .default) throws(SourceReadError) -> SourceFile {
        var info = stat()
        guard stat(path, &info) == 0 else { throw SourceReadError(path: path, message: describe(errno: errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { throw SourceReadError(path: path, message: "is a directory") }
        let size = Int(info.st_size)
        if size > limits.maxFileSize {
            throw SourceReadError(path: path, message: "file is \(size) bytes, more than the limit of \(limits.maxFileSize) (raise it with --max-file-size)")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SourceReadError(path: path, message: describe(errno: errno)) }
        defer { close(descriptor) }
        let bytes = try readAll(descriptor, name: path, sizeHint: size, limit: limits.maxFileSize)
        return SourceFile(path: path, format: SourceFormat(fileName: path) ?? sniffFormat(bytes), bytes: bytes)
    }

    /// Reads an already open descriptor to its end under the size limit (standard input, or a pipe in tests).
    public static func read(descriptor: Int32, displayPath: String, format: SourceFormat? = nil, limits: LoadLimits = .default) throws(SourceReadError) -> SourceFile {
        let bytes = try readAll(descriptor, name: displayPath, sizeHint: 64 * 1024, limit: limits.maxFileSize)
        let chosen = format ?? SourceFormat(fileName: displayPath) ?? sniffFormat(bytes)
        return SourceFile(path: displayPath, format: chosen, bytes: bytes)
    }

    /// JSON when the first byte after an optional byte-order mark and whitespace is `{` or `[`, YAML otherwise.
    public static func sniffFormat(_ bytes: [UInt8]) -> SourceFormat {
        var index = bytes.starts(with: UTF8Scanning.byteOrderMark) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count else { return .yaml }
        return bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "[") ? .json : .yaml
    }

    /// Reads until end of file, failing as soon as more than `limit` bytes arrive (so devices and pipes stay bounded).
    /// The first `sizeHint` bytes (a regular file's size) go straight into the array, with one byte to spare so
    /// that the end of the file is seen; whatever comes after (a pipe, a file that grew) is read in chunks.
    private static func readAll(_ descriptor: Int32, name: String, sizeHint: Int, limit: Int) throws(SourceReadError) -> [UInt8] {
        var failure: Int32?
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: min(sizeHint, limit) + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            while initialized < buffer.count {
                let count = systemRead(descriptor, base + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 {
                    atEnd = true
                    return
                }
                initialized += count
            }
        }
        if let failure { throw SourceReadError(path: name, message: describe(errno: failure)) }
        if bytes.count > limit { throw tooLarge(name, limit) }
        if atEnd { return bytes }
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SourceReadError(path: name, message: describe(errno: errno))
            }
            if count == 0 { return bytes }
            if bytes.count + count > limit { throw tooLarge(name, limit) }
            chunk.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    private static func tooLarge(_ name: String, _ limit: Int) -> SourceReadError {
        SourceReadError(path: name, message: "input is more than the limit of \(limit) bytes (raise it with --max-file-size)")
    }

    private static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case ENOTDIR: return "no such file (a part of the path is not a directory)"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENAMETOOLONG: return "path is too long"
        case ELOOP: return "too many symbolic links"
        default: return "cannot read (\(String(cString: strerror(code))))"
        }
    }
}

/// The C library's `read(2)`, named apart from `SourceReader.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
