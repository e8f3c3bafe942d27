"""Typed-entity scores per entity type and the type confusions of ``aikg evaluate`` (counts worked out by hand)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from typer.testing import CliRunner

from aikg.cli import app
from aikg.core.facts import EntityRecord
from aikg.evaluate import EvalReport, score_document

GOLD = {
    "style": "news",
    "entities": [
        {"name": "Vector Institute", "type": "Institute", "aliases": ["Vector"]},
        {"name": "University of Toronto", "type": "Institute", "aliases": []},
        {"name": "Toronto", "type": "Cluster", "aliases": []},
        {"name": "Geoffrey Hinton", "type": "Person", "aliases": []},
        {"name": "Lumora Labs", "type": "Company", "aliases": []},
    ],
    "relations": [],
}


def ent(eid: str, typ: str, name: str, aliases: tuple[str, ...] = ()) -> EntityRecord:
    return EntityRecord(id=eid, type=typ, name=name, aliases=list(aliases))


PRED = [
    ent("i:v", "Institute", "Vector", ("The Vector Institute",)),  # right type through the gold alias: Institute TP
    ent("c:u", "Company", "University of Toronto"),  # wrong type: Company FP, Institute FN, Institute -> Company
    ent("c:t", "Company", "Toronto"),                # wrong type: Company FP, Cluster FN, Cluster -> Company
    ent("p:h", "Person", "Geoffrey Hinton"),         # Person TP
    ent("p:l", "Person", "Lumora Labs"),             # wrong type: Person FP, Company FN, Company -> Person
    ent("c:c", "Company", "Cohere"),                 # not in gold: Company FP, no confusion
    ent("k:o", "Cluster", "Ontario"),                # not in gold: Cluster FP
]


def _counts(scores: dict) -> dict[str, tuple[int, int, int]]:
    return {t: (s.tp, s.fp, s.fn) for t, s in scores.items()}


def test_a_wrong_type_counts_against_both_types():
    r = score_document("x", GOLD, PRED)
    assert _counts(r.entity_types) == {
        "Cluster": (0, 1, 1), "Company": (0, 3, 1), "Institute": (1, 0, 1), "Person": (1, 1, 0)}
    assert r.entity_confusions == {("Institute", "Company"): 1, ("Cluster", "Company"): 1, ("Company", "Person"): 1}
    # the per-type counts add up to the typed-entity score
    assert (r.entities.tp, r.entities.fp, r.entities.fn) == (2, 5, 3)
    assert sum(s.tp for s in r.entity_types.values()) == r.entities.tp
    assert sum(s.fp for s in r.entity_types.values()) == r.entities.fp
    assert sum(s.fn for s in r.entity_types.values()) == r.entities.fn


def test_one_confusion_per_gold_entity_and_exact_names_first():
    gold = {"entities": [{"name": "Nova Hub", "type": "Institute", "aliases": ["Nova"]},
                         {"name": "Nova", "type": "Programme", "aliases": []},
                         {"name": "Toronto", "type": "Cluster", "aliases": []}], "relations": []}
    pred = [ent("c:n", "Company", "Nova"),        # its exact name is the Programme's: Programme -> Company
            ent("c:t", "Company", "Toronto"),     # Cluster -> Company
            ent("p:t", "Person", "Toronto")]      # the same gold entity again: a plain false Person
    r = score_document("y", gold, pred)
    assert r.entity_confusions == {("Programme", "Company"): 1, ("Cluster", "Company"): 1}
    assert _counts(r.entity_types) == {
        "Cluster": (0, 0, 1), "Company": (0, 2, 0), "Institute": (0, 0, 1), "Person": (0, 1, 0), "Programme": (0, 0, 1)}
    # a right-typed prediction is no confusion even when another prediction of the name has the wrong type
    r2 = score_document("z", gold, [ent("k:t", "Cluster", "Toronto"), ent("c:t", "Company", "Toronto")])
    assert r2.entity_confusions == {} and _counts(r2.entity_types)["Cluster"] == (1, 0, 0)


def _report() -> EvalReport:
    a = score_document("a", GOLD, PRED)
    b = score_document("b", GOLD, [ent("c:t", "Company", "Toronto"), ent("k:t", "Cluster", "Vector Institute")])
    docs = [a, b]
    tot = EvalReport("gold", docs, a.entities, a.relations, a.pairs)
    return tot


def test_report_sums_documents_and_ranks_confusions():
    report = _report()
    # doc b: Company FP (Toronto) + Cluster FN (Toronto); Cluster FP (Vector Institute) + Institute FN;
    # the other gold entities missed: Institute (U of T), Person, Company
    assert _counts(report.entity_types()) == {
        "Cluster": (0, 2, 2), "Company": (0, 4, 2), "Institute": (1, 0, 3), "Person": (1, 1, 1)}
    assert report.entity_confusions() == [("Cluster", "Company", 2), ("Company", "Person", 1),
                                          ("Institute", "Cluster", 1), ("Institute", "Company", 1)]
    data = report.as_dict()
    assert data["entity_types"]["Company"] == {"tp": 0, "fp": 4, "fn": 2, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert data["entity_confusions"][0] == {"gold": "Cluster", "predicted": "Company", "count": 2}
    text = report.to_text(details=False, by_type=True)
    assert "typed entities by type" in text and "Cluster -> Company: 2" in text
    assert "typed entities by type" not in report.to_text(details=False)   # only with --by-type


def test_quality_tables_per_entity_type():
    spec = importlib.util.spec_from_file_location(
        "quality_tables", Path(__file__).parent.parent / "scripts" / "quality_tables.py")
    qt = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(qt)
    lines = qt.entity_types(_report())
    assert lines[0] == "| entity type | P | R | F1 | TP | FP | FN |"
    assert "| Person | 0.500 | 0.500 | **0.500** | 1 | 1 | 1 |" in lines
    assert lines[-1].startswith("Main type confusions (gold type → predicted type): Cluster → Company 2,")


def test_cli_json_and_text_carry_entity_types(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "a.txt").write_text("Lumora Labs was funded by the Harborview Foundation in Toronto.", encoding="utf-8")
    (d / "a.gold.json").write_text(json.dumps({
        "style": "news", "relations": [],
        "entities": [{"name": "Lumora Labs", "type": "Company", "aliases": []},
                     {"name": "Harborview Foundation", "type": "Institute", "aliases": []},
                     {"name": "Toronto", "type": "Cluster", "aliases": []}]}), encoding="utf-8")
    out = CliRunner().invoke(app, ["evaluate", str(d), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    types = data["entity_types"]
    assert sum(v["tp"] for v in types.values()) == data["entities"]["tp"]
    assert sum(v["fp"] for v in types.values()) == data["entities"]["fp"]
    assert sum(v["fn"] for v in types.values()) == data["entities"]["fn"]
    assert isinstance(data["entity_confusions"], list)
    text = CliRunner().invoke(app, ["evaluate", str(d), "--by-type", "--no-errors"]).output
    assert "typed relations by type" in text and "typed entities by type" in text
