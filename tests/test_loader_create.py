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
    [(name, _, params)] = loader._relation_rows(by_type, known=())
    assert name == "create_relations" and params["docs"] == ["d" * 64] and params["rows"] == []
    # one piece of evidence: a flat row of scalars (ONE_FIELDS), the page last
    one = dict(zip(loader.ONE_FIELDS, params["ones"][0]))
    assert (one["source"], one["target"], one["ev_doc"], one["ev_page"]) == (key[1], key[2], 0, 2)
    [(name, _, same)] = loader._relation_rows(by_type, known={key})
    assert name == "load_relations" and "ones" not in same
    row = dict(zip(loader.RELATION_FIELDS, same["rows"][0]))
    assert (row["source"], row["target"], row["ev_doc"], row["ev_page"]) == (key[1], key[2], [0], [2])


def test_a_relationship_stated_again_stays_one_with_every_sentence(store):
    assert not load_records(store, *_records("a" * 64, "Quillon and Marrowby partner.")).errors
    assert not load_records(store, *_records("b" * 64, "Marrowby joins Quillon again.")).errors
    rows = store.read("MATCH (:Company)-[r:PARTNERS_WITH]->(:Company) RETURN r.support AS s, r.ev_sentence AS e, "
                      "r.ev_page AS p, coalesce(r.docs, r.ev_doc) AS d")
    assert len(rows) == 1
    assert rows[0]["s"] == 2 and rows[0]["p"] == [2, 2] and sorted(rows[0]["d"]) == ["a" * 64, "b" * 64]
    assert sorted(rows[0]["e"]) == ["Marrowby joins Quillon again.", "Quillon and Marrowby partner."]


def _one_evidence_records() -> tuple[list, list, list]:
    """Relationships of one piece of evidence each (with and without a page, confidences above, at and below
    zero, a sentence with quotes and a backslash) and one with two, between invented organisations."""
    doc = "e" * 64
    names = ["Tarnwick Labs", "Olvessa Systems", "Brindlecote AI", "Kestrava Group"]
    ents = [EntityRecord(f"company:{n.split()[0].lower()}", "Company", n, [], [Mention(doc, 10 * i, 10 * i + 5)])
            for i, n in enumerate(names)]
    ids = [e.id for e in ents]
    rels = [RelationRecord("PARTNERS_WITH", ids[0], ids[1], 0.8, "rules", [Evidence(doc, 0, 40, "Tarnwick and Olvessa.")]),
            RelationRecord("PARTNERS_WITH", ids[1], ids[2], 0.0, "rules",
                           [Evidence(doc, 50, 90, 'Olvessa "and" Brindlecote \\ partner.', page=4)]),
            RelationRecord("FUNDS", ids[3], ids[0], -0.5, "rules", [Evidence(doc, 95, 130, "Kestrava backs Tarnwick.")]),
            RelationRecord("FUNDS", ids[3], ids[2], 0.7, "rules",
                           [Evidence(doc, 140, 170, "Kestrava backs Brindlecote.", confidence=0.9, page=1),
                            Evidence(doc, 180, 210, "Brindlecote, backed by Kestrava.", method="other")])]
    return [DocumentRecord(doc, "e.txt", "e", "text", 300)], ents, rels


def test_one_evidence_rows_store_what_the_list_rows_store(tmp_path, monkeypatch):
    from aikg.graph.store import open_store
    from tests.helpers import dump

    def loaded(folder: str) -> tuple[list, list]:
        store = open_store("embedded", home=tmp_path / folder)
        try:
            store.apply_schema()
            assert not load_records(store, *_one_evidence_records()).errors
            return dump(store)
        finally:
            store.close()

    def as_lists(one: list) -> list:  # a flat row as the list row (RELATION_FIELDS) that states the same
        source, target, at, start, end, sentence, method, confidence, *page = one
        return [source, target, [at], [start], [end], [sentence], [method], [confidence], max(0.0, confidence),
                *([[page[0]]] if page else [])]

    def listed(by_type, known):  # every new relationship through $rows, none through $ones
        out = relation_rows(by_type, known)
        for name, _, params in out:
            if name == "create_relations":
                params["rows"] += [as_lists(one) for one in params["ones"]]
                params["ones"] = []
        return out

    relation_rows = loader._relation_rows
    flat = loaded("flat")
    monkeypatch.setattr(loader, "_relation_rows", listed)
    lists = loaded("lists")
    assert flat == lists and len(flat[1]) == 4 + 4  # four relationships, four mentions
