// libFuzzer entry point for the CHALLENGE parser. Built by Fuzz/run.sh together with the NTLM parsing sources
// (no Crypto needed), with -sanitize=fuzzer,address. A trap, an out-of-bounds access or a violated invariant
// ends the run with a crash report and the offending input.

@_cdecl("LLVMFuzzerTestOneInput")
public func challengeFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let (_, violation) = checkChallengeParser(input)
    if let violation {
        fatalError("invariant violated: \(violation)")
    }
    return 0
}
