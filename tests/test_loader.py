"""The JSONL loader: idempotent, atomic per document, and loud about bad lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from aikg.graph.loader import load_jsonl
from tests.conftest import DATA
from tests.helpers import dump

FIXTURE = DATA / "loader_fixture.jsonl"


def test_load_fixture_counts(store):
    report = load_jsonl(store, [FIXTURE])
    assert not report.errors
    assert report.documents_loaded == 2
    stats = store.stats()
    assert stats.nodes == {"Document": 2, "Institute": 2, "Cluster": 2, "Company": 1, "Person": 1}
    assert stats.relationships == {"MENTIONS": 7, "LOCATED_IN": 2, "PARTNERS_WITH": 2, "AFFILIATED_WITH": 1}
    nvidia = store.read("MATCH (n:Company {id: 'company:nvidia'}) RETURN n.mention_count AS m, n.doc_count AS d, n.aliases AS a")
    assert nvidia == [{"m": 2, "d": 2, "a": ["Nvidia"]}]


def test_reload_is_idempotent_including_properties(store):
    load_jsonl(store, [FIXTURE])
    first = dump(store, volatile=True)
    second_report = load_jsonl(store, [FIXTURE])
    assert second_report.documents_skipped == 2 and second_report.documents_loaded == 0
    assert dump(store, volatile=True) == first  # timestamps included: nothing changed


def test_forced_reload_equals_first_load(store):
    load_jsonl(store, [FIXTURE])
    first = dump(store)
    forced = load_jsonl(store, [FIXTURE], force=True)
    assert forced.documents_loaded == 2 and not forced.errors
    assert dump(store) == first


def test_symmetric_relation_stored_once(store):
    load_jsonl(store, [FIXTURE])
    rows = store.read("MATCH (a)-[r:PARTNERS_WITH]->(b) RETURN a.id AS a, b.id AS b ORDER BY a")
    assert all(r["a"] < r["b"] for r in rows)


def test_evidence_traces_to_document_and_sentence(store):
    load_jsonl(store, [FIXTURE])
    rows = store.read(
        "MATCH (p:Person)-[r:AFFILIATED_WITH]->(o) "
        "UNWIND range(0, size(r.ev_doc) - 1) AS i "
        "MATCH (d:Document {id: r.ev_doc[i]}) RETURN d.source AS source, r.ev_sentence[i] AS sentence, r.support AS support")
    assert rows == [{"source": "news/london.html", "support": 1,
                     "sentence": "O'Brien \"Q\" \\ 李, a fellow at the Turing. MATCH (n) DETACH DELETE n //"}]


def test_hostile_values_round_trip_unchanged(store):
    load_jsonl(store, [FIXTURE])
    names = {r["name"] for r in store.read("MATCH (p:Person) RETURN p.name AS name")}
    assert names == {"O'Brien \"Q\" \\ 李"}
    assert store.stats().node_total == 8  # the sentence with DETACH DELETE stayed data


def test_bad_line_reported_with_line_number_rest_loads(store, tmp_path):
    lines = FIXTURE.read_text("utf-8").splitlines()
    lines.insert(3, "{not json")
    lines.insert(5, json.dumps({"record": "entity", "id": "x", "type": "Planet", "name": "Mars"}))
    lines.append(json.dumps({"record": "relation", "type": "FUNDS", "source": "company:nvidia", "target": "nowhere",
                             "confidence": 0.5, "method": "m", "evidence": [{"doc": "d1" * 32, "start": 0, "end": 1, "sentence": "s"}]}))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    report = load_jsonl(store, [bad])
    found = sorted((e.line, e.reason) for e in report.errors)
    assert [line for line, _ in found] == [4, 6, len(lines)]
    assert "not valid JSON" in found[0][1]
    assert "unknown entity type 'Planet'" in found[1][1]
    assert "dangling" in found[2][1]
    assert all(str(bad) in str(e) for e in report.errors)
    assert store.stats().relationships["PARTNERS_WITH"] == 2  # the good records all loaded


def test_failing_document_leaves_nothing_behind(store, tmp_path):
    load_jsonl(store, [FIXTURE])
    before = dump(store)
    # a second file whose document reuses an existing entity id under another type: the
    # store's unique constraint rejects it mid-write; the other document in the batch lands
    doc_bad, doc_good = "b" * 64, "c" * 64
    records = [
        {"record": "document", "id": doc_bad, "source": "bad.md", "title": "", "kind": "text", "chars": 10},
        {"record": "document", "id": doc_good, "source": "good.md", "title": "", "kind": "text", "chars": 10},
        {"record": "entity", "id": "cluster:paris", "type": "Cluster", "name": "Paris", "aliases": [],
         "mentions": [{"doc": doc_bad, "start": 0, "end": 5}]},
        {"record": "entity", "id": "company:nvidia", "type": "Institute", "name": "NVIDIA", "aliases": [],
         "mentions": [{"doc": doc_bad, "start": 6, "end": 9}]},
        {"record": "entity", "id": "cluster:berlin", "type": "Cluster", "name": "Berlin", "aliases": [],
         "mentions": [{"doc": doc_good, "start": 0, "end": 6}]},
    ]
    path = tmp_path / "more.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    report = load_jsonl(store, [path])
    assert [e.document for e in report.errors] == [doc_bad]
    assert "bad.md" in str(report.errors[0])
    assert store.read("MATCH (c:Cluster {id: 'cluster:paris'}) RETURN c") == []
    assert store.read("MATCH (d:Document {id: $id}) RETURN d", {"id": doc_bad}) == []
    assert len(store.read("MATCH (c:Cluster {id: 'cluster:berlin'}) RETURN c")) == 1
    nodes_after, rels_after = dump(store)
    assert set(before[0]) <= set(nodes_after)


KILLER = textwrap.dedent("""
    import os, signal, sys
    from aikg.graph.store import open_store
    from aikg.graph.loader import load_jsonl
    store = open_store("embedded", home=sys.argv[1])
    store.apply_schema()
    report = load_jsonl(store, [sys.argv[2]])
    assert report.documents_loaded == 2, report
    pid = store._db.client.pid
    print(pid, flush=True)
    os.kill(pid, signal.SIGKILL)       # the server dies without saving a snapshot
    os.kill(os.getpid(), signal.SIGKILL)  # and so does the client
