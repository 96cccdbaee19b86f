import Foundation
import Testing

@testable import CQRSGenCore

/// Generated files are streamed to disk in chunks as they are rendered. These tests show that chunking never changes
/// a byte, and that a file is replaced atomically, and only when its bytes change, wherever the first change falls.
@Suite("Streamed output")
struct StreamedOutputTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cqrs-gen-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The inode of a file: a rename gives the path a new one, so an unchanged inode proves the file was left alone.
    static func inode(_ path: String) throws -> UInt64 {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    /// Feeds `bytes` to an update in chunks of `chunk` bytes and commits it.
    static func replace(_ path: String, with bytes: [UInt8], chunk: Int = 1000) throws -> Bool {
        let update = AtomicFileUpdate(path: path)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunk, bytes.count)
            bytes[offset..<end].withUnsafeBytes { update.append($0) }
            offset = end
        }
        return try update.commit()
    }

    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test("every file renders to the same bytes in 1-byte, 100-byte and whole-file chunks")
    func chunkingChangesNothing() throws {
        let outcome = try SpecLoader().load(contentsOf: PackageRoot.url.appendingPathComponent("spec/operations.yaml").path)
        let spec = try #require(outcome.validSpec)
        let generator = Generator(options: GeneratorOptions(outputShards: 2))
        let context = generator.context(spec)
        for file in generator.parts {
            let renderer = file.renderer
            let context = context.writing(file.part, of: type(of: renderer).name)
            var whole = SwiftWriter()
            renderer.render(context, into: &whole)
            for threshold in [1, 100] {
                var chunks: [UInt8] = []
                var streamed = SwiftWriter(sink: { chunks.append(contentsOf: $0) }, flushThreshold: threshold)
                renderer.render(context, into: &streamed)
                streamed.finish()
                #expect(String(decoding: chunks, as: UTF8.self) == whole.text, "\(file.name), chunks of \(threshold)")
            }
        }
    }

    @Test("Generator.write streams exactly what generate returns, then rewrites nothing")
    func writeMatchesGenerate() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try SpecLoader().load(contentsOf: PackageRoot.url.appendingPathComponent("spec/operations.yaml").path)
        let spec = try #require(outcome.validSpec)
        let first = try Generator().write(spec, to: OutputDirectory(path: folder.path))
        #expect(first.written == Generator().fileNames)
        #expect(OutputDirectory(path: folder.path).differences(from: Generator().generate(spec)).isEmpty)
        let second = try Generator().write(spec, to: OutputDirectory(path: folder.path))
        #expect(second.written.isEmpty)
        #expect(second.unchanged == Generator().fileNames)
    }

    @Test("a file is replaced wherever its first change falls, and left alone when nothing changed")
    func replacesOnlyOnChange() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("File.swift").path
        let original = (0..<200_000).map { UInt8(ascii: "a") + UInt8($0 % 26) }

        #expect(try Self.replace(path, with: original), "a new file is written")
        let inode = try Self.inode(path)
        #expect(try Self.replace(path, with: original, chunk: 777) == false, "the same bytes in other chunks")
        #expect(try Self.inode(path) == inode, "an unchanged file is not replaced")

        var changedLate = original
        changedLate[150_001] = UInt8(ascii: "!")
        var longer = original
        longer += Array("// more\n".utf8)
        let cases: [(String, [UInt8])] = [
            ("a change after many matching chunks", changedLate),
            ("the old file with bytes added", longer),
            ("a prefix of the old file", Array(original[..<123_456])),
            ("an empty file", []),
            ("a change in the first byte", [UInt8(ascii: "#")] + original.dropFirst()),
        ]
        var previous = original
        for (description, bytes) in cases {
            #expect(try Self.replace(path, with: bytes) == (bytes != previous), "\(description)")
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes, "\(description)")
            previous = bytes
        }
        #expect(try Self.leftovers(in: folder).isEmpty, "no temporary file is left behind")
    }

    @Test("a file that cannot be written is one error naming it, and nothing is left behind")
    func unwritableFolder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/File.swift").path
        #expect(throws: OutputError(path: path, reason: "No such file or directory")) {
            try Self.replace(path, with: Array("let x = 1\n".utf8))
        }
        #expect(try Self.leftovers(in: folder).isEmpty)
    }
}
