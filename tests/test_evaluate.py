"""Evaluation against gold files: scoring rules and the quality floor recorded in docs/quality.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aikg.evaluate import Score, evaluate, score_document
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.ingest.nlp.extractor import shared_extractor

GOLD = Path(__file__).parent / "data" / "gold"
BASELINE = GOLD / "baseline.json"


def ent(eid, typ, name, aliases=()):
    return EntityRecord(id=eid, type=typ, name=name, aliases=list(aliases))


def rel(t, s, g):
    return RelationRecord(type=t, source=s, target=g, confidence=0.8, method="dep:x")


GOLD_DOC = {
    "style": "news",
    "entities": [
        {"name": "Vector Institute", "type": "Institute", "aliases": ["Vector"]},
        {"name": "University of Toronto", "type": "Institute", "aliases": []},
        {"name": "Toronto", "type": "Cluster", "aliases": []},
        {"name": "Geoffrey Hinton", "type": "Person", "aliases": []},
    ],
    "relations": [
        {"type": "PARTNERS_WITH", "source": "Vector Institute", "target": "University of Toronto"},
        {"type": "LOCATED_IN", "source": "Vector Institute", "target": "Toronto"},
        {"type": "FOUNDED", "source": "Geoffrey Hinton", "target": "Vector Institute"},
    ],
}


def test_scores_typed_entities_relations_and_pairs():
    records = [
        ent("i:v", "Institute", "Vector", ["The Vector Institute"]),     # matched through the gold alias
        ent("i:u", "Institute", "University of Toronto"),
        ent("c:t", "Company", "Toronto"),                                 # wrong type
        ent("p:h", "Person", "Geoffrey Hinton"),
        ent("c:x", "Company", "Cohere"),                                  # not in gold
        rel("PARTNERS_WITH", "i:u", "i:v"),   # undirected: matches
        rel("LOCATED_IN", "i:v", "c:t"),      # right ends, end typed wrong: still a typed-relation hit
        rel("AFFILIATED_WITH", "p:h", "i:v"),  # wrong type: pair hit only
    ]
    r = score_document("x", GOLD_DOC, records)
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (3, 2, 1)
    assert (r.relations.tp, r.relations.fp, r.relations.fn) == (2, 1, 1)
    assert (r.pairs.tp, r.pairs.fp, r.pairs.fn) == (3, 0, 0)
    assert "Cluster Toronto" in r.missed_entities and "Company Cohere" in r.false_entities
    assert "FOUNDED(Geoffrey Hinton -> Vector Institute)" in r.missed_relations


def test_score_arithmetic():
    s = Score(tp=3, fp=1, fn=2)
    assert s.precision == 0.75 and s.recall == 0.6 and round(s.f1, 4) == 0.6667
    assert Score().f1 == 0.0


def test_evaluate_on_a_small_gold_dir(tmp_path):
    d = tmp_path / "gold" / "news"
    d.mkdir(parents=True)
    (d / "a.txt").write_text("Lumora Labs was funded by the Harborview Foundation. Toronto's Vector Institute "
                             "hired staff.", encoding="utf-8")
    (d / "a.gold.json").write_text(json.dumps({
        "style": "news",
        "entities": [{"name": "Lumora Labs", "type": "Company", "aliases": []},
                     {"name": "Harborview Foundation", "type": "Institute", "aliases": []},
                     {"name": "Vector Institute", "type": "Institute", "aliases": []},
                     {"name": "Toronto", "type": "Cluster", "aliases": []}],
        "relations": [{"type": "FUNDS", "source": "Harborview Foundation", "target": "Lumora Labs"},
                      {"type": "LOCATED_IN", "source": "Vector Institute", "target": "Toronto"}]}), encoding="utf-8")
    report = evaluate(tmp_path / "gold", shared_extractor())
    assert len(report.docs) == 1
    assert report.entities.f1 == 1.0 and report.relations.f1 == 1.0
    text = report.to_text()
    assert "typed entities" in text and "typed relations" in text and "news/a.txt" in text


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_quality_does_not_drop_below_baseline(split):
    if not (GOLD / split).exists():
        pytest.skip(f"no gold set {split}")
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))[split]
    report = evaluate(GOLD / split, shared_extractor())
    assert report.entities.f1 >= floor["entities_f1"]
    assert report.relations.f1 >= floor["relations_f1"]
