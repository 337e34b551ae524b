#!/usr/bin/env python3
"""Medians of repeated benchmark runs as Markdown tables, for docs/benchmarks.md.

usage: python3 bench/medians.py ingest run1.json run2.json run3.json
       python3 bench/medians.py export run1.json run2.json run3.json
Each file is the JSON line a run prints last (or writes with --out).
"""
import json
import statistics
import sys


def load(paths):
    runs = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f.read().splitlines() if line.startswith("{")]
        runs.append(json.loads(lines[-1]))
    return runs


def med(values):
    return statistics.median(values)


def ingest(runs):
    keys = [(c["kind"], c["layout"], c["concurrency"]) for c in runs[0]["cases"]]
    by_run = [{(c["kind"], c["layout"], c["concurrency"]): c for c in r["cases"]} for r in runs]
    print("Medians of %d runs, %g s per case:" % (len(runs), runs[0]["secondsPerCase"]))
    print()
    print("| case | layout | clients | items/s | requests/s | p50 ms | p99 ms | Azurite CPU (cores) | bench process CPU (cores) | Azurite CPU ms/item | bench CPU ms/item | storage requests/item |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k in keys:
        cs = [r[k] for r in by_run]
        print("| %s | %s | %d | %.0f | %.0f | %.1f | %.1f | %.2f | %.2f | %.3f | %.3f | %.3f |" % (
            k[0], k[1], k[2],
            med([c["itemsPerSecond"] for c in cs]), med([c["requestsPerSecond"] for c in cs]),
            med([c["p50Ms"] for c in cs]), med([c["p99Ms"] for c in cs]),
            med([c["azuriteCpuCores"] for c in cs]), med([c["processCpuCores"] for c in cs]),
            # CPU time per item depends far less on what else runs on the machine than the rates do.
            med([1000 * c["azuriteCpuCores"] / c["itemsPerSecond"] for c in cs]),
            med([1000 * c["processCpuCores"] / c["itemsPerSecond"] for c in cs]),
            med([c.get("storageRequestsPerItem", float("nan")) for c in cs])))
    print()
    print("The runs (items/s; p50 / p99 ms):")
    print()
    print("| case | layout | clients | " + " | ".join("run %d" % (i + 1) for i in range(len(runs))) + " |")
    print("|---|---|---:|" + "---:|" * len(runs))
    for k in keys:
        cells = ["%.0f; %.1f / %.1f" % (r[k]["itemsPerSecond"], r[k]["p50Ms"], r[k]["p99Ms"]) for r in by_run]
        print("| %s | %s | %d | %s |" % (k[0], k[1], k[2], " | ".join(cells)))
    bursts = [r["burst"] for r in runs if r.get("burst")]
    if bursts:
        b = bursts[0]
        print()
        print("The webinar burst: %d sign-ins to one event, %d clients, %d servers on one storage (each run):" % (b["signIns"], b["concurrency"], b["instances"]))
        print()
        print("| run | sign-ins/s | p50 ms | p99 ms | 201 | 5xx | other | records | attendance rows | id rows | counter | missing numbers | storage requests/sign-in | transactions/sign-in | Azurite CPU (cores) |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for i, b in enumerate(bursts):
            print("| %d | %.0f | %.1f | %.1f | %d | %d | %d | %d | %d | %d | %d | %d | %.3f | %.3f | %.2f |" % (
                i + 1, b["signInsPerSecond"], b["p50Ms"], b["p99Ms"], b["created"], b["serverErrors"], b["otherAnswers"],
                b["storedRecords"], b["storedAttendances"], b["idRows"], b["counter"], b["missingNumbers"],
                b["storageRequestsPerSignIn"], b["transactionsPerSignIn"], b["azuriteCpuCores"]))


def export(runs):
    names = [p["phase"] for p in runs[0]["phases"]]
    by_run = [{p["phase"]: p for p in r["phases"]} for r in runs]
    print("Medians of %d runs, %d rows in %d events, then %d new rows:" % (len(runs), runs[0]["rows"], runs[0]["events"], runs[0]["newRows"]))
    print()
    print("| phase | rows | seconds | rows/s | container bytes after | bytes added | peak memory MiB | bench CPU s | Azurite CPU s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in names:
        ps = [r[n] for r in by_run]
        print("| %s | %d | %.2f | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f |" % (
            n, ps[0]["rows"], med([p["seconds"] for p in ps]), med([p["rowsPerSecond"] for p in ps]),
            med([p["outputBytes"] for p in ps]), med([p["bytesAdded"] for p in ps]),
            med([p["peakMemoryBytes"] for p in ps]) / 1048576, med([p["processCpuSeconds"] for p in ps]),
            med([p["azuriteCpuSeconds"] for p in ps])))
    print()
    print("The runs (seconds; rows/s; peak MiB):")
    print()
    print("| phase | " + " | ".join("run %d" % (i + 1) for i in range(len(runs))) + " |")
    print("|---|" + "---:|" * len(runs))
    for n in names:
        cells = ["%.2f; %.0f; %.0f" % (r[n]["seconds"], r[n]["rowsPerSecond"], r[n]["peakMemoryBytes"] / 1048576) for r in by_run]
        print("| %s | %s |" % (n, " | ".join(cells)))


if __name__ == "__main__":
    {"ingest": ingest, "export": export}[sys.argv[1]](load(sys.argv[2:]))
