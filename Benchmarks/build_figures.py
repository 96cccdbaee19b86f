"""`swift build` with the build plugin, in a scratch copy of the package: a build that changes nothing, one after a
one-operation spec edit, and one after a one-handler edit; each a median, with how often the generator ran."""
import os
import re
import shutil
import statistics

from run import ROOT, run

HANDLER = "Sources/App/Handlers/Auth/LogoutUserHandler.swift"
SPEC = "spec/operations.yaml"


def generator_runs(verbose_output):
    """How many times the build ran cqrs-gen: its command lines in `swift build -v`."""
    return sum(1 for line in verbose_output.splitlines() if "cqrs-gen" in line and " generate " in line and "--output" in line)


def build(package):
    elapsed, memory, output = run(["swift", "build", "--product", "App", "-v"], cwd=package)
    return elapsed, generator_runs(output)


def measure(work, runs):
    package = os.path.join(work, "package")
    ignore = shutil.ignore_patterns(".build", ".build-*", ".build_*", ".swiftpm", ".git")
    shutil.copytree(ROOT, package, ignore=ignore)
    print("\nBuilding a scratch copy of the package (debug) …", flush=True)
    clean, clean_runs = build(package)
    # SwiftPM reruns a build command once on the first build after a clean build; with unchanged bytes nothing
    # recompiles. It is reported on its own line, and the no-op figure is measured after it.
    settling, settling_runs = build(package)

    noop = [build(package) for _ in range(runs)]

    spec_edits = []
    for index in range(runs):
        path = os.path.join(package, SPEC)
        with open(path) as text:
            spec = text.read()
        # A one-operation edit: the description of LogoutUser, which changes the generated files' bytes.
        spec = re.sub(r"(  LogoutUser:\n    category: auth\n    description: )[^\n]*", rf"\1Log a user out by revoking their refresh token (edit {index}).", spec)
        with open(path, "w") as text:
            text.write(spec)
        spec_edits.append(build(package))

    handler_edits = []
    for index in range(runs):
        with open(os.path.join(package, HANDLER), "a") as handler:
            handler.write(f"// edit {index}\n")
        handler_edits.append(build(package))

    def row(name, builds):
        return f"| {name} | {statistics.median(b[0] for b in builds):.2f} s | {', '.join(str(b[1]) for b in builds)} |"

    print()
    print("| swift build (debug, App) | time | generator runs |")
    print("|---|---:|---:|")
    print(f"| clean | {clean:.2f} s | {clean_runs} |")
    print(f"| the first build after a clean build | {settling:.2f} s | {settling_runs} |")
    print(row("nothing changed", noop))
    print(row("one operation edited in the spec", spec_edits))
    print(row("one handler file edited", handler_edits))
    spec_time = statistics.median(b[0] for b in spec_edits)
    handler_time = statistics.median(b[0] for b in handler_edits)
    print(f"\nSpec edit ÷ handler edit: {spec_time / handler_time:.2f}×")
