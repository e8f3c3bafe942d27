"""clusters_sharing_partners keeps its rule (issue 18 rewrote how the partners are grouped): a pair of clusters
counts a partner unless the partner is reached from both only through one organisation that belongs to both.
Organisations in two or three clusters, alone or beside others, on the real embedded engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.graph.store import open_store
from aikg.queries.catalog import run_query

# clusters X, Y, Z; o anchors X and Y, o2 anchors Y and Z, a anchors X, b anchors Y
GRAPH = """
CREATE (x:Entity:Cluster {id: 'cluster:x', name: 'X'}), (y:Entity:Cluster {id: 'cluster:y', name: 'Y'}),
       (z:Entity:Cluster {id: 'cluster:z', name: 'Z'}),
       (o:Entity:Company {id: 'company:o', name: 'O'}), (o2:Entity:Institute {id: 'institute:o2', name: 'O2'}),
       (a:Entity:Company {id: 'company:a', name: 'A'}), (b:Entity:Agency {id: 'agency:b', name: 'B'}),
       (o)-[:ANCHORS {confidence: 0.9}]->(x), (o)-[:ANCHORS {confidence: 0.9}]->(y),
       (o2)-[:ANCHORS {confidence: 0.9}]->(y), (o2)-[:ANCHORS {confidence: 0.9}]->(z),
       (a)-[:ANCHORS {confidence: 0.9}]->(x), (b)-[:ANCHORS {confidence: 0.9}]->(y)
WITH o, o2, a, b
UNWIND [['p1', 1, ['o']], ['p2', 2, ['o', 'a']], ['p3', 3, ['a', 'b']], ['p4', 4, ['o', 'o2']],
        ['p5', 5, ['o2']], ['p6', 6, ['o', 'b']], ['p7', 7, ['a', 'o2']]] AS row
CREATE (p:Entity:Company {id: 'company:' + row[0], name: toUpper(row[0]), doc_count: row[1]})
WITH p, row, {o: o, o2: o2, a: a, b: b} AS by
UNWIND row[2] AS who
WITH p, by[who] AS m
CREATE (m)-[:PARTNERS_WITH {confidence: 0.8}]->(p)
"""


@pytest.fixture
def store(tmp_path: Path):
    st = open_store("embedded", home=tmp_path / "home")
    st.apply_schema()
    st.write(GRAPH)
    yield st
    st.close()


def test_one_organisation_in_both_clusters_is_not_sharing(store):
    df = run_query(store, "clusters_sharing_partners", {})
    got = {(r.cluster_a, r.cluster_b): (r.shared, list(r.shared_partners)) for r in df.itertuples()}
    assert got == {
        # P1 only through O (in X and Y): not shared. P2 through O and A (X), O (Y): shared. P3 through A and B.
        # P4 through O (X), O and O2 (Y), O2 (Z): every pair. P6 through O (X), O and B (Y). P7 through A (X) and
        # O2 (Y, Z): X with each of them
        ("cluster:x", "cluster:y"): (5, ["P7", "P6", "P4", "P3", "P2"]),
        ("cluster:x", "cluster:z"): (2, ["P7", "P4"]),
        # P5 only through O2 (in Y and Z): not shared; P7 through O2 alone for both Y and Z: not shared either
        ("cluster:y", "cluster:z"): (1, ["P4"]),
    }
    assert list(df["cluster_a_name"]) == ["X", "X", "Y"] and list(df["cluster_b_name"]) == ["Y", "Z", "Z"]


def test_thresholds_still_apply(store):
    assert list(run_query(store, "clusters_sharing_partners", {"min_shared": 2})["shared"]) == [5, 2]
    assert list(run_query(store, "clusters_sharing_partners", {"top": 1})["shared_partners"].map(list)) == [
        ["P7"], ["P7"], ["P4"]]
    assert run_query(store, "clusters_sharing_partners", {"min_confidence": 0.85}).empty
