"""Type-checking the generated code for 1,000 operations, against the same types as plain structs.

The generated code needs the application's side to compile: a protocol per dependency and a handler per operation.
Both are synthesized here from the spec, so the figure for the generated code includes them (an upper bound)."""
import os
import re
import statistics

import yaml

from run import ROOT, megabytes, run, synthesize

OPERATIONS = 1000


def property_name(type_name):
    """The generator's default property name: `UserRepository` → `userRepository`."""
    capitals = len(re.match(r"[A-Z]*", type_name).group(0))
    if 1 < capitals < len(type_name):
        capitals -= 1
    capitals = max(capitals, 1)
    return type_name[:capitals].lower() + type_name[capitals:]


def swift_type(text):
    return text.strip()


def handlers(spec, generated=True):
    """Each operation's handler, by its type name: a stub that conforms to the generated `<Operation>Handling`, or,
    for an application without the generator, to the runtime's `CommandHandler` or `QueryHandler`."""
    sources = {}
    for role, section in (("command", "commands"), ("query", "queries")):
        for name, operation in spec[section].items():
            handler = operation.get("handler", {}) or {}
            handler_name = handler.get("name", name + "Handler")
            result = swift_type(operation["result"]) if "result" in operation else "Void"
            conformance = f"{name}Handling" if generated else ("CommandHandler" if role == "command" else "QueryHandler")
            lines = [f"struct {handler_name}: {conformance} {{"]
            if not generated:
                lines += [f"    typealias Operation = {name}", f"    typealias Output = {result}"]
            for dependency in handler.get("dependencies", []):
                lines.append(f"    let {property_name(dependency)}: any {dependency}")
            argument = "command" if role == "command" else "query"
            lines.append(f"    func handle(_ {argument}: {name}) async -> Result<{result}, OperationError> {{")
            lines.append('        .failure(OperationError(code: "benchmark", message: "not run"))')
            lines += ["    }", "}"]
            sources[handler_name] = "\n".join(lines) + "\n"
    return sources


def dependency_protocols(spec):
    return "".join(f"protocol {name}: Sendable {{}}\n" for scope in ("request", "app") for name in spec["dependencies"][scope])


def application_side(spec):
    return ("import CQRS\nimport Foundation\n\n" + dependency_protocols(spec) + "\nstruct Benchmark: Error {}\n\n"
            + "".join(handlers(spec).values()))


def plain_structs(spec, conformances=""):
    lines = ["import Foundation", ""]
    for section in ("types", "commands", "queries"):
        for name, entry in spec[section].items():
            lines.append(f"struct {name}{conformances} {{")
            for field, value in (entry.get("fields") or {}).items():
                field_type = value["type"] if isinstance(value, dict) else value
                lines.append(f"    let {field}: {swift_type(field_type)}")
            lines.append("}")
    return "\n".join(lines) + "\n"


def typecheck(sources, cwd, modules=None):
    command = ["swiftc", "-typecheck", "-swift-version", "6", "-parse-as-library",
               "-Xfrontend", "-warn-long-function-bodies=100", "-Xfrontend", "-warn-long-expression-type-checking=100"]
    if modules:
        command += ["-I", modules]
    # The slow-code warnings go to standard error; run() returns standard output, so capture through a shell.
    elapsed, memory, _ = run(["sh", "-c", " ".join(command + sources) + " 2> typecheck.log"], cwd=cwd)
    with open(os.path.join(cwd, "typecheck.log")) as log:
        slow = [line for line in log if "warning:" in line and ("took" in line or "type-check" in line)]
    return elapsed, memory, slow


def measure(work, tools, runs):
    cqrs_gen, synthesizer, _, _ = tools
    spec_path = synthesize(synthesizer, OPERATIONS, work)
    with open(spec_path) as text:
        spec = yaml.safe_load(text)
    folder = os.path.join(work, "typecheck")
    generated = os.path.join(folder, "generated")
    os.makedirs(generated, exist_ok=True)
    run([cqrs_gen, "generate", spec_path, "--output", generated, "--quiet"])
    with open(os.path.join(folder, "Application.swift"), "w") as out:
        out.write(application_side(spec))
    with open(os.path.join(folder, "Plain.swift"), "w") as out:
        out.write(plain_structs(spec))
    with open(os.path.join(folder, "Conforming.swift"), "w") as out:
        out.write(plain_structs(spec, ": Sendable, Hashable, Codable"))
    modules = os.path.join(ROOT, ".build", "release", "Modules")
    generated_sources = sorted("generated/" + name for name in os.listdir(generated)) + ["Application.swift"]

    print(f"\nType-checking the code generated for {OPERATIONS:,} operations, {runs} runs each …", flush=True)
    generated_runs = [typecheck(generated_sources, folder, modules) for _ in range(runs)]
    plain_runs = [typecheck(["Plain.swift"], folder) for _ in range(runs)]
    conforming_runs = [typecheck(["Conforming.swift"], folder) for _ in range(runs)]
    generated_time = statistics.median(r[0] for r in generated_runs)
    plain_time = statistics.median(r[0] for r in plain_runs)
    conforming_time = statistics.median(r[0] for r in conforming_runs)
    slow = generated_runs[0][2]
    print()
    print("| type-checking | time | peak memory | functions or expressions over 100 ms |")
    print("|---|---:|---:|---:|")
    print(f"| generated code + handler stubs, {OPERATIONS:,} operations | {generated_time:.2f} s "
          f"| {megabytes(statistics.median(r[1] for r in generated_runs))} | {len(slow)} |")
    print(f"| the same types as plain structs | {plain_time:.2f} s "
          f"| {megabytes(statistics.median(r[1] for r in plain_runs))} | {len(plain_runs[0][2])} |")
    print(f"| the same plain structs, `Sendable, Hashable, Codable` | {conforming_time:.2f} s "
          f"| {megabytes(statistics.median(r[1] for r in conforming_runs))} | {len(conforming_runs[0][2])} |")
    print(f"\nGenerated ÷ plain structs: {generated_time / plain_time:.1f}×; "
          f"÷ plain structs with the same conformances: {generated_time / conforming_time:.2f}×")
    for line in slow[:10]:
        print("  " + line.strip())
