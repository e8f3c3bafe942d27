"""changes_since a page at a time (queries/hooks/changes.py) and the change ledger behind its total
(graph/change_ledger.py, issue 18): the page is the newest of every change, the total the number of them,
on a store loaded now, re-loaded by force, without a ledger, and after a removal left linked_at too high."""

from __future__ import annotations

from unittest import mock

import pytest

from aikg.graph import change_ledger
from aikg.queries.catalog import run_query
from aikg.queries.hooks import changes
from tests.test_queries import FIXTURE, load_query_fixture

SINCE = ("2000-01-01", "2024-06-01", "2025-01-01", "2025-02-01T00:00:00Z", "2025-02-01T00:00:01Z", "2030-01-01")


def _scanned(store, since: str) -> int:
    """Relationships between entities first seen on or after ``since``, read one by one."""
    return store.read("MATCH (:Entity)-[r]->(:Entity) WHERE r.first_seen >= $since RETURN count(r) AS n",
                      {"since": since})[0]["n"]


def _ledger_answers_as_the_scan(store) -> None:
    assert change_ledger.ready(store)
    for since in SINCE:
        bound = run_query(store, "changes_since", {"since": since, "limit": 1}).attrs  # normalises the date
        assert change_ledger.relations_since(store, since if "T" in since else f"{since}T00:00:00+00:00") == \
            _scanned(store, since if "T" in since else f"{since}T00:00:00+00:00"), since
        assert bound["total"] == len(run_query(store, "changes_since", {"since": since, "limit": 0})), since


def _pages_are_the_newest(store) -> None:
    for since in SINCE:
        for kind in ("all", "entities", "relations", "documents"):
            every = run_query(store, "changes_since", {"since": since, "kind": kind, "limit": 0})
            assert every.attrs["total"] == len(every)
            for limit in (1, 2, 3, 5, 1000):
                page = run_query(store, "changes_since", {"since": since, "kind": kind, "limit": limit})
                assert page.equals(every.head(limit)), (since, kind, limit)
                assert page.attrs["total"] == len(every), (since, kind, limit)


def test_page_is_the_newest_changes_and_total_counts_them_all(store):
    load_query_fixture(store)
    every = run_query(store, "changes_since", {"since": "2000-01-01", "limit": 0})
    assert len(every) > 30 and len(set(every["first_seen"])) > 2
    _pages_are_the_newest(store)
    _ledger_answers_as_the_scan(store)


def test_the_total_without_a_ledger_is_counted_from_the_relationships(store):
    load_query_fixture(store)
    with_ledger = {s: run_query(store, "changes_since", {"since": s, "limit": 2}).attrs["total"] for s in SINCE}
    store.write("MATCH (c:ChangeCount) DELETE c")
    assert not change_ledger.ready(store)
    assert {s: run_query(store, "changes_since", {"since": s, "limit": 2}).attrs["total"] for s in SINCE} == with_ledger
    assert change_ledger.ensure(store) and not change_ledger.ensure(store)  # built once
    _ledger_answers_as_the_scan(store)


def test_forced_reload_and_a_second_load_keep_the_ledger(store, tmp_path):
    from aikg.graph.loader import load_jsonl

    load_jsonl(store, [FIXTURE])
    before = store.read("MATCH (c:ChangeCount) RETURN c.first_seen AS at, c.relations AS n ORDER BY at")
    load_jsonl(store, [FIXTURE])  # every document loaded: nothing changes
    assert store.read("MATCH (c:ChangeCount) RETURN c.first_seen AS at, c.relations AS n ORDER BY at") == before
    with mock.patch("aikg.graph.loader.now_iso", lambda: "2031-01-01T00:00:00+00:00"):
        assert not load_jsonl(store, [FIXTURE], force=True).errors  # every relationship retracted and made again
    assert change_ledger.relations_since(store, "2031-01-01T00:00:00+00:00") == _scanned(store, "2000-01-01") > 0
    assert sum(r["n"] for r in store.read("MATCH (c:ChangeCount) RETURN c.relations AS n")) == _scanned(store, "")
    _ledger_answers_as_the_scan(store)


def test_a_failed_write_adds_nothing_to_the_ledger(store):
    """The ledger's count goes in the document's one atomic write: a write the store refuses leaves neither
    the relationships nor their count."""
    from aikg.graph.loader import load_jsonl

    broken = [("MERGE (c:ChangeCount {first_seen: $now}) SET c.relations = no_such_function($n)", {"now": "x", "n": 1})]
    with mock.patch.object(change_ledger, "add", lambda now, created: broken if created else []):
        report = load_jsonl(store, [FIXTURE])
    assert report.errors and _scanned(store, "") == 0
    assert store.read("MATCH (c:ChangeCount) WHERE c.first_seen <> '' RETURN count(c) AS n")[0]["n"] == 0
    load_jsonl(store, [FIXTURE])
    _ledger_answers_as_the_scan(store)


def test_a_removal_that_leaves_linked_at_too_high_still_gives_the_newest_page(store):
    """linked_at is never lowered: with the newest relationship of its start entity gone, the floor promises
    more than there is, and the page is read again from the date."""
    load_query_fixture(store)
    newest = store.read("MATCH (a:Entity)-[r]->(:Entity) RETURN a.id AS a, type(r) AS t, r.first_seen AS at "
                        "ORDER BY at DESC, a, t LIMIT 1")[0]
    store.write("MATCH (a:Entity {id: $a})-[r]->(:Entity) WHERE r.first_seen = $at DELETE r",
                {"a": newest["a"], "at": newest["at"]})
    store.write(change_ledger.rebuild_statements()[0][0])
    store.write(change_ledger.rebuild_statements()[1][0])
    with mock.patch.object(changes, "page_floor", lambda _store, values: "2025-02-01T00:00:00+00:00"):
        page = run_query(store, "changes_since", {"since": "2000-01-01", "kind": "relations", "limit": 30})
    every = run_query(store, "changes_since", {"since": "2000-01-01", "kind": "relations", "limit": 0})
    assert page.equals(every.head(30)) and len(page) == min(30, len(every))


@pytest.mark.parametrize("limit", [0, 1000])
def test_the_cli_says_when_it_shows_part(store, limit, capsys):
    from aikg.commands.query import partial_note

    load_query_fixture(store)
    df = run_query(store, "changes_since", {"since": "2000-01-01", "limit": limit or 0})
    assert partial_note(df) == ""
    page = run_query(store, "changes_since", {"since": "2000-01-01", "limit": 3})
    assert partial_note(page) == f"showing 3 of {len(df):,} changes; --param limit=0 for all"
