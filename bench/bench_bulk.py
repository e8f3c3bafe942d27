"""Bulk path: neo4j-admin import CSV export against the transactional loader, same records, same run.

    python -m bench.bench_bulk [--entities 5000] [--batch-size 5000]

Both read the same JSONL file (validation included) and produce the same graph: the loader
writes it into the embedded store, the bulk export writes the CSV files that
`neo4j-admin database import full` reads (the import itself needs a Neo4j installation and
is not timed here; Neo4j documents it as its fastest path). Rows = nodes + relationships
(MENTIONS included). Every measurement runs in a fresh process so its peak memory is its
own; 1x and 10x show whether time and memory grow linearly.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import table

BENCH_ARGS = ["--entities", "2000"]  # the scale `make bench` uses
ROOT = Path(__file__).resolve().parent.parent


def _child(mode: str, jsonl: str, batch_size: int) -> dict:
    """Runs in its own process: time one path over the JSONL file."""
    from bench.common import peak_rss_mb, timed

    if mode == "bulk":
        from aikg.graph.bulk import write_neo4j_import

        with tempfile.TemporaryDirectory() as out:
            secs, report = timed(lambda: write_neo4j_import([jsonl], out))
            size = sum(f.stat().st_size for f in Path(out).glob("*.csv"))
            assert not report.errors, report.errors[:3]
            rows = report.nodes + report.relationships
        return {"secs": secs, "rows": rows, "peak": peak_rss_mb(), "mb": size / 1e6}
    from aikg.graph.loader import load_jsonl
    from aikg.graph.store import open_store

    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        store.apply_schema()
        secs, report = timed(lambda: load_jsonl(store, [jsonl], batch_size=batch_size))
        assert not report.errors, report.errors[:3]
        stats = store.stats()
        store.close()
    return {"secs": secs, "rows": stats.node_total + stats.relationship_total, "peak": peak_rss_mb(), "mb": 0.0}


def _measure(mode: str, jsonl: Path, batch_size: int) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.bench_bulk", "--child", mode, "--jsonl", str(jsonl),
                           "--batch-size", str(batch_size)], capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(n_entities: int, batch_size: int) -> list[dict]:
    from aikg.core.jsonl import write_jsonl
    from bench.bench_load import synthetic

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (1, 10):
            docs, ents, rels = synthetic(n_entities * scale, max(10, n_entities * scale // 50))
            jsonl = Path(tmp) / f"facts-{scale}x.jsonl"
            with jsonl.open("w", encoding="utf-8") as fh:
                write_jsonl([*docs, *ents, *rels], fh)
            loader = _measure("loader", jsonl, batch_size)
            bulk = _measure("bulk", jsonl, batch_size)
            assert bulk["rows"] == loader["rows"], (bulk["rows"], loader["rows"])  # the same graph
            rows.append({
                "input": f"{scale}x", "rows": loader["rows"], "JSONL MB": round(jsonl.stat().st_size / 1e6, 1),
                "loader s": round(loader["secs"], 2), "loader rows/s": round(loader["rows"] / loader["secs"]),
                "bulk CSV s": round(bulk["secs"], 2), "bulk rows/s": round(bulk["rows"] / bulk["secs"]),
                "bulk/loader": f"{loader['secs'] / bulk['secs']:.1f}x", "CSV MB": round(bulk["mb"], 1),
                "loader peak MB": round(loader["peak"]), "bulk peak MB": round(bulk["peak"]),
            })
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000, help="entities at 1x (10x runs ten times as many)")
    parser.add_argument("--batch-size", type=int, default=5000, help="loader rows per write")
    parser.add_argument("--child", choices=["bulk", "loader"], help=argparse.SUPPRESS)
    parser.add_argument("--jsonl", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.jsonl, args.batch_size)))
        return
    rows = run(args.entities, args.batch_size)
    print("## Bulk export (neo4j-admin CSV) vs transactional loader\n")
    print(f"Synthetic schema-valid facts (`bench.bench_load.synthetic`: 2 mentions per entity, ~2 relations per "
          f"entity), {args.entities:,} entities at 1x. Loader: embedded store, batches of {args.batch_size:,}. "
          "Bulk: `write_neo4j_import` to CSV (the neo4j-admin import that follows is not timed). "
          "Peak MB is each run's own process.\n")
    print(table(rows))
    r1, r10 = rows
    print(f"Growth 1x -> 10x: rows x{r10['rows'] / r1['rows']:.1f}; loader time x{r10['loader s'] / r1['loader s']:.1f}, "
          f"bulk time x{r10['bulk CSV s'] / r1['bulk CSV s']:.1f}; bulk peak memory "
          f"{r1['bulk peak MB']} -> {r10['bulk peak MB']} MB (the export holds the graph in memory: "
          "memory grows with the graph, not with the input files).")


if __name__ == "__main__":
    main()
