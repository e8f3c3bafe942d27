"""Load throughput: the batched loader against plain ``UNWIND $rows … MERGE`` of the same rows, same run.

    python -m bench.bench_load [--entities 5000] [--per-entity 5] [--scale 10] [--repeat 1] [--copied-strings]
    python -m bench.bench_load --ledger-compare [--entities 2000] [--repeat 3]

For each size (1x and ``--scale`` x) two fresh embedded stores get the same documents,
entities, mentions and relationships with their evidence: one through the loader
(``load_records``), one through plain ``UNWIND $rows … MERGE … SET x += row.props`` statements (one per
label or relationship type, batches of 5,000 rows, the same properties computed in Python, no upsert
logic), each through the store's own
write path (so both pay the same durability check). Prints rows/s of both, their ratio,
the time spent in the store's after-write durability check, the peak memory of this
process and of the embedded server (VmHWM of the redis process, and the engine's own
``used_memory_peak``), and the growth of each from 1x to the large size. CPU seconds (this process and the
server) are reported beside wall time: on a shared machine they compare the two loads better; the server's share
and each part's growth say whether a growth lies in the engine or in this process (issue 18).

``--ledger-compare`` prices the change ledger (graph/change_ledger.py) apart: the loader with its ledger
statement and without it (``change_ledger.add`` returning none), alternately, each size, fastest of ``--repeat``.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import entity_id
from aikg.core.schema import SCHEMA
from aikg.graph import search_grams
from aikg.graph.loader import MAX_BATCH_BYTES, load_records
from aikg.graph.store import open_store
from bench.common import peak_rss_mb, table, timed

BENCH_ARGS = ["--entities", "2000", "--per-entity", "5"]  # the scale `make bench` uses
TYPES = ["Institute", "Company", "Agency", "Programme", "Person", "Cluster"]
RAW_BATCH = 5000


def synthetic(n_entities: int, docs: int, seed: int = 7, *, per_entity: int = 2) -> tuple[list, list, list]:
    """Documents, entities (2 mentions each) and ~``per_entity`` relations per entity, all schema-valid."""
    rnd = random.Random(seed)
    documents = [DocumentRecord(f"{i:064x}", f"doc{i}.txt", f"Doc {i}", "text", 10_000) for i in range(docs)]
    entities = []
    for i in range(n_entities):
        etype = TYPES[i % len(TYPES)]
        name = f"{etype} {i}"
        d = documents[i % docs].id
        entities.append(EntityRecord(entity_id(etype, name), etype, name, [f"E{i}"],
                                     [Mention(d, i % 9000, i % 9000 + 8), Mention(d, i % 9000 + 20, i % 9000 + 28)]))
    by_type: dict[str, list[EntityRecord]] = {t: [] for t in TYPES}
    for e in entities:
        by_type[e.type].append(e)
    relations = []
    seen = set()
    for i in range(n_entities * per_entity):
        rtype = rnd.choice(list(SCHEMA.relation_types))
        spec = SCHEMA.relation_types[rtype]
        src = rnd.choice(by_type[rnd.choice(spec.sources)])
        tgt = rnd.choice(by_type[rnd.choice(spec.targets)])
        if spec.symmetric and tgt.id < src.id:
            src, tgt = tgt, src
        if src.id == tgt.id or (rtype, src.id, tgt.id) in seen:
            continue
        seen.add((rtype, src.id, tgt.id))
        d = src.mentions[0].doc
        relations.append(RelationRecord(rtype, src.id, tgt.id, 0.8, "bench",
                                        [Evidence(d, 0, 50, f"{src.name} and {tgt.name} sentence {i}.")]))
    return documents, entities, relations


RAW_DOCUMENT = "UNWIND $rows AS r MERGE (d:Document {id: r.id}) SET d += r.p"
RAW_ENTITY = "UNWIND $rows AS r MERGE (n:Entity:{label} {id: r.id}) SET n += r.p"
RAW_MENTION = ("UNWIND $rows AS r MATCH (d:Document {id: r.doc}) MATCH (e:Entity {id: r.id}) "
               "MERGE (d)-[m:MENTIONS]->(e) SET m += r.p")
RAW_RELATION = ("UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) "
                "MERGE (a)-[e:{rel_type}]->(b) SET e += r.p")


def raw_statements(documents: list, entities: list, relations: list) -> list[tuple[str, list[dict]]]:
    """The same nodes and relationships with the same properties the loader stores (computed here in
    Python), as plain MERGE statements, one per label / relationship type."""
    now = "2026-01-01T00:00:00+00:00"
    out: list[tuple[str, list[dict]]] = [(RAW_DOCUMENT, [
        {"id": d.id, "p": {"source": d.source, "title": d.title, "kind": d.kind, "chars": d.chars, "loaded_at": now}}
        for d in documents])]
    mentions, counts = [], {}
    for e in entities:
        for d in sorted({m.doc for m in e.mentions}):
            spans = sorted({(m.start, m.end) for m in e.mentions if m.doc == d})
            mentions.append({"doc": d, "id": e.id, "p": {"count": len(spans), "starts": [s for s, _ in spans],
                                                         "ends": [t for _, t in spans]}})
            total, docs = counts.get(e.id, (0, 0))
            counts[e.id] = (total + len(spans), docs + 1)
    starts = {r.source for r in relations}  # linked_at: on the start of a relationship (graph/change_keys.py)
    for label in TYPES:
        rows = []
        for e in entities:
            if e.type == label:
                aliases = [a for a in e.aliases if a != e.name]
                rows.append({"id": e.id, "p": {"name": e.name, "aliases": aliases, "first_seen": now, "updated": now,
                                               "alias_text": "".join(a + " | " for a in aliases),
                                               "grams": search_grams.gram_text([e.name, *aliases]),
                                               **({"linked_at": now} if e.id in starts else {}),
                                               "mention_count": counts.get(e.id, (0, 0))[0],
                                               "doc_count": counts.get(e.id, (0, 0))[1], **e.props}})
        out.append((RAW_ENTITY.replace("{label}", label), rows))
    out.append((RAW_MENTION, mentions))
    for rtype in SCHEMA.relation_types:
        out.append((RAW_RELATION.replace("{rel_type}", rtype), [{"s": r.source, "t": r.target, "p": {
            "ev_doc": [v.doc for v in r.evidence], "ev_start": [v.start for v in r.evidence],
            "ev_end": [v.end for v in r.evidence], "ev_sentence": [v.sentence for v in r.evidence],
            "ev_method": [r.method] * len(r.evidence), "ev_confidence": [float(r.confidence)] * len(r.evidence),
            "ev_page": [v.page or 0 for v in r.evidence], "docs": list(dict.fromkeys(v.doc for v in r.evidence)),
            "support": len(r.evidence), "confidence": float(r.confidence),
            "first_seen": now, "updated": now}} for r in relations if r.type == rtype]))
    return out


def raw_load(store: Any, statements: list[tuple[str, list[dict]]]) -> None:
    for cypher, rows in statements:
        for i in range(0, len(rows), RAW_BATCH):
            store.write(cypher, {"rows": rows[i:i + RAW_BATCH]})


def server_memory(store: Any) -> tuple[float, float, float]:
    """(VmHWM of the server process, engine used_memory_peak, engine used_memory) in MB."""
    att = store._att
    hwm = 0.0
    for line in Path(f"/proc/{att.server.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            hwm = int(line.split()[1]) / 1024
    info = att.db.connection.info("memory")
    return hwm, info["used_memory_peak"] / 2**20, info["used_memory"] / 2**20


def server_seconds(store: Any) -> float:
    """CPU seconds (user + system) the embedded server has used so far."""
    fields = Path(f"/proc/{store._att.server.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(store: Any) -> float:
    """CPU seconds used so far by this process and by the embedded server (user + system): on a busy machine
    a run waits for a core, and its wall time says more about the other work than about this one."""
    return time.process_time() + server_seconds(store)


def measure(write: Callable[[Any], Any], fsync: str = "always") -> dict[str, float]:
    """Run ``write`` on a fresh store; seconds (wall and CPU), time in the durability check, server memory.
    ``fsync``: the server's appendfsync for this run (the store runs with ``always``)."""
    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        store.apply_schema()
        store._att.db.connection.config_set("appendfsync", fsync)
        spent = [0.0]
        after = store._after_write

        def timed_after() -> None:
            t0 = time.perf_counter()
            after()
            spent[0] += time.perf_counter() - t0

        store._after_write = timed_after
        cpu, server = cpu_seconds(store), server_seconds(store)
        secs, _ = timed(lambda: write(store))
        cpu, server = cpu_seconds(store) - cpu, server_seconds(store) - server
        hwm, peak, used = server_memory(store)
        store.close()
    return {"s": secs, "cpu": cpu, "server": server, "check": spent[0], "hwm": hwm, "peak": peak, "used": used}


