"""Building a large application with the plugin: 1,000 operations, their handlers one per file, in a scratch package
that depends on cqrs-gen by path, as a team's package would.

Measured, each the median of `runs` builds (debug, `swift build -v`, counting the generator's runs):
- a clean build of the package, against the same package written by hand: the same types as structs with the same
  conformances (`Sendable, Hashable, Codable`), and the same handlers conforming to the runtime's `CommandHandler` and
  `QueryHandler`, without the plugin;
- an edit of one operation in the spec, against an edit of one handler file, in the package with the plugin;
- a build that changes nothing.
"""
import os
import re
import shutil
import statistics

import yaml

from build_figures import generator_runs
from run import ROOT, run, synthesize
from typecheck_figures import dependency_protocols, handlers, swift_type

OPERATIONS = 1000
# The generated package splits its files as a team with this many operations would (`outputShards`): each operation's
# declarations in one of 16 files per kind, so that an edit recompiles about a sixteenth of them.
SHARDS = 16

PACKAGE = """// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "{name}",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "cqrs-gen", path: "{root}")],
    targets: [
        .target(
            name: "Large",
            dependencies: [.product(name: "CQRS", package: "cqrs-gen")]{plugins}
        ),
    ]
)
"""


def handler_files(spec, generated):
    """One file per handler, as an application keeps them."""
    return {f"Handlers/{name}.swift": "import CQRS\nimport Foundation\n\n" + source
            for name, source in handlers(spec, generated).items()}


def dependency_file(spec):
    return "import CQRS\n\n" + dependency_protocols(spec)


def hand_written_types(spec):
    """The spec's types, commands and queries as a careful person would write them, with the conformances the
    generated ones have; commands and queries conform to the runtime's protocols."""
    lines = ["import CQRS", "import Foundation", ""]
    for section in ("types", "commands", "queries"):
        for name, entry in spec[section].items():
            kind = {"types": "", "commands": ", Command", "queries": ", Query"}[section]
            lines.append(f"struct {name}: Sendable, Hashable, Codable{kind} {{")
            if section != "types":
                result = swift_type(entry["result"]) if "result" in entry else "Void"
                lines.append(f"    typealias Output = {result}")
            for field, value in (entry.get("fields") or {}).items():
                field_type = value["type"] if isinstance(value, dict) else value
                lines.append(f"    let {field}: {swift_type(field_type)}")
            lines.append("}")
            lines.append("")
    return "\n".join(lines)


def write_package(folder, name, files, plugin):
    sources = os.path.join(folder, "Sources", "Large")
    os.makedirs(sources, exist_ok=True)
    plugins = ',\n            plugins: [.plugin(name: "CQRSGenPlugin", package: "cqrs-gen")]' if plugin else ""
    with open(os.path.join(folder, "Package.swift"), "w") as manifest:
        manifest.write(PACKAGE.format(name=name, root=ROOT, plugins=plugins))
    for path, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(sources, path)), exist_ok=True)
        with open(os.path.join(sources, path), "w") as out:
            out.write(text)


def build(package):
    elapsed, _, output = run(["swift", "build", "-v"], cwd=package)
    return elapsed, generator_runs(output)


def clean_build(package):
    """Builds the target from nothing, its dependencies kept: its objects, module and incremental state removed, and
    the plugin's output with them (SwiftPM's own files about the target stay, as it expects them to)."""
    debug = os.path.join(package, ".build", "x86_64-unknown-linux-gnu", "debug")
    removable = (".o", ".swiftdeps", ".d", ".dia", ".swiftmodule", ".swiftdoc", ".swiftsourceinfo", ".priors", ".emit-module.d")
    for folder in (os.path.join(debug, "Large.build"), os.path.join(debug, "Modules"),
                   os.path.join(package, ".build", "plugins", "outputs")):
        for directory, _, names in os.walk(folder):
            for name in names:
                if folder.endswith("Modules"):
                    remove = name.startswith("Large.")
                elif folder.endswith("outputs"):
                    remove = name.endswith(".swift")
                else:
                    remove = name.endswith(removable)
                if remove:
                    os.unlink(os.path.join(directory, name))
    return build(package)


