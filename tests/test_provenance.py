"""Provenance per sentence: each piece of evidence names the rules that found it in that sentence.

A relationship stated twice, by two different forms, must not claim both rules for both
sentences (a reader auditing an edge sees which form each sentence was read by).
"""

from __future__ import annotations

import json
from pathlib import Path

from aikg.api import ingest, store_session
from aikg.core.facts import Evidence, RelationRecord
from aikg.core.jsonl import parse_record
from aikg.queries.catalog import run_query

TEXT = (
    "Vector Institute partners with NVIDIA on efficient training.\n\n"
    "Separately, Vector Institute has a research partnership with NVIDIA on robotics.\n"
)


def test_each_sentence_keeps_its_own_method(tmp_path: Path) -> None:
    doc = tmp_path / "two_forms.txt"
    doc.write_text(TEXT, encoding="utf-8")
    summary = ingest([doc], home=tmp_path / "home", show_progress=False)
    assert summary.failed == 0
    with store_session("embedded", tmp_path / "home") as store:
        rows = run_query(store, "relationship_evidence",
                         {"source": "Vector Institute", "target": "NVIDIA", "type": "PARTNERS_WITH"})
    by_sentence = {" ".join(r.sentence.split()): r.method for r in rows.itertuples()}
    assert len(by_sentence) == 2, by_sentence
    verb = next(m for s, m in by_sentence.items() if "partners with" in s)
    noun = next(m for s, m in by_sentence.items() if "partnership" in s)
    assert verb != noun
    assert "partnership" not in verb


def test_evidence_method_survives_the_interchange_format() -> None:
    ev = [Evidence("d1", 0, 10, "A partners with B.", None, "dep:partner", 0.8),
          Evidence("d1", 11, 30, "A's partnership with B.", None, "dep:partnership", 0.75)]
    rec = RelationRecord("PARTNERS_WITH", "institute:a", "company:b", 0.8, "dep:partner+dep:partnership", ev)
    back = parse_record(json.loads(json.dumps(rec.to_json())))
    assert [(e.method, e.confidence) for e in back.evidence] == [("dep:partner", 0.8), ("dep:partnership", 0.75)]


def test_merging_records_keeps_each_records_method() -> None:
    from aikg.ingest.pipeline import merge_records

    header = RelationRecord("LOCATED_IN", "company:c", "cluster:seattle", 1.0, "edgar-header",
                            [Evidence("d1", 0, 13, "CITY: SEATTLE")])
    prose = RelationRecord("LOCATED_IN", "company:c", "cluster:seattle", 0.7, "dep:headquarters",
                           [Evidence("d1", 40, 80, "C is headquartered in Seattle.")])
    (merged,) = merge_records([header, prose])
    assert [(e.sentence, e.method, e.confidence) for e in merged.evidence] == [
        ("CITY: SEATTLE", "edgar-header", 1.0), ("C is headquartered in Seattle.", "dep:headquarters", 0.7)]
