"""The loader's counts ahead and its unit building, made cheaper per row for issue 18 (loader time growing faster
than the rows): ``_precount`` counts an end's documents with a small set per unit instead of one set of (end,
document) pairs for the run, and ``_add_relations`` orients symmetric relations without a call per row. Both must
give what a plain recount from the records gives, and a load of several batches must store what the engine
recounts."""

from __future__ import annotations

from collections import defaultdict

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.graph.loader import _precount, build_units, load_records
from bench.bench_load import synthetic
from tests.test_loader_pending import _counts, _expected_counts, _marked

DOCS = [DocumentRecord(c * 64, f"{c}.txt", c.upper(), "text", 1000) for c in "pqrs"]


def _ent(eid: str, etype: str, name: str, *docs: str) -> EntityRecord:
    return EntityRecord(eid, etype, name, [f"{name} Group"], [Mention(d, 5, 9) for d in docs])


def _rel(rtype: str, source: str, target: str, *docs: str) -> RelationRecord:
    return RelationRecord(rtype, source, target, 0.7, "test",
                          [Evidence(d, 10 * i, 10 * i + 8, f"{source} and {target} in {d[:3]} ({i}).")
                           for i, d in enumerate(docs)])


def _records() -> tuple[list, list, list]:
    """Relationships stated in several documents, a symmetric one given both ways, entities only as ends."""
    p, q, r, s = (d.id for d in DOCS)
    ents = [_ent("company:zeta", "Company", "Zeta Quarry Works", p, q), _ent("company:alpha", "Company", "Alpha Brindle", p),
            _ent("institute:mira", "Institute", "Mira Tessel Institute", r), _ent("cluster:vale", "Cluster", "Vale Corridor"),
            _ent("person:oda", "Person", "Oda Venn", s)]
    rels = [_rel("PARTNERS_WITH", "company:zeta", "company:alpha", p, q),  # stored alpha -> zeta
            _rel("PARTNERS_WITH", "company:alpha", "company:zeta", q, r),  # the same relationship, given the other way
            _rel("FUNDS", "institute:mira", "company:alpha", r, r),  # two sentences, one document
            _rel("LOCATED_IN", "company:zeta", "cluster:vale", s),  # vale: never mentioned
            _rel("AFFILIATED_WITH", "person:oda", "institute:mira", s, p),
            _rel("MEMBER_OF", "company:zeta", "institute:mira", q)]  # not symmetric: zeta > mira kept as given
    return DOCS, ents, rels


def _recount(ents: list[EntityRecord], rels: list[RelationRecord], held: set[str]) -> dict[str, dict]:
    """The counts of every entity not held, straight from the records."""
    symmetric = {"PARTNERS_WITH"}
    keys, behind = set(), defaultdict(set)
    for rel in rels:
        a, b = rel.source, rel.target
        if rel.type in symmetric and b < a:
            a, b = b, a
        keys.add((rel.type, a, b))
        for ev in rel.evidence:
            behind[a].add(ev.doc)
            behind[b].add(ev.doc)
    degree, starts = defaultdict(int), set()
    for _, a, b in keys:
        degree[a] += 1
        degree[b] += 1
        starts.add(a)
    ids = {e.id for e in ents} | {end for _, a, b in keys for end in (a, b)}
    mentions = {e.id: (len({(m.doc, m.start, m.end) for m in e.mentions}), len({m.doc for m in e.mentions}))
                for e in ents}
    return {eid: {"mentions": mentions.get(eid, (0, 0))[0], "docs": mentions.get(eid, (0, 0))[1],
                  "degree": degree[eid], "rel_docs": len(behind[eid]), "linked": eid in starts, "props": None}
            for eid in ids if eid not in held}


def test_counts_ahead_equal_a_recount_from_the_records():
    docs, ents, rels = _records()
    units = list(build_units(docs, ents, rels).values())
    for held in (set(), {"company:alpha"}, {"company:zeta", "cluster:vale"}):
        assert _precount(units, held, summaries_too=False) == _recount(ents, rels, held)
    counts = _precount(units, set(), summaries_too=False)
    assert counts["company:alpha"]["rel_docs"] == 3 and counts["company:alpha"]["degree"] == 2  # p, q, r; zeta, mira
    assert counts["cluster:vale"] == {"mentions": 0, "docs": 0, "degree": 1, "rel_docs": 1, "linked": False,
                                      "props": None}


def test_counts_ahead_on_a_generated_corpus():
    """bench.bench_load's generator (relationships between entities of different documents), with a second
    document's evidence added to every seventh relationship."""
    docs, ents, rels = synthetic(300, 12, per_entity=4)
    rels = [r if i % 7 else RelationRecord(r.type, r.source, r.target, r.confidence, r.method,
                                           [*r.evidence, Evidence(docs[i % 12].id, 1, 9, f"Again {i}.")])
            for i, r in enumerate(rels)]
    units = list(build_units(docs, ents, rels).values())
    held = {e.id for e in ents[::5]}
    assert _precount(units, held, summaries_too=False) == _recount(ents, rels, held)


def test_symmetric_relations_given_both_ways_are_one_row():
    docs, ents, rels = _records()
    units = build_units(docs, ents, rels)
    q = DOCS[1].id
    keys = [k for k in units[q].relations if k[0] == "PARTNERS_WITH"]
    assert keys == [("PARTNERS_WITH", "company:alpha", "company:zeta")]
    assert len(units[q].relations[keys[0]].evs) == 2  # both sentences of q, each once
    assert ("MEMBER_OF", "company:zeta", "institute:mira") in units[q].relations


def test_batched_load_stores_the_engines_recount(store):
    docs, ents, rels = _records()
    assert not load_records(store, docs, ents, rels, batch_size=2).errors
    counts = _counts(store)
    assert counts == _expected_counts(store) and _marked(store) == 0
    assert counts["company:alpha"]["rel_docs"] == 3 and counts["cluster:vale"]["degree"] == 1
