import Foundation
import KrakenLintCLI

#if canImport(Glibc)
import Glibc

// glibc grows a thread's malloc arena, and trims it back, a little at a time, one mprotect call each: a lint
// of a 10 MB configuration made about 10,700 of them (8% of its CPU time). With 64 MB of headroom an arena
// grows in one step. The headroom is address space only: pages become resident when they are written, so
// peak memory does not change (docs/benchmarks.md).
// mallopt is not in Swift's Glibc module (malloc.h); it is looked up and called with C's convention.
// M_TOP_PAD is -2 in malloc.h.
if let mallopt = dlsym(nil, "mallopt") {
    _ = unsafeBitCast(mallopt, to: (@convention(c) (Int32, Int32) -> Int32).self)(-2, 64 << 20)
}
#endif

exit(KrakenLintCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
