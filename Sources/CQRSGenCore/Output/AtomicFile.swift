import Foundation

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

/// Writes files so that no reader ever sees half of one: the bytes go to a temporary file in the same folder and
/// replace the old file in one `rename`, which POSIX makes atomic. A writer killed at any point leaves either the old
/// file or the new one, and at worst a stray temporary file that the next run ignores.
///
/// There is no `fsync`: it guards against power loss, not against a killed process, and generated files are rebuilt
/// by the next build anyway; on a large spec it cost more than generating (7 s of 25 for 100,000 operations).
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).cqrs-gen-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: Self.lastError()) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = Self.lastError()
                close(descriptor)
                unlink(temporary)
                throw OutputError(path: path, reason: reason)
            }
            written += result
        }
        guard close(descriptor) == 0 else {
            let reason = Self.lastError()
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = Self.lastError()
            unlink(temporary)
            throw OutputError(path: path, reason: reason)
        }
    }

    /// The file's bytes, or nil when it does not exist or cannot be read as a regular file.
    static func read(_ path: String) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return [UInt8](data)
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// POSIX `write`, named apart from the Swift methods called `write` around it.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