""")


def test_killed_after_commit_loses_nothing(tmp_path):
    home = tmp_path / "home"
    proc = subprocess.run([sys.executable, "-c", KILLER, str(home), str(FIXTURE)], capture_output=True, text=True,
                          cwd=Path(__file__).parent.parent, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    server_pid = int(proc.stdout.split()[0])
    try:
        os.kill(server_pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive or open(f"/proc/{server_pid}/status").read().find("zombie") >= 0
    assert (home / "embedded" / "aikg.rdb.settings").exists()  # the crash left its settings file behind
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)  # must not be stopped by the stale settings
    try:
        stats = store.stats()
        assert stats.nodes["Document"] == 2 and stats.relationships["MENTIONS"] == 7
    finally:
        store.close()


def test_two_records_of_one_relationship_in_one_document_keep_all_evidence(store, tmp_path):
    # a symmetric relation stated both ways, by two extractors, in one document
    doc = "a" * 64
    lines = [
        {"record": "document", "id": doc, "source": "x.md", "title": "", "kind": "text", "chars": 100},
        {"record": "entity", "id": "company:a", "type": "Company", "name": "A", "aliases": [],
         "mentions": [{"doc": doc, "start": 0, "end": 1}]},
        {"record": "entity", "id": "company:b", "type": "Company", "name": "B", "aliases": [],
         "mentions": [{"doc": doc, "start": 6, "end": 7}]},
        {"record": "relation", "type": "PARTNERS_WITH", "source": "company:a", "target": "company:b", "confidence": 0.9,
         "method": "dep", "evidence": [{"doc": doc, "start": 0, "end": 20, "sentence": "A partners with B."}]},
        {"record": "relation", "type": "PARTNERS_WITH", "source": "company:b", "target": "company:a", "confidence": 0.6,
         "method": "window", "evidence": [{"doc": doc, "start": 30, "end": 60, "sentence": "B and A work together."}]},
    ]
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    assert not load_jsonl(store, [path]).errors
    rows = store.read("MATCH (:Company)-[r:PARTNERS_WITH]->(:Company) RETURN r.support AS s, r.ev_method AS m, r.confidence AS c, keys(r) AS k")
    # the extractors are ev_method's values: no methods list is stored (issue 18, memory)
    assert [{**r, "m": sorted(r["m"])} for r in rows] == [{"s": 2, "m": ["dep", "window"], "c": 0.9, "k": rows[0]["k"]}]
    assert "methods" not in rows[0]["k"]


def _records(n_docs: int) -> tuple[list, list, list]:
    """Documents that each mention X and their own Y_i, all stating X PARTNERS_WITH Z (Z mentioned
    only by the last document), with one more alias of X per document."""
    from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord

    docs = [DocumentRecord(f"{i:x}" * 64, f"doc{i}.md", f"Doc {i}", "text", 100) for i in range(1, n_docs + 1)]
    ents = [EntityRecord("company:x", "Company", "X", [f"X{i}" for i in range(1, n_docs + 1)],
                         [Mention(d.id, 0, 1) for d in docs]),
            EntityRecord("company:z", "Company", "Z", ["Zed"], [Mention(docs[-1].id, 5, 6)])]
    rels = [RelationRecord("PARTNERS_WITH", "company:x", "company:z", 0.5 + i / 10, f"m{i}",
                           [Evidence(d.id, 0, 9, f"X and Z, sentence {i}.")]) for i, d in enumerate(docs)]
    for i, d in enumerate(docs):
        ents.append(EntityRecord(f"person:y{i}", "Person", f"Y{i}", [], [Mention(d.id, 10, 12)]))
        rels.append(RelationRecord("AFFILIATED_WITH", f"person:y{i}", "company:z", 0.6, "m", [Evidence(d.id, 10, 30, f"Y{i} at Z.")]))
    return docs, ents, rels


def _one_doc(records: tuple[list, list, list], doc_id: str) -> tuple[list, list, list]:
    """What an extraction of that one document gives: its own mentions and evidence only."""
    from dataclasses import replace

    docs, ents, rels = records
    ents = [replace(e, mentions=[m for m in e.mentions if m.doc == doc_id],
                    aliases=[a for a in e.aliases if e.id != "company:x" or a == f"X{int(doc_id[0], 16)}"])
            for e in ents]
    rels = [replace(r, evidence=[v for v in r.evidence if v.doc == doc_id]) for r in rels]
    rels = [r for r in rels if r.evidence]
    ends = {i for r in rels for i in (r.source, r.target)}
    return [d for d in docs if d.id == doc_id], [e for e in ents if e.mentions or e.id in ends], rels


def test_loading_documents_one_run_at_a_time_equals_one_run(tmp_path):
    """Existing entities and relationships take the upsert path (aliases merged, evidence kept per
    document); new ones the create path; a relationship end another unit writes only has to exist.
    Both ways give the same graph, with no working mark left behind."""
    from aikg.graph.loader import load_records
    from aikg.graph.store import open_store

    records = _records(4)
    together = open_store("embedded", home=tmp_path / "together")
    apart = open_store("embedded", home=tmp_path / "apart")
    try:
        for store in (together, apart):
            store.apply_schema()
        assert not load_records(together, *records, batch_size=3).errors  # several batches
        for doc in records[0]:
            assert not load_records(apart, *_one_doc(records, doc.id)).errors
        assert dump(together) == dump(apart)
        x = apart.read("MATCH (n:Company {id: 'company:x'}) RETURN n.aliases AS a, n.alias_text AS t, "
                       "n.doc_count AS d")
        assert sorted(x[0]["a"]) == ["X1", "X2", "X3", "X4"] and x[0]["d"] == 4
        assert x[0]["t"] == "".join(a + " | " for a in x[0]["a"])
        rel = apart.read("MATCH (:Company {id: 'company:x'})-[r:PARTNERS_WITH]->() RETURN r.support AS s, "
                         "r.confidence AS c, size(coalesce(r.docs, r.ev_doc)) AS d, size(r.ev_sentence) AS e, r.ev_method AS m")
        assert [{**r, "m": sorted(r["m"])} for r in rel] == [{"s": 4, "c": 0.8, "d": 4, "e": 4, "m": ["m0", "m1", "m2", "m3"]}]
        marks = apart.read("MATCH (n) WHERE n.merging IS NOT NULL RETURN count(n) AS n")[0]["n"]
        marks += apart.read("MATCH ()-[r]->() WHERE r.merging IS NOT NULL RETURN count(r) AS n")[0]["n"]
        assert marks == 0
        # a forced re-load of the last document replaces only its own evidence (and puts it back last)
        assert not load_records(apart, *_one_doc(records, records[0][-1].id), force=True).errors
        assert dump(apart) == dump(together)
    finally:
        together.close()
        apart.close()


def test_stale_settings_naming_another_live_server_do_not_block_a_start(tmp_path):
    """A pid in stale settings now used by another store's redis-server (whose socket is not the
    one named) is not a live server of an older aikg: the store starts."""
    from aikg.graph.store import open_store

    other = open_store("embedded", home=tmp_path / "other")
    try:
        rundir = tmp_path / "aikg-server-gone"
        rundir.mkdir()
        (rundir / "redis.pid").write_text(str(other._db.client.pid))
        data = tmp_path / "home" / "embedded"
        data.mkdir(parents=True)
        settings = {"pidfile": str(rundir / "redis.pid"), "unixsocket": str(rundir / "redis.socket"),
                    "rundir": str(rundir), "logfile": str(rundir / "redis.log"), "dbdir": str(data),
                    "dbfilename": "aikg.rdb"}
        (data / "aikg.rdb.settings").write_text(json.dumps(settings))
        store = open_store("embedded", home=tmp_path / "home")
        try:
            assert store.stats().nodes.get("Document", 0) == 0
        finally:
            store.close()
        from aikg.graph.backends.embedded_server import _alive

        assert _alive(other._db.client.pid) and other.stats().nodes.get("Document", 0) == 0  # left alone
    finally:
        other.close()


def test_an_entity_given_by_several_records_keeps_every_alias_in_a_run_of_several_batches(tmp_path):
    """Facts files of separate extractions loaded together repeat an entity with each document's aliases: a run
    of one-document batches creates it once, and must create it with the aliases of every record (the graph one
    load per document gives), not only those of the batch that created it."""
    from aikg.graph.loader import load_records
    from aikg.graph.store import open_store

    records = _records(4)
    concatenated: tuple[list, list, list] = ([], [], [])
    for doc in records[0]:
        for into, part in zip(concatenated, _one_doc(records, doc.id)):
            into.extend(part)
    together = open_store("embedded", home=tmp_path / "together")
    apart = open_store("embedded", home=tmp_path / "apart")
    try:
        for store in (together, apart):
            store.apply_schema()
        assert not load_records(together, *concatenated, batch_size=1).errors
        for doc in records[0]:
            assert not load_records(apart, *_one_doc(records, doc.id)).errors
        x = together.read("MATCH (n:Company {id: 'company:x'}) RETURN n.aliases AS a, n.doc_count AS d")
        assert sorted(x[0]["a"]) == ["X1", "X2", "X3", "X4"] and x[0]["d"] == 4
        assert dump(together) == dump(apart)
    finally:
        together.close()
        apart.close()
