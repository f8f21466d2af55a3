import ConfigTree
import Foundation
import XCTest

final class JoinedThreadTests: XCTestCase {
    private final class Held {}

    func testEverythingTheBodyHeldIsReleasedWhenRunReturns() {
        // Found by the template fuzz target (LeakSanitizer): with Foundation's Thread and a semaphore, the
        // closure (and the parsed templates it held) could still be allocated after execution had returned.
        for attempt in 0..<200 {
            weak var released: Held?
            let answer: Int? = {
                let held = Held()
                released = held
                return JoinedThread.run(stackSize: 1 << 20) { withExtendedLifetime(held) { attempt } }
            }()
            XCTAssertEqual(answer, attempt)
            XCTAssertNil(released, "attempt \(attempt): the body's capture outlived run()")
        }
    }

    func testTheBodyRunsOnAnotherThreadWithTheStackAskedFor() {
        // 300,000 nested calls need far more than the 8 MiB a default thread has; the body would crash on a
        // stack of the default size.
        let caller = pthread_self()
        let seen = JoinedThread.run(stackSize: 512 << 20) { () -> (same: Bool, depth: Int) in
            (pthread_equal(caller, pthread_self()) != 0, Self.nest(300_000))
        }
        XCTAssertEqual(seen?.same, false)
        XCTAssertEqual(seen?.depth, 300_000)
    }

    /// Recurses `levels` deep, each frame holding a few words on the stack.
    @inline(never)
    private static func nest(_ levels: Int) -> Int {
        var frame = (levels, levels &+ 1, levels &+ 2, levels &+ 3)
        if levels == 0 { return 0 }
        return withUnsafeMutablePointer(to: &frame) { pointer in nest(pointer.pointee.0 - 1) + 1 }
    }
}
