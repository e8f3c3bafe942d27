"""Evaluation against gold files: scoring rules and the quality floor recorded in docs/quality.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aikg.core.facts import EntityRecord, RelationRecord
from aikg.evaluate import BANDS, Score, band_of, evaluate, score_document
from aikg.ingest.nlp.extractor import shared_extractor

GOLD = Path(__file__).parent / "data" / "gold"
BASELINE = GOLD / "baseline.json"


def ent(eid, typ, name, aliases=()):
    return EntityRecord(id=eid, type=typ, name=name, aliases=list(aliases))


def rel(t, s, g, confidence=0.8):
    return RelationRecord(type=t, source=s, target=g, confidence=confidence, method="dep:x")


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


def test_per_type_scores_and_confidence_bands():
    records = [
        ent("i:v", "Institute", "Vector Institute"),
        ent("i:u", "Institute", "University of Toronto"),
        ent("c:t", "Cluster", "Toronto"),
        ent("p:h", "Person", "Geoffrey Hinton"),
        ent("c:x", "Company", "Cohere"),
        rel("PARTNERS_WITH", "i:v", "i:u", 0.9),     # hit, band [0.85,1]
        rel("PARTNERS_WITH", "i:v", "c:x", 0.6),     # end not in gold: false, band [0.5,0.7)
        rel("LOCATED_IN", "i:v", "c:t", 0.75),       # hit
        rel("LOCATED_IN", "i:v", "c:t", 0.55),       # same relation again: counted once, at its highest confidence
        rel("AFFILIATED_WITH", "p:h", "i:u", 0.72),  # not in gold
    ]
    r = score_document("x", GOLD_DOC, records)
    assert {t: (s.tp, s.fp, s.fn) for t, s in r.by_type.items()} == {
        "PARTNERS_WITH": (1, 1, 0), "LOCATED_IN": (1, 0, 0), "AFFILIATED_WITH": (0, 1, 0), "FOUNDED": (0, 0, 1)}
    # the per-type scores add up to the typed-relation score
    assert sum(s.tp for s in r.by_type.values()) == r.relations.tp
    assert sum(s.fp for s in r.by_type.values()) == r.relations.fp
    assert sum(s.fn for s in r.by_type.values()) == r.relations.fn
    assert r.bands == {"PARTNERS_WITH": {"[0.85,1]": [1, 0], "[0.5,0.7)": [0, 1]},
                       "LOCATED_IN": {"[0.7,0.85)": [1, 0]}, "AFFILIATED_WITH": {"[0.7,0.85)": [0, 1]}}


def test_band_edges():
    assert [band_of(c) for c in (0.0, 0.49, 0.5, 0.7, 0.849, 0.85, 1.0)] == [
        "<0.5", "<0.5", "[0.5,0.7)", "[0.7,0.85)", "[0.7,0.85)", "[0.85,1]", "[0.85,1]"]
    assert [b[0] for b in BANDS] == ["<0.5", "[0.5,0.7)", "[0.7,0.85)", "[0.85,1]"]


def _write(d, name, text, gold):
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{name}.txt").write_text(text, encoding="utf-8")
    (d / f"{name}.gold.json").write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")


def test_report_by_genre_unlisted_subset_and_broken_gold(tmp_path):
    root = tmp_path / "gold"
    _write(root, "a", "Lumora Labs was funded by the Harborview Foundation.", {
        "style": "news", "unlisted": True,
        "entities": [{"name": "Lumora Labs", "type": "Company", "aliases": []},
                     {"name": "Harborview Foundation", "type": "Institute", "aliases": []}],
        "relations": [{"type": "FUNDS", "source": "Harborview Foundation", "target": "Lumora Labs"}]})
    _write(root, "b", "Toronto's Vector Institute hired staff.", {
        "style": "vc_blog", "unlisted": False,
        "entities": [{"name": "Vector Institute", "type": "Institute", "aliases": []},
                     {"name": "Toronto", "type": "Cluster", "aliases": []}],
        "relations": [{"type": "LOCATED_IN", "source": "Vector Institute", "target": "Toronto"},
                      {"type": "ANCHORS", "source": "Vector Institute", "target": "Toronto"}]})
    _write(root, "broken", "Some text.", "{not json")
    report = evaluate(root, shared_extractor())
    assert [d.name for d in report.docs] == ["a.txt", "b.txt"]          # the broken file does not stop the batch
    assert len(report.errors) == 1 and "broken.gold.json" in report.errors[0][0]
    genres = report.by_genre()
    assert set(genres) == {"news", "vc_blog"} and genres["news"]["documents"] == 1
    assert genres["vc_blog"]["relations"].fn >= 1                         # ANCHORS is not stated: missed
    unl = report.unlisted()
    assert unl["documents"] == 1 and unl["relations"].tp + unl["relations"].fn == 1
    data = report.as_dict()
    assert data["by_type"]["ANCHORS"]["fn"] == 1 and data["unlisted"]["documents"] == 1
    assert data["errors"][0]["file"].endswith("broken.gold.json")
    text = report.to_text(details=False, by_type=True, by_genre=True, bands=True)
    for heading in ("typed relations by type", "by genre (style)", "precision by confidence band", "unlisted"):
        assert heading in text


def test_gazetteer_ablation_loses_entities_only_the_gazetteer_types(tmp_path):
    _write(tmp_path / "g", "a", "Mila partners with Samsung. Amii is based in Edmonton.", {
        "style": "news", "unlisted": False,
        "entities": [{"name": "Mila", "type": "Institute", "aliases": []},
                     {"name": "Samsung", "type": "Company", "aliases": []},
                     {"name": "Amii", "type": "Institute", "aliases": []},
                     {"name": "Edmonton", "type": "Cluster", "aliases": []}],
        "relations": [{"type": "PARTNERS_WITH", "source": "Mila", "target": "Samsung"},
                      {"type": "LOCATED_IN", "source": "Amii", "target": "Edmonton"}]})
    on = evaluate(tmp_path / "g", shared_extractor())
    off = evaluate(tmp_path / "g", gazetteer=False)
    assert on.gazetteer and not off.gazetteer and off.as_dict()["gazetteer"] is False
    assert on.entities.tp == 4
    assert off.entities.tp < on.entities.tp          # "Mila" and "Amii" carry no type cue but the gazetteer
    assert "gazetteer OFF" in off.to_text(details=False)
    with pytest.raises(ValueError):
        evaluate(tmp_path / "g", shared_extractor(), gazetteer=False)


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_quality_does_not_drop_below_baseline(split):
    if not (GOLD / split).exists():
        pytest.skip(f"no gold set {split}")
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))[split]
    report = evaluate(GOLD / split, shared_extractor())
    assert report.entities.f1 >= floor["entities_f1"]
    assert report.relations.f1 >= floor["relations_f1"]


def test_quality_tables_render_the_report_figures():
    import importlib.util

    from aikg.evaluate import EvalReport

    spec = importlib.util.spec_from_file_location("quality_tables", Path(__file__).parent.parent / "scripts" / "quality_tables.py")
    qt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qt)
    doc = score_document("x", dict(GOLD_DOC, unlisted=True), [
        ent("i:v", "Institute", "Vector Institute"), ent("c:t", "Cluster", "Toronto"),
        rel("LOCATED_IN", "i:v", "c:t", 0.9)])
    report = EvalReport("gold", [doc], doc.entities, doc.relations, doc.pairs)
    overall = "\n".join(qt.overall(report, "dev"))
    assert "| dev (1) | typed relations | 1.000 | 0.333 | **0.500** | 1 | 0 | 2 |" in overall
    assert "unlisted (1 docs) typed relations" in overall
    assert any(line.startswith("| LOCATED_IN | 1.000 | 1.000") for line in qt.by_type(report, "dev"))
    assert "| LOCATED_IN | - | - | - | 1.00 (1/1) |" in qt.bands(report)
    assert qt.by_genre(report)[2].startswith("| news | 1 |")
