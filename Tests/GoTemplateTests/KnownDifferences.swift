/// Corpus cases where our engine does not yet give Go's bytes, by name, each with its cause. The differential
/// test fails on any other difference, and also when a listed case starts to agree, so this list stays exactly
/// the set of open differences (`Cases/open.json` holds them).
///
/// Strings that are not valid UTF-8 are kept as Go keeps them: a ``Value`` holds such a Go string as its bytes
/// (`Value.Storage.byteString`; a valid one stays a Swift `String`). Go's producers of such strings make one
/// (`"\xff"` and octal literals, `b64dec`, `b32dec`, `decryptAES`, `substr`, `trunc`, `abbrev`, the built-in
/// `slice`, `include`), and the consumers that Go runs on bytes read it byte for byte (the output, `print`,
/// `printf`'s verbs, `len`, `index`, `eq`/`lt`, `html`, `js`, `urlquery`, `cat`, `join`, `quote`, `squote`,
/// `toString`, the JSON encoders, hashes, base encodings, the `strings`-based and path functions of sprig);
/// functions built on runes read each invalid byte as U+FFFD, as Go's do. `Cases/bytes.json` checks each of
/// them against Go. What is left is below.
enum KnownDifferences {
    enum Cause {
        /// Map keys are Swift `String`s: a key keeps no invalid bytes, and Swift compares strings by canonical
        /// equivalence, so `"e\u0301"` and `"\u00e9"` are one key where Go keeps two. Closing it takes a key
        /// type compared and hashed by its bytes in `Value.Storage.map` and the public `Value` API.
        static let mapKeys = "map keys compared as Unicode text, not as bytes"
        /// Template names and the regex and URL functions read a string that is not valid UTF-8 as text
        /// (U+FFFD for each bad byte), where Go keeps its bytes (regexp decodes each bad byte as one rune of
        /// width 1; a missing template's name is quoted with `\xfe`).
        static let textOnlyArguments = "template names and regex arguments read as text"
    }

    static let cases: [String: String] = [
        "open/map-key-invalid-utf8": Cause.mapKeys,
        "open/map-keys-canonically-equivalent": Cause.mapKeys,
        "open/template-name-invalid-utf8": Cause.textOnlyArguments,
        "open/regex-on-invalid-utf8": Cause.textOnlyArguments,
    ]
}