def measure(work, tools, runs):
    _, synthesizer, _, _ = tools
    spec_path = synthesize(synthesizer, OPERATIONS, work)
    with open(spec_path) as text:
        spec_text = text.read()
    spec = yaml.safe_load(spec_text)

    generated = os.path.join(work, "large-generated")
    write_package(generated, "LargeGenerated", {
        "operations.yaml": spec_text, "cqrs-gen-config.yaml": f"outputShards: {SHARDS}\n",
        "Dependencies.swift": dependency_file(spec), **handler_files(spec, True),
    }, plugin=True)
    by_hand = os.path.join(work, "large-by-hand")
    write_package(by_hand, "LargeByHand", {
        "Types.swift": hand_written_types(spec), "Dependencies.swift": dependency_file(spec),
        **handler_files(spec, False),
    }, plugin=False)

    print(f"\nBuilding {OPERATIONS:,} operations with the plugin and by hand (debug), {runs} runs each …", flush=True)
    # The first build of each also builds cqrs-gen's libraries (and, with the plugin, the tool); only the target's
    # own build is timed after it, cleaning the target's products and the plugin's output each time.
    build(generated)
    build(by_hand)
    clean_generated, clean_by_hand, ratios = [], [], []
    for _ in range(runs):
        generated_run = clean_build(generated)
        by_hand_run = clean_build(by_hand)
        clean_generated.append(generated_run)
        clean_by_hand.append(by_hand_run)
        ratios.append(generated_run[0] / by_hand_run[0])
    build(generated)

    noop = [build(generated) for _ in range(runs)]
    first = next(iter(spec["commands"]))
    spec_edits, handler_edits = [], []
    handler = os.path.join(generated, "Sources", "Large", "Handlers", first + "Handler.swift")
    for index in range(runs):
        path = os.path.join(generated, "Sources", "Large", "operations.yaml")
        with open(path) as text:
            current = text.read()
        # One operation's description: the generated files' bytes change, their declarations' shapes do not.
        current, count = re.subn(rf"(\n  {first}:\n(?:    .*\n)*?    description: )[^\n]*",
                                 rf"\1Benchmark edit {index}.", current, count=1)
        assert count == 1, "the first command has a description"
        with open(path, "w") as text:
            text.write(current)
        spec_edits.append(build(generated))
        with open(handler, "a") as text:
            text.write(f"// edit {index}\n")
        handler_edits.append(build(generated))

    def median(builds):
        return statistics.median(b[0] for b in builds)

    def runs_of(builds):
        return ", ".join(str(b[1]) for b in builds)

    print()
    print(f"| swift build (debug), {OPERATIONS:,} operations, outputShards: {SHARDS} | time | generator runs |")
    print("|---|---:|---:|")
    print(f"| clean, with the plugin | {median(clean_generated):.2f} s | {runs_of(clean_generated)} |")
    print(f"| clean, the same types and handlers by hand | {median(clean_by_hand):.2f} s | – |")
    print(f"| nothing changed | {median(noop):.2f} s | {runs_of(noop)} |")
    print(f"| one operation's description edited in the spec | {median(spec_edits):.2f} s | {runs_of(spec_edits)} |")
    print(f"| one handler file edited | {median(handler_edits):.2f} s | {runs_of(handler_edits)} |")
    print(f"\nClean build with the plugin ÷ by hand: {statistics.median(ratios):.2f}× "
          f"({min(ratios):.2f}–{max(ratios):.2f}), goal 1.5×")
    print(f"Spec edit ÷ handler edit: {median(spec_edits) / median(handler_edits):.2f}×, goal 1.5×")
