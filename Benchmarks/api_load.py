#!/usr/bin/env python3
"""The App under load on loopback: requests per second, p50 and p99 latency, and errors, for a read mix, a write mix
and the two together, measured with wrk against `App serve`: one instance on a fresh SQLite database by default, or
one or more instances sharing a PostgreSQL database.

    python3 Benchmarks/api_load.py                          # 3 rounds of 10 s per mix, 2 threads, 32 connections
    python3 Benchmarks/api_load.py --database postgres://app:app@127.0.0.1:5432/load --instances 2
    python3 Benchmarks/api_load.py --configuration debug --seconds 1 --rounds 1   # CI's smoke run: never pass/fail

With several instances, one wrk runs against each at once, with its share of the threads and connections: the
requests per second are their sum, the errors too, and p50 and p99 are the slower instance's.

Reads: GET /accounts, a page of 20 of the account's transactions, /holdings and /sessions, in turn, each with the
bearer token of one user whose account holds 200 imported transactions. Each read checks the token's session, as
every bearer request does. Writes: POST /imports of a one-row CSV statement, each row new, so that every request
commits a transaction, and a balance snapshot after it. Mixed: nine reads, then one write. None of these routes has a
rate limit, so every refusal counted is a real error. The goal (issue 17): no errors. Each figure is the median of
the rounds, which alternate between the mixes so that a drift of the machine falls on all of them.
"""
import argparse
import contextlib
import os
import re
import statistics
import subprocess
import tempfile
import uuid

from app_server import AppServer, app_binary

READ = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Authorization"] = "Bearer %(token)s"})
end
"""

# Each thread numbers its rows apart, so that no two requests import the same transaction.
WRITE = """
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local counter = 0
function write()
  counter = counter + 1
  local row = "2026-11-01,Load,1.00,W-" .. id .. "-" .. counter
  return wrk.format("POST", "/api/v1/imports?format=csv", {["Authorization"] = "Bearer %(token)s"},
    "date,description,amount,id\\n" .. row .. "\\n")
end
"""

WRITE_ONLY = WRITE + """
request = write
"""

MIXED = WRITE + """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i + 1
  if i %% 10 == 0 then return write() end
  return wrk.format("GET", paths[(i %% #paths) + 1], {["Authorization"] = "Bearer %(token)s"})
end
"""


def seed(server, token):
    """200 transactions in one account: the reads' data. Returns the account's id."""
    rows = "".join(f"2026-10-{1 + n % 28:02d},Seed {n},{n % 50 - 25}.00,S-{n}\n" for n in range(200))
    server.call("POST", "/imports?format=csv", ("date,description,amount,id\n" + rows).encode(), token, "text/csv")
    return server.call("GET", "/accounts", token=token)["accounts"][0]["id"]


def milliseconds(text):
    """wrk's `812.00us`, `1.23ms` or `2.01s`, in milliseconds."""
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def measure(script_path, origins, seconds, threads, connections):
    """One wrk per origin, all at once: requests/s and errors summed, the highest p50 and p99 in milliseconds."""
    share = len(origins)
    runs = [subprocess.Popen(
        ["wrk", "-t", str(max(1, threads // share)), "-c", str(max(1, connections // share)), "-d", f"{seconds}s",
         "--latency", "-s", script_path, origin], stdout=subprocess.PIPE, text=True) for origin in origins]
    results = [parse(run.communicate()[0]) for run in runs]
    return (sum(r[0] for r in results), max(r[1] for r in results), max(r[2] for r in results),
            sum(r[3] for r in results), sum(r[4] for r in results))


def parse(output):
    """wrk's report: requests/s, p50 and p99 in milliseconds, errors (non-2xx answers, socket errors), requests."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"50%\s+([\d.]+\w+)", output).group(1))
    p99 = milliseconds(re.search(r"99%\s+([\d.]+\w+)", output).group(1))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors += sum(int(n) for n in socket.groups()) if socket else 0
    total = int(re.search(r"(\d+) requests in", output).group(1))
    return rate, p50, p99, errors, total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=18095)
    parser.add_argument("--configuration", choices=["release", "debug"], default="release",
                        help="the App's build; figures come from release, a smoke run needs no second build")
    parser.add_argument("--database", help="a PostgreSQL URL that the instances share; a new SQLite file if not given")
    parser.add_argument("--instances", type=int, default=1, help="instances on the PostgreSQL database, on port, port + 1, …")
    parser.add_argument("--binary", help="an App built elsewhere (an earlier commit's, copied aside) instead of this "
                                         "checkout's, so that two builds are measured on the machine in one sitting")
    arguments = parser.parse_args()
    if arguments.instances > 1 and not arguments.database:
        parser.error("--instances above 1 needs --database: SQLite is one process's file")

    binary = arguments.binary or app_binary(arguments.configuration)
    with contextlib.ExitStack() as stack:
        keys = os.path.join(stack.enter_context(tempfile.TemporaryDirectory(prefix="cqrs-gen-keys-")), "app.keys")
        # One after another: the first creates the key file the others read.
        servers = [stack.enter_context(AppServer(binary, arguments.port + index, arguments.database,
                                                 keys if arguments.database else None))
                   for index in range(arguments.instances)]
        server = servers[0]
        # A user of this run alone: a PostgreSQL database may hold earlier runs' users.
        token = server.sign_up(f"load-{uuid.uuid4().hex[:12]}@example.com")
        account = seed(server, token)
        paths = ", ".join(f'"/api/v1/{path}"' for path in [
            "accounts", f"accounts/{account}/transactions?limit=20&offset=0", "holdings", "sessions"])
        scripts = {}
        for name, template in [("reads", READ), ("writes", WRITE_ONLY), ("9 reads : 1 write", MIXED)]:
            path = os.path.join(server.folder.name, name.replace(" ", "_").replace(":", "") + ".lua")
            with open(path, "w") as script:
                script.write(template % {"paths": paths, "token": token})
            scripts[name] = path
        results = {name: [] for name in scripts}
        for round_number in range(arguments.rounds):
            print(f"Round {round_number + 1} of {arguments.rounds} …", flush=True)
            for name, path in scripts.items():
                results[name].append(measure(
                    path, [each.origin for each in servers], arguments.seconds, arguments.threads, arguments.connections))

    engine = "PostgreSQL" if arguments.database else "SQLite"
    instances = "One App instance" if arguments.instances == 1 else f"{arguments.instances} App instances"
    build = arguments.binary or f"{arguments.configuration} build"
    print(f"\n{instances} over {engine} ({build}), wrk on loopback: {arguments.threads} threads, "
          f"{arguments.connections} connections, {arguments.seconds} s per run, median of {arguments.rounds} round(s).\n")
    print("| mix | requests/s | p50 | p99 | errors (of requests) |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in results.items():
        rate, p50, p99 = (statistics.median(run[index] for run in runs) for index in range(3))
        errors, total = sum(run[3] for run in runs), sum(run[4] for run in runs)
        print(f"| {name} | {rate:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {errors} (of {total:,}) |")


if __name__ == "__main__":
    main()
