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
/// functions built on runes read each invalid byte as U+FFFD, as Go's do. Map keys and template names are
/// ``MapKey``s, compared, hashed and sorted by their bytes (so canonically equivalent keys stay two), and the
/// regex functions match a text as Go's `regexp` reads it while keeping its bytes. `Cases/bytes.json` checks
/// each of them against Go. Nothing is left open.
enum KnownDifferences {
    static let cases: [String: String] = [:]
}
