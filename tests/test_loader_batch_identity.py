"""A batched load writes what loading the same records one document at a time writes (issue 18: the loader's
CREATE for relationships new to the store, its positional rows, the counts it computes ahead and its lean unit
rows must not change the store's contents).

The batched side takes every path a load can: runs of several batches (counts kept to the run's end, new
entities created with their counts ahead), one-batch runs, documents already held (skipped), new documents that
state relationships the store holds again with new aliases and evidence pages (upserted, not created), and a
forced re-load (retracted, then written again). The reference loads each document alone, in the same order, with
only its own facts: a one-unit run upserts through the plain path. Both run on the real embedded engine.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from aikg.core.facts import DocumentRecord, EntityRecord, RelationRecord
from aikg.graph.loader import load_records
from aikg.graph.store import open_store
from bench.bench_load import synthetic
from tests.helpers import dump

Records = tuple[list[DocumentRecord], list[EntityRecord], list[RelationRecord]]


def _renamed(data: Records, tag: str, alias: bool) -> Records:
    """The same facts stated by new documents (ids and sources prefixed by ``tag``): every relationship again,
    with a page on its evidence and another confidence, and with ``alias`` a new alias for every entity."""
    docs, ents, rels = data
    new = {d.id: tag + d.id[1:] for d in docs}
    docs2 = [dataclasses.replace(d, id=new[d.id], source=tag + d.source) for d in docs]
    ents2 = [dataclasses.replace(e, aliases=[*e.aliases, *([f"{e.name} Holdings"] if alias else [])],
                                 mentions=[dataclasses.replace(m, doc=new[m.doc]) for m in e.mentions]) for e in ents]
    rels2 = [dataclasses.replace(r, confidence=0.9, evidence=[dataclasses.replace(v, doc=new[v.doc], page=3)
                                                              for v in r.evidence]) for r in rels]
    return docs2, ents2, rels2


def _loads() -> list[tuple[Records, dict]]:
    """The batched loads, in order, with their options."""
    first = synthetic(240, 8, per_entity=5)
    return [(first, {"batch_size": 300}),  # several batches: counts kept to the end, new entities precounted
            (first, {"batch_size": 300}),  # every document held: skipped
            (_renamed(first, "e", True), {"batch_size": 250}),  # held relationships again, new aliases and pages
            (first, {"batch_size": 400, "force": True}),  # retracted, then written again
            (_renamed(first, "f", False), {})]  # one batch


def _alone(data: Records, doc: DocumentRecord) -> Records:
    """Only what one document states: its mentions, its evidence, and the entities they need."""
    _, ents, rels = data
    rels_here = [dataclasses.replace(r, evidence=[v for v in r.evidence if v.doc == doc.id]) for r in rels]
    rels_here = [r for r in rels_here if r.evidence]
    ends = {end for r in rels_here for end in (r.source, r.target)}
    ents_here = [dataclasses.replace(e, mentions=[m for m in e.mentions if m.doc == doc.id]) for e in ents]
    ents_here = [e for e in ents_here if e.mentions or e.id in ends]
    return [doc], ents_here, rels_here


def _dump_after(tmp_path, name: str, loads: Sequence[tuple[Records, dict]]) -> tuple[tuple[list, list], list[dict]]:
    """The store's contents after these loads, and each relationship's key and support (read apart: the
    reference shares the loader's code, so a fault common to both would not show in their comparison)."""
    store = open_store("embedded", home=tmp_path / name)
    try:
        store.apply_schema()
        for records, options in loads:
            report = load_records(store, *records, **options)
            assert not report.errors, report.errors[:3]
        support = store.read("MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS t, a.id AS a, b.id AS b, "
                             "r.support AS support, size(r.ev_doc) AS evidence")
        return dump(store), support
    finally:
        store.close()


def test_batched_loads_write_what_one_document_at_a_time_writes(tmp_path):
    loads = _loads()
    batched, support = _dump_after(tmp_path, "batched", loads)
    one_by_one = []
    for records, options in loads:
        for doc in records[0]:
            one_by_one.append((_alone(records, doc), {"force": options.get("force", False)}))
    alone, _ = _dump_after(tmp_path, "alone", one_by_one)
    nodes, rels = batched
    assert len(nodes) == 8 * 3 + 240 and len(rels) > 1000
    assert any("Holdings" in n for n in nodes) and any("'ev_page', [" in r for r in rels)
    assert batched == alone
    # every relationship once (none created again by a later document), with its three sentences: one from each
    # document set, the first set's again after its forced re-load
    keys = {(r.type, r.source, r.target) for r in loads[0][0][2]}  # stated as stored (bench_load orients them)
    assert sorted((r["t"], r["a"], r["b"]) for r in support) == sorted(keys)
    assert {(r["support"], r["evidence"]) for r in support} == {(3, 3)}
