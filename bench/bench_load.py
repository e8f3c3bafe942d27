"""Load throughput: the batched loader against a naive one-query-per-row loop, same run.

    python -m bench.bench_load [--entities 20000] [--naive 2000]

Prints rows/s for nodes and relationships through the loader, the naive loop's rows/s on
a sample of the same rows, their ratio, and peak memory. The cost is measured at 1x and
10x of the base size to show it grows linearly.
"""

from __future__ import annotations

import argparse
import random
import tempfile

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import entity_id
from bench.common import peak_rss_mb, table, timed
from aikg.graph.loader import load_records
from aikg.core.schema import SCHEMA
from aikg.graph.store import open_store

BENCH_ARGS = ["--entities", "2000", "--naive", "1000"]  # the scale `make bench` uses
TYPES = ["Institute", "Company", "Agency", "Programme", "Person", "Cluster"]


def synthetic(n_entities: int, docs: int, seed: int = 7) -> tuple[list, list, list]:
    """Documents, entities (2 mentions each) and ~2 relations per entity, all schema-valid."""
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
    for i in range(n_entities * 2):
        rtype = rnd.choice(list(SCHEMA.relation_types))
        spec = SCHEMA.relation_types[rtype]
        src = rnd.choice(by_type[rnd.choice(spec.sources)])
        tgt = rnd.choice(by_type[rnd.choice(spec.targets)])
        if src.id == tgt.id or (rtype, src.id, tgt.id) in seen:
            continue
        seen.add((rtype, src.id, tgt.id))
        d = src.mentions[0].doc
        relations.append(RelationRecord(rtype, src.id, tgt.id, 0.8, "bench",
                                        [Evidence(d, 0, 50, f"{src.name} and {tgt.name} sentence {i}.")]))
    return documents, entities, relations


NAIVE_NODE = "MERGE (n:Entity:{label} {{id: $id}}) SET n.name = $name, n.aliases = $aliases"
NAIVE_REL = ("MATCH (a:Entity {{id: $s}}) MATCH (b:Entity {{id: $t}}) MERGE (a)-[r:{rtype}]->(b) "
             "SET r.ev_doc = $doc, r.ev_sentence = $sentence, r.confidence = $c")


def naive(store, entities, relations) -> float:
    for e in entities:
        store.write(NAIVE_NODE.format(label=e.type), {"id": e.id, "name": e.name, "aliases": e.aliases})
    for r in relations:
        store.write(NAIVE_REL.format(rtype=r.type), {"s": r.source, "t": r.target, "doc": [r.evidence[0].doc],
                                                    "sentence": [r.evidence[0].sentence], "c": r.confidence})
    return len(entities) + len(relations)


def run(n_entities: int, n_naive: int, batch_size: int) -> list[dict]:
    rows = []
    base = None
    for scale in (1, 10):
        docs, ents, rels = synthetic(n_entities * scale, max(10, n_entities * scale // 50))
        with tempfile.TemporaryDirectory() as home:
            store = open_store("embedded", home=home)
            store.apply_schema()
            secs, report = timed(lambda: load_records(store, docs, ents, rels, batch_size=batch_size))
            assert not report.errors, report.errors[:3]
            n_rows = len(ents) + len(rels) + sum(len({m.doc for m in e.mentions}) for e in ents)
            store.close()
        loader_rate = n_rows / secs
        if base is None:
            with tempfile.TemporaryDirectory() as home:
                store = open_store("embedded", home=home)
                store.apply_schema()
                sample_e = ents[:n_naive]
                ids = {e.id for e in sample_e}
                sample_r = [r for r in rels if r.source in ids and r.target in ids][:n_naive]
                nsecs, nrows = timed(lambda: naive(store, sample_e, sample_r))
                store.close()
            base = nrows / nsecs
        rows.append({"input": f"{scale}x", "entities": len(ents), "relations": len(rels), "rows": n_rows,
                     "loader s": round(secs, 2), "loader rows/s": round(loader_rate),
                     "naive rows/s": round(base), "ratio": f"{loader_rate / base:.1f}x",
                     "peak MB": round(peak_rss_mb())})
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--naive", type=int, default=1000, help="rows for the one-query-per-row baseline")
    parser.add_argument("--batch-size", type=int, default=5000)
    args = parser.parse_args(argv)
    print("## Load: batched loader vs one query per row (embedded store)\n")
    print(table(run(args.entities, args.naive, args.batch_size)))


if __name__ == "__main__":
    main()
