"""Substring search through letter n-gram keys (graph/search_grams.py, issue 18): the same rows as reading
every entity, on stores written now and on stores written by an older aikg (migrated when opened)."""

from __future__ import annotations

import time
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aikg.core.facts import EntityRecord
from aikg.graph import search_grams
from aikg.graph.loader import load_records
from aikg.queries.catalog import run_query
from tests.test_queries import load_query_fixture

TEXTS = st.text(alphabet=st.sampled_from(list("abcAB xyz-.'ü3İßΣσς&")), max_size=12)


def test_keys_and_lookup():
    assert search_grams.fold("U of T (Toronto)") == "uofttoronto"
    assert search_grams.keys(["Ab-c", "ABCD"]) == ["__abc", "__bc", "__bcd", "__cd"]
    assert search_grams.gram_text(["Abcd"]) == "__abc __bcd __cd "
    assert search_grams.lookup("U of T", "embedded") == "__uof __oft"
    assert search_grams.lookup("U of T", "neo4j") == "__uof AND __oft"
    assert search_grams.lookup("A.I.", "embedded") == "__ai*"
    assert search_grams.lookup("&", "embedded") == search_grams.lookup("X", "embedded") == ""
    assert search_grams.append("__abc ", ["__abc", "__bc", "__abc"]) == "__abc __bc "


@given(TEXTS, TEXTS, TEXTS)
def test_every_name_containing_the_text_has_its_keys(before, text, after):
    """What makes the index look-up return a superset of the scan's rows."""
    name = before + text + after
    keys = set(search_grams.keys([name]))
    found = search_grams.lookup(text, "embedded")
    if len(search_grams.fold(text)) >= 3:
        assert set(found.split()) <= keys
    elif found:
        assert any(k.startswith(found.rstrip("*")) for k in keys)


def _needles(store) -> list[str]:
    """Pieces of every name and alias in the graph (two to six characters, from several places), and others."""
    out = {"U of T", "u of", "<script>", "&", "X", "ai", "Labs", "to", "zzzzqqq", "'}) DETACH", " ", "nvidia"}
    for row in store.read("MATCH (n:Entity) RETURN n.name AS name, n.aliases AS aliases"):
        for form in [row["name"], *(row["aliases"] or [])]:
            for size in (2, 3, 6):
                out.update(form[i:i + size] for i in range(0, max(1, len(form) - size + 1), 4))
    return sorted(out)


def _same_as_scan(store) -> int:
    """Every needle gives the same rows through the keys as through reading every entity; returns how many."""
    needles = _needles(store)
    with_keys = {t: run_query(store, "entity_search", {"text": t, "min_score": 0, "limit": 100}) for t in needles}
    with mock.patch.object(search_grams, "ready", lambda _store: False):
        for text in needles:
            scan = run_query(store, "entity_search", {"text": text, "min_score": 0, "limit": 100})
            assert with_keys[text].equals(scan), text
    return len(needles)


def test_search_through_keys_answers_as_the_scan(store):
    load_query_fixture(store)
    assert search_grams.ready(store)
    assert _same_as_scan(store) > 100


def test_new_alias_adds_its_keys(store):
    load_records(store, [], [EntityRecord(id="company:qx", type="Company", name="Quorvax")], [])
    assert run_query(store, "entity_search", {"text": "lindrop"}).empty
    load_records(store, [], [EntityRecord(id="company:qx", type="Company", name="Quorvax",
                                          aliases=["Quorvax Lindrop Systems"])], [])
    assert list(run_query(store, "entity_search", {"text": "lindrop"})["id"]) == ["company:qx"]
    grams = store.read("MATCH (n:Entity {id: 'company:qx'}) RETURN n.grams AS g")[0]["g"]
    assert grams.split() == search_grams.keys(["Quorvax", "Quorvax Lindrop Systems"])


def test_older_embedded_store_is_migrated_when_opened(tmp_path):
    """A store written before the keys (no grams on entities, a full-text index of name and aliases only)."""
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        load_query_fixture(store)
        store.write("MATCH (n:Entity) REMOVE n.grams")
        store.write("CALL db.idx.fulltext.drop('Entity')")
        store.write("CALL db.idx.fulltext.createNodeIndex('Entity', 'name', 'alias_text')")
        assert not search_grams.ready(store)
        assert not run_query(store, "entity_search", {"text": "of T"}).empty  # the scan answers meanwhile
    finally:
        store.close()
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert store.read("MATCH (n:Entity) WHERE n.grams IS NULL RETURN count(n) AS c") == [{"c": 0}]
        # the engine builds the new full-text index in the background (until then entity_search takes the scan,
        # with the same rows); on a busy machine that outlasted the first look, so wait for it, up to 30 s
        deadline = time.monotonic() + 30.0
        while not search_grams.ready(store):
            assert time.monotonic() < deadline, "the engine did not finish the full-text index within 30 s"
            time.sleep(0.05)
        assert _same_as_scan(store) > 100
    finally:
        store.close()


@pytest.mark.parametrize("name", ["Benixist Systems"])
def test_backfill_is_idempotent(store, name):
    load_records(store, [], [EntityRecord(id="company:bx", type="Company", name=name)], [])
    assert search_grams.backfill(store) == 0  # the loader wrote them
    store.write("MATCH (n:Entity) REMOVE n.grams")
    assert search_grams.backfill(store) == 1
    assert store.read("MATCH (n:Entity) RETURN n.grams AS g") == [{"g": search_grams.gram_text([name])}]
