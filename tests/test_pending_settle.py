"""Commands that read the graph never read counts a stopped load left pending (graph/pending_counts.settle, run by
every store session): a run stopped before writing the counts it kept is recounted first, under the write lock;
while another process's load runs, its counts stay pending by design and the command says so."""

from __future__ import annotations

import subprocess
import sys

import pytest

from aikg.api import store_session
from aikg.graph.cypher_files import statement
from aikg.graph.loader import load_records
from aikg.graph.store import open_store
from aikg.queries.catalog import run_query
from tests.test_loader_pending import DOCS, _corpus, _counts, _expected_counts, _marked


def _stopped_run(home) -> None:
    """A load of five one-document batches stopped after its fourth: the entities it created carry what the whole
    run gives them (graph/loader.py _precount), the fifth document included, and the hub the counts it kept."""
    calls = []

    def stop_before_last_batch(n: int) -> None:
        calls.append(n)
        if sum(calls) == 4:
            raise KeyboardInterrupt

    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        with pytest.raises(KeyboardInterrupt):
            load_records(store, *_corpus(DOCS[:5]), batch_size=1, progress=stop_before_last_batch)
        assert _marked(store) == 4 and _counts(store) != _expected_counts(store)
    finally:
        store.close()


def test_a_reading_command_recounts_what_a_stopped_load_left_pending(tmp_path, capsys):
    home = tmp_path / "home"
    _stopped_run(home)
    with store_session("embedded", home) as store:
        assert _marked(store) == 0
        assert _counts(store) == _expected_counts(store)
        hub = run_query(store, "org_ranking", {"limit": 1})
    assert "they were recounted from the graph" in capsys.readouterr().err
    assert (hub.iloc[0]["id"], hub.iloc[0]["degree"]) == ("company:hub", 4), hub
    with store_session("embedded", home):  # once: nothing is pending any more, nothing is said
        pass
    assert capsys.readouterr().err == ""


def test_while_another_process_loads_its_pending_counts_are_left_to_it_and_said(tmp_path, capsys):
    home = tmp_path / "home"
    _stopped_run(home)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom aikg.core.locking import write_lock\n"
         f"with write_lock({str(home)!r}):\n    print('held', flush=True)\n    sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with store_session("embedded", home) as store:
            assert _marked(store) == 4  # not touched: the counts belong to the running load
        assert "a load is running in this home" in capsys.readouterr().err
    finally:
        holder.communicate("", timeout=60)



def test_a_recount_gives_whole_numbers_to_an_entity_left_without_mentions(tmp_path):
    # an entity whose documents were all retracted or never written: the engine's sum over no rows must still give
    # the integer 0 the loader writes, not 0.0 (a float that reaches DataFrames and JSON as 0.0)
    store = open_store("embedded", home=tmp_path / "home")
    try:
        store.apply_schema()
        load_records(store, *_corpus(DOCS[:1]))
        store.write("CREATE (:Entity:Company {id: $id, name: 'Lonely Robotics', mention_count: 3, doc_count: 1})",
                    {"id": "company:lonely-robotics"})
        ids = [r["id"] for r in store.read("MATCH (n:Entity) RETURN n.id AS id")]
        store.write_atomic([(statement("recount_mentions"), {"ids": ids})])
        rows = {r["id"]: (r["m"], r["d"]) for r in
                store.read("MATCH (n:Entity) RETURN n.id AS id, n.mention_count AS m, n.doc_count AS d")}
    finally:
        store.close()
    assert rows["company:lonely-robotics"] == (0, 0)
    assert all(type(m) is int and type(d) is int for m, d in rows.values()), rows
