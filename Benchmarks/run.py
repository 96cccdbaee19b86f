#!/usr/bin/env python3
"""cqrs-gen's benchmarks, with their baselines measured in the same run.

    python3 Benchmarks/run.py                      # the full table: 41, 1,000, 10,000 and 100,000 operations
    python3 Benchmarks/run.py --sizes 41 --runs 1  # CI's smoke test: it must work, it is never timed pass/fail
    python3 Benchmarks/run.py --build              # also the build figures (a few minutes: it builds the App)
    python3 Benchmarks/run.py --typecheck          # also the type-checking figures for 1,000 operations
    python3 Benchmarks/run.py --large-build        # also building 1,000 operations with the plugin, against by hand
    python3 Benchmarks/run.py --micro              # also the runtime micro-benchmarks (ordo-one's benchmark)

Every figure is the median of several whole-process runs; peak memory is each process's maximum resident set.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHMARKS = os.path.join(ROOT, "Benchmarks")


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(command, cwd=ROOT, quiet=True, env=None):
    """Runs a command to completion; returns (seconds, peak resident kilobytes, stdout).

    Peak memory comes from GNU time where it is installed: a child forked from Python would otherwise count the
    pages it shared with Python before exec (about 15 MB)."""
    report = None
    if GNU_TIME:
        report = tempfile.NamedTemporaryFile(prefix="cqrs-gen-time-", delete=False)
        report.close()
        command = [GNU_TIME, "-o", report.name, "-f", "%M"] + command
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE if quiet else None, env=env)
    output, errors = process.communicate()
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{(errors or b'').decode()}{output.decode()}")
    if report:
        with open(report.name) as text:
            peak = int(text.read().split()[-1])
        os.unlink(report.name)
    else:
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak, output.decode()


def median_of(runs, command, prepare=None, cwd=ROOT):
    """The median time and median peak memory of `runs` runs."""
    times, memories = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        elapsed, memory, _ = run(command, cwd=cwd)
        times.append(elapsed)
        memories.append(memory)
    return statistics.median(times), statistics.median(memories)


def paired(runs, baseline, command, prepare):
    """Runs `baseline` and `command` in turns, `runs` times each, so that both see the same machine: on a shared
    machine the speed drifts by a third between minutes. Returns both medians (time, memory) and the median and
    range of the per-turn ratios."""
    base_times, base_memories, times, memories, ratios = [], [], [], [], []
    for _ in range(runs):
        base_time, base_memory, _ = run(baseline)
        prepare()
        elapsed, memory, _ = run(command)
        base_times.append(base_time)
        base_memories.append(base_memory)
        times.append(elapsed)
        memories.append(memory)
        ratios.append(elapsed / base_time)
    return ((statistics.median(base_times), statistics.median(base_memories)),
            (statistics.median(times), statistics.median(memories)),
            (statistics.median(ratios), min(ratios), max(ratios)))


def build_tools(work):
    print("Building in release …", flush=True)
    run(["swift", "build", "-c", "release", "--product", "cqrs-gen"], quiet=False)
    run(["swift", "build", "-c", "release", "--product", "SpecSynthesizer", "--package-path", BENCHMARKS], quiet=False)
    run(["swift", "build", "-c", "release", "--product", "StageTimes", "--package-path", BENCHMARKS], quiet=False)
    run(["swift", "build", "-c", "release", "--product", "ScalarStrings", "--package-path", BENCHMARKS], quiet=False)
    parser = os.path.join(work, "libyaml-parse")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "yaml-0.1"], capture_output=True, text=True, check=True).stdout.split()
    run(["cc", "-O2", "-o", parser, os.path.join(BENCHMARKS, "Baselines", "libyaml-parse.c")] + flags)
    return (
        os.path.join(ROOT, ".build", "release", "cqrs-gen"),
        os.path.join(BENCHMARKS, ".build", "release", "SpecSynthesizer"),
        parser,
        os.path.join(BENCHMARKS, ".build", "release", "StageTimes"),
        os.path.join(BENCHMARKS, ".build", "release", "ScalarStrings"),
    )


def synthesize(synthesizer, operations, work, wrapped=False):
    path = os.path.join(work, f"spec-{operations}{'-wrapped' if wrapped else ''}.yaml")
    with open(path, "w") as spec:
        extra = ["--wrapped-descriptions"] if wrapped else []
        subprocess.run([synthesizer, "--operations", str(operations), "--seed", "1"] + extra, stdout=spec, check=True)
    return path


def megabytes(kilobytes):
    return f"{kilobytes / 1024:.1f} MB"


def generation_table(sizes, runs, work, tools):
    cqrs_gen, synthesizer, parser, _, _ = tools
    pyyaml = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"]
    rows = []
    for operations in sizes:
        spec = synthesize(synthesizer, operations, work)
        size = os.path.getsize(spec)
        output = os.path.join(work, f"out-{operations}")
        fresh = lambda: shutil.rmtree(output, ignore_errors=True)
        print(f"Measuring {operations:,} operations ({size / 1e6:.2f} MB), {runs} runs each …", flush=True)
        libyaml, generate, ratio = paired(runs, [parser, spec], [cqrs_gen, "generate", spec, "--output", output, "--quiet"], fresh)
        unchanged = median_of(runs, [cqrs_gen, "generate", spec, "--output", output, "--quiet"])
        python = median_of(runs, pyyaml + [spec])
        rows.append((operations, size, libyaml, generate, ratio, unchanged, python))

    print()
    print("| operations | spec | libyaml events (C) | cqrs-gen generate | ÷ libyaml (range) | unchanged output | PyYAML C loader | ÷ libyaml | cqrs-gen peak memory ÷ spec size |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for operations, size, libyaml, generate, ratio, unchanged, python in rows:
        print(
            f"| {operations:,} | {size / 1e6:.2f} MB | {libyaml[0]:.3f} s, {megabytes(libyaml[1])} "
            f"| {generate[0]:.3f} s, {megabytes(generate[1])} | {ratio[0]:.1f}× ({ratio[1]:.1f}–{ratio[2]:.1f}) "
            f"| {unchanged[0]:.3f} s | {python[0]:.3f} s, {megabytes(python[1])} | {python[0] / libyaml[0]:.1f}× "
            f"| {generate[1] * 1024 / size:.1f}× |"
        )
    if len(rows) > 1:
        first, last = rows[-2], rows[-1]
        scale = last[0] / first[0]
        print(f"\nScaling from {first[0]:,} to {last[0]:,} operations ({scale:.0f}× the operations): "
              f"cqrs-gen {last[3][0] / first[3][0]:.1f}× the time, libyaml {last[2][0] / first[2][0]:.1f}×.")
    print("÷ libyaml is the median of the ratios of runs made in turns; the range shows how much the machine drifted.")


def wrapped_table(sizes, runs, work, tools):
    """Multi-line plain scalars, which the reader's YAML 1.2 checks look up line by line: linear, like the rest."""
    cqrs_gen, synthesizer, _, _, _ = tools
    sizes = [size for size in sizes if size >= 1000][:2]
    if not sizes:
        return
    print("\nEvery operation's description on two lines (a plain scalar continued), `cqrs-gen lint`:\n", flush=True)
    print("| operations | one line | two lines | ÷ one line (range) |")
    print("|---:|---:|---:|---:|")
    for operations in sizes:
        plain, wrapped = synthesize(synthesizer, operations, work), synthesize(synthesizer, operations, work, wrapped=True)
        one, two, ratio = paired(runs, [cqrs_gen, "lint", plain], [cqrs_gen, "lint", wrapped], lambda: None)
        print(f"| {operations:,} | {one[0]:.3f} s | {two[0]:.3f} s | {ratio[0]:.2f}× ({ratio[1]:.2f}–{ratio[2]:.2f}) |")


