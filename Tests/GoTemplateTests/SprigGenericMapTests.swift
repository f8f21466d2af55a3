@testable import GoTemplate
import XCTest

/// The assembled map against the names of sprig 3.2.3's `genericMap` (functions.go).
final class SprigGenericMapTests: XCTestCase {
    private static let sprigNames: Set<String> = [
        "abbrev", "abbrevboth", "add", "add1", "add1f", "addf", "adler32sum", "ago", "all", "any", "append",
        "atoi", "b32dec", "b32enc", "b64dec", "b64enc", "base", "bcrypt", "biggest", "buildCustomCert",
        "camelcase", "cat", "ceil", "chunk", "clean", "coalesce", "compact", "concat", "contains", "date",
        "dateInZone", "dateModify", "date_in_zone", "date_modify", "decryptAES", "deepCopy", "deepEqual",
        "default", "derivePassword", "dict", "dig", "dir", "div", "divf", "duration", "durationRound", "empty",
        "encryptAES", "env", "expandenv", "ext", "fail", "first", "float64", "floor", "fromJson", "genCA",
        "genCAWithKey", "genPrivateKey", "genSelfSignedCert", "genSelfSignedCertWithKey", "genSignedCert",
        "genSignedCertWithKey", "get", "getHostByName", "has", "hasKey", "hasPrefix", "hasSuffix", "hello",
        "htmlDate", "htmlDateInZone", "htpasswd", "indent", "initial", "initials", "int", "int64", "isAbs", "join",
        "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lower", "max", "maxf", "merge", "mergeOverwrite",
        "min", "minf", "mod", "mul", "mulf", "mustAppend", "mustChunk", "mustCompact", "mustDateModify",
        "mustDeepCopy", "mustFirst", "mustFromJson", "mustHas", "mustInitial", "mustLast", "mustMerge",
        "mustMergeOverwrite", "mustPrepend", "mustPush", "mustRegexFind", "mustRegexFindAll", "mustRegexMatch",
        "mustRegexReplaceAll", "mustRegexReplaceAllLiteral", "mustRegexSplit", "mustRest", "mustReverse",
        "mustSlice", "mustToDate", "mustToJson", "mustToPrettyJson", "mustToRawJson", "mustUniq", "mustWithout",
        "must_date_modify", "nindent", "nospace", "now", "omit", "osBase", "osClean", "osDir", "osExt", "osIsAbs",
        "pick", "pluck", "plural", "prepend", "push", "quote", "randAlpha", "randAlphaNum", "randAscii",
        "randBytes", "randInt", "randNumeric", "regexFind", "regexFindAll", "regexMatch", "regexQuoteMeta",
        "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit", "repeat", "replace", "rest", "reverse", "round",
        "semver", "semverCompare", "seq", "set", "sha1sum", "sha256sum", "shuffle", "slice", "snakecase",
        "sortAlpha", "split", "splitList", "splitn", "squote", "sub", "subf", "substr", "swapcase", "ternary",
        "title", "toDate", "toDecimal", "toJson", "toPrettyJson", "toRawJson", "toString", "toStrings", "trim",
        "trimAll", "trimPrefix", "trimSuffix", "trimall", "trunc", "tuple", "typeIs", "typeIsLike", "typeOf",
        "uniq", "unixEpoch", "unset", "until", "untilStep", "untitle", "upper", "urlJoin", "urlParse", "uuidv4",
        "values", "without", "wrap", "wrapWith"
    ]

    func testTheMapHasExactlySprigsFunctions() {
        let names = Set(Sprig.genericFunctionMap().keys)
        XCTAssertEqual(Self.sprigNames.count, 210)
        XCTAssertEqual(Self.sprigNames.subtracting(names).sorted(), [], "missing")
        XCTAssertEqual(names.subtracting(Self.sprigNames).sorted(), [], "not in sprig")
    }

    func testNoNameIsDefinedByTwoFamilies() {
        var seen: [String: Int] = [:]
        for family in Sprig.families {
            for name in family.keys { seen[name, default: 0] += 1 }
        }
        XCTAssertEqual(seen.filter { $0.value > 1 }.keys.sorted(), [])
    }
}
