"""The statements of a batch CREATE every relationship not in ``known`` (issue 18), so ``known`` cannot be left
out: a caller that forgot it would write a second copy of every relationship the store holds. Without it the
call fails; with what the store holds (graph/loader.py ``known_relationships``) a relationship stated again is
upserted, one relationship with both sentences, on the real embedded engine."""

from __future__ import annotations

import pytest

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.graph import loader
from aikg.graph.loader import load_records


def _records(doc: str, sentence: str) -> tuple[list, list, list]:
    docs = [DocumentRecord(doc, f"{doc[:3]}.txt", "T", "text", 100)]
    ents = [EntityRecord("company:tessaline", "Company", "Tessaline Robotics", [], [Mention(doc, 0, 9)]),
            EntityRecord("institute:vormund", "Institute", "Vormund Institute", ["VI"], [Mention(doc, 20, 27)])]
    rels = [RelationRecord("MEMBER_OF", "company:tessaline", "institute:vormund", 0.8, "rules",
                           [Evidence(doc, 0, 40, sentence)])]
    return docs, ents, rels


def test_statements_need_what_the_store_holds():
    units = list(loader.build_units(*_records("a" * 64, "Tessaline joined Vormund.")).values())
    with pytest.raises(TypeError, match="known"):
        loader.unit_statements(units, loaded_at="2026-12-01T00:00:00+00:00")  # type: ignore[call-arg]
    by_type = {"MEMBER_OF": list(units[0].relations.values())}
    with pytest.raises(TypeError, match="known"):
        loader._relation_rows(by_type)  # type: ignore[call-arg]
    held = {("MEMBER_OF", "company:tessaline", "institute:vormund")}
    names = [name for name, *_ in loader._relation_rows(by_type, known=held)]
    assert names == ["load_relations"]
    assert [name for name, *_ in loader._relation_rows(by_type, known=set())] == ["create_relations"]


def test_a_batch_written_with_what_the_store_holds_upserts(store):
    assert not load_records(store, *_records("a" * 64, "Tessaline joined Vormund.")).errors
    units = list(loader.build_units(*_records("b" * 64, "Vormund counts Tessaline as a member.")).values())
    held = loader.known_entities(store, units)
    known = loader.known_relationships(store, units, held)
    assert known == {("MEMBER_OF", "company:tessaline", "institute:vormund")}
    store.write_atomic(loader.unit_statements(units, loaded_at=loader.now_iso(), known=known, held=held,
                                              intern=loader.interns_strings(store)))
    rows = store.read("MATCH (:Company)-[r:MEMBER_OF]->(:Institute) RETURN r.support AS s, r.ev_sentence AS e")
    assert len(rows) == 1 and rows[0]["s"] == 2
    assert sorted(rows[0]["e"]) == ["Tessaline joined Vormund.", "Vormund counts Tessaline as a member."]
