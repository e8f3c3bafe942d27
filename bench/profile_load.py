"""Where the loader's time goes: server CPU seconds per statement kind and the loader's own Python time.

    python -m bench.profile_load [--entities 20000] [--per-entity 5] [--batch-size 5000]

Loads the synthetic facts of ``bench.bench_load`` into a fresh embedded store with each batch's statements
sent one by one instead of chained into one atomic query (same statements and rows; only the profile needs the
split), and sums per statement kind the embedded server's CPU seconds (from /proc), wall seconds and the parameter
text the client writes into the query (FalkorDB issue 2443: what a write costs to send and parse follows its size).
The rest of the run's wall time is the loader's own Python work (grouping, rows, parameter text) and the store's write path.
Not part of the test suite (issue 18).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from aikg.graph.backends.embedded_params import header
from aikg.graph.loader import MAX_BATCH_BYTES, load_records
from aikg.graph.store import open_store
from bench.bench_load import synthetic
from bench.common import table


def _server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _names() -> dict[str, str]:
    """Statement text -> its file name (templates filled for every type, with and without interning)."""
    from aikg.core.schema import SCHEMA
    from aikg.graph.cypher_files import GRAPH_CYPHER, entity_statement, relation_statement, statement

    out = {statement(n).replace("{intern}", i): n for n in GRAPH_CYPHER.names() for i in ("intern", "")}
    for intern in (True, False):
        out.update({entity_statement("load_entities", t, intern=intern): "load_entities" for t in SCHEMA.entity_types})
        for name in ("load_relations", "create_relations"):
            out.update({relation_statement(name, t, intern=intern): name for t in SCHEMA.relation_types})
    return out


_NAMES: dict[str, str] = {}


def _kind(cypher: str) -> str:
    """A statement's file name (or its first line when it is not one of graph/cypher)."""
    if not _NAMES:
        _NAMES.update(_names())
    return _NAMES.get(cypher) or cypher.strip().splitlines()[0][:60]


def profile(n_entities: int, per_entity: int, batch_size: int, max_bytes: int = MAX_BATCH_BYTES) -> tuple[list[dict[str, Any]], dict[str, float]]:
    docs, ents, rels = synthetic(n_entities, max(10, n_entities // 50), per_entity=per_entity)
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    n_rows: dict[str, int] = defaultdict(int)  # the longest list parameter of each call (its rows; both lists of create_relations)
    text: dict[str, int] = defaultdict(int)  # characters of parameter text
    counting = [0.0]  # this process's CPU seconds spent counting it (left out of the total)
    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        store.apply_schema()
        pid = store._att.server.pid

        def split(statements: Any) -> None:
            for cypher, params in statements:
                kind = _kind(cypher)
                h0 = time.process_time()
                text[kind] += len(header(params))  # what the client writes before the query (counted, not timed)
                counting[0] += time.process_time() - h0
                c0, t0 = _server_cpu(pid), time.perf_counter()
                store.write(cypher, params)
                wall[kind] += time.perf_counter() - t0
                cpu[kind] += _server_cpu(pid) - c0
                calls[kind] += 1
                n_rows[kind] += (len(params["rows"]) + len(params["ones"]) if "ones" in params  # create_relations
                                 else max([len(v) for v in params.values() if isinstance(v, list)] or [1]))

        store.write_atomic = split  # type: ignore[method-assign]
        c0, p0, t0 = _server_cpu(pid), time.process_time(), time.perf_counter()
        report = load_records(store, docs, ents, rels, batch_size=batch_size, max_bytes=max_bytes)
        totals = {"wall": time.perf_counter() - t0, "server": _server_cpu(pid) - c0,
                  "python": time.process_time() - p0 - counting[0], "rows": len(docs) + len(ents) + len(rels),
                  "text": sum(text.values())}
        assert not report.errors, report.errors[:3]
        store.close()
    rows = [{"statement": k, "calls": calls[k], "rows": n_rows[k], "server CPU s": round(cpu[k], 2),
             "µs per row": round(1e6 * cpu[k] / max(1, n_rows[k])), "wall s": round(wall[k], 2),
             "parameter MB": round(text[k] / 2**20, 1)}
            for k in sorted(cpu, key=lambda k: -cpu[k])]
    return rows, totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--per-entity", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--max-mb", type=float, default=MAX_BATCH_BYTES / 2**20, help="the loader's MB per write")
    args = parser.parse_args(argv)
    rows, totals = profile(args.entities, args.per_entity, args.batch_size, int(args.max_mb * 2**20))
    print(table(rows))
    print(f"\ntotal: wall {totals['wall']:.1f} s, server CPU {totals['server']:.1f} s, "
          f"this process CPU {totals['python']:.1f} s (loader Python + client), "
          f"parameter text {totals['text'] / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
