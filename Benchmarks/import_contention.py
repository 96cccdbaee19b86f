#!/usr/bin/env python3
"""How long a small write waits while another user imports a large statement.

Starts `App serve` (release) on a fresh database, signs two users up, then has user B make a small write (a 3-row
CSV import, as in issue 13's probe) again and again: first alone, for the baseline, then while user A imports a
statement at the import's limit (20,000 transactions). Prints B's latencies in both phases (median, p95, max) and
the difference: the wait a large import adds to a small write. Goal: under 100 ms.

    swift build -c release --product App && python3 Benchmarks/import_contention.py
"""
import json, os, re, statistics, subprocess, sys, tempfile, threading, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("CONTENTION_PORT", "18190"))
BASE = f"http://127.0.0.1:{PORT}/api/v1"


def call(method, path, body=None, token=None, content_type="application/json"):
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(BASE + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read() or b"{}")


def verification_tokens(log_path):
    with open(log_path) as log:
        return re.findall(r"token: ([0-9a-f]{64})", log.read())


def sign_up(email, log_path):
    before = len(verification_tokens(log_path))
    call("POST", "/users", {"email": email, "password": "Str0ng!pass"})
    for _ in range(200):
        tokens = verification_tokens(log_path)
        if len(tokens) > before:
            break
        time.sleep(0.05)
    call("POST", "/email-verifications", {"token": tokens[-1]})
    return call("POST", "/sessions", {"email": email, "password": "Str0ng!pass"})["access_token"]


def csv(rows, prefix):
    lines = ["date,description,amount,id"]
    lines += [f"2026-11-{row % 28 + 1:02d},{prefix} {row},-1.00,{prefix}{row}" for row in range(rows)]
    return ("\n".join(lines) + "\n").encode()


def small_writes(token, stop, latencies, counter):
    while not stop.is_set():
        counter[0] += 1
        body = csv(3, f"S{counter[0]}-")
        start = time.perf_counter()
        call("POST", f"/imports?format=csv&file_name=s{counter[0]}.csv", body, token, "text/csv")
        latencies.append((time.perf_counter() - start) * 1000)


def summary(values):
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1], ordered[-1]


def main():
    app = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip() + "/App"
    work = tempfile.mkdtemp()
    log_path = os.path.join(work, "server.log")
    with open(log_path, "w") as log:
        server = subprocess.Popen([app, "serve", "--port", str(PORT), "--database", os.path.join(work, "app.sqlite"),
                                   "--bcrypt-cost", "4"], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/health", timeout=1)
                break
            except Exception:
                time.sleep(0.05)
        ada, bob = sign_up("ada@example.com", log_path), sign_up("bob@example.com", log_path)
        counter = [0]

        baseline = []
        stop = threading.Event()
        worker = threading.Thread(target=small_writes, args=(bob, stop, baseline, counter))
        worker.start()
        time.sleep(3)
        stop.set()
        worker.join()

        during = []
        stop = threading.Event()
        worker = threading.Thread(target=small_writes, args=(bob, stop, during, counter))
        big = csv(20_000, "B")
        worker.start()
        start = time.perf_counter()
        result = call("POST", "/imports?format=csv&file_name=big.csv", big, ada, "text/csv")
        import_seconds = time.perf_counter() - start
        stop.set()
        worker.join()

        base, load = summary(baseline), summary(during)
        print(f"large import: {result['transactions_created']} transactions, {len(big) / 1e6:.2f} MB, {import_seconds:.2f} s")
        print(f"small write alone:         median {base[0]:.1f} ms, p95 {base[1]:.1f} ms, max {base[2]:.1f} ms ({len(baseline)} writes)")
        print(f"small write during import: median {load[0]:.1f} ms, p95 {load[1]:.1f} ms, max {load[2]:.1f} ms ({len(during)} writes)")
        print(f"added wait: median {load[0] - base[0]:.1f} ms, p95 {load[1] - base[1]:.1f} ms, max {load[2] - base[2]:.1f} ms (goal: under 100 ms)")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