def floor_table(sizes, runs, work, tools):
    """What any generator in Swift over libyaml spends at least, against the C parse the 2× goal is measured by."""
    cqrs_gen, synthesizer, parser, _, scalar_strings = tools
    operations = 10000 if 10000 in sizes else max(sizes)
    spec = synthesize(synthesizer, operations, work)
    output, copy = os.path.join(work, "floor-out"), os.path.join(work, "floor-copy")
    shutil.rmtree(output, ignore_errors=True)
    run([cqrs_gen, "generate", spec, "--output", output, "--quiet"])
    written = sum(os.path.getsize(os.path.join(output, name)) for name in os.listdir(output))
    print(f"\nFloors for {operations:,} operations, each paired with libyaml's C parse:\n", flush=True)
    print("| work | time | ÷ libyaml (range) |")
    print("|---|---:|---:|")
    floors = [
        ("every scalar made a Swift `String` (ScalarStrings)", [scalar_strings, spec], lambda: None),
        (f"the output's {written / 1e6:.1f} MB copied into a new folder (`cp -r`)", ["cp", "-r", output, copy],
         lambda: shutil.rmtree(copy, ignore_errors=True)),
        ("`cqrs-gen generate`", [cqrs_gen, "generate", spec, "--output", copy, "--quiet"],
         lambda: shutil.rmtree(copy, ignore_errors=True)),
    ]
    for title, command, fresh in floors:
        _, measured, ratio = paired(runs, [parser, spec], command, fresh)
        print(f"| {title} | {measured[0]:.3f} s | {ratio[0]:.2f}× ({ratio[1]:.2f}–{ratio[2]:.2f}) |")


