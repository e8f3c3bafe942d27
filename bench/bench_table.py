"""Table path growth: time and peak memory of reading an indicator CSV into records, at two sizes.

    python -m bench.bench_table [--rows 20000,100000]

The CSV has one metro per row with an indicator, a value, a year and its own source URL
(the shape of issue #18: before the fix the table path took 2.0 s for 5,000 rows and 26.4 s
for 20,000, because every row's source was looked up in a list). Each size runs in a fresh
process (so peak memory is that size's own), timing ``load_csv`` (rows -> entities, metric
properties, evidence; no spaCy). The last line gives the time ratio against the row ratio:
linear work keeps them close.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.common import peak_rss_mb, table

BENCH_ARGS = ["--rows", "5000,20000"]  # the scale `make bench` uses
ROOT = Path(__file__).resolve().parent.parent
KINDS = ("City", "Falls", "Springs", "Heights", "Bay", "Harbour")


def indicator_csv(rows: int) -> bytes:
    """One metro per row, each with its own source (distinct values are what exposed the quadratic path)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["metro", "indicator", "value", "year", "source"])
    for i in range(rows):
        writer.writerow([f"Metro {i} {KINDS[i % len(KINDS)]}", "AI job postings share", round((i * 37 % 500) / 100, 2),
                         2020 + i % 5, f"https://stats.example.org/metro/{i}"])
    return out.getvalue().encode("utf-8")


def measure_one(rows: int) -> dict[str, float]:
    """Time and peak memory of one size, in this process."""
    from aikg.ingest.loaders.table import load_csv

    data = indicator_csv(rows)
    started = time.perf_counter()
    doc = load_csv(Path("indicators.csv"), data)
    seconds = time.perf_counter() - started
    return {"rows": rows, "entities": len(doc.facts), "seconds": seconds, "peak_mb": peak_rss_mb()}


def measure(rows: int) -> dict[str, float]:
    """:func:`measure_one` in a fresh interpreter."""
    proc = subprocess.run([sys.executable, "-m", "bench.bench_table", "--one", str(rows)], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_table", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="20000,100000", help="two row counts, comma-separated")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process: one size, JSON out
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.one)))
        return 0
    small, large = (int(x) for x in args.rows.split(","))
    results = [measure(small), measure(large)]
    print("## Table path (CSV rows -> records)\n")
    print(table([{"rows": f"{r['rows']:,}", "entities": f"{r['entities']:,}", "seconds": round(r["seconds"], 2),
                  "rows/s": round(r["rows"] / r["seconds"]), "peak memory MB": round(r["peak_mb"])}
                 for r in results]))
    rows_ratio = large / small
    time_ratio = results[1]["seconds"] / results[0]["seconds"]
    print(f"{rows_ratio:.0f}x the rows took {time_ratio:.1f}x the time "
          f"(linear work: about {rows_ratio:.0f}x) and "
          f"{results[1]['peak_mb'] / results[0]['peak_mb']:.1f}x the peak memory.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
