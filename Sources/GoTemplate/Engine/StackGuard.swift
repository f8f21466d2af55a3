#if canImport(Glibc)
import Glibc
import CGlibcExtensions
#elseif canImport(Musl)
import Musl
import CGlibcExtensions
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Tells whether the native stack of the current thread is close to its end, so that deeply nested
/// templates (recursive `template` calls, nested parentheses or control structures) end with an error
/// instead of crashing, whatever the thread's stack size.
///
/// It reads the address of a local variable, so it cannot work where locals are not on the native stack:
/// under AddressSanitizer's fake stacks (`detect_stack_use_after_return`), which the fuzz scripts turn off.
struct StackGuard {
    /// The lowest address the stack may grow to before recursion must stop.
    private let limit: UInt

    /// Measures the current thread's stack; `reserve` bytes are kept free for the error path and callees.
    init(reserve: UInt = 128 * 1024) {
        let here = Self.currentAddress()
        // glibc finds the main thread's stack by reading /proc/self/maps, which cost a third of the time of a
        // small render in the fuzz target; the main thread's stack does not move, so it is looked up once.
        var low = Thread.isMainThread ? Self.mainThreadLowestAddress : Self.lowestAddressOfCurrentThread()
        if low == 0 || low >= here {
            // Unknown bounds: assume the smallest common thread stack (512 KiB).
            low = here &- 512 * 1024
        }
        let usable = here - low
        limit = usable > reserve * 2 ? low + reserve : here &- usable / 2
    }

    /// The lowest address of the main thread's stack, or 0 when unknown.
    private static let mainThreadLowestAddress: UInt = lowestAddressOfCurrentThread()

    /// The lowest address of the current thread's stack, or 0 when the system does not tell.
    private static func lowestAddressOfCurrentThread() -> UInt {
        var low: UInt = 0
        #if canImport(Darwin)
        let thread = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        let size = UInt(pthread_get_stacksize_np(thread))
        low = top &- size
        #else
        var attributes = pthread_attr_t()
        // pthread_getattr_np, a GNU extension the Glibc module leaves out, comes from CGlibcExtensions. It was
        // looked up by name (dlsym) first, which finds nothing in the static release executable: there every
        // stack was taken for 512 KiB, and templates nested 2,000 deep stopped at the limit.
        if pthread_getattr_np(pthread_self(), &attributes) == 0 {
            var address: UnsafeMutableRawPointer?
            var size = 0
            if pthread_attr_getstack(&attributes, &address, &size) == 0, let address {
                low = UInt(bitPattern: address)
            }
            pthread_attr_destroy(&attributes)
        }
        #endif
        return low
    }

    /// True when less than the reserve is left below the caller's frame.
    @inline(__always)
    func isExhausted() -> Bool { Self.currentAddress() < limit }

    @inline(never)
    private static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
