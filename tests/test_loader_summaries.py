"""The summaries the loader counts itself (degree, rel_docs, linked_at: graph/loader.py _summary_counts) equal a
recount, however the records are cut into batches and runs, and when a batch fails and its documents are retried
one by one (issue 18: the loader knows which relationships are new instead of asking the store row by row)."""

from __future__ import annotations

import pytest

from aikg.graph.loader import load_records
from tests.test_summaries import _doc, _ents, _rel, recount, summary

DOCS = [c * 64 for c in "abcdef"]
A, B, C = ("company:a", "Company", "Alpha"), ("institute:b", "Institute", "Beta"), ("cluster:c", "Cluster", "Gamma")


def _corpus(docs: list[str], *, more: bool = False) -> tuple[list, list, list]:
    """Every document restates A-B (both ways, once symmetric) and A in C: one relationship each, many documents;
    ``more``: B in C too."""
    out_docs, ents, rels = [], [], []
    for d in docs:
        out_docs.append(_doc(d))
        ents += _ents(d, A, B, C)
        rels += [_rel("PARTNERS_WITH", "company:a", "institute:b", d), _rel("PARTNERS_WITH", "institute:b", "company:a", d),
                 _rel("LOCATED_IN", "company:a", "cluster:c", d)]
        if more:
            rels.append(_rel("LOCATED_IN", "institute:b", "cluster:c", d))
    return out_docs, _merged(ents), rels


def _merged(ents: list) -> list:
    by_id: dict = {}
    for e in ents:
        if e.id in by_id:
            by_id[e.id].mentions.extend(e.mentions)
        else:
            by_id[e.id] = e
    return list(by_id.values())


def _linked(store) -> dict:
    rows = store.read("MATCH (n:Entity) OPTIONAL MATCH (n)-[r]->(:Entity) RETURN n.id AS id, n.linked_at AS at, "
                      "max(r.first_seen) AS latest")
    return {r["id"]: (r["at"], r["latest"]) for r in rows}


@pytest.mark.parametrize("batch_size", [1, 4, 5000])
def test_counts_equal_a_recount_across_batches_and_runs(store, batch_size):
    assert not load_records(store, *_corpus(DOCS[:3]), batch_size=batch_size).errors
    assert summary(store) == recount(store)
    assert summary(store)["company:a"]["degree"] == 2 and summary(store)["company:a"]["rel_docs"] == 3
    assert not load_records(store, *_corpus(DOCS[3:]), batch_size=batch_size).errors  # a later run restates them
    now = summary(store)
    assert now == recount(store) and now["company:a"]["degree"] == 2 and now["company:a"]["rel_docs"] == 6
    assert all(at == latest for at, latest in _linked(store).values())
    assert not load_records(store, *_corpus(DOCS), batch_size=batch_size).errors and summary(store) == now


def test_counts_stay_true_when_a_batch_is_retried_one_document_at_a_time(store):
    assert not load_records(store, *_corpus(DOCS[:3])).errors
    # the later run states B in C (new) in three documents, one of which also gives an entity id of the store
    # another type: the batch fails, its documents are retried one by one, that one alone fails
    store.write("CREATE (:Entity:Institute {id: 'institute:clash', name: 'Clash', degree: 0, rel_docs: 0, "
                "mention_count: 0, doc_count: 0})")
    docs, ents, rels = _corpus(DOCS[3:], more=True)
    ents.append(_ents(DOCS[4], ("institute:clash", "Company", "Clash"))[0])
    report = load_records(store, docs, ents, rels, batch_size=5000)
    assert [e.document for e in report.errors] == [DOCS[4]]
    now = summary(store)
    assert now == recount(store)
    assert now["institute:b"]["degree"] == 2 and now["cluster:c"]["degree"] == 2
    assert now["company:a"]["rel_docs"] == 5  # three documents, then two of the three later ones
