"""Right answers on the sample corpus: the headline queries against rows written by hand from the documents.

The expected rows and their evidence are in tests/data/answers/samples.json; the scoring is
aikg.answers (``python -m aikg.answers --details`` lists misses and extras). The floors are the
figures measured when the file was written (docs/quality.md, "Answers on the sample corpus").
"""

from __future__ import annotations

import pytest

from aikg.answers import ANSWERS, expected_rows, score_samples

# query: (precision floor, recall floor), as measured on 2026-11-30
FLOORS = {"cluster_anchors": (0.95, 0.90), "clusters_sharing_partners": (1.0, 1.0), "funding_flows": (0.78, 0.50)}


@pytest.fixture(scope="module")
def scores():
    return {s.query: s for s in score_samples()}


def test_expected_rows_cite_a_document_and_a_sentence():
    import json

    data = json.loads(ANSWERS.read_text(encoding="utf-8"))
    rows = data["cluster_anchors"] + data["funding_flows"]
    assert all(r["doc"] and r["sentence"] for r in rows)
    assert all(len(r["evidence"]) == 2 for r in data["clusters_sharing_partners"])
    assert {len(v) for v in expected_rows().values()} and all(expected_rows().values())


@pytest.mark.slow
@pytest.mark.parametrize("query", sorted(FLOORS))
def test_answers_on_the_samples_keep_their_floor(scores, query):
    score = scores[query]
    print(f"\n{score.line()}")
    precision, recall = FLOORS[query]
    assert score.precision >= precision, score.extra
    assert score.recall >= recall, score.missed
