"""GraphML and GEXF exports: written from a real embedded store, read back with networkx."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from aikg.core.errors import InputError, QueryError
from aikg.graph.loader import load_jsonl
from aikg.graph.network_export import build_network, export_network, read_network, write_network
from aikg.network import export, query_edges
from tests.conftest import DATA
from tests.helpers import loaded_once

FIXTURE = DATA / "query_fixture.jsonl"
READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


@pytest.fixture
def loaded(store):
    report = load_jsonl(store, [FIXTURE])
    assert not report.errors
    return store


@pytest.fixture(scope="module")
def embedded_loaded(tmp_path_factory):
    """The fixture graph on the embedded store, loaded once for the module's tests that only read it (the
    teardown fails if one wrote to it)."""
    with loaded_once(tmp_path_factory.mktemp("loaded") / "home", FIXTURE) as st:
        yield st


@pytest.fixture
def shared(backend_name, request):
    """The loaded fixture graph for a test that only reads it: the module's on the embedded store; on Neo4j (one
    database, which every other test's store clears) loaded into the test's own store."""
    if backend_name == "embedded":
        return request.getfixturevalue("embedded_loaded")
    return request.getfixturevalue("loaded")


def _read(path: Path, fmt: str) -> nx.Graph:
    return READERS[fmt](path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_whole_graph_round_trips_with_the_attributes_gephi_shows(shared, tmp_path, fmt):
    stats = shared.stats()
    path = tmp_path / f"graph.{fmt}"
    report = export_network(shared, path, fmt)
    back = _read(path, fmt)
    entities = sum(n for label, n in stats.nodes.items() if label not in ("Document", "Entity"))
    relations = sum(n for rtype, n in stats.relationships.items() if rtype != "MENTIONS")
    assert (report.nodes, report.edges) == (back.number_of_nodes(), back.number_of_edges()) == (entities, relations)
    vector = back.nodes["institute:vector-institute"]
    assert (vector["label"], vector["type"], vector["clusters"]) == ("Vector Institute", "Institute", "Toronto")
    assert vector["doc_count"] == 2 and vector["wikidata"] == "Q56276544" and vector["aliases"] == "Vector"
    assert back.nodes["company:nvidia"]["cik"] == "1045810"
    edges = [d for _, _, d in back.edges(data=True)]
    assert {d["relation"] for d in edges} >= {"PARTNERS_WITH", "ANCHORS", "LOCATED_IN", "FUNDS"}
    assert all(d["label"] == d["relation"] and float(d["weight"]) == d["support"] >= 1 for d in edges)
    assert all(0 <= d["confidence"] <= 1 for d in edges)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_query_edges_export_only_that_neighbourhood(shared, tmp_path, fmt):
    rows = query_edges(shared, "entity_neighbours", {"entity": "NVIDIA"})
    report = export(shared, tmp_path / f"q.{fmt}", fmt, "entity_neighbours", {"entity": "NVIDIA"})
    back = _read(report.path, fmt)
    assert back.number_of_edges() == len(rows) > 0
    assert all("company:nvidia" in (u, v) for u, v in back.edges())
    assert set(back.nodes) == {r["source"] for r in rows} | {r["target"] for r in rows}
    assert back.nodes["company:nvidia"]["type"] == "Company"


def test_a_relationship_of_two_types_between_one_pair_keeps_both():
    nodes = [{"id": "a", "name": "A", "labels": ["Entity", "Company"]},
             {"id": "b", "name": "B", "labels": ["Entity", "Institute"]}]
    edges = [{"source": "a", "target": "b", "type": "FUNDS", "support": 2, "confidence": 0.9},
             {"source": "a", "target": "b", "type": "PARTNERS_WITH", "support": 1, "confidence": None},
             {"source": "a", "target": "zzz", "type": "FUNDS", "support": 1}]
    graph = build_network(nodes, edges)
    assert graph.number_of_edges() == 2  # the dangling edge is dropped
    assert "confidence" not in graph.edges["a", "b", "PARTNERS_WITH"]


def test_hostile_names_survive_the_xml(shared, tmp_path):
    graph = read_network(shared)
    for fmt, reader in READERS.items():
        path = write_network(graph, tmp_path / f"h.{fmt}", fmt)
        names = {d["label"] for _, d in reader(path).nodes(data=True)}
        assert "<script>alert(1)</script> Labs" in names and "'}) DETACH DELETE n //" in names


def test_bad_requests_are_refused_with_a_message(shared, tmp_path):
    with pytest.raises(QueryError, match="does not list relationships.*entity_neighbours"):
        export(shared, tmp_path / "x.graphml", "graphml", "cluster_overview")
    with pytest.raises(QueryError, match="needs --query"):
        export(shared, tmp_path / "x.graphml", "graphml", None, {"entity": "x"})
    with pytest.raises(QueryError, match="no entity matches"):
        export(shared, tmp_path / "x.graphml", "graphml", "entity_neighbours", {"entity": "Nobody At All"})
    with pytest.raises(InputError, match="graphml, gexf"):
        export(shared, tmp_path / "x.dot", "dot")
    assert not (tmp_path / "x.graphml").exists()


def test_cli_writes_the_file(tmp_path):
    from aikg.cli import app
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    st = open_store("embedded", home=home)
    st.apply_schema()
    load_jsonl(st, [FIXTURE])
    st.close()
    out = tmp_path / "out" / "n.gexf"
    result = CliRunner().invoke(app, ["export", "gexf", "-o", str(out), "--home", str(home),
                                      "--query", "partnership_network", "-p", "org=Vector Institute"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    back = nx.read_gexf(out)
    assert back.number_of_edges() > 0 and {d["relation"] for _, _, d in back.edges(data=True)} == {"PARTNERS_WITH"}