def stage_table(sizes, runs, work, tools):
    """Where generate's time goes, for 10,000 operations (or the largest size asked for): its stages timed apart."""
    _, synthesizer, _, stages, _ = tools
    operations = 10000 if 10000 in sizes else max(sizes)
    spec = synthesize(synthesizer, operations, work)
    print(f"\nStages of generate for {operations:,} operations (one process, the same calls as the command):\n", flush=True)
    _, _, output = run([stages, spec, os.path.join(work, "stages-out"), str(runs)])
    print(output)


def main():
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("--sizes", default="41,1000,10000,100000", help="operation counts, comma-separated")
    arguments.add_argument("--runs", type=int, default=5, help="runs per figure (the median is reported)")
    arguments.add_argument("--build", action="store_true", help="also measure swift build with the plugin")
    arguments.add_argument("--typecheck", action="store_true", help="also measure type-checking the generated code")
    arguments.add_argument("--large-build", action="store_true", help="also build 1,000 operations with the plugin and by hand")
    arguments.add_argument("--micro", action="store_true", help="also run the runtime micro-benchmarks")
    options = arguments.parse_args()
    with tempfile.TemporaryDirectory(prefix="cqrs-gen-bench-") as work:
        tools = build_tools(work)
        sizes = [int(size) for size in options.sizes.split(",")]
        generation_table(sizes, options.runs, work, tools)
        wrapped_table(sizes, options.runs, work, tools)
        floor_table(sizes, options.runs, work, tools)
        stage_table(sizes, options.runs, work, tools)
        if options.typecheck:
            import typecheck_figures
            typecheck_figures.measure(work, tools, options.runs)
        if options.build:
            import build_figures
            build_figures.measure(work, options.runs)
        if options.large_build:
            import large_build
            large_build.measure(work, tools, options.runs)
        if options.micro:
            print("\nRuntime micro-benchmarks (ordo-one's benchmark; medians) …", flush=True)
            _, _, output = run(["swift", "package", "--package-path", BENCHMARKS, "benchmark", "--target", "RuntimeBenchmarks",
                                "--no-progress", "--format", "markdown"], quiet=True)
            print(output)


if __name__ == "__main__":
    sys.path.insert(0, BENCHMARKS)
    main()
