#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileTime {
    /// The current time as go-ntlmssp computes its client timestamp.
    public static func now() -> FileTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let nanoseconds = Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec)
        return FileTime(unixNanoseconds: nanoseconds)
    }
}
