#!/usr/bin/env python3
"""How long a small write waits while another user imports a large statement.

Starts `App serve` (release) on a fresh database, signs two users up, then has user B make a small write (a 3-row
CSV import, as in issue 13's probe) again and again: first alone, for the baseline, then while user A imports a
statement at the import's limit (20,000 transactions). Prints B's latencies in both phases (median, p95, max) and
the difference: the wait a large import adds to a small write. Goal: under 100 ms.

    python3 Benchmarks/import_contention.py
"""
import os
import statistics
import sys
import threading
import time

from app_server import AppServer, app_binary

PORT = int(os.environ.get("CONTENTION_PORT", "18190"))


def csv(rows, prefix):
    lines = ["date,description,amount,id"]
    lines += [f"2026-11-{row % 28 + 1:02d},{prefix} {row},-1.00,{prefix}{row}" for row in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def small_writes(server, token, stop, latencies, counter):
    while not stop.is_set():
        counter[0] += 1
        body = csv(3, f"S{counter[0]}-")
        start = time.perf_counter()
        server.call("POST", f"/imports?format=csv&file_name=s{counter[0]}.csv", body, token, "text/csv")
        latencies.append((time.perf_counter() - start) * 1000)


def summary(values):
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1], ordered[-1]


def main():
    with AppServer(app_binary(), PORT) as server:
        ada, bob = server.sign_up("ada@example.com"), server.sign_up("bob@example.com")
        counter = [0]

        baseline = []
        stop = threading.Event()
        worker = threading.Thread(target=small_writes, args=(server, bob, stop, baseline, counter))
        worker.start()
        time.sleep(3)
        stop.set()
        worker.join()

        during = []
        stop = threading.Event()
        worker = threading.Thread(target=small_writes, args=(server, bob, stop, during, counter))
        big = csv(20_000, "B")
        worker.start()
        start = time.perf_counter()
        result = server.call("POST", "/imports?format=csv&file_name=big.csv", big, ada, "text/csv")
        import_seconds = time.perf_counter() - start
        stop.set()
        worker.join()

        base, load = summary(baseline), summary(during)
        print(f"large import: {result['transactions_created']} transactions, {len(big) / 1e6:.2f} MB, {import_seconds:.2f} s")
        print(f"small write alone:         median {base[0]:.1f} ms, p95 {base[1]:.1f} ms, max {base[2]:.1f} ms ({len(baseline)} writes)")
        print(f"small write during import: median {load[0]:.1f} ms, p95 {load[1]:.1f} ms, max {load[2]:.1f} ms ({len(during)} writes)")
        print(f"added wait: median {load[0] - base[0]:.1f} ms, p95 {load[1] - base[1]:.1f} ms, max {load[2] - base[2]:.1f} ms (goal: under 100 ms)")


if __name__ == "__main__":
    sys.exit(main())
