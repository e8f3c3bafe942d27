"""Summary properties the loader keeps (graph/summaries.py): right after every kind of write, and
equal to a recount from the graph itself, so catalog queries may read them instead of walking."""

from __future__ import annotations

from collections import defaultdict

import pytest

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.graph import summaries
from aikg.graph.loader import load_records

SUMMARY = ("MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree, n.rel_docs AS rel_docs, n.clusters AS clusters, "
           "n.cluster_ids AS cluster_ids, n.affiliated_cluster_count AS affiliated_cluster_count, "
           "n.affiliated_clusters AS affiliated_clusters, n.affiliations AS affiliations ORDER BY id")
D1, D2, D3 = "d1" * 32, "d2" * 32, "d3" * 32


def _doc(doc_id: str) -> DocumentRecord:
    return DocumentRecord(doc_id, f"{doc_id[:2]}.txt", doc_id[:2], "text", 100)


def _ents(doc_id: str, *specs: tuple[str, str, str]) -> list[EntityRecord]:
    return [EntityRecord(eid, etype, name, [], [Mention(doc_id, 0, 4)]) for eid, etype, name in specs]


def _rel(rtype: str, source: str, target: str, doc_id: str) -> RelationRecord:
    return RelationRecord(rtype, source, target, 0.9, "test", [Evidence(doc_id, 0, 30, f"{source} {rtype} {target}")])


OPENAI = ("company:openai", "Company", "OpenAI")
ANN = ("person:ann", "Person", "Ann")
SF = ("cluster:sf", "Cluster", "San Francisco")
BAY = ("cluster:bay", "Cluster", "Bay Area")
LAB = ("institute:lab", "Institute", "Lab")
PARIS = ("cluster:paris", "Cluster", "Paris")


def first_load() -> tuple[list, list, list]:
    """d1: OpenAI in San Francisco, Ann at OpenAI and at a lab in Paris, OpenAI partners with the lab."""
    ents = _ents(D1, OPENAI, ANN, SF, LAB, PARIS)
    rels = [_rel("LOCATED_IN", "company:openai", "cluster:sf", D1), _rel("AFFILIATED_WITH", "person:ann", "company:openai", D1),
            _rel("AFFILIATED_WITH", "person:ann", "institute:lab", D1), _rel("LOCATED_IN", "institute:lab", "cluster:paris", D1),
            _rel("PARTNERS_WITH", "company:openai", "institute:lab", D1)]
    return [_doc(D1)], ents, rels


def later_load() -> tuple[list, list, list]:
    """d2 (later): San Francisco lies within the Bay Area; the partnership is stated again."""
    ents = _ents(D2, SF, BAY, OPENAI, LAB)
    rels = [_rel("WITHIN", "cluster:sf", "cluster:bay", D2), _rel("PARTNERS_WITH", "company:openai", "institute:lab", D2)]
    return [_doc(D2)], ents, rels


def summary(store) -> dict[str, dict]:
    return {r.pop("id"): r for r in store.read(SUMMARY)}


