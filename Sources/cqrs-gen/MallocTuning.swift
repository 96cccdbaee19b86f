#if canImport(Glibc)
    import Glibc
#endif

/// glibc's malloc tuning, which the standard library does not import (it lives in `<malloc.h>`).
///
/// Looked up at run time rather than compiled from a C target: a C target in the tool is compiled with other flags by
/// `swift test` than by `swift build`, so every switch between them relinked the tool, and a new tool reruns the
/// build plugin in every package that applies it.
enum MallocTuning {
    /// Makes every thread allocate from one malloc arena, where the C library has arenas per thread (glibc);
    /// elsewhere it does nothing.
    static func useOneArena() {
        #if canImport(Glibc)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            // M_ARENA_MAX in <malloc.h>.
            let arenaMaximum: Int32 = -8
            _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMaximum, 1)
        #endif
    }
}
