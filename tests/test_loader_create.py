"""Relationships new to the store are created in one step (create_relations.cypher) and those it holds are upserted
(load_relations.cypher), with rows sent by position (issue 18): a relationship stated again by a later document is
still one relationship holding every sentence, and the rows read by position are the named fields."""

from __future__ import annotations

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.graph import loader
from aikg.graph.loader import load_records


def _records(doc: str, sentence: str) -> tuple[list, list, list]:
    docs = [DocumentRecord(doc, f"{doc}.txt", doc, "text", 100)]
    ents = [EntityRecord("company:quillon", "Company", "Quillon Robotics", ["Quillon"], [Mention(doc, 0, 7)]),
            EntityRecord("company:marrowby", "Company", "Marrowby AI", [], [Mention(doc, 20, 27)])]
    rels = [RelationRecord("PARTNERS_WITH", "company:quillon", "company:marrowby", 0.8, "rules",
                           [Evidence(doc, 0, 40, sentence, page=2)])]
    return docs, ents, rels


def test_new_relationships_are_created_and_held_ones_upserted():
    units = list(loader.build_units(*_records("d" * 64, "Quillon and Marrowby partner.")).values())
    by_type = {"PARTNERS_WITH": list(units[0].relations.values())}
    key = ("PARTNERS_WITH", "company:marrowby", "company:quillon")
    [(name, _, rows, docs)] = loader._relation_rows(by_type, known=())
    assert name == "create_relations" and docs == ["d" * 64]
    row = dict(zip(loader.RELATION_FIELDS, rows[0]))
    assert (row["source"], row["target"], row["ev_doc"], row["ev_page"]) == (key[1], key[2], [0], [2])
    [(name, _, same, _)] = loader._relation_rows(by_type, known={key})
    assert name == "load_relations" and same == rows


def test_a_relationship_stated_again_stays_one_with_every_sentence(store):
    assert not load_records(store, *_records("a" * 64, "Quillon and Marrowby partner.")).errors
    assert not load_records(store, *_records("b" * 64, "Marrowby joins Quillon again.")).errors
    rows = store.read("MATCH (:Company)-[r:PARTNERS_WITH]->(:Company) RETURN r.support AS s, r.ev_sentence AS e, "
                      "r.ev_page AS p, r.docs AS d")
    assert len(rows) == 1
    assert rows[0]["s"] == 2 and rows[0]["p"] == [2, 2] and sorted(rows[0]["d"]) == ["a" * 64, "b" * 64]
    assert sorted(rows[0]["e"]) == ["Marrowby joins Quillon again.", "Quillon and Marrowby partner."]
