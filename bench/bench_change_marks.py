"""What a mark per relationship type would buy changes_since (issue 18): measured on a copy of a synthetic graph.

    cp -a /tmp/aikg-bench /tmp/aikg-marks    # the graph of bench/synthetic.py; this command changes the copy
    python -m bench.bench_change_marks --home /tmp/aikg-marks --runs 5

changes_since finds new relationships from their start entities' ``linked_at`` (graph/change_keys.py), one branch
per relationship type, so each branch reads every entity that started any new relationship and expands all its
relationships of that type (hubs: hundreds of old ones for one new). This bench adds ``lk_<type>`` to each entity
(the latest ``first_seen`` of the relationships of that type it starts, interned) with an index per type, as a
loader change would, then times the relationship branches of the catalog statement against the same branches
reading the per-type marks, alternating (the engine's own execution time), checks both return the same rows, and
reports the engine's ``used_memory`` before the marks (the copy as it was opened: give it a store at rest,
as ``bench/synthetic.py`` leaves one after a restart) and after them (the marks kept beside ``linked_at``). Not part
of the test suite; the store in ``--home`` keeps the marks.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aikg.core.schema import SCHEMA  # noqa: E402
from bench.bench_queries import lift_socket_timeout, load_average, wait_for_indexes  # noqa: E402
from bench.synthetic import open_or_build, server_memory  # noqa: E402

RETURN = ("RETURN 'relation' AS change, type(r) AS type, a.id AS id, a.name AS name, b.id AS target, "
          "b.name AS target_name, r.first_seen AS first_seen")


def types() -> list[str]:
    return [SCHEMA.rel_type(t) for t in SCHEMA.relation_types if t != "MENTIONS"]


def branches(mark: str | None) -> str:
    """The relationship branches of changes_since, each reading ``linked_at`` (mark None) or its type's mark."""
    return " UNION ALL ".join(
        f"MATCH (a:Entity) WHERE a.{mark or 'linked_at'}{'_' + t.lower() if mark else ''} >= $since "
        f"MATCH (a)-[r:{t}]->(b) WHERE r.first_seen >= $since {RETURN}" for t in types())


def add_marks(store: Any) -> float:
    """Per-type marks and their indexes, as a loader would keep them; seconds taken."""
    t0 = time.perf_counter()
    for t in types():
        store.write(f"MATCH (a:Entity)-[r:{t}]->(:Entity) WITH a, max(r.first_seen) AS m SET a.lk_{t.lower()} = intern(m)")
    for t in types():
        store._db.connection.execute_command("GRAPH.QUERY", store._graph.name,
                                             f"CREATE INDEX FOR (n:Entity) ON (n.lk_{t.lower()})")
    wait_for_indexes(store)
    return time.perf_counter() - t0


def restarted(store: Any, home: Path) -> Any:
    """The store reopened after its append-only file is rewritten: memory as a store at rest holds it (writes
    replayed from the file's tail on start leave the engine holding more)."""
    connection = store._db.connection
    connection.execute_command("BGREWRITEAOF")
    time.sleep(1)
    while any(connection.info("persistence").get(k) for k in ("aof_rewrite_in_progress", "aof_rewrite_scheduled")):
        time.sleep(1)
    store.close()
    store, _ = open_or_build(home, 0, 0)
    wait_for_indexes(store)
    lift_socket_timeout(store)
    return store


def drop_linked(store: Any, home: Path) -> Any:
    """``linked_at`` and its index removed (what the marks would replace), the store reopened at rest."""
    store.write("MATCH (a:Entity) WHERE a.linked_at IS NOT NULL SET a.linked_at = NULL")
    store._db.connection.execute_command("GRAPH.QUERY", store._graph.name, "DROP INDEX ON :Entity(linked_at)")
    return restarted(store, home)


def engine_ms(store: Any, text: str, since: str) -> tuple[float, list]:
    """The engine's execution time of a read and its rows (compact reply)."""
    reply = store._db.connection.execute_command("GRAPH.RO_QUERY", store._graph.name, f"CYPHER since='{since}' {text}",
                                                 "--compact")
    ms = next(float(str(s).split(": ")[1].split(" ")[0]) for s in reply[-1] if "execution time" in str(s))
    return ms, reply[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a copy of a kept synthetic graph (changed)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--replace-linked", action="store_true",
                        help="afterwards also drop linked_at and its index (the marks instead of it, not beside it) "
                             "and report the engine's memory again")
    args = parser.parse_args(argv)
    store, info = open_or_build(args.home, 0, 0)
    try:
        wait_for_indexes(store)
        lift_socket_timeout(store)
        since = info.picks["since"]
        before = server_memory(store)["used_memory"]
        if not store.read("MATCH (a:Entity) WHERE a.lk_partners_with IS NOT NULL RETURN count(a) AS n")[0]["n"]:
            print(f"added the per-type marks and their indexes in {add_marks(store):.1f}s", flush=True)
            store = restarted(store, args.home)
        after = server_memory(store)["used_memory"]
        rels = info.relationship_total - info.relationships.get("MENTIONS", 0)
        print(f"engine used_memory {before:.1f} -> {after:.1f} MB ({(after - before) * 2**20 / rels:+.0f} bytes per "
              "relationship; after the append-only file's rewrite and a restart)", flush=True)
        print(f"load average at start: {load_average()}")
        texts = {"linked_at": branches(None), "per-type marks": branches("lk")}
        rows = {k: sorted(map(tuple, engine_ms(store, v, since)[1])) for k, v in texts.items()}
        times: dict[str, list[float]] = {k: [] for k in texts}
        for _ in range(args.runs):
            for k, v in texts.items():
                times[k].append(engine_ms(store, v, since)[0])
        for k in texts:
            print(f"{k:16} rows {len(rows[k]):>6}  engine median {statistics.median(times[k]):8.1f} ms")
        a, b = (statistics.median(times[k]) for k in texts)
        same = rows["linked_at"] == rows["per-type marks"]
        print(f"per-type / linked_at: {b / a:.2f}; rows {'same' if same else 'DIFFERENT'}")
        print(f"load average at end: {load_average()}")
        if args.replace_linked:
            store = drop_linked(store, args.home)
            instead = server_memory(store)["used_memory"]
            print(f"marks instead of linked_at: engine used_memory {before:.1f} -> {instead:.1f} MB "
                  f"({(instead - before) * 2**20 / rels:+.0f} bytes per relationship against the store as opened)")
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
