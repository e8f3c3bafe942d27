"""Evidence is stored lean: on the embedded engine a string many relationships cite (a document id, a
sentence, an extractor, a timestamp) is kept once, not copied onto each relationship; every sentence is
still returned by relationship_evidence, on stores written before and after the change, on every backend."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import entity_id
from aikg.graph import loader
from aikg.graph.cypher_files import all_load_statements, relation_statement
from aikg.graph.loader import load_records
from aikg.graph.store import open_store
from aikg.queries.catalog import run_query

N = 120  # relationships sharing one long sentence
LONG = 20_000  # characters of that sentence: N copies would take N * LONG bytes


def _records(docs: list[str], sentence: str) -> tuple[list, list, list]:
    """One hub company partnering with N others, every partnership stated by one long sentence per document."""
    documents = [DocumentRecord(d, f"{d}.txt", d, "text", 100_000) for d in docs]
    names = ["Hub Labs", *(f"Partner {i} AI" for i in range(N))]
    entities = [EntityRecord(entity_id("Company", n), "Company", n, [], [Mention(d, 0, 5) for d in docs])
                for n in names]
    hub = entities[0].id
    relations = [RelationRecord("PARTNERS_WITH", hub, e.id, 0.9, "rules",
                                [Evidence(d, 10, 10 + len(sentence), f"{sentence} ({d})") for d in docs])
                 for e in entities[1:]]
    return documents, entities, relations


def _used(store) -> int:
    return int(store._att.db.connection.info("memory")["used_memory"])


def _evidence(store, target: str) -> list[tuple[str, str]]:
    df = run_query(store, "relationship_evidence", {"source": entity_id("Company", "Hub Labs"), "target": target})
    return sorted(zip(df["doc"], df["sentence"]))


@pytest.fixture
def embedded(tmp_path: Path):
    st = open_store("embedded", home=tmp_path / "home")
    st.apply_schema()
    yield st
    st.close()


def test_a_sentence_many_relationships_cite_is_stored_once(embedded):
    sentence = "x" * LONG
    report = load_records(embedded, *_records(["doc-a"], sentence))
    assert not report.errors and report.relations_written == N
    before = _used(embedded)
    # a second document states every partnership again: each relationship's lists are merged and rewritten
    assert not load_records(embedded, *_records(["doc-b"], sentence)).errors
    # and a forced re-load of the first retracts its evidence and writes it again
    assert not load_records(embedded, *_records(["doc-a"], sentence), force=True).errors
    grown = _used(embedded) - before
    # copied would be N * LONG (2.4 MB) more; shared is one sentence plus the lists' growth. Half the copied size
    # leaves room for the allocator's slack, which varied with the machine's load (a quarter failed once under load)
    assert grown < N * LONG // 2, f"{grown} bytes for one more sentence on {N} relationships: copied, not shared"
    target = entity_id("Company", "Partner 7 AI")
    assert _evidence(embedded, target) == [("doc-a", f"{sentence} (doc-a)"), ("doc-b", f"{sentence} (doc-b)")]


def test_shared_strings_survive_a_restart(tmp_path: Path):
    home = tmp_path / "home"
    st = open_store("embedded", home=home)
    st.apply_schema()
    empty = _used(st)
    try:
        assert not load_records(st, *_records(["doc-a", "doc-b"], "y" * LONG)).errors
    finally:
        st.close()
    st = open_store("embedded", home=home)
    try:
        # reloaded from its files, the two sentences are still held once (copied: 2 * N * LONG = 4.8 MB; the graph
        # itself, its indexes and the allocator's slack after a restart took 0.45-0.75 MB, varying with the load)
        assert _used(st) - empty < N * LONG // 2
        rows = _evidence(st, entity_id("Company", "Partner 0 AI"))
        assert [d for d, _ in rows] == ["doc-a", "doc-b"] and all(len(s) == LONG + 8 for _, s in rows)
    finally:
        st.close()


def test_store_written_with_copied_strings_keeps_every_sentence(store, monkeypatch):
    """A store written before (every string copied: the statement without intern) answers as before, and new
    evidence merged into its relationships (shared strings appended to copied ones) keeps every sentence."""
    monkeypatch.setattr(loader, "interns_strings", lambda st: False)
    assert not load_records(store, *_records(["old-1", "old-2"], "An older sentence.")).errors
    monkeypatch.undo()
    assert not load_records(store, *_records(["new-1"], "A newer sentence.")).errors
    assert not load_records(store, *_records(["old-2"], "An older sentence, edited."), force=True).errors
    target = entity_id("Company", "Partner 3 AI")
    assert _evidence(store, target) == [("new-1", "A newer sentence. (new-1)"),
                                        ("old-1", "An older sentence. (old-1)"),
                                        ("old-2", "An older sentence, edited. (old-2)")]
    rows = store.read("MATCH (:Company)-[r:PARTNERS_WITH]->(:Company) RETURN r.support AS s, coalesce(r.docs, r.ev_doc) AS d")
    assert len(rows) == N and all(r["s"] == 3 and sorted(r["d"]) == ["new-1", "old-1", "old-2"] for r in rows)


def test_neo4j_statements_have_no_intern():
    # Neo4j has no intern(): the statements the Neo4j linter checks, and the loader sends there, carry none
    for name, text in all_load_statements().items():
        assert "intern" not in text and "{" + "intern}" not in text, name
    embedded = relation_statement("load_relations", "PARTNERS_WITH", intern=True)
    assert embedded.count("intern(") == 10 and "{intern}" not in embedded  # no methods list (issue 18)


def test_share_strings_shrinks_an_older_store_and_changes_no_answer(embedded, monkeypatch):
    from aikg.graph.evidence_strings import share_strings
    from tests.helpers import dump

    monkeypatch.setattr(loader, "interns_strings", lambda st: False)  # written as before: a copy on each
    assert not load_records(embedded, *_records(["doc-a", "doc-b"], "z" * LONG)).errors
    monkeypatch.undo()
    before, copied = dump(embedded), _used(embedded)
    assert share_strings(embedded, page=50) == N  # several pages
    shared = _used(embedded)
    assert copied - shared > N * LONG, f"{copied} -> {shared} bytes: the copies were not released"
    assert dump(embedded) == before
    assert share_strings(embedded) == N and dump(embedded) == before  # again: nothing changes
    assert _used(embedded) - shared < N * LONG // 4
    rows = _evidence(embedded, entity_id("Company", "Partner 9 AI"))
    assert [d for d, _ in rows] == ["doc-a", "doc-b"] and all(len(s) == LONG + 8 for _, s in rows)


def test_share_strings_drops_the_methods_list_an_older_loader_kept(embedded):
    """The loader keeps no methods list (ev_method's distinct values; issue 18): compacting an older store drops
    it and leaves every other property as the loader writes it now."""
    from aikg.graph.evidence_strings import share_strings
    from tests.helpers import dump

    assert not load_records(embedded, *_records(["doc-a"], "short")).errors
    now = dump(embedded)
    embedded.write("MATCH (:Entity)-[r]->(:Entity) SET r.methods = [x IN r.ev_method | x]")  # as an older loader wrote
    assert dump(embedded) != now
    assert share_strings(embedded) == N and dump(embedded) == now
    assert embedded.read("MATCH ()-[r]->() WHERE r.methods IS NOT NULL RETURN count(r) AS n") == [{"n": 0}]


def test_store_compact_command_shares_an_older_stores_strings(tmp_path: Path, monkeypatch):
    """`aikg store compact` (the command a user runs on a store from an older aikg) rewrites it shared,
    under the write lock, and the store answers the same afterwards."""
    import subprocess
    import sys

    from tests.helpers import dump

    home = tmp_path / "home"
    st = open_store("embedded", home=home)
    st.apply_schema()
    monkeypatch.setattr(loader, "interns_strings", lambda s: False)
    try:
        assert not load_records(st, *_records(["doc-a"], "w" * LONG)).errors
        before = dump(st)
    finally:
        st.close()
    proc = subprocess.run([sys.executable, "-m", "aikg", "store", "compact", "--home", str(home)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"{N:,} relationships rewritten" in proc.stdout, proc.stdout
    st = open_store("embedded", home=home)
    try:
        assert dump(st) == before
    finally:
        st.close()


def test_compact_gives_a_store_in_the_older_layout_the_new_one(tmp_path: Path, monkeypatch):
    """A store from an older aikg (strings copied, a page list of zeros on every relationship of an unpaged
    document, an index per entity label) is readable as it is, and `aikg store compact` gives it the layout
    the loader writes now: the same evidence rows, no zero page lists, only the indexes queries read."""
    import subprocess
    import sys

    from aikg.core.schema import SCHEMA

    home = tmp_path / "home"
    st = open_store("embedded", home=home)
    st.apply_schema()
    monkeypatch.setattr(loader, "interns_strings", lambda s: False)
    target = entity_id("Company", "Partner 4 AI")
    try:
        assert not load_records(st, *_records(["doc-a", "doc-b"], "v" * 500)).errors
        # what the older loader wrote: a zero per piece of evidence, indexes of their own for every label
        st.write("MATCH (:Entity)-[r]->(:Entity) SET r.ev_page = [x IN r.ev_doc | 0]")
        for label in SCHEMA.entity_types:
            for prop in ("id", "name"):
                try:
                    st.write(f"CREATE INDEX FOR (n:{SCHEMA.label(label)}) ON (n.{prop})")
                except Exception as exc:  # noqa: BLE001 (the ones the store keeps exist already)
                    assert "already indexed" in str(exc)
        before = _evidence(st, target)
        assert [d for d, _ in before] == ["doc-a", "doc-b"]
    finally:
        st.close()
    proc = subprocess.run([sys.executable, "-m", "aikg", "store", "compact", "--home", str(home)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    st = open_store("embedded", home=home)
    try:
        assert _evidence(st, target) == before
        assert st.read("MATCH ()-[r]->() WHERE r.ev_page IS NOT NULL RETURN count(r) AS n") == [{"n": 0}]
        labels = {r["label"]: r["properties"] for r in st.read("CALL db.indexes() YIELD label, properties "
                                                               "RETURN label, properties")}
        assert "Company" not in labels and "Institute" not in labels and labels["Cluster"] == ["id"]
        rows = st.read("MATCH (:Company)-[r:PARTNERS_WITH]->(:Company) RETURN r.support AS s, coalesce(r.docs, r.ev_doc) AS d")
        assert len(rows) == N and all(r["s"] == 2 and sorted(r["d"]) == ["doc-a", "doc-b"] for r in rows)
    finally:
        st.close()


def test_a_page_list_is_kept_only_where_a_page_is_known(embedded):
    """Evidence from an unpaged document stores no page list (relationship_evidence gives no page); evidence
    with a page keeps the list, and merging either into the other keeps every page in its place."""
    docs = [DocumentRecord(d, f"{d}.txt", d, "text", 1000) for d in ("plain", "paged")]
    a, b = entity_id("Company", "Alpha AI"), entity_id("Company", "Beta Labs")

    def ents(doc: str) -> list[EntityRecord]:
        return [EntityRecord(e, "Company", n, [], [Mention(doc, 0, 5)]) for e, n in ((a, "Alpha AI"), (b, "Beta Labs"))]

    plain = RelationRecord("PARTNERS_WITH", a, b, 0.9, "rules", [Evidence("plain", 0, 20, "Alpha and Beta.")])
    paged = RelationRecord("PARTNERS_WITH", a, b, 0.8, "rules", [Evidence("paged", 5, 30, "Beta with Alpha.", page=3)])
    assert not load_records(embedded, docs[:1], ents("plain"), [plain]).errors
    assert embedded.read("MATCH ()-[r:PARTNERS_WITH]->() RETURN r.ev_page AS p") == [{"p": None}]
    assert not load_records(embedded, docs[1:], ents("paged"), [paged]).errors
    assert embedded.read("MATCH ()-[r:PARTNERS_WITH]->() RETURN r.ev_page AS p") == [{"p": [0, 3]}]
    df = run_query(embedded, "relationship_evidence", {"source": a, "target": b})
    pages = {d: (None if p != p else p) for d, p in zip(df["doc"], df["page"])}  # NaN: no page
    assert pages == {"plain": None, "paged": 3}
