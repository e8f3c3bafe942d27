"""What the change ledger (graph/change_ledger.py) costs in a kept store: its nodes, the engine's bytes for
them, and the time of the statement each loader write adds.

    python -m bench.ledger_cost --home COPY_OF_A_STORE [--adds 200]

The store is written to (the ledger is cleared, measured without, rebuilt, and a test count is added and taken
away again): pass a copy (``cp -a``). Memory is the engine's ``used_memory`` once it settles (as
``bench.bench_memory``), with the ledger, after clearing it, and after rebuilding it; the ``change_ledger_add``
statement (one MERGE on ``first_seen``, in every load's atomic write) is timed alone, in its own write, at the
ledger's size, against a write of the same shape on a label with no nodes. The loader's whole cost with the
ledger on and off is ``bench.bench_load --ledger-compare``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from aikg.graph import change_ledger
from aikg.graph.cypher_files import statement
from bench.bench_load import server_memory
from bench.bench_memory import _settled

PROBE_TIME = "9999-12-31T00:00:00+00:00"  # later than any load, so the test count is easy to take away


def _write_ms(store: Any, text: str, params: dict[str, Any], runs: int) -> tuple[float, float]:
    """Median milliseconds of ``text`` run as a write of its own: the whole write (round trip, the store's
    durability) and the engine's execution alone (what it adds inside the loader's atomic write)."""
    whole, engine = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = store._graph.query(text, params)
        whole.append((time.perf_counter() - start) * 1000)
        engine.append(result.run_time_ms)
    return statistics.median(whole), statistics.median(engine)


def measure(home: Path, adds: int) -> dict[str, Any]:
    """The ledger's nodes and bytes in the store at ``home`` and the add statement's time."""
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        store.apply_schema()  # builds the ledger if the store has none
        used = lambda: server_memory(store)[2] * 2**20  # noqa: E731
        nodes = store.read("MATCH (c:ChangeCount) RETURN count(c) AS n")[0]["n"]
        rels = store.read("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n")[0]["n"]
        with_ledger = _settled(used)
        store.write_atomic([(statement("change_ledger_clear"), {})])
        without = _settled(used)
        start = time.perf_counter()
        store.write_atomic(change_ledger.rebuild_statements())
        rebuild_s = time.perf_counter() - start
        rebuilt = _settled(used)
        add = statement("change_ledger_add")
        add_ms, engine_ms = _write_ms(store, add, {"now": PROBE_TIME, "n": 1}, adds)
        store.write("MATCH (c:ChangeCount {first_seen: $now}) DELETE c", {"now": PROBE_TIME})
        assert change_ledger.ready(store)
        return {"ledger nodes": nodes, "relationships": rels, "used MB with": with_ledger / 2**20,
                "used MB without": without / 2**20, "used MB rebuilt": rebuilt / 2**20,
                "rebuild s": rebuild_s, "add ms": add_ms, "engine ms": engine_ms}
    finally:
        store.close()


def fresh_bytes(n: int) -> float:
    """Engine bytes per ledger node, from ``n`` nodes of the ledger's shape written into a fresh store (deleting
    nodes from a full store need not give their pages back, so the kept store's before/after can read 0)."""
    import tempfile

    from aikg.graph.store import open_store

    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        try:
            store.apply_schema()
            used = lambda: server_memory(store)[2] * 2**20  # noqa: E731
            before = _settled(used)
            rows = [{"at": f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}T{k % 24:02d}:{k % 60:02d}:{k % 59:02d}+00:00",
                     "n": k % 977} for k in range(n)]
            store.write("UNWIND $rows AS r CREATE (:ChangeCount {first_seen: r.at, relations: r.n})", {"rows": rows})
            return (_settled(used) - before) / n
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a COPY of a store (it is written to)")
    parser.add_argument("--adds", type=int, default=200, help="timed runs of the ledger's add statement")
    parser.add_argument("--fresh", type=int, default=10_000, help="ledger-shaped nodes written into a fresh store")
    args = parser.parse_args(argv)
    per_node = fresh_bytes(args.fresh)
    print(f"fresh store: {per_node:,.0f} bytes per ChangeCount node ({args.fresh:,} nodes written)", flush=True)
    m = measure(args.home, args.adds)
    print(f"ledger: {m['ledger nodes']:,} ChangeCount nodes for {m['relationships']:,} relationships between entities")
    print(f"engine used_memory: {m['used MB with']:,.1f} MB as opened, {m['used MB without']:,.1f} MB after clearing "
          f"the ledger, {m['used MB rebuilt']:,.1f} MB after rebuilding it ({m['rebuild s']:.1f} s): rebuilding added "
          f"{(m['used MB rebuilt'] - m['used MB without']) * 1024:,.1f} KB (clearing also frees what opening the store "
          "left behind: read the rebuild's figure)")
    print(f"at {per_node:,.0f} bytes per node: {per_node * m['ledger nodes'] / 1024:,.1f} KB for this ledger, "
          f"{per_node * m['ledger nodes'] / max(1, m['relationships']):.3f} bytes per relationship")
    print(f"change_ledger_add alone ({args.adds} runs, medians): {m['add ms']:.2f} ms as a write of its own, "
          f"{m['engine ms']:.3f} ms of engine execution (what it adds to a load's atomic write) at this ledger's size")
    return 0


if __name__ == "__main__":
    sys.exit(main())
