import ArgumentParser
import CQRSGenCore
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct Scaffold: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a handler file for every operation whose handler the sources do not declare yet.",
        discussion: """
            Looks through the Swift files under the sources folder for each handler the spec names. For each one \
            missing it writes <sources>/<Category>/<Handler>.swift: the handler type, its conformance to the \
            generated protocol, the spec's dependencies as stored properties (the initialiser the generated factory \
            calls), and a handle method that fails with not_implemented until you write its logic. It never \
            overwrites a file: one that is already there is left alone and named.

            Examples:
              cqrs-gen scaffold --sources Sources/App/Handlers
              cqrs-gen scaffold spec/operations.yaml --sources Sources/App/Handlers --dry-run

            Exit status: 0 done (or nothing to do), 1 the spec has errors, 2 a usage or I/O error.
            """
    )

    @OptionGroup var options: SpecOptions

    @Option(help: ArgumentHelp("The folder of the application's handler sources.", valueName: "folder"), completion: .directory)
    var sources: String

    @Flag(help: "Print what would be written, and write nothing.")
    var dryRun = false

    func run() throws {
        let loaded = try options.load()
        guard let spec = loaded.outcome.validSpec else { throw ExitCode(ExitStatus.specErrors) }
        let handlerNames = Set((spec.commands + spec.queries).map(\.handler.name.value))
        let existing = DeclaredTypes.declared(in: SwiftSources.texts(under: sources), among: handlerNames)
        let scaffolds = HandlerScaffold.missing(in: spec, existing: existing, specPath: loaded.shownPath)
        var written: [String] = [], kept: [String] = []
        for scaffold in scaffolds {
            let path = sources + "/" + scaffold.path
            if dryRun {
                print("would write \(path) (\(scaffold.handlerName))")
                continue
            }
            switch NewFile.create(path, contents: scaffold.contents) {
            case .created: written.append(path)
            case .exists: kept.append(path)
            case .failed(let reason):
                options.output.report(errors: [(path, nil, reason, "error: cannot write '\(path)': \(reason)")])
                throw ExitCode(ExitStatus.usageOrIOError)
            }
        }
        for path in written { print("wrote \(path)") }
        for path in kept {
            StandardError.write("warning: \(path) exists but does not declare its handler; left as it is")
        }
        if !dryRun {
            print("\(written.count) handler\(written.count == 1 ? "" : "s") scaffolded, \(existing.count) already there.")
        }
    }
}


/// The Swift files of a folder, for the checks that read an application's sources without compiling them.
enum SwiftSources {
    /// The text of every Swift file under `folder`, in path order; none when it does not exist yet.
    static func texts(under folder: String) -> [String] {
        guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return [] }
        return paths.filter { $0.hasSuffix(".swift") }.sorted().compactMap { relative in
            FileManager.default.contents(atPath: folder + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
        }
    }
}

/// Creates a file that must not exist yet, whole or not at all: the bytes go to a hidden temporary file, which is
/// then linked into place. `link` fails when the name is taken, so a file that appeared meanwhile is never replaced.
enum NewFile {
    enum Outcome { case created, exists, failed(String) }

    static func create(_ path: String, contents: String) -> Outcome {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if !folder.isEmpty, (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) == nil {
            return .failed("cannot create the folder '\(folder)'")
        }
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".scaffold-\(getpid())-\(UInt32.random(in: .min ... .max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(contents.utf8)) else {
            return .failed(String(cString: strerror(errno)))
        }
        defer { unlink(temporary) }
        if link(temporary, path) == 0 { return .created }
        return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno)))
    }
}
