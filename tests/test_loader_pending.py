"""A load of several batches keeps what it adds to entities it does not write until its end
(graph/pending_counts.py): every count equals a recount once the run ends, a run stopped before its last write
leaves a mark and the next load recounts, and an entity first written as a relationship's end gets its full row
(graph/loader.py), the same as when its own document comes first (issue 18)."""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord, Mention
from aikg.graph.loader import load_records
from aikg.graph.pending_counts import MARK
from tests.test_summaries import _doc, _rel, recount, summary

DOCS = [c * 64 for c in "abcdefgh"]
COUNTS = ("MATCH (n:Entity) RETURN n.id AS id, n.mention_count AS mentions, n.doc_count AS docs, n.degree AS degree, "
          "n.rel_docs AS rel_docs, n.linked_at IS NOT NULL AS linked ORDER BY id")


def _corpus(docs: list[str]) -> tuple[list, list, list]:
    """Hub is mentioned (twice) by every document; each document i names its own company Ci, partner of the hub
    (stored from Ci: the smaller id)
    and of C(i-1), so a relationship's ends lie in other documents, written by other batches."""
    hub = EntityRecord("company:hub", "Company", "Hub", ["The Hub"], [])
    ents, rels = [hub], []
    for i, d in enumerate(docs):
        hub.mentions += [Mention(d, 0, 3), Mention(d, 10, 13)]
        ents.append(EntityRecord(f"company:c{i}", "Company", f"Firm {i}", [f"F{i}"], [Mention(d, 20, 26)],
                                 props={"country": "NO"}))
        rels.append(_rel("PARTNERS_WITH", "company:hub", f"company:c{i}", d))
        if i:
            rels.append(_rel("FUNDS", f"company:c{i}", f"company:c{i - 1}", d))
    return [_doc(d) for d in docs], ents, rels


def _expected_counts(store) -> dict[str, dict]:
    """Every count recomputed in Python from what the store holds."""
    mentions = store.read("MATCH (:Document)-[m:MENTIONS]->(n:Entity) RETURN n.id AS id, m.count AS c")
    rec = recount(store)
    starts = {r["id"] for r in store.read("MATCH (a:Entity)-[]->(:Entity) RETURN DISTINCT a.id AS id")}
    out = {eid: {"mentions": 0, "docs": 0, "degree": s["degree"], "rel_docs": s["rel_docs"], "linked": eid in starts}
           for eid, s in rec.items()}
    for m in mentions:
        out[m["id"]]["mentions"] += m["c"]
        out[m["id"]]["docs"] += 1
    return out


def _counts(store) -> dict[str, dict]:
    return {r.pop("id"): r for r in store.read(COUNTS)}


def _marked(store) -> int:
    return store.read(f"MATCH (d:Document) WHERE d.{MARK} = true RETURN count(d) AS n")[0]["n"]


@pytest.mark.parametrize("batch_size", [1, 3, 5000])
def test_counts_kept_to_the_end_equal_a_recount(store, batch_size):
    assert not load_records(store, *_corpus(DOCS[:5]), batch_size=batch_size).errors
    counts = _counts(store)
    assert counts == _expected_counts(store) and _marked(store) == 0
    assert counts["company:hub"] == {"mentions": 10, "docs": 5, "degree": 5, "rel_docs": 5, "linked": False}
    assert summary(store) == recount(store)
    assert not load_records(store, *_corpus(DOCS), batch_size=batch_size).errors  # a later run adds three
    assert _counts(store) == _expected_counts(store) and _counts(store)["company:hub"]["degree"] == 8


def test_a_run_stopped_before_its_last_write_is_recounted_by_the_next(store):
    calls = []

    def stop_midway(n: int) -> None:
        calls.append(n)
        if sum(calls) == 2:  # two documents of five written
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        load_records(store, *_corpus(DOCS[:5]), batch_size=1, progress=stop_midway)
    assert _marked(store) == 2
    # the entities the run created carry what the whole run gives them (graph/loader.py _precount), the
    # documents not written included: the counts are not the graph's until the next load recounts them
    assert _counts(store) != _expected_counts(store)
    assert not load_records(store, *_corpus(DOCS[:6]), batch_size=1).errors  # the next load recounts first
    assert _marked(store) == 0
    assert _counts(store) == _expected_counts(store) and summary(store) == recount(store)
    assert _counts(store)["company:hub"]["degree"] == 6


ENTITY = ("MATCH (n:Entity) RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.alias_text AS alias_text, "
          "n.grams AS grams, n.country AS country, n.mention_count AS mentions ORDER BY id")


def test_an_entity_first_written_as_an_end_gets_its_full_row(store):
    """Firm i is an end of document i+1's relationship: written in reverse order, one batch per document, each
    firm is first created by the next document's batch, then its own batch only adds its counts."""
    docs, ents, rels = _corpus(DOCS[:4])
    assert not load_records(store, docs, ents, rels, batch_size=5000).errors
    one_batch = store.read(ENTITY)
    assert one_batch[0]["aliases"] == ["F0"] and one_batch[0]["country"] == "NO" and one_batch[0]["grams"]
    store.clear()
    assert not load_records(store, docs[::-1], ents, rels, batch_size=1).errors
    assert store.read(ENTITY) == one_batch
    assert _counts(store) == _expected_counts(store)
