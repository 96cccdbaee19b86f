// libFuzzer's entry point: any bytes as a spec, through the reader, decoder, validator and generator.
//
// Built with `-sanitize=fuzzer,address` (see fuzz.sh); `main` hands the command line to libFuzzer's driver. Besides
// crashes, hangs, leaks and runaway memory, which libFuzzer and AddressSanitizer catch, it checks what a user relies
// on: every diagnostic points into the file, and an accepted spec generates the same bytes every time.
import CFuzzerDriver
import CQRSGenCore

#if canImport(Glibc)
    import Glibc
#endif

/// Small limits, so that a fuzzer's input reaches them and their errors are exercised.
let loader = SpecLoader(reader: YAMLReader(limits: ReaderLimits(maximumBytes: 1 << 16, maximumDepth: 16, maximumNodes: 4096)))

func fuzzSpec(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let outcome = loader.load(bytes)
    let lines = SpecLines.lengths(of: bytes)
    for diagnostic in outcome.diagnostics {
        precondition(SpecLines.contains(diagnostic.location, lengths: lines), "a diagnostic outside the file: \(diagnostic)")
        for note in diagnostic.notes {
            precondition(SpecLines.contains(note.location, lengths: lines), "a note outside the file: \(diagnostic)")
        }
    }
    _ = DiagnosticFormatter(path: "spec.yaml").format(outcome.diagnostics)
    if let spec = outcome.validSpec {
        let first = Generator().generate(spec)
        precondition(first.map(\.name) == Generator().fileNames, "the generator must always write the same files")
        precondition(Generator().generate(spec) == first, "the same spec must generate the same bytes")
    }
    return 0
}

var argumentCount = CommandLine.argc
var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &arguments, fuzzSpec))
