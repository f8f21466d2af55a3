@testable import GoTemplate
import XCTest

/// Expected values come from Go 1.19 with sprig 3.2.3.
final class SprigEncodingAndPathTests: XCTestCase {
    private func check(_ functions: FunctionMap, _ cases: [(String, String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (name, input, expected) in cases {
            XCTAssertEqual(stringResult(try callSprig(functions, name, .string(input))), expected, "\(name) \(input.debugDescription)", file: file, line: line)
        }
    }

    func testBase64() {
        check(SprigEncoding.functions, [
            ("b64enc", "", ""), ("b64enc", "a", "YQ=="), ("b64enc", "ab", "YWI="), ("b64enc", "abc", "YWJj"),
            ("b64enc", "hello world ü", "aGVsbG8gd29ybGQgw7w="),
            ("b64dec", "aGVsbG8=", "hello"),
            ("b64dec", "aGVsbG8", "illegal base64 data at input byte 4"),
            ("b64dec", "aGVs\nbG8=", "hello"),
            ("b64dec", "a===", "illegal base64 data at input byte 1"),
            ("b64dec", "aG=x", "illegal base64 data at input byte 2"),
            ("b64dec", "aGVsbG8=x", "illegal base64 data at input byte 8"),
            ("b64dec", "aGVsbG8=\n", "hello"),
            ("b64dec", "!!!!", "illegal base64 data at input byte 0"),
            ("b64dec", "YWJj ZGVm", "illegal base64 data at input byte 4"),
            ("b64dec", "YQ==YQ==", "illegal base64 data at input byte 4"),
            ("b64dec", "YR==", "a"),
        ])
    }

    func testBase32() {
        check(SprigEncoding.functions, [
            ("b32enc", "", ""), ("b32enc", "f", "MY======"), ("b32enc", "fo", "MZXQ===="), ("b32enc", "foo", "MZXW6==="),
            ("b32enc", "foob", "MZXW6YQ="), ("b32enc", "fooba", "MZXW6YTB"), ("b32enc", "foobar", "MZXW6YTBOI======"),
            ("b32dec", "MZXW6YTBOI======", "foobar"), ("b32dec", "MZXW6YQ=", "foob"),
            ("b32dec", "MZXW6YQ", "illegal base32 data at input byte 0"),
            ("b32dec", "MZ======", "f"),
            ("b32dec", "M=======", "illegal base32 data at input byte 1"),
            ("b32dec", "MZX=====", "illegal base32 data at input byte 3"),
            ("b32dec", "mzxw6===", "illegal base32 data at input byte 0"),
            ("b32dec", "MZXW6===x", "foo"),
            ("b32dec", "MZXQ====\n", "fo"),
            ("b32dec", "MZ=====A", "illegal base32 data at input byte 6"),
            ("b32dec", "MZ======MZ======", "illegal base32 data at input byte 2"),
            ("b32dec", "MZXW6===", "foo"),
        ])
    }

    func testPaths() {
        check(SprigPaths.functions, [
            ("clean", "", "."), ("clean", "a//b/./c/..", "a/b"), ("clean", "/../a", "/a"), ("clean", "../../a/../b", "../../b"),
            ("clean", "a/../..", ".."), ("clean", "/", "/"), ("clean", "./", "."), ("clean", "abc/def/../../..", ".."),
            ("clean", "/abc/./../def", "/def"), ("osClean", "a/b/", "a/b"),
            ("base", "", "."), ("base", "/", "/"), ("base", "///", "/"), ("base", "a/b/", "b"), ("base", "a/b.txt", "b.txt"),
            ("osBase", "/x/y", "y"),
            ("dir", "", "."), ("dir", "/", "/"), ("dir", "a", "."), ("dir", "a/b/", "a/b"), ("dir", "/a/b/c.txt", "/a/b"),
            ("dir", "a//b//c", "a/b"), ("osDir", "/a/../b/c", "/b"), ("osDir", "x", "."),
            ("ext", "a.b.c", ".c"), ("ext", "a.b/c", ""), ("ext", "file.", "."), ("ext", "", ""), ("osExt", "/x/y.tar.gz", ".gz"),
        ])
        for (name, input, expected) in [("isAbs", "/a", true), ("isAbs", "a", false), ("osIsAbs", "", false)] {
            guard case .bool(let flag) = try? callSprig(SprigPaths.functions, name, .string(input)).storage else {
                return XCTFail("\(name) gave no bool")
            }
            XCTAssertEqual(flag, expected, "\(name) \(input)")
        }
    }
}
