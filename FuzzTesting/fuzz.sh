#!/usr/bin/env bash
# Fuzzes the whole pipeline (spec bytes → diagnostics or generated files) with libFuzzer and AddressSanitizer.
#
#     FuzzTesting/fuzz.sh [SECONDS] [JOBS]      # default: 60 seconds, 1 job
#
# Seeds from FuzzTesting/Corpus (real and broken specs, kept in the repo); inputs libFuzzer finds go to a scratch
# folder, never into the repo. A crash, hang, leak or failed check stops the run with its input saved under
# FuzzTesting/Findings/; add it to Corpus/ and to the tests once it is fixed. Prints the run's figures last.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
jobs="${2:-1}"

swift build -c release --product FuzzSpec \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -g
binary="$(swift build -c release --product FuzzSpec --show-bin-path \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -g)/FuzzSpec"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p Findings
here="$(pwd)"
log="$work/fuzz.log"
parallel=()
if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
status=0
# libFuzzer writes its per-job logs to the current folder: run it in the scratch folder.
(cd "$work" && mkdir corpus && "$binary" corpus "$here/Corpus" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
  -artifact_prefix="$here/Findings/" "${parallel[@]}" >"$log" 2>&1) || status=$?
cat "$work"/fuzz-*.log >>"$log" 2>/dev/null || true

executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | awk '{sum += $2} END {print sum + 0}')
if [ "$status" -ne 0 ]; then
  tail -n 40 "$log"
  echo "fuzz: FAILED after $executions executions; the input is in FuzzTesting/Findings/"
  exit 1
fi
echo "fuzz: $executions executions in $seconds s ($jobs job(s)), 0 crashes, 0 hangs, 0 leaks; corpus grew to $(ls "$work/corpus" | wc -l) inputs"
