"""Load speed and memory of the relationship layout against the one before it (issue 18), one run, alternating.

    python -m bench.bench_layout [--entities 5000] [--per-entity 5] [--repeat 3]

The same records (``bench.bench_load.synthetic``) are loaded into fresh embedded stores by the loader as it is
and by the loader with the ``methods`` list restored (each relationship's distinct extractors, which the loader
kept before issue 18 dropped it; patched into its statement and rows for this run only), alternating. Prints,
for each, the fastest wall and CPU seconds (this process and the server) of ``--repeat`` runs and the engine's
``used_memory`` per relationship between entities, and the ratios. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_load import measure, synthetic  # noqa: E402
from bench.bench_queries import load_average  # noqa: E402

#: where the former methods list rides in a relationship row (after every position of RELATION_FIELDS)
METHODS_AT = 11
#: the methods list as the relationship statements wrote it before issue 18 (on create, then appended on match),
#: per statement: (text there now, text with the list)
OLD = {
    "load_relations": (
        ("r.support = size(ev_doc), r.confidence = row[8]",
         f"r.methods = [x IN row[{METHODS_AT}] | intern(x)], r.support = size(ev_doc), r.confidence = row[8]"),
        ("r.support = r.support + size(ev_doc),",
         f"r.methods = r.methods + [x IN row[{METHODS_AT}] WHERE NOT x IN r.methods | intern(x)], "
         "r.support = r.support + size(ev_doc),")),
    "create_relations": (
        ("support: size(ev_doc), confidence: row[8]",
         f"methods: [x IN row[{METHODS_AT}] | intern(x)], support: size(ev_doc), confidence: row[8]"),
        # a flat ``$ones`` row has its one method at position 6 (graph/loader.py ONE_FIELDS)
        ("support: 1,", "methods: [intern(row[6])], support: 1,")),
}


@contextmanager
def methods_list() -> Iterator[None]:
    """The loader of this tree with the former methods list put back, for the duration."""
    from aikg.graph import loader

    statement, row_of = loader.relation_statement, loader._relation_row
    assert len(loader.RELATION_FIELDS) == METHODS_AT, "RELATION_FIELDS changed: move METHODS_AT past its end"

    def old_statement(name: str, rel_type: str, *, intern: bool = False) -> str:
        text = statement(name, rel_type, intern=intern)
        for before, after in OLD.get(name, ()):
            assert text.count(before) == 1, f"{name}.cypher changed: {before!r} not found once"
            text = text.replace(before, after)
        return text

    def old_row(row: Any, docs: dict[str, int]) -> list[Any]:
        out = row_of(row, docs)
        return out + [None] * (METHODS_AT - len(out)) + [list(dict.fromkeys(row["ev_method"]))]

    loader.relation_statement, loader._relation_row = old_statement, old_row
    try:
        yield
    finally:
        loader.relation_statement, loader._relation_row = statement, row_of


def one(records: tuple[list, list, list], old: bool) -> dict[str, float]:
    """One load into a fresh store: seconds, CPU seconds, bytes of engine memory per relationship."""
    from aikg.graph.loader import load_records

    docs, ents, rels = records
    count = [0]

    def write(store: Any) -> None:
        report = load_records(store, docs, ents, rels)
        assert not report.errors, report.errors[:3]
        count[0] = store.read("MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS n")[0]["n"]

    with methods_list() if old else nullcontext():
        m = measure(write)
    return {"s": m["s"], "cpu": m["cpu"], "bytes": m["used"] * 2**20 / max(1, count[0]), "rels": count[0]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--per-entity", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    records = synthetic(args.entities, max(10, args.entities // 50), per_entity=args.per_entity)
    print(f"load average at start: {load_average()}")
    runs: dict[str, list[dict]] = {"methods list (before)": [], "no methods list (now)": []}
    for _ in range(args.repeat):
        runs["methods list (before)"].append(one(records, old=True))
        runs["no methods list (now)"].append(one(records, old=False))
    best = {k: {f: min(r[f] for r in v) for f in ("s", "cpu", "bytes")} | {"rels": v[0]["rels"]} for k, v in runs.items()}
    print(f"{'layout':24} {'relationships':>13} {'wall s':>8} {'cpu s':>8} {'bytes/rel':>10}")
    for k, b in best.items():
        print(f"{k:24} {b['rels']:>13,} {b['s']:>8.2f} {b['cpu']:>8.2f} {b['bytes']:>10,.0f}")
    before, now = best.values()
    print(f"now / before: wall {now['s'] / before['s']:.2f}, cpu {now['cpu'] / before['cpu']:.2f}, "
          f"bytes per relationship {now['bytes'] - before['bytes']:+,.0f}")
    print(f"load average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
