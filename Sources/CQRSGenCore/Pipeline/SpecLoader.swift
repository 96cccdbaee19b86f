#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The front of the pipeline: spec bytes → YAML tree (reader) → `Spec` (decoder) → diagnostics (validator).
///
/// Reading problems stop the pipeline, because a tree with a malformed part would only produce confusing follow-on
/// errors; decoding and validation problems are reported together, since the validator runs on whatever the
/// decoder could make of the file.
public struct SpecLoader: Sendable {
    public struct Outcome: Sendable {
        /// The decoded spec. It is safe to generate from only when `diagnostics` has no errors.
        public var spec: Spec?
        /// Every problem found, sorted by position.
        public var diagnostics: [Diagnostic]

        /// The spec, if it has no errors.
        public var validSpec: Spec? { diagnostics.hasErrors ? nil : spec }
    }

    public var reader: YAMLReader
    public var validator: SpecValidator
    /// The naming conventions of the spec's target, from its configuration.
    public var conventions: ConventionsSpec

    public init(
        reader: YAMLReader = YAMLReader(), validator: SpecValidator = SpecValidator(),
        conventions: ConventionsSpec = ConventionsSpec()
    ) {
        self.reader = reader
        self.validator = validator
        self.conventions = conventions
    }

    public func load(_ text: String) -> Outcome {
        load(Array(text.utf8))
    }

    public func load(_ bytes: [UInt8]) -> Outcome {
        var (spec, diagnostics) = decode(bytes)
        if let decoded = spec { spec?.sourceLines = SourceLines(bytes, wanted: SourceLines.wanted(by: decoded)) }
        return validate(spec, diagnostics)
    }

    private func validate(_ spec: Spec?, _ diagnostics: [Diagnostic]) -> Outcome {
        guard let spec else { return Outcome(spec: nil, diagnostics: diagnostics.sortedByPosition()) }
        return Outcome(spec: spec, diagnostics: (diagnostics + validator.validate(spec)).sortedByPosition())
    }

    /// Reads and decodes. The document is gone when this returns, before validation and generation: the spec
    /// keeps only what it needs of it. Memory peaks here, with the document and the spec both alive.
    private func decode(_ bytes: consuming [UInt8]) -> (Spec?, [Diagnostic]) {
        let read = reader.read(bytes)
        // The document holds the text it needs; the file's bytes can go before the spec is built beside it.
        _ = consume bytes
        guard let root = read.root, !read.diagnostics.hasErrors else {
            return (nil, read.diagnostics)
        }
        var decoded = SpecDecoder().decode(root)
        decoded.spec?.conventions = conventions
        return (decoded.spec, read.diagnostics + decoded.diagnostics)
    }

    /// Reads and loads the spec at `path`. Problems with the file itself (missing, a directory, unreadable, too
    /// large) are thrown; problems with its contents are in the outcome.
    public func load(contentsOf path: String) throws(SpecFileError) -> Outcome {
        // The file's bytes are gone once decoded, before validation: the spec keeps what it needs of them.
        var (spec, diagnostics) = decode(try SpecFile.read(path, limit: reader.limits.maximumBytes))
        // The few lines generated code quotes are read again once the document is gone, so that memory does not peak
        // higher; a file that changed meanwhile only gives comments that differ.
        if let decoded = spec, let bytes = try? SpecFile.read(path, limit: reader.limits.maximumBytes) {
            spec?.sourceLines = SourceLines(bytes, wanted: SourceLines.wanted(by: decoded))
        }
        return validate(spec, diagnostics)
    }
}

/// A spec file that could not be read at all: an I/O problem, reported as `error: …` and exit status 2, never as
/// a stack trace.
public struct SpecFileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// What the file is to cqrs-gen: "spec" or "configuration".
    public var file: String = "spec"

    public var description: String { "cannot read \(file) '\(path)': \(reason)" }
}

enum SpecFile {
    static func read(_ path: String, limit: Int) throws(SpecFileError) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw SpecFileError(path: path, reason: errno == ENOENT ? "no such file" : FileSystem.lastError())
        }
        guard (status.st_mode & S_IFMT) != S_IFDIR else {
            throw SpecFileError(path: path, reason: "it is a directory")
        }
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
            throw SpecFileError(path: path, reason: "it is \(status.st_size) bytes, over the reader's limit of \(limit) bytes")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SpecFileError(path: path, reason: "permission denied or not a readable file")
        }
        defer { close(descriptor) }
        // Read one byte past the limit, so that an oversized file is recognised without reading all of it. A regular
        // file's size is known, so it is read in one buffer of that size; a pipe grows the buffer as it goes.
        var bytes: [UInt8] = []
        var capacity = (status.st_mode & S_IFMT) == S_IFREG ? min(Int(status.st_size), limit) + 1 : 1 << 16
        while true {
            let start = bytes.count
            bytes += repeatElement(0, count: capacity - start)
            let count = bytes.withUnsafeMutableBytes { buffer in
                FileSystem.readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[start...]), at: -1)
            }
            if count < 0 {
                throw SpecFileError(path: path, reason: FileSystem.lastError())
            }
            bytes.removeLast(capacity - start - count)
            if start + count < capacity || bytes.count > limit { return bytes }
            capacity = min(capacity * 2, limit + 1)
        }
    }
}
