"""graph_health's likely duplicates from the name keys and marks the loader keeps (graph/name_keys.py, issue 18):
at every step the same rows as folding every name and alias of the graph, on a store written now (duplicates
arriving in later loads, through new entities and new aliases, of the same type and not) and on an older one
migrated when opened."""

from __future__ import annotations

from unittest import mock

import pytest

from aikg.core.facts import DocumentRecord, EntityRecord, Mention
from aikg.graph import name_keys
from aikg.graph.loader import load_records
from aikg.queries.catalog import run_query
from tests.test_queries import load_query_fixture

CASES = [{"check": "duplicates"}, {"check": "all"}, {"check": "duplicates", "limit": 1}, {"check": "all", "limit": 2}]


def _doc(n: int) -> DocumentRecord:
    return DocumentRecord(f"{n:02d}" * 32, f"d{n}.txt", f"d{n}", "text", 100)


def _load(store, n: int, entities: list[tuple[str, str, str, list[str]]], force: bool = False) -> None:
    doc = _doc(n)
    ents = [EntityRecord(eid, etype, name, aliases, [Mention(doc.id, 0, 4)]) for eid, etype, name, aliases in entities]
    assert not load_records(store, [doc], ents, [], force=force).errors


def _folding_every_name(store) -> dict[int, list[dict]]:
    with mock.patch.object(name_keys, "ready", lambda _store: False):
        return {i: run_query(store, "graph_health", case).to_dict(orient="records") for i, case in enumerate(CASES)}


def assert_answers_as_folding(store) -> list[dict]:
    """The rows with the marks equal the rows of the live reading; the duplicate rows returned."""
    folded = _folding_every_name(store)
    assert name_keys.ready(store) == (store.backend == "embedded")  # Neo4j cannot index list elements: it folds
    for i, case in enumerate(CASES):
        assert run_query(store, "graph_health", case).to_dict(orient="records") == folded[i], case
    return folded[0]


def _pairs(rows: list[dict]) -> list[tuple[str, str]]:
    return [(r["id"], r["other"]) for r in rows]


def test_duplicates_found_as_they_arrive(store):
    _load(store, 1, [("company:acme", "Company", "Acme Corp.", []), ("institute:acme", "Institute", "ACME Corp", []),
                     ("company:zeta", "Company", "Zeta", ["Zeta Labs"])])
    assert _pairs(assert_answers_as_folding(store)) == []  # same key, different types
    _load(store, 2, [("company:acme-2", "Company", "The ACME corp", [])])  # a later load, a new entity
    assert _pairs(assert_answers_as_folding(store)) == [("company:acme", "company:acme-2")]
    _load(store, 3, [("company:zl", "Company", "Z-L", ["zeta labs"])])  # an alias shared with an alias
    assert _pairs(assert_answers_as_folding(store)) == [("company:acme", "company:acme-2"), ("company:zeta", "company:zl")]
    _load(store, 4, [("company:other", "Company", "Other", [])])
    _load(store, 5, [("company:other", "Company", "Other", ["Acme, Corp"])])  # an existing entity gains an alias
    rows = assert_answers_as_folding(store)
    assert _pairs(rows) == [("company:acme", "company:acme-2"), ("company:acme", "company:other"),
                            ("company:acme-2", "company:other"), ("company:zeta", "company:zl")]
    assert rows[1]["detail"] == 'shares "acme corp"'
    # a forced re-load retracts the document's mentions and relationships, never names or aliases
    _load(store, 5, [("company:other", "Company", "Other", [])], force=True)
    assert _pairs(assert_answers_as_folding(store)) == _pairs(rows)
    marked = store.read("MATCH (n:Entity) WHERE n.has_duplicate = true RETURN n.id AS id ORDER BY id")
    assert [r["id"] for r in marked] == ["company:acme", "company:acme-2", "company:other", "company:zeta", "company:zl"]


def test_marks_are_read(store):
    """The kept reading is the one used: an entity unmarked by hand drops out of it (never by a write)."""
    if store.backend != "embedded":
        pytest.skip("marks are kept on the embedded store only")
    _load(store, 1, [("company:a", "Company", "Same Name", []), ("company:b", "Company", "same name", [])])
    assert len(run_query(store, "graph_health", {"check": "duplicates"})) == 1
    store.write("MATCH (n:Entity {id: 'company:a'}) REMOVE n.has_duplicate")
    assert run_query(store, "graph_health", {"check": "duplicates"}).empty


def test_fixture_answers_as_folding(store):
    load_query_fixture(store)
    assert len(assert_answers_as_folding(store)) >= 1


def test_older_embedded_store_is_migrated_when_opened(tmp_path):
    from aikg.graph.store import open_store
    from tests.test_change_keys import _until_dropped

    home = tmp_path / "home"
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        load_query_fixture(store)
        before = _folding_every_name(store)
        store.write("MATCH (n:Entity) REMOVE n.name_keys, n.has_duplicate")
        store.write("DROP INDEX ON :Entity(name_keys)")
        _until_dropped(store, "name_keys")
        store._keys_ready = set()  # forget what this object remembered
        assert not name_keys.ready(store)
        assert {i: run_query(store, "graph_health", c).to_dict(orient="records") for i, c in enumerate(CASES)} == before
    finally:
        store.close()
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert not name_keys.missing(store)
        assert assert_answers_as_folding(store) == before[0]
    finally:
        store.close()


def test_names_with_multibyte_letters_after_the_are_keyed_whole(store):
    """FalkorDB 4.22's substring() cut 'the ⅻ works' into broken UTF-8 and, on other names, crashed the server;
    the keys drop 'the ' by splitting on spaces, so such names key, match and answer like any other."""
    _load(store, 1, [("company:xii", "Company", "The Ⅻ Works", ["the Σ-ΑΣ lab"]),
                     ("company:xii-2", "Company", "ⅻ works", []),
                     ("company:sas", "Company", "σ αΣ Lab", [])])
    assert _pairs(assert_answers_as_folding(store)) == [("company:sas", "company:xii"), ("company:xii", "company:xii-2")]
