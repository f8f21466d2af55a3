/// Masterminds sprig v3.2.3's `GenericFuncMap`, the functions KrakenD's flexible configuration offers on top of
/// Go's built-ins.
public enum Sprig {
    /// Every function of sprig's generic map, by name. Each call builds a new table; callers that render many
    /// templates should keep one.
    public static func genericFunctionMap() -> FunctionMap {
        var map = FunctionMap()
        for family in families {
            map.merge(family) { first, _ in first }
        }
        SprigByteStrings.install(into: &map)
        return map
    }

    /// One table per family; no name appears in two of them.
    static var families: [FunctionMap] {
        [
            SprigStrings.functions,
            SprigConversions.functions,
            SprigDefaults.functions,
            SprigReflection.functions,
            SprigEnvironment.functions,
            SprigLists.functions,
            SprigDicts.functions,
            SprigMath.functions,
            SprigEncoding.functions,
            SprigPaths.functions,
            SprigCrypto.functions,
            SprigCertificates.functions,
            SprigRegex.functions,
            SprigSemver.functions,
            SprigDates.functions,
            SprigURL.functions,
            SprigNetwork.functions,
        ]
    }
}
