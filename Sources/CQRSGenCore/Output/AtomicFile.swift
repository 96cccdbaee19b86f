#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a generated file could not be written or read: an I/O problem, reported in one line.
public struct OutputError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write '\(path)': \(reason)" }
}

/// Replaces a file with new bytes that arrive a chunk at a time, so that no reader ever sees half of it, and leaves
/// it untouched when the bytes are the same.
///
/// While the new bytes match the file on disk, they are only compared. At the first difference a temporary file is
/// started in the same folder, with the prefix that matched copied from the old file; at the end it replaces the old
/// file in one `rename`, which POSIX makes atomic. A writer killed at any point leaves either the old file or the
/// new one, and at worst a hidden temporary file, which the next run removes. Memory stays at one chunk, whatever
/// the file's size.
///
/// There is no `fsync`: it guards against power loss, not against a killed process, and generated files are rebuilt
/// by the next build anyway; on a large spec it cost more than generating (7 s of 25 for 100,000 operations).
final class AtomicFileUpdate {
    let path: String
    /// The file being replaced, open for comparing; -1 when there is none, or once it differs.
    private var existing: Int32
    /// How many leading bytes of the new file are known to equal the old one's.
    private var matched = 0
    private var temporary: (descriptor: Int32, path: String)?
    private var failure: OutputError?
    private var comparison: [UInt8] = []

    init(path: String) {
        self.path = path
        existing = FileSystem.isRegularFile(path) ? open(path, O_RDONLY | O_CLOEXEC) : -1
    }

    deinit {
        if existing >= 0 { close(existing) }
        if let temporary {
            close(temporary.descriptor)
            unlink(temporary.path)
        }
    }

    /// The next bytes of the new file. An I/O error is kept and reported by `commit`.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        if temporary == nil, existing >= 0 {
            if matchesExisting(bytes) {
                matched += bytes.count
                return
            }
            startTemporary()
        } else if temporary == nil {
            startTemporary()
        }
        guard let descriptor = temporary?.descriptor, failure == nil else { return }
        writeAll(descriptor, bytes)
    }

    /// Finishes the file: returns false when its bytes were unchanged and it was left alone, true when it was
    /// replaced. On an error nothing is replaced and the temporary file is removed.
    func commit() throws(OutputError) -> Bool {
        if failure == nil, temporary == nil {
            // Every new byte matched; the file is unchanged only if the old one has nothing more.
            var extra: UInt8 = 0
            if existing >= 0, pread(existing, &extra, 1, off_t(matched)) == 0 { return false }
            startTemporary()
        }
        if let failure { throw failure }
        guard let (descriptor, temporaryPath) = temporary else { return false }
        temporary = nil
        guard close(descriptor) == 0 else {
            let reason = FileSystem.lastError()
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = FileSystem.lastError()
            unlink(temporaryPath)
            throw OutputError(path: path, reason: reason)
        }
        return true
    }

    /// Whether the old file continues with exactly `bytes`.
    private func matchesExisting(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if comparison.count < bytes.count { comparison = Array(repeating: 0, count: bytes.count) }
        let count = comparison.withUnsafeMutableBytes { buffer in
            FileSystem.readFully(existing, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<bytes.count]), at: matched)
        }
        guard count == bytes.count else { return false }
        return comparison.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Opens the temporary file and copies into it the prefix that matched the old file.
    private func startTemporary() {
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "./"
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let temporaryPath = folder + ".\(name).cqrs-gen-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            failure = OutputError(path: path, reason: FileSystem.lastError())
            return
        }
        temporary = (descriptor, temporaryPath)
        var copied = 0
        var chunk = [UInt8](repeating: 0, count: min(max(matched, 1), SwiftWriter.flushThreshold))
        while copied < matched, failure == nil {
            let wanted = min(chunk.count, matched - copied)
            let count = chunk.withUnsafeMutableBytes { buffer in
                FileSystem.readFully(existing, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]), at: copied)
            }
            guard count == wanted else {
                failure = OutputError(path: path, reason: "the file changed while it was being replaced")
                return
            }
            chunk.withUnsafeBytes { writeAll(descriptor, UnsafeRawBufferPointer(rebasing: $0[..<wanted])) }
            copied += wanted
        }
        if existing >= 0 {
            close(existing)
            existing = -1
        }
    }

    private func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
        var written = 0
        while written < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                failure = OutputError(path: path, reason: FileSystem.lastError())
                return
            }
            written += result
        }
    }
}

/// The few file-system facts the generator needs, straight from POSIX.
enum FileSystem {
    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Makes `path` and every missing folder above it (`mkdir -p`); returns why it could not, or nil.
    static func createDirectories(_ path: String) -> String? {
        if isDirectory(path) { return nil }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST { return lastError() }
            if !isDirectory(prefix) { return "'\(prefix)' is not a folder" }
            prefix += "/"
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Reads up to `buffer.count` bytes at `offset`, or from the current position when `offset` is negative; fewer
    /// only at the end of the file. -1 on an error before any byte was read.
    static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        var total = 0
        while total < buffer.count {
            let start = buffer.baseAddress! + total, wanted = buffer.count - total
            let result = offset < 0 ? read(descriptor, start, wanted) : pread(descriptor, start, wanted, off_t(offset + total))
            if result < 0 {
                if errno == EINTR { continue }
                return total > 0 ? total : -1
            }
            if result == 0 { break }
            total += result
        }
        return total
    }

    /// The whole of a regular file, or nil when it does not exist or cannot be read as one.
    static func contents(_ path: String) -> [UInt8]? {
        guard isRegularFile(path) else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { readFully(descriptor, into: $0, at: bytes.count) }
            guard count >= 0 else { return nil }
            bytes += chunk[..<count]
            if count < chunk.count { return bytes }
        }
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
