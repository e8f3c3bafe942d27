"""clusters_sharing_partners grouped by its hook (queries/hooks/sharing.py) gives the rows the query text gives
when it groups the partners itself (the text's path without the hook), on the real embedded engine: the catalog's
fixture graph, the sharing rule's graph, and generated graphs with organisations in several clusters, places
within metros, partnerships in both directions, ties and missing document counts among the partners."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from aikg.graph.store import open_store
from aikg.queries.catalog import run_query
from aikg.queries.hooks import sharing
from tests.test_catalog_sharing_rule import GRAPH as RULE_GRAPH
from tests.test_queries import embedded_graph, graph  # noqa: F401  (fixtures)

CASES = [{}, {"min_shared": 2}, {"include_located": True}, {"include_located": True, "min_shared": 2, "top": 1},
         {"top": 1}, {"min_confidence": 0.7}, {"min_confidence": 0.85, "include_located": True}]


def text_rows(store, params, monkeypatch) -> list[dict]:
    """The rows of the query text alone (the hook sends computed = false and leaves no rows)."""
    with monkeypatch.context() as m:
        m.setattr(sharing, "prepare", lambda store, query, values, send: {**send, "computed": False})
        return records(run_query(store, "clusters_sharing_partners", params))


def records(df) -> list[dict]:
    return [{k: (list(v) if k.startswith("shared_partner") else v) for k, v in r.items()} for r in df.to_dict("records")]


def same_rows(store, params, monkeypatch) -> list[dict]:
    hooked = records(run_query(store, "clusters_sharing_partners", params))
    assert hooked == text_rows(store, params, monkeypatch)
    return hooked


def generated(seed: int) -> str:
    """A graph with 6 places (two within a metro), organisations anchoring 1-3 of them or sited in them, and
    partners reached from several, some partnerships both ways, document counts tied or missing."""
    rnd = random.Random(seed)
    parts = ["(c0:Entity:Cluster {id: 'cluster:c0', name: 'Metro'})"]
    parts += [f"(c{i}:Entity:Cluster {{id: 'cluster:c{i}', name: '{'Place ' + chr(64 + i)}'}})" for i in range(1, 7)]
    parts += ["(c1)-[:WITHIN {confidence: 0.9}]->(c0)", "(c2)-[:WITHIN {confidence: 0.9}]->(c0)"]
    labels = ["Company", "Institute", "Agency", "Person"]
    for i in range(14):
        parts.append(f"(o{i}:Entity:{labels[i % 4]} {{id: 'org:o{i:02d}', name: 'Org {i}', doc_count: {i % 3}}})")
        for c in rnd.sample(range(1, 7), rnd.choice([1, 1, 2, 3])):
            rel = rnd.choice(["ANCHORS", "ANCHORS", "LOCATED_IN"])
            parts.append(f"(o{i})-[:{rel} {{confidence: {rnd.choice([0.6, 0.8, 0.9])}}}]->(c{c})")
    for j in range(12):
        doc = "" if j % 5 == 0 else f", doc_count: {rnd.choice([1, 2, 2, 5])}"
        name = rnd.choice(["Alpha", "beta", "Gamma", "Émile", "alpha"])
        parts.append(f"(p{j}:Entity:Company {{id: 'company:p{j:02d}', name: '{name}'{doc}}})")
        for i in rnd.sample(range(14), rnd.choice([1, 2, 3, 4])):
            conf = rnd.choice([0.6, 0.8, 0.9])
            parts.append(f"(o{i})-[:PARTNERS_WITH {{confidence: {conf}}}]->(p{j})" if rnd.random() < 0.7
                         else f"(p{j})-[:PARTNERS_WITH {{confidence: {conf}}}]->(o{i})")
            if rnd.random() < 0.15:
                parts.append(f"(p{j})-[:PARTNERS_WITH {{confidence: 0.9}}]->(o{i})")
    return "CREATE " + ",\n       ".join(parts)


@pytest.fixture
def home(tmp_path: Path):
    st = open_store("embedded", home=tmp_path / "home")
    st.apply_schema()
    yield st
    st.close()


def test_shared_partners_follow_the_rule():
    members = [{"id": "o", "homes": ["x", "y"], "partners": ["p1", "p2"]},
               {"id": "a", "homes": ["x"], "partners": ["p2", "p2"]},
               {"id": "b", "homes": ["y"], "partners": ["p3"]},
               {"id": "c", "homes": ["x"], "partners": ["p3"]}]
    # p1 only through o (in both clusters): no pair; p2 through o and a; p3 through b (y) and c (x)
    assert {k: sorted(v) for k, v in sharing.shared_partners(members).items()} == {("x", "y"): ["p2", "p3"]}


@pytest.mark.parametrize("params", CASES)
def test_catalog_graph(graph, params, monkeypatch):  # noqa: F811
    same_rows(graph, params, monkeypatch)


@pytest.mark.parametrize("params", CASES)
def test_rule_graph(home, params, monkeypatch):
    home.write(RULE_GRAPH)
    same_rows(home, params, monkeypatch)


@pytest.mark.parametrize("seed", range(6))
def test_generated_graphs(home, seed, monkeypatch):
    home.write(generated(seed))
    answered = [same_rows(home, params, monkeypatch) for params in CASES]
    assert any(answered)  # the graphs do share partners


def test_the_text_is_not_run_with_the_hook(home, monkeypatch):
    home.write(RULE_GRAPH)
    seen = []
    read = home.read
    monkeypatch.setattr(home, "read", lambda cypher, params=None: seen.append(params) or read(cypher, params))
    run_query(home, "clusters_sharing_partners", {})
    assert seen[-1]["computed"] is True and len(seen) == 3
