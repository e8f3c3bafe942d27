"""programmes_by_cluster for one cluster (its programmes found from the cluster, the run ones by a pattern
comprehension) lists what the whole list lists for that cluster, for every cluster and confidence floor."""

from __future__ import annotations

import pytest

from aikg.queries.catalog import run_query
from tests.test_queries import embedded_graph, graph  # noqa: F401  (fixtures)


@pytest.mark.parametrize("min_confidence", [0.0, 0.8])
def test_one_cluster_equals_its_rows_of_the_whole_list(graph, min_confidence):  # noqa: F811
    whole = run_query(graph, "programmes_by_cluster", {"min_confidence": min_confidence})
    clusters = sorted(c for c in set(whole["cluster"]) if c)
    assert clusters, "the fixture has programmes tied to clusters"
    for cluster in clusters:
        one = run_query(graph, "programmes_by_cluster", {"cluster": cluster, "min_confidence": min_confidence})
        expected = whole[whole["cluster"] == cluster].reset_index(drop=True)
        assert one.to_dict("records") == expected.to_dict("records"), cluster
