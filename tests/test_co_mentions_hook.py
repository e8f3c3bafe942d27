"""co_mentions over the whole graph: pairs counted by the hook (queries/hooks/comentions.py) give the rows the
query text gives when it groups every pair itself (the path taken when the hook sends nothing), ties at the
limit included; an entity's co-mentions are untouched."""

from __future__ import annotations

from collections import Counter

import pytest

from aikg.queries.catalog import run_query
from aikg.queries.hooks import comentions
from tests.test_queries import embedded_graph, graph  # noqa: F401  (fixtures)


def test_pairs_are_counted_once_smaller_id_first():
    counts = comentions.count_pairs([["org:b", "org:a", "person:c"], ["person:c", "org:a"], ["org:a"]])
    assert counts == Counter({("org:a", "person:c"): 2, ("org:a", "org:b"): 1, ("org:b", "person:c"): 1})


def test_candidates_keep_every_tie_of_the_last_kept_support():
    counts = Counter({("a", "b"): 3, ("a", "c"): 2, ("b", "c"): 2, ("c", "d"): 1})
    assert sorted(comentions.candidates(counts, 1, 2)) == [["a", "b", 3], ["a", "c", 2], ["b", "c", 2]]
    assert comentions.candidates(counts, 3, 10) == [["a", "b", 3]]
    assert sorted(comentions.candidates(counts, 1, 10)) == sorted([[a, b, n] for (a, b), n in counts.items()])
    assert comentions.candidates(counts, 4, 10) == []


@pytest.mark.parametrize("min_docs", [1, 2, 3, 4])
@pytest.mark.parametrize("limit", [1, 2, 3, 7, 100])
def test_hook_rows_equal_the_grouping_text(graph, min_docs, limit, monkeypatch):  # noqa: F811
    params = {"min_docs": min_docs, "limit": limit}
    counted = run_query(graph, "co_mentions", params)
    monkeypatch.setattr(comentions, "MAX_PAIRS", -1)  # the hook sends nothing: the text groups every pair
    grouped = run_query(graph, "co_mentions", params)
    assert counted.to_dict("records") == grouped.to_dict("records")
    if min_docs == 1:
        assert len(counted) == min(limit, len(run_query(graph, "co_mentions", {"limit": 100000})))


def test_an_entity_is_answered_by_its_own_branch(graph, monkeypatch):  # noqa: F811
    calls = []
    monkeypatch.setattr(comentions, "count_pairs", lambda lists: calls.append(1) or Counter())
    df = run_query(graph, "co_mentions", {"entity": "NVIDIA", "min_docs": 2})
    assert not calls and set(df["source"]) == {"company:nvidia"} and len(df) == 8