def recount(store) -> dict[str, dict]:
    """The summaries computed in Python from the relationships the store holds (independent of the Cypher)."""
    rels = store.read("MATCH (a:Entity)-[r]->(b:Entity) RETURN type(r) AS t, a.id AS a, b.id AS b, coalesce(r.docs, r.ev_doc) AS docs")
    names = {r["id"]: r["name"] for r in store.read("MATCH (n:Entity) RETURN n.id AS id, n.name AS name")}
    degree: dict[str, int] = defaultdict(int)
    docs: dict[str, set] = defaultdict(set)
    homes: dict[str, set] = defaultdict(set)
    metro: dict[str, set] = defaultdict(set)
    works: dict[str, set] = defaultdict(set)
    for r in rels:
        for end in (r["a"], r["b"]):
            degree[end] += 1
            docs[end].update(r["docs"])
        if r["t"] in ("LOCATED_IN", "ANCHORS"):
            homes[r["a"]].add(r["b"])
        elif r["t"] == "WITHIN":
            metro[r["a"]].add(r["b"])
        elif r["t"] == "AFFILIATED_WITH":
            works[r["a"]].add(r["b"])
    out = {}
    for eid in names:
        cl = homes[eid] | {m for h in homes[eid] for m in metro[h]}
        direct = sorted({(names[c], names[o]) for o in works[eid] for c in homes[o]})
        row = {"degree": degree[eid], "rel_docs": len(docs[eid]),
               "clusters": sorted({names[c] for c in cl}) or None,
               "cluster_ids": [c for _, c in sorted((names[c], c) for c in cl)] or None,
               "affiliated_cluster_count": None, "affiliated_clusters": None, "affiliations": None}
        count = len({c for o in works[eid] for c in homes[o]})
        if count:
            row.update(affiliated_cluster_count=count, affiliated_clusters=sorted({c for c, _ in direct}) or None,
                       affiliations=[f"{o} ({c})" for c, o in direct] or None)
        out[eid] = row
    return out


def test_summaries_follow_loads_later_facts_and_forced_reloads(store):
    assert not load_records(store, *first_load()).errors
    now = summary(store)
    assert now["company:openai"]["clusters"] == ["San Francisco"] and now["company:openai"]["degree"] == 3
    assert now["person:ann"]["affiliated_cluster_count"] == 2
    assert now["person:ann"]["affiliations"] == ["Lab (Paris)", "OpenAI (San Francisco)"]
    assert now == recount(store)
    # a later document puts San Francisco in the Bay Area: OpenAI's clusters follow; Ann's stay direct
    assert not load_records(store, *later_load()).errors
    now = summary(store)
    assert now["company:openai"]["clusters"] == ["Bay Area", "San Francisco"]
    assert now["company:openai"]["rel_docs"] == 2 and now["company:openai"]["degree"] == 3
    assert now["person:ann"]["affiliated_clusters"] == ["Paris", "San Francisco"]
    assert now == recount(store)
    # loading the same documents again changes nothing
    assert not load_records(store, *first_load()).errors and summary(store) == now
    # d1 again with force, now without OpenAI's site: the relationship goes and every summary follows
    docs, ents, rels = first_load()
    assert not load_records(store, docs, ents, [r for r in rels if r.type != "LOCATED_IN" or r.source != "company:openai"],
                            force=True).errors
    after = summary(store)
    assert after["company:openai"]["clusters"] is None and after["company:openai"]["degree"] == 2
    assert after["person:ann"]["affiliations"] == ["Lab (Paris)"]
    assert after["cluster:sf"]["degree"] == 1  # still within the Bay Area
    assert after == recount(store)


def test_refresh_all_rebuilds_what_an_older_store_lacks(store):
    assert not load_records(store, *first_load()).errors
    assert not load_records(store, *later_load()).errors
    kept = summary(store)
    store.write("MATCH (n:Entity) REMOVE n.degree, n.rel_docs, n.clusters, n.cluster_ids, n.affiliated_cluster_count, "
                "n.affiliated_clusters, n.affiliations")
    assert summaries.needs_refresh(store)
    summaries.refresh_all(store)
    assert summary(store) == kept and not summaries.needs_refresh(store)


@pytest.mark.parametrize("keys, expected", [
    ([("PARTNERS_WITH", "a", "b"), ("FUNDS", "a", "b")], None),
    ([("LOCATED_IN", "a", "c"), ("WITHIN", "c", "m"), ("AFFILIATED_WITH", "p", "a")],
     {"ids": ["a"], "places": ["c"], "people": ["p"]}),
])
def test_only_relationships_that_shape_a_summary_refresh_it(keys, expected):
    found = summaries.refresh_statement(keys)
    assert (found[1] if found else None) == expected
