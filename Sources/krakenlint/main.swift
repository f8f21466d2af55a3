import Foundation
import KrakenLintCLI

#if canImport(Glibc)
import CGlibcExtensions

// glibc grows a thread's malloc arena, and trims it back, a little at a time, one mprotect call each: a lint
// of a 10 MB configuration made about 10,300 of them (8% of its CPU time). With 64 MB of headroom an arena
// grows in one step. The headroom is address space only: pages become resident when they are written, so
// peak memory does not change (docs/benchmarks.md).
// Called directly: release builds are static executables, in which looking mallopt up by name (dlsym, as
// this did first) finds nothing, so the setting had silently stopped applying to them.
_ = mallopt(M_TOP_PAD, 64 << 20)
#endif

exit(KrakenLintCommand.run(Array(CommandLine.arguments.dropFirst()), io: .process))
