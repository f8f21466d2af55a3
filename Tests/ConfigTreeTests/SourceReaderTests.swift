import ConfigTree
import Foundation
import XCTest

final class SourceReaderTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "krakenlint-source-reader-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func readError(_ path: String, limits: LoadLimits = .default) -> SourceReadError? {
        do {
            _ = try SourceReader.read(path: path, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    func testReadsAFileWithTheFormatOfItsExtension() throws {
        let json = try SourceReader.read(path: try write("a.json", "{\"version\": 3}"))
        XCTAssertEqual(json.format, .json)
        XCTAssertEqual(json.bytes, Array("{\"version\": 3}".utf8))
        XCTAssertEqual(try SourceReader.read(path: try write("b.YML", "version: 3")).format, .yaml)
        XCTAssertEqual(try SourceReader.read(path: try write("c.yaml", "{\"version\": 3}")).format, .yaml, "the extension wins")
        XCTAssertEqual(try SourceReader.read(path: try write("krakend.tmpl", "  {\"version\": 3}")).format, .json, "sniffed")
    }

    func testLoadByPath() throws {
        let loaded = try ConfigLoader.load(path: try write("k.yml", "version: 3\n"))
        XCTAssertEqual(loaded.file.format, .yaml)
        XCTAssertEqual(loaded.result.root?["version"]?.number?.literal, "3")
        XCTAssertThrowsError(try ConfigLoader.load(path: directory + "/none.json"))
    }

    func testAPathThatDoesNotExist() {
        let path = directory + "/missing.json"
        XCTAssertEqual(readError(path), SourceReadError(path: path, message: "no such file"))
        XCTAssertEqual(readError(path)?.description, "\(path): no such file")
    }

    func testADirectory() {
        XCTAssertEqual(readError(directory)?.message, "is a directory")
    }

    func testAnUnreadableFile() throws {
        let path = try write("secret.json", "{}")
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        guard access(path, R_OK) != 0 else { throw XCTSkip("running with privileges that read any file (root); permission check not observable") }
        XCTAssertEqual(readError(path)?.message, "permission denied")
    }

    func testAHundredMegabyteFileOfSpacesIsRefusedBeforeReading() throws {
        let path = directory + "/spaces.json"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x20, count: 4096)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let started = Date()
        XCTAssertEqual(readError(path)?.message, "file is 104857600 bytes, more than the limit of 67108864 (raise it with --max-file-size)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "refused from its size, not by reading it")
    }

    func testASmallerFileOfSpacesUnderTheLimitIsAnEmptyConfiguration() throws {
        let path = try write("blank.json", String(repeating: " ", count: 100_000))
        let file = try SourceReader.read(path: path)
        let result = ConfigLoader.load(file)
        assertError((file, result), code: .structure, line: 1, column: 1, message: "empty file")
    }

    func testStandardInputIsBoundedAndSniffed() throws {
        var pipeEnds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&pipeEnds), 0)
        let text = "\u{FEFF}\n  [1]"
        _ = text.utf8CString.withUnsafeBufferPointer { buffer in Foundation.write(pipeEnds[1], buffer.baseAddress, buffer.count - 1) }
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        let file = try SourceReader.read(descriptor: pipeEnds[0], displayPath: "<stdin>")
        XCTAssertEqual(file.format, .json)
        XCTAssertEqual(file.path, "<stdin>")
        XCTAssertEqual(file.bytes.count, text.utf8.count)

        XCTAssertEqual(SourceReader.sniffFormat(Array("version: 3".utf8)), .yaml)
        XCTAssertEqual(SourceReader.sniffFormat(Array(" \r\n{".utf8)), .json)
        XCTAssertEqual(SourceReader.sniffFormat([]), .yaml)
    }

    func testStandardInputOverTheLimitIsAnError() throws {
        var pipeEnds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&pipeEnds), 0)
        let payload = [UInt8](repeating: 0x20, count: 2048)
        _ = payload.withUnsafeBufferPointer { Foundation.write(pipeEnds[1], $0.baseAddress, $0.count) }
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        var limits = LoadLimits.default
        limits.maxFileSize = 1000
        XCTAssertThrowsError(try SourceReader.read(descriptor: pipeEnds[0], displayPath: "-", format: .json, limits: limits)) { error in
            XCTAssertEqual((error as? SourceReadError)?.message, "input is more than the limit of 1000 bytes (raise it with --max-file-size)")
        }
    }

    /// A regular file is read into its array at its size; these sizes sit around that read's edges.
    func testFilesOfEverySmallSizeAreReadWhole() throws {
        for size in [0, 1, 7, 8, 9, 4095, 4096, 4097, 70_000] {
            let text = String((0..<size).map { index in Character(UnicodeScalar(UInt8(0x61 + index % 26))) })
            let file = try SourceReader.read(path: try write("s\(size).json", text))
            XCTAssertEqual(file.bytes, Array(text.utf8), "size \(size)")
        }
    }

    /// Standard input has no size to go by: what comes after the first guess arrives in chunks, all of it.
    func testStandardInputLongerThanItsFirstReadIsReadWhole() throws {
        var pipeEnds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&pipeEnds), 0)
        var rng = SystemRandomNumberGenerator()
        let payload = (0..<200_000).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
        let writeEnd = pipeEnds[1]
        let writer = Thread {
            payload.withUnsafeBufferPointer { buffer in
                var written = 0
                while written < buffer.count {
                    let count = Foundation.write(writeEnd, buffer.baseAddress! + written, buffer.count - written)
                    if count <= 0 { break }
                    written += count
                }
            }
            close(writeEnd)
        }
        writer.start()
        defer { close(pipeEnds[0]) }
        let file = try SourceReader.read(descriptor: pipeEnds[0], displayPath: "-", format: .json)
        XCTAssertEqual(file.bytes, payload)
    }
}
