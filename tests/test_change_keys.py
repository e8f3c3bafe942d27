"""changes_since finds new relationships from their start entities' ``linked_at`` (graph/change_keys.py, issue 18):
the same rows as reading every relationship, on stores written now and on older ones migrated when opened."""

from __future__ import annotations

from unittest import mock

from aikg.graph import change_keys
from aikg.queries.catalog import run_query
from tests.test_queries import load_query_fixture

SINCE = ("2000-01-01", "2024-06-01", "2025-01-01", "2025-02-01T00:00:00Z", "2025-02-01T00:00:01Z", "2030-01-01")


def _every_relationship(store) -> dict:
    with mock.patch.object(change_keys, "ready", lambda _store: False):
        return {s: run_query(store, "changes_since", {"since": s}) for s in SINCE}


def _answers_as_the_scan(store) -> None:
    scanned = _every_relationship(store)
    assert change_keys.ready(store)
    for since in SINCE:
        assert run_query(store, "changes_since", {"since": since}).equals(scanned[since]), since
    assert (scanned["2000-01-01"]["change"] == "relation").sum() > 20


def test_every_relationship_has_an_end_that_finds_it(store):
    """What makes the look-up return every row: an end of each relationship has linked_at on or after its
    first_seen (whichever end the loader chose)."""
    load_query_fixture(store)
    missed = store.read("MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT (coalesce(a.linked_at, '') >= r.first_seen "
                        "OR coalesce(b.linked_at, '') >= r.first_seen) RETURN count(r) AS c")
    assert missed == [{"c": 0}]
    assert len({r["l"] for r in store.read("MATCH (n:Entity) RETURN n.linked_at AS l")} - {None}) > 1
    _answers_as_the_scan(store)


def _until_dropped(store, prop: str, seconds: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while any(prop in r["properties"] for r in store.read("CALL db.indexes() YIELD label, properties "
                                                            "RETURN label, properties") if r["label"] == "Entity"):
        assert time.monotonic() < deadline, f"the engine kept the {prop} index for {seconds} s after DROP INDEX"
        time.sleep(0.05)


def test_older_embedded_store_is_migrated_when_opened(tmp_path):
    """A store written before linked_at: none on entities, an index on every relationship type's first_seen."""
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        load_query_fixture(store)
        store.write("MATCH (n:Entity) REMOVE n.linked_at")
        store.write("DROP INDEX ON :Entity(linked_at)")
        store.write("CREATE INDEX FOR ()-[r:PARTNERS_WITH]-() ON (r.first_seen)")
        _until_dropped(store, "linked_at")  # the engine drops an index in the background: on a busy machine it lingers
        assert not change_keys.ready(store)
        scanned = _every_relationship(store)
        assert len(run_query(store, "changes_since", {"since": "2025-01-01"})) == 5  # read every relationship
    finally:
        store.close()
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        indexes = store.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
        assert not [r for r in indexes if r["label"] == "PARTNERS_WITH"]  # the relationship index is dropped
        assert store.read("MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT (coalesce(a.linked_at, '') >= r.first_seen "
                          "OR coalesce(b.linked_at, '') >= r.first_seen) RETURN count(r) AS c") == [{"c": 0}]
        for since in SINCE:
            assert run_query(store, "changes_since", {"since": since}).equals(scanned[since]), since
    finally:
        store.close()


def test_changes_since_reads_every_relationship_type():
    """The look-up has one branch per relationship type (the engine expands one type faster than all of them):
    a type added to the schema without a branch would silently drop its new relationships."""
    import re

    from aikg.core.schema import SCHEMA
    from aikg.queries.catalog import load_catalog

    text = load_catalog().get("changes_since").cypher()
    typed = re.findall(r"MATCH \(a\)-\[r:([A-Z_]+)\]->\(b\)", text)
    assert sorted(typed) == sorted(set(typed)) == sorted(SCHEMA.relation_types)

