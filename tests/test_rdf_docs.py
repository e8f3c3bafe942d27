"""docs/rdf.md stays true: its SPARQL examples return rows, its commands exist."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from aikg.graph.loader import load_jsonl
from aikg.graph.rdf.export import export_store
from aikg.graph.rdf.sparql import run_sparql
from aikg.graph.store import open_store
from tests.conftest import DATA

DOC = Path(__file__).parent.parent / "docs" / "rdf.md"
TEXT = DOC.read_text("utf-8")
SPARQL = re.findall(r"```sparql\n(.*?)```", TEXT, re.S)
SHELL = [line for block in re.findall(r"```sh\n(.*?)```", TEXT, re.S) for line in block.splitlines()
         if line.startswith("aikg ")]


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Graph:
    home = tmp_path_factory.mktemp("docs-home")
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert not load_jsonl(store, [DATA / "rdf" / "fixture.jsonl"]).errors
        buf = io.StringIO()
        export_store(store, buf, "turtle")
    finally:
        store.close()
    return Graph().parse(data=buf.getvalue(), format="turtle")


def test_the_doc_has_examples():
    assert len(SPARQL) >= 5 and len(SHELL) >= 5


@pytest.mark.parametrize("query", SPARQL, ids=[f"sparql{i}" for i in range(len(SPARQL))])
def test_sparql_example_returns_rows(exported, query):
    df = run_sparql(exported, query)
    assert not df.empty, query
    # the PREFIX lines are complete: the query also runs where nothing is predeclared
    assert len(list(exported.query(query))) == len(df)


@pytest.mark.parametrize("line", SHELL)
def test_documented_command_exists(line):
    from aikg.cli import app

    words = shlex.split(line.split("#")[0].split(">")[0])[1:]
    path = words[:2] if words[0] in ("export", "import") else words[:1]
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, (line, result.output)
    options = {w.split("=")[0] for w in words if w.startswith("--")}
    for option in options:
        assert option in result.output, (line, option)
