"""Memory pass of issue 18: a relationship stores ``docs`` only when ``ev_doc`` names a document more than once
(otherwise the list would equal ``ev_doc``). Every reader gives the same answers: relationship_evidence returns
every sentence, entity_neighbours counts the documents, forced re-loads take evidence back, and a store written
with ``docs`` on every relationship reads the same and is given the new layout by ``share_strings``."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import entity_id
from aikg.graph.loader import load_records
from aikg.graph.store import open_store
from aikg.queries.catalog import run_query

QUILL, MARROW = entity_id("Company", "Quillonte Robotics"), entity_id("Institute", "Marrowby Institute")


def _records(doc: str, sentences: list[str], force_doc: bool = True) -> tuple[list, list, list]:
    """Quillonte Robotics partnering with the Marrowby Institute, one piece of evidence per sentence of ``doc``."""
    documents = [DocumentRecord(doc, f"{doc}.txt", doc, "text", 10_000)] if force_doc else []
    entities = [EntityRecord(QUILL, "Company", "Quillonte Robotics", [], [Mention(doc, 0, 5)]),
                EntityRecord(MARROW, "Institute", "Marrowby Institute", [], [Mention(doc, 10, 15)])]
    evidence = [Evidence(doc, 100 * i, 100 * i + len(s), s) for i, s in enumerate(sentences)]
    return documents, entities, [RelationRecord("PARTNERS_WITH", QUILL, MARROW, 0.8, "rules", evidence)]


def _stored(store) -> dict:
    rows = store.read("MATCH (:Entity)-[r:PARTNERS_WITH]->(:Entity) RETURN r.docs AS docs, r.ev_doc AS ev_doc, "
                      "r.support AS support")
    assert len(rows) == 1
    return rows[0]


def _evidence(store) -> list[tuple[str, str]]:
    df = run_query(store, "relationship_evidence", {"source": QUILL, "target": MARROW})
    return sorted(zip(df["doc"], df["sentence"]))


def _documents(store) -> int:
    df = run_query(store, "entity_neighbours", {"entity": QUILL})
    assert len(df) == 1
    return int(df["documents"][0])


def _rel_docs(store) -> int:
    return store.read("MATCH (n:Entity {id: $id}) RETURN n.rel_docs AS n", {"id": QUILL})[0]["n"]


@pytest.fixture
def store(tmp_path: Path):
    st = open_store("embedded", home=tmp_path / "home")
    st.apply_schema()
    yield st
    st.close()


def test_one_piece_of_evidence_stores_no_docs_list(store):
    assert not load_records(store, *_records("doc-a", ["Quillonte Robotics partners with the Marrowby Institute."])).errors
    assert _stored(store) == {"docs": None, "ev_doc": ["doc-a"], "support": 1}
    assert _evidence(store) == [("doc-a", "Quillonte Robotics partners with the Marrowby Institute.")]
    assert _documents(store) == 1 and _rel_docs(store) == 1


def test_evidence_from_distinct_documents_stores_no_docs_list(store):
    assert not load_records(store, *_records("doc-a", ["Quillonte Robotics and Marrowby Institute team up."])).errors
    assert not load_records(store, *_records("doc-b", ["Marrowby Institute joins Quillonte Robotics again."])).errors
    assert _stored(store) == {"docs": None, "ev_doc": ["doc-a", "doc-b"], "support": 2}
    assert [d for d, _ in _evidence(store)] == ["doc-a", "doc-b"]
    assert _documents(store) == 2 and _rel_docs(store) == 2


def test_a_document_named_twice_keeps_its_docs_list(store):
    two = ["Quillonte Robotics partners with the Marrowby Institute.", "The Marrowby Institute and Quillonte agree."]
    assert not load_records(store, *_records("doc-a", two)).errors
    assert _stored(store) == {"docs": ["doc-a"], "ev_doc": ["doc-a", "doc-a"], "support": 2}
    assert _documents(store) == 1
    # a later document appends to the list that is there
    assert not load_records(store, *_records("doc-b", ["Quillonte Robotics and Marrowby renew their pact."])).errors
    assert _stored(store) == {"docs": ["doc-a", "doc-b"], "ev_doc": ["doc-a", "doc-a", "doc-b"], "support": 3}
    assert len(_evidence(store)) == 3 and _documents(store) == 2 and _rel_docs(store) == 2


def test_a_repeat_appended_later_gets_a_docs_list(store):
    assert not load_records(store, *_records("doc-a", ["Quillonte Robotics partners with the Marrowby Institute."])).errors
    two = ["Marrowby Institute joins Quillonte Robotics.", "Quillonte and the Marrowby Institute sign again."]
    assert not load_records(store, *_records("doc-b", two)).errors
    assert _stored(store) == {"docs": ["doc-a", "doc-b"], "ev_doc": ["doc-a", "doc-b", "doc-b"], "support": 3}
    assert _documents(store) == 2


def test_a_forced_reload_drops_the_list_once_no_document_repeats(store):
    assert not load_records(store, *_records("doc-a", ["Quillonte Robotics partners with the Marrowby Institute."])).errors
    two = ["Marrowby Institute joins Quillonte Robotics.", "Quillonte and the Marrowby Institute sign again."]
    assert not load_records(store, *_records("doc-b", two)).errors
    one = ["Marrowby Institute joins Quillonte Robotics, edited."]
    assert not load_records(store, *_records("doc-b", one), force=True).errors
    assert _stored(store) == {"docs": None, "ev_doc": ["doc-a", "doc-b"], "support": 2}
    assert _evidence(store) == [("doc-a", "Quillonte Robotics partners with the Marrowby Institute."),
                                ("doc-b", "Marrowby Institute joins Quillonte Robotics, edited.")]
    assert _documents(store) == 2 and _rel_docs(store) == 2


def test_a_store_with_docs_on_every_relationship_reads_the_same_and_compacts(store):
    from aikg.graph.evidence_strings import share_strings
    from tests.helpers import dump

    assert not load_records(store, *_records("doc-a", ["Quillonte Robotics partners with the Marrowby Institute."])).errors
    assert not load_records(store, *_records("doc-b", ["Marrowby Institute joins Quillonte Robotics again."])).errors
    now, evidence = dump(store), _evidence(store)
    store.write("MATCH (:Entity)-[r]->(:Entity) SET r.docs = [x IN r.ev_doc | x]")  # as the loader wrote before
    assert dump(store) != now
    assert _evidence(store) == evidence and _documents(store) == 2
    share_strings(store)
    assert dump(store) == now and _stored(store)["docs"] is None
    # it appends to an older list as to a new one
    assert not load_records(store, *_records("doc-c", ["Quillonte Robotics and Marrowby renew their pact."])).errors
    assert _stored(store)["docs"] is None and _documents(store) == 3
