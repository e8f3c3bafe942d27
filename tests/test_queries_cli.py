"""``aikg query list|show|run`` on a home holding the query fixture graph."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aikg.cli import app
from aikg.core.errors import QueryError
from aikg.queries.catalog import load_catalog
from tests.test_queries import load_query_fixture

ROOT = Path(__file__).parent.parent
runner = CliRunner()


@pytest.fixture
def fixture_home(home: Path) -> Path:
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        load_query_fixture(store)
    finally:
        store.close()
    return home


def invoke(*args: str):
    return runner.invoke(app, ["query", *args])


def run(home: Path, *args: str):
    return invoke("run", *args, "--home", str(home))


def test_list_names_every_query():
    result = invoke("list")
    assert result.exit_code == 0, result.output
    for name in load_catalog().names():
        assert name in result.output
    assert "org, depth=2, min_support=1" in result.output
    listed = json.loads(invoke("list", "--format", "json").output)
    assert [r["name"] for r in listed] == load_catalog().names()
    assert {r["name"] for r in listed if r["edges"]} >= {"partnership_network", "co_mentions"}


def test_show_prints_params_columns_example_and_cypher():
    result = invoke("show", "entity_search")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("entity_search: Find entities by name or alias")
    assert "limit      int 1..100, default 10" in out
    assert "matched" in out and "aikg query run entity_search --param text=" in out
    assert "db.idx.fulltext.queryNodes" in out and "Cypher on neo4j (entity_search.neo4j.cypher)" in out
    short = invoke("show", "partnership_network", "--no-cypher").output
    assert "Columns:  (an edge list)" in short and "MATCH" not in short


def test_run_table_with_params(fixture_home):
    result = run(fixture_home, "cluster_anchors", "--param", "cluster=Toronto")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["anchor", "anchor_name", "anchor_type", "partner_count", "partners", "programme_count",
                                "programmes", "people_count", "people", "places"]
    assert "Vector Institute" in result.output and "NVIDIA, Cohere" in result.output


def test_run_each_format(fixture_home):
    args = ("partnership_network", "-p", "org=Vector Institute", "-p", "depth=1")
    as_json = json.loads(run(fixture_home, *args, "--format", "json").output)
    assert {(r["source"], r["target"], r["support"]) for r in as_json} == {
        ("company:nvidia", "institute:vector-institute", 2), ("company:cohere", "institute:vector-institute", 1)}
    as_csv = list(csv.DictReader(io.StringIO(run(fixture_home, *args, "--format", "csv").output)))
    assert [r["source_name"] for r in as_csv] == ["NVIDIA", "Cohere"] and as_csv[0]["support"] == "2"
    as_md = run(fixture_home, *args, "--format", "markdown").output.splitlines()
    assert as_md[0].startswith("| source | source_name |") and as_md[1].startswith("|---|") and len(as_md) == 4
    hostile = json.loads(run(fixture_home, "relationship_evidence", "-p", "source='}) DETACH DELETE n //",
                             "-p", "target=Inria", "-f", "json").output)
    assert hostile[0]["sentence"].endswith("<script>alert(1)</script>")


def test_run_to_file(fixture_home, tmp_path):
    out = tmp_path / "out" / "flows.csv"
    result = run(fixture_home, "funding_flows", "-p", "cluster=London", "-f", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote 3 row(s) to {out}" in result.output
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 3


def test_run_with_no_rows_says_what_that_means(fixture_home):
    result = run(fixture_home, "shortest_connection", "-p", "source=Geoffrey Hinton", "-p", "target=Demis Hassabis",
                 "-p", "max_hops=2")
    assert result.exit_code == 0
    assert result.output.strip() == "no rows: the two entities are not connected within max_hops"
    as_json = run(fixture_home, "programmes_by_cluster", "-p", "cluster=Paris", "-f", "json")
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []


def test_unknown_query_and_bad_params_fail_with_the_valid_list(fixture_home):
    unknown = run(fixture_home, "partner_network")
    assert isinstance(unknown.exception, QueryError)
    assert "did you mean partnership_network?" in str(unknown.exception)
    assert "bridging_people" not in str(unknown.exception)  # the closest names, not all of them
    bad = run(fixture_home, "partnership_network", "-p", "org=Vector", "-p", "dept=2")
    assert isinstance(bad.exception, QueryError)
    assert "unknown parameter 'dept'" in str(bad.exception) and "depth (int 1..4, default 2)" in str(bad.exception)
    malformed = run(fixture_home, "partnership_network", "-p", "org")
    assert "is not key=value" in str(malformed.exception)
    out_of_range = run(fixture_home, "partnership_network", "-p", "org=Vector", "-p", "depth=9")
    assert "depth must be at most 4" in str(out_of_range.exception)
    typo = run(fixture_home, "cluster_profile", "-p", "cluster=Torontoo")
    assert "did you mean Toronto (cluster:toronto)" in str(typo.exception)
    fmt = run(fixture_home, "cluster_overview", "--format", "yaml")
    assert fmt.exit_code == 2 and "unknown format 'yaml'" in fmt.output


def test_errors_exit_with_the_query_error_code(fixture_home):
    proc = subprocess.run([sys.executable, "-m", "aikg", "query", "run", "nope", "--home", str(fixture_home)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == QueryError.exit_code == 5
    assert proc.stderr.startswith("aikg: unknown query 'nope'; no query has a similar name; 'aikg query list' shows")
    proc = subprocess.run([sys.executable, "-m", "aikg", "query", "run", "org_ranking", "-p", "by=size",
                           "--home", str(fixture_home)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 5 and "by must be one of degree, documents" in proc.stderr
