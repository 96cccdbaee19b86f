// Where `cqrs-gen generate`'s time goes, stage by stage, for one spec: the same calls the command makes, timed apart.
//
//     StageTimes SPEC OUTPUT-FOLDER [RUNS]
//
// Prints the median of each stage over RUNS runs (default 5), each into an empty folder.
import CQRSGenCore

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    print("usage: StageTimes SPEC OUTPUT-FOLDER [RUNS]")
    exit(2)
}
let (path, output) = (arguments[1], arguments[2])
let runs = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

let stages = ["read the file", "read the YAML (libyaml, document)", "decode", "validate", "generate and write"]
var times = Array(repeating: [Duration](), count: stages.count)
let clock = ContinuousClock()

for _ in 0..<runs {
    _ = system("rm -rf '\(output)'")
    var lap = clock.now
    func record(_ stage: Int) {
        let now = clock.now
        times[stage].append(now - lap)
        lap = now
    }
    let descriptor = open(path, O_RDONLY)
    var bytes = [UInt8](repeating: 0, count: Int(lseek(descriptor, 0, SEEK_END)))
    _ = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    close(descriptor)
    record(0)
    let read = YAMLReader().read(bytes)
    record(1)
    let decoded = SpecDecoder().decode(read.root!)
    record(2)
    let spec = decoded.spec!
    let diagnostics = SpecValidator().validate(spec)
    precondition(!diagnostics.hasErrors, "the spec has errors")
    record(3)
    _ = try Generator().write(spec, to: OutputDirectory(path: output))
    record(4)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func milliseconds(_ value: Double) -> String {
    let tenths = Int((value * 10_000).rounded())
    return "\(tenths / 10).\(tenths % 10) ms"
}

let medians = times.map { seconds($0.sorted()[$0.count / 2]) }
let total = medians.reduce(0, +)
print("| stage | time (median of \(runs)) | share |")
print("|---|---:|---:|")
for (stage, median) in zip(stages, medians) {
    print("| \(stage) | \(milliseconds(median)) | \(Int((median / total * 100).rounded())) % |")
}
print("| all | \(milliseconds(total)) | |")
