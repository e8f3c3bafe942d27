"""The loader's rows made faster (issue 18, the loader's own Python at 10x) stay what they were: the batch size
estimate counted while units are built equals the estimate read from their rows, a one-evidence relationship
row is the general row, the counts ahead equal counting each relationship's ends, and the cluster summaries
computed without the counts are those computed with them (graph/loader.py, graph/summaries.py)."""

from __future__ import annotations

from typing import Any

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.graph import loader, summaries

DOC_A, DOC_B = "a" * 64, "b" * 64


def _records() -> tuple[list, list, list]:
    docs = [DocumentRecord(DOC_A, "a.txt", "A", "text", 100), DocumentRecord(DOC_B, "b.txt", "B", "text", 100)]
    ents = [EntityRecord("company:x", "Company", "Xylo Labs", ["Xylo"], [Mention(DOC_A, 0, 4), Mention(DOC_B, 2, 6)]),
            EntityRecord("company:y", "Company", "Yarrow AI", [], [Mention(DOC_A, 10, 15)]),
            EntityRecord("institute:z", "Institute", "Zenith Institute", ["ZI"], [Mention(DOC_B, 8, 12)]),
            EntityRecord("cluster:q", "Cluster", "Quarry Valley", [], [])]
    rels = [RelationRecord("PARTNERS_WITH", "company:y", "company:x", 0.7, "rules",  # stored from the smaller id
                           [Evidence(DOC_A, 0, 20, 'Yarrow "AI" and Xylo\\Labs.')]),
            RelationRecord("PARTNERS_WITH", "company:x", "company:y", 0.9, "rules",  # the same, given the other way
                           [Evidence(DOC_A, 0, 20, 'Yarrow "AI" and Xylo\\Labs.'), Evidence(DOC_B, 5, 9, "Again.", page=3)]),
            RelationRecord("LOCATED_IN", "company:x", "cluster:q", 0.8, "rules",
                           [Evidence(DOC_B, 1, 2, "In the valley.", confidence=0.0)]),
            RelationRecord("AFFILIATED_WITH", "institute:z", "cluster:q", 0.6, "rules", []),  # no evidence
            RelationRecord("MEMBER_OF", "institute:z", "company:x", 0.5, "rules",
                           [Evidence(DOC_B, 3, 4, "Member.", page=2), Evidence(DOC_B, 3, 4, "Member.", page=2)])]
    return docs, ents, rels


def _payload_from_rows(unit: Any) -> int:
    """The estimate as it was read from a unit's rows before it was counted while they are built."""
    total = 300 + sum(map(loader._entity_bytes, unit.entities.values()))
    for m in unit.mentions:
        total += 120 + len(m["id"]) + 12 * m["count"]
    for (_, source, target), r in unit.relations.items():
        sentences = r["ev_sentence"]
        total += 200 + len(source) + len(target) + 150 * len(sentences) + sum(map(len, sentences))
    return total


def test_payload_counted_while_building_equals_the_rows():
    units = loader.build_units(*_records())
    assert len(units) == 3  # two documents and the entity without one
    for unit in units.values():
        assert unit.payload() == unit.payload({}) == _payload_from_rows(unit)


def _by_name(row: list) -> dict[str, Any]:
    """A load_relations row (sent by position) by field name, without the nulls it leaves for absent fields."""
    assert len(row) <= len(loader.RELATION_FIELDS) and row[-1] is not None  # no trailing null sent
    return {k: v for k, v in zip(loader.RELATION_FIELDS, row) if v is not None}


def test_one_evidence_row_is_the_general_row():
    """A row with one piece of evidence, sent as the general path sends it (a second copy of it makes that path
    run; the copy is then taken away again)."""
    units = loader.build_units(*_records())
    rows = [row for unit in units.values() for row in unit.relations.values()]
    single = [row for row in rows if len(row["ev_doc"]) == 1]
    assert len(single) == 4 and any(row["ev_page"][0] for row in single)  # duplicates kept once
    for row in single:
        docs: dict[str, int] = {"z" * 64: 0}
        fast = _by_name(loader._relation_row(row, docs))
        doubled = {k: (v + v if isinstance(v, list) and k != "docs" else v) for k, v in row.items()}
        general = _by_name(loader._relation_row(doubled, {"z" * 64: 0}))
        assert general.pop("docs") == [1]
        expected = {k: (v[:1] if isinstance(v, list) else v) for k, v in general.items()}
        assert fast == expected and list(fast) == list(expected)
        assert docs == {"z" * 64: 0, row["ev_doc"][0]: 1}


def test_counts_ahead_equal_counting_each_end():
    docs, ents, rels = _records()
    units = list(loader.build_units(docs, ents, rels).values())
    counts = loader._precount(units, {"company:y"}, summaries_too=False)
    assert set(counts) == {"company:x", "institute:z", "cluster:q"}
    by_key: dict[tuple, set[str]] = {}
    for unit in units:
        for key, row in unit.relations.items():
            by_key.setdefault(key, set()).update(row["ev_doc"])
    for eid, found in counts.items():
        keys = [k for k in by_key if eid in k[1:]]
        assert found["degree"] == sum((k[1] == eid) + (k[2] == eid) for k in keys)
        assert found["rel_docs"] == len(set().union(*(by_key[k] for k in keys)))
        assert found["linked"] == any(k[1] == eid for k in keys)
        mentions = [m for unit in units for m in unit.mentions if m["id"] == eid]
        assert (found["mentions"], found["docs"]) == (sum(m["count"] for m in mentions), len(mentions))
    assert counts["company:x"]["degree"] == 3 and counts["company:x"]["rel_docs"] == 2


def test_cluster_summaries_without_the_counts_are_the_same():
    names = {"company:x": "Xylo Labs", "cluster:q": "Quarry Valley", "cluster:m": "Metro", "person:p": "Pat"}
    rels = [("LOCATED_IN", "company:x", "cluster:q", ["d1"]), ("WITHIN", "cluster:q", "cluster:m", ["d2"]),
            ("AFFILIATED_WITH", "person:p", "company:x", ["d1", "d3"])]
    full = summaries.compute(names, rels)
    bare = summaries.compute(names, rels, counts=False)
    assert full["company:x"]["clusters"] == ["Metro", "Quarry Valley"]
    assert full["person:p"]["affiliated_clusters"] == ["Quarry Valley"]
    assert bare == {eid: {k: v for k, v in row.items() if k not in ("degree", "rel_docs")} for eid, row in full.items()}