def best_of(repeat: int, raw: Callable[[], dict], load: Callable[[], dict]) -> tuple[dict, dict]:
    """Raw and loader measured alternately ``repeat`` times; each side's fastest run (a busy machine slows
    some runs, never speeds one up)."""
    raws, loads = [], []
    for _ in range(repeat):
        raws.append(raw())
        loads.append(load())
    best = (min(raws, key=lambda m: m["s"]), min(loads, key=lambda m: m["s"]))
    for side, runs in zip(best, (raws, loads)):
        cheapest = min(runs, key=lambda m: m["cpu"])  # CPU and its server share from the same run
        side["cpu"], side["server"] = cheapest["cpu"], cheapest["server"]
    return best


def run(n_entities: int, per_entity: int, scale: int, batch_size: int, max_bytes: int,
        fsync_compare: bool = False, repeat: int = 1) -> tuple[list[dict], list[dict]]:
    rows, measured = [], []
    for factor in (1, scale):
        n = n_entities * factor
        docs, ents, rels = synthetic(n, max(10, n // 50), per_entity=per_entity)
        n_rows = len(docs) + len(ents) + len(rels) + sum(len({m.doc for m in e.mentions}) for e in ents)
        statements = raw_statements(docs, ents, rels)

        def loader(store: Any, docs: list = docs, ents: list = ents, rels: list = rels) -> None:
            report = load_records(store, docs, ents, rels, batch_size=batch_size, max_bytes=max_bytes)
            assert not report.errors, report.errors[:3]

        raw, load = best_of(repeat, lambda statements=statements: measure(lambda store: raw_load(store, statements)),
                            lambda loader=loader: measure(loader))
        measured.append({"raw": raw, "load": load, "rows": n_rows})
        if fsync_compare:
            lazy = measure(loader, fsync="everysec")
            print(f"{factor}x: loader {load['s']:.1f} s with appendfsync always, {lazy['s']:.1f} s with everysec "
                  f"(fsync on every write costs {load['s'] / lazy['s']:.2f}x); the after-write durability check "
                  f"{load['check']:.2f} s\n")
        rows.append({"input": f"{factor}x", "entities": len(ents), "relations": len(rels), "rows": n_rows,
                     "raw s": round(raw["s"], 2), "raw rows/s": round(n_rows / raw["s"]),
                     "loader s": round(load["s"], 2), "loader rows/s": round(n_rows / load["s"]),
                     "loader/raw": f"{raw['s'] / load['s']:.2f}x",
                     "CPU s raw / loader": f"{raw['cpu']:.2f} / {load['cpu']:.2f}",
                     "loader/raw by CPU": f"{raw['cpu'] / load['cpu']:.2f}x",
                     "of which server s raw / loader": f"{raw['server']:.2f} / {load['server']:.2f}",
                     "durability check s": round(load["check"], 2),
                     "server VmHWM MB (raw/loader)": f"{raw['hwm']:.0f} / {load['hwm']:.0f}",
                     "engine peak MB (raw/loader)": f"{raw['peak']:.0f} / {load['peak']:.0f}",
                     "engine bytes/relationship": round(load["used"] * 2**20 / max(1, len(rels))),
                     "bench peak MB": round(peak_rss_mb())})
    return rows, measured


def ledger_compare(n_entities: int, per_entity: int, scale: int, batch_size: int, max_bytes: int,
                   repeat: int) -> list[dict[str, Any]]:
    """The loader with the change ledger's statement and without it, alternately: what the ledger costs a load."""
    from aikg.graph import change_ledger

    add, rows, writes = change_ledger.add, [], [0]

    def counted(now: str, created: int) -> list:
        writes[0] += 1
        return add(now, created)

    for factor in (1, scale):
        docs, ents, rels = synthetic(n_entities * factor, max(10, n_entities * factor // 50), per_entity=per_entity)

        def loader(store: Any, docs: list = docs, ents: list = ents, rels: list = rels) -> None:
            report = load_records(store, docs, ents, rels, batch_size=batch_size, max_bytes=max_bytes)
            assert not report.errors, report.errors[:3]

        on, off = [], []
        try:
            for _ in range(repeat):
                writes[0] = 0
                change_ledger.add = counted
                on.append(measure(loader))
                change_ledger.add = lambda now, created: []
                off.append(measure(loader))
        finally:
            change_ledger.add = add
        best = {side: (min(m["s"] for m in runs), min(m["cpu"] for m in runs), min(m["server"] for m in runs))
                for side, runs in (("on", on), ("off", off))}
        rows.append({"input": f"{factor}x", "entities": len(ents), "relations": len(rels),
                     "ledger statements": writes[0],
                     "s on / off": f"{best['on'][0]:.2f} / {best['off'][0]:.2f}",
                     "on/off by time": f"{best['on'][0] / best['off'][0]:.3f}",
                     "CPU s on / off": f"{best['on'][1]:.2f} / {best['off'][1]:.2f}",
                     "on/off by CPU": f"{best['on'][1] / best['off'][1]:.3f}",
                     "server CPU s on / off": f"{best['on'][2]:.2f} / {best['off'][2]:.2f}",
                     "load avg": round(os.getloadavg()[0], 1)})
    return rows


def _ratio(large: dict, small: dict, side: str, part: str) -> str:
    """Growth of one side's server CPU (``server``) or this process's CPU (``client``: the rest)."""
    def get(m: dict) -> float:
        return m[side]["server"] if part == "server" else m[side]["cpu"] - m[side]["server"]
    return f"{get(large) / get(small):.1f}" if get(small) > 0 else "n/a"


def growth(measured: list[dict]) -> str:
    a, b = measured
    rows = b["rows"] / a["rows"]
    return (f"Growth 1x -> large: rows x{rows:.1f}; loader time x{b['load']['s'] / a['load']['s']:.1f}, "
            f"raw time x{b['raw']['s'] / a['raw']['s']:.1f}; loader CPU x{b['load']['cpu'] / a['load']['cpu']:.1f}, "
            f"raw CPU x{b['raw']['cpu'] / a['raw']['cpu']:.1f} (server CPU: loader x{_ratio(b, a, 'load', 'server')}, "
            f"raw x{_ratio(b, a, 'raw', 'server')}; this process: loader x{_ratio(b, a, 'load', 'client')}, "
            f"raw x{_ratio(b, a, 'raw', 'client')}); server VmHWM loader "
            f"x{b['load']['hwm'] / a['load']['hwm']:.1f}.")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--per-entity", type=int, default=5, help="relations generated per entity")
    parser.add_argument("--scale", type=int, default=10, help="the large size, as a multiple of --entities")
    parser.add_argument("--batch-size", type=int, default=5000, help="the loader's rows per write")
    parser.add_argument("--max-mb", type=float, default=MAX_BATCH_BYTES / 2**20, help="the loader's MB per write")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure raw and loader alternately this many times, keep each one's fastest run")
    parser.add_argument("--fsync-compare", action="store_true",
                        help="also time the loader with appendfsync everysec (what fsync on every write costs)")
    parser.add_argument("--copied-strings", action="store_true",
                        help="the loader copies every string onto each relationship, as before issue 18 "
                             "(default: shared strings, see graph/cypher/load_relations.cypher)")
    parser.add_argument("--ledger-compare", action="store_true",
                        help="instead: the loader with the change ledger's statement and without it, alternately")
    args = parser.parse_args(argv)
    if args.ledger_compare:
        print("## The change ledger's cost to the loader (with its statement / without)\n")
        print(table(ledger_compare(args.entities, args.per_entity, args.scale, args.batch_size,
                                   int(args.max_mb * 2**20), args.repeat)))
        return
    if args.copied_strings:
        from aikg.graph import loader

        loader.interns_strings = lambda store: False
    print("## Load: batched loader vs plain UNWIND … MERGE of the same rows (embedded store)\n")
    print(f"Synthetic facts (`bench.bench_load.synthetic`: 2 mentions per entity in one document, "
          f"~{args.per_entity} relations per entity, one evidence sentence each), {args.entities:,} entities at 1x. "
          f"Raw: one `UNWIND $rows … MERGE … SET x += r.p` per label / relationship type (the same properties the loader stores, computed in Python), batches of {RAW_BATCH:,}. "
          f"Both through the store's write path, each into a fresh embedded store; fastest of {args.repeat} alternating run(s) each. Loader strings: "
          f"{'copied onto each relationship (--copied-strings)' if args.copied_strings else 'shared (interned)'}.\n")
    rows, measured = run(args.entities, args.per_entity, args.scale, args.batch_size, int(args.max_mb * 2**20),
                         args.fsync_compare, args.repeat)
    print(table(rows))
    print(growth(measured) + "\n")


if __name__ == "__main__":
    main()
