"""shortest_connection's search grown from both ends (queries/hooks/shortest.py) gives the chains the
engine's own allShortestPaths gives, in the same order, for many pairs of the fixture graph."""

from __future__ import annotations

import pytest

from aikg.queries.catalog import run_query
from tests.test_queries import load_query_fixture

TYPES = "LOCATED_IN|ANCHORS|PARTNERS_WITH|FUNDS|RUNS|AFFILIATED_WITH|FOUNDED|MEMBER_OF|PART_OF"
#: the catalog's text before the search moved into the hook: the reference
REFERENCE = f"""
MATCH (a:Entity {{id: $source}})
MATCH (b:Entity {{id: $target}})
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths((a)-[:{TYPES}*1..6]-(b))
WITH p
WHERE length(p) <= $max_hops AND all(r IN relationships(p) WHERE r.confidence >= $min_confidence)
WITH p, reduce(s = '', r IN relationships(p) | s + type(r) + ',') AS kinds,
     reduce(s = '', n IN nodes(p) | s + n.id + ',') AS route
ORDER BY length(p), kinds, route
LIMIT $paths
WITH collect(p) AS found
UNWIND range(0, size(found) - 1) AS i
WITH i, found[i] AS p
UNWIND range(0, length(p) - 1) AS h
WITH i, h, p, relationships(p)[h] AS r
RETURN i + 1 AS path, h + 1 AS hop, length(p) AS hops, startNode(r).id AS source, type(r) AS type,
       endNode(r).id AS target
ORDER BY path, hop
"""
COLUMNS = ["path", "hop", "hops", "source", "type", "target"]


@pytest.fixture
def graph(store):
    load_query_fixture(store)
    return store


@pytest.mark.parametrize("max_hops, paths, min_confidence", [(6, 50, 0.0), (3, 2, 0.8)])
def test_search_from_both_ends_equals_all_shortest_paths(graph, max_hops, paths, min_confidence):
    ids = [r["id"] for r in graph.read("MATCH (n:Entity) RETURN n.id AS id ORDER BY id")]
    sample = ids[::4]  # every fourth entity: people, organisations, places, programmes
    checked = found = 0
    for source in sample:
        for target in sample:
            params = {"source": source, "target": target, "max_hops": max_hops, "paths": paths,
                      "min_confidence": min_confidence}
            expected = [[r[c] for c in COLUMNS] for r in graph.read(REFERENCE, params)]
            df = run_query(graph, "shortest_connection", params)
            got = [list(row) for row in df[COLUMNS].itertuples(index=False, name=None)]
            assert got == expected, (source, target)
            checked += 1
            found += bool(expected)
    assert checked == len(sample) ** 2 and found > len(sample)  # the pairs did connect, many of them
