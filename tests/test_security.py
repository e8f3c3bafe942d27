"""Hostile text stays data; writes need --write; credentials never leak; concurrent writers take turns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aikg.api import is_write_query
from aikg.cli import app
from aikg.core.errors import StoreError
from tests.conftest import DATA

ROOT = Path(__file__).parent.parent
runner = CliRunner()


@pytest.mark.parametrize("query", [
    "MATCH (n) DETACH DELETE n", "CREATE (n:X)", "MATCH (n) SET n.x = 1", "merge (n:X {id: 1})",
    "MATCH (n) REMOVE n.name", "UNWIND [1] AS x FOREACH (i IN [1] | CREATE (:X))",
    "CALL db.idx.fulltext.createNodeIndex('X', 'name')",
])
def test_cypher_refuses_writes_without_flag(home, query):
    result = runner.invoke(app, ["cypher", query, "--home", str(home)])
    assert result.exit_code != 0
    assert "--write" in (result.output + str(result.exception))


def test_write_detection_ignores_keywords_inside_strings():
    assert not is_write_query("MATCH (n) WHERE n.name = 'CREATE (x)' RETURN n")
    assert is_write_query("MATCH (n) WHERE n.name = 'x' DELETE n")


def test_store_refuses_a_write_disguised_from_the_check(store):
    # the store's own read path (GRAPH.RO_QUERY / read transaction) is the second line of defence
    with pytest.raises(StoreError):
        store.read("MATCH (n) WITH n CALL { WITH n DETACH DELETE n } RETURN 1")


def test_cypher_with_write_flag_writes(home):
    result = runner.invoke(app, ["cypher", "CREATE (:Cluster:Entity {id: $id})", "--param", "id=cluster:x",
                                 "--write", "--home", str(home)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["cypher", "MATCH (c:Cluster) RETURN c.id AS id", "--home", str(home), "-f", "json"])
    assert '"cluster:x"' in result.output


def test_injection_strings_as_parameters_stay_data(store):
    hostile = ["'}) DETACH DELETE n //", "<script>alert(1)</script>", '"> <x', '\\"; MATCH (n) DELETE n']
    store.write("UNWIND $names AS name CREATE (:Entity:Company {id: name, name: name})", {"names": hostile})
    rows = store.read("MATCH (c:Company) RETURN c.name AS name ORDER BY name")
    assert sorted(r["name"] for r in rows) == sorted(hostile)


def test_neo4j_credentials_never_appear_in_errors(home, monkeypatch):
    secret = "s3cr3t-Pa55word"
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", secret)
    from aikg.graph.store import open_store

    with pytest.raises(StoreError) as info:
        open_store("neo4j", home=home)
    assert secret not in str(info.value) and "127.0.0.1:1" in str(info.value)
    proc = subprocess.run([sys.executable, "-m", "aikg", "stats", "--store", "neo4j", "--home", str(home)],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**__import__("os").environ, "NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": secret})
    assert proc.returncode != 0
    assert secret not in proc.stdout + proc.stderr
    assert "cannot reach Neo4j" in proc.stderr


def test_missing_neo4j_settings_say_what_to_set(home, monkeypatch):
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        monkeypatch.delenv(var, raising=False)
    result = runner.invoke(app, ["stats", "--store", "neo4j", "--home", str(home)])
    assert result.exit_code != 0
    assert "NEO4J_URI" in str(result.exception)


def test_two_concurrent_loads_on_one_home_serialise(home, tmp_path):
    # two processes load different documents into one home at the same time: the write
    # lock makes them take turns, and the final graph holds both documents' facts
    second = tmp_path / "second.jsonl"
    second.write_text(
        '{"record":"document","id":"' + "f" * 64 + '","source":"s.md","title":"","kind":"text","chars":5}\n'
        '{"record":"entity","id":"cluster:paris","type":"Cluster","name":"Paris","aliases":[],'
        '"mentions":[{"doc":"' + "f" * 64 + '","start":0,"end":5}]}\n', "utf-8")
    cmd = [sys.executable, "-m", "aikg", "load", "--home", str(home)]
    procs = [subprocess.Popen(cmd + [str(path)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for path in (DATA / "loader_fixture.jsonl", second)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        stats = store.stats()
        assert stats.nodes["Document"] == 3 and stats.nodes["Cluster"] == 3
    finally:
        store.close()
