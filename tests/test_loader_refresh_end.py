"""A load of several batches that finds no kept cluster profile recomputes the cluster summaries once at its end
(graph/pending_counts.py), and sends no statement to forget profiles: the summaries equal a recount from the graph
and those of a one-batch load; a run stopped before its end is recomputed by the next load; once profiles are
kept, every batch refreshes and forgets them as before (issue 18)."""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord
from aikg.graph import summaries
from aikg.graph.loader import load_records
from tests.test_summaries import D3, _doc, _ents, first_load, later_load, recount, summary

PROFILED = "MATCH (c:Cluster) WHERE c.profile_people_count IS NOT NULL RETURN c.id AS id ORDER BY id"


def _both() -> tuple[list, list, list]:
    """first_load's and later_load's documents in one run, each entity once with the mentions of both."""
    (d1, e1, r1), (d2, e2, r2) = first_load(), later_load()
    merged: dict[str, EntityRecord] = {}
    for e in e1 + e2:
        if e.id in merged:
            merged[e.id].mentions.extend(e.mentions)
        else:
            merged[e.id] = EntityRecord(e.id, e.type, e.name, list(e.aliases), list(e.mentions))
    return d1 + d2, list(merged.values()), r1 + r2


@pytest.mark.parametrize("batch_size", [1, 2])
def test_summaries_at_the_end_of_a_run_equal_a_recount_and_one_batch(store, batch_size):
    assert not load_records(store, *_both(), batch_size=5000).errors
    one_batch = summary(store)
    assert one_batch["company:openai"]["clusters"] == ["Bay Area", "San Francisco"]
    store.clear()
    statements: list[str] = []
    write_atomic = store.write_atomic

    def spy(stmts):
        statements.extend(cypher for cypher, _ in stmts)
        write_atomic(stmts)

    store.write_atomic = spy
    assert not load_records(store, *_both(), batch_size=batch_size).errors
    assert summary(store) == one_batch == recount(store)
    assert not [c for c in statements if "profile_people_count" in c]  # no profile kept: nothing to forget
    refreshes = [c for c in statements if "affiliated_cluster_count" in c]
    # none: every entity is new, so the run creates each with the summaries the whole run gives it (loader._precount)
    assert not refreshes


def test_a_run_stopped_before_its_end_is_refreshed_by_the_next(store):
    calls: list[int] = []

    def stop_midway(n: int) -> None:
        calls.append(n)
        if len(calls) == 1:  # the first document written, the second not
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # the next load (of one more document) recovers first
        load_records(store, *_both(), batch_size=1, progress=stop_midway)
    # the entities written carry the summaries of the whole run (loader._precount), not yet the graph's
    assert summary(store) != recount(store)
    docs, ents, rels = _both()
    more = _ents(D3, ("company:other", "Company", "Other"))
    assert load_records(store, docs + [_doc(D3)], ents + more, rels, batch_size=1).documents_skipped == 1
    assert summary(store) == recount(store)
    assert summary(store)["company:openai"]["clusters"] == ["Bay Area", "San Francisco"]


def test_with_kept_profiles_every_batch_refreshes_and_forgets(store):
    assert not load_records(store, *first_load()).errors
    assert summaries.refresh_profiles(store) > 0
    assert store.read(PROFILED)
    docs, ents, rels = later_load()
    assert not load_records(store, docs, ents, rels, batch_size=1).errors
    assert summary(store) == recount(store)
    assert "cluster:sf" not in {r["id"] for r in store.read(PROFILED)}  # San Francisco gained a metro: forgotten


def test_a_run_with_entities_the_store_holds_refreshes_from_the_graph_at_its_end(store):
    """OpenAI is in the store before the run: its summaries are recomputed by the engine at the run's end."""
    assert not load_records(store, [_doc(D3)], _ents(D3, ("company:openai", "Company", "OpenAI")), []).errors
    statements: list[str] = []
    write_atomic = store.write_atomic

    def spy(stmts):
        statements.extend(cypher for cypher, _ in stmts)
        write_atomic(stmts)

    store.write_atomic = spy
    assert not load_records(store, *_both(), batch_size=1).errors
    assert summary(store) == recount(store)
    assert summary(store)["person:ann"]["affiliations"] == ["Lab (Paris)", "OpenAI (San Francisco)"]
    assert len([c for c in statements if "UNWIND $places" in c]) == 1  # refresh_summaries.cypher, once
