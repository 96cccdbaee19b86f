#!/usr/bin/env python3
"""What a generated route costs against a route written by hand for the same operation, measured with wrk on
loopback, side by side in one run.

    python3 Benchmarks/route_latency.py                  # 5 rounds of 10 s per route, 1 thread, 16 connections
    python3 Benchmarks/route_latency.py --seconds 2 --rounds 1   # a smoke run: it must work, it is never pass/fail

The RouteLatency server (Benchmarks/Sources/RouteLatency) serves GET and POST of one operation each twice: at /notes,
by the routes generated from its spec and served by CQRSHummingbird, and at /hand/notes, by routes written by hand
around the same dispatcher and handler. Rounds alternate between the two, so that a machine's drift falls on both;
each figure is the median of the rounds. The goal: the generated route adds at most 10 % to the latency.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCHMARKS = os.path.join(ROOT, "Benchmarks")
KNOWN = "6F3C2B1A-0000-4000-8000-000000000001"


def latency_microseconds(text):
    """wrk's average latency, in microseconds."""
    match = re.search(r"Latency\s+([\d.]+)(us|ms|s)", text)
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 1, "ms": 1000, "s": 1_000_000}[unit]


def requests_per_second(text):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=18090)
    arguments = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--package-path", BENCHMARKS, "--product", "RouteLatency"],
                   check=True, stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--package-path", BENCHMARKS, "--show-bin-path"],
                            check=True, capture_output=True, text=True).stdout.strip() + "/RouteLatency"
    server = subprocess.Popen([binary, str(arguments.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{arguments.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/notes/{KNOWN}", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        post = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
        post.write('wrk.method = "POST"\nwrk.body = \'{"title": "Groceries", "pinned": true}\'\n'
                   'wrk.headers["Content-Type"] = "application/json"\n')
        post.close()
        routes = [
            ("GET", "generated", f"{base}/notes/{KNOWN}?verbose=true", []),
            ("GET", "by hand", f"{base}/hand/notes/{KNOWN}?verbose=true", []),
            ("POST", "generated", f"{base}/notes", ["-s", post.name]),
            ("POST", "by hand", f"{base}/hand/notes", ["-s", post.name]),
        ]
        figures = {(method, kind): ([], []) for method, kind, _, _ in routes}
        for _ in range(arguments.rounds):
            for method, kind, url, extra in routes:
                output = subprocess.run(
                    ["wrk", "-t1", f"-c{arguments.connections}", f"-d{arguments.seconds}s", "--latency"] + extra + [url],
                    check=True, capture_output=True, text=True).stdout
                if "Non-2xx" in output:
                    sys.exit(f"{method} {url} answered errors:\n{output}")
                figures[(method, kind)][0].append(latency_microseconds(output))
                figures[(method, kind)][1].append(requests_per_second(output))
        print(f"wrk, 1 thread, {arguments.connections} connections, {arguments.rounds} rounds of {arguments.seconds} s, "
              "medians:\n")
        print("| route | latency, generated | latency, by hand | overhead | requests/s, generated | requests/s, by hand |")
        print("|---|---:|---:|---:|---:|---:|")
        for method in ["GET", "POST"]:
            generated, by_hand = figures[(method, "generated")], figures[(method, "by hand")]
            latency = statistics.median(generated[0]), statistics.median(by_hand[0])
            throughput = statistics.median(generated[1]), statistics.median(by_hand[1])
            overhead = (latency[0] / latency[1] - 1) * 100
            print(f"| {method} | {latency[0]:.0f} µs | {latency[1]:.0f} µs | {overhead:+.1f} % | "
                  f"{throughput[0]:,.0f} | {throughput[1]:,.0f} |")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
