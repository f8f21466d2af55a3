import ConfigTree
import Foundation

/// Expands the paths given on the command line into the files to lint.
enum InputFiles {
    /// `directory/relative`, without a `./` prefix when the directory is the working directory.
    static func joined(_ directory: String, _ relative: String) -> String {
        if directory == "." || directory == "./" { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// Files as given, and directories expanded recursively to `.json`, `.yaml`, `.yml` files in sorted order.
    /// Throws a `UsageError` for a path that does not exist or a directory with no configuration files.
    static func expand(_ paths: [String]) throws -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                result.append(path)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UsageError("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                result.append(path)
                continue
            }
            var found: [String] = []
            if let walker = manager.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") && name != "." {
                        var childIsDirectory: ObjCBool = false
                        if manager.fileExists(atPath: (path as NSString).appendingPathComponent(relative), isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                            walker.skipDescendants()
                        }
                        continue
                    }
                    guard SourceFormat(fileName: name) != nil else { continue }
                    found.append(joined(path, relative))
                }
            }
            guard !found.isEmpty else { throw UsageError("\(path): no .json, .yaml or .yml files in this directory") }
            result += found.sorted()
        }
        return result
    }
}
