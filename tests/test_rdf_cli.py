"""The RDF commands end to end: export, validate, sparql, import (embedded store, temporary homes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from aikg.cli import app
from aikg.core.errors import ConfigError, InputError, QueryError
from tests.conftest import DATA

FIXTURE = DATA / "rdf" / "fixture.jsonl"
GOLDEN = DATA / "rdf" / "golden.ttl"
ROOT = Path(__file__).parent.parent


def run(*args: str, **kwargs):
    return CliRunner().invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli-home")
    result = run("load", FIXTURE, "--home", path)
    assert result.exit_code == 0, result.output
    return path


def test_groups_list_the_rdf_commands():
    assert "rdf" in run("export", "--help").output
    assert "rdf" in run("import", "--help").output
    top = run("--help").output
    assert "validate-rdf" in top and "sparql" in top


def test_export_to_file_matches_golden(home, tmp_path):
    out = tmp_path / "g.ttl"
    result = run("export", "rdf", "-o", out, "--home", home)
    assert result.exit_code == 0, result.output
    assert "triples" in result.output  # the summary goes to stderr (mixed into output here)
    assert isomorphic(Graph().parse(out), Graph().parse(GOLDEN))


@pytest.mark.parametrize("fmt,rdflib_fmt", [("nt", "nt"), ("json-ld", "json-ld"), ("xml", "xml"), ("turtle", "turtle")])
def test_export_to_stdout_in_each_format(home, fmt, rdflib_fmt):
    result = run("export", "rdf", "--format", fmt, "--home", home)
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "wrote" not in result.stdout  # click >= 8.2 keeps the two apart
    assert isomorphic(Graph().parse(data=result.stdout, format=rdflib_fmt), Graph().parse(GOLDEN))


def test_format_from_file_name(home, tmp_path):
    out = tmp_path / "g.jsonld"
    assert run("export", "rdf", "-o", out, "--home", home).exit_code == 0
    assert json.loads(out.read_text("utf-8"))["@graph"]


def test_validate_conforming_and_broken(home, tmp_path):
    out = tmp_path / "g.nt"
    assert run("export", "rdf", "-o", out, "--home", home).exit_code == 0
    ok = run("validate-rdf", out)
    assert ok.exit_code == 0 and "conforms" in ok.output
    g = Graph().parse(out, format="nt")
    toronto = URIRef("https://w3id.org/aikg/entity/cluster/toronto")
    g.remove((toronto, URIRef("http://schema.org/name"), None))
    g.add((toronto, URIRef("http://schema.org/name"), Literal("Toronto")))
    g.add((toronto, URIRef("http://schema.org/name"), Literal("TO")))
    broken = tmp_path / "broken.ttl"
    g.serialize(broken, format="turtle")
    bad = run("validate-rdf", broken, "--format", "csv")
    assert bad.exit_code == 1
    assert "does not conform" in bad.output and "cluster/toronto" in bad.output and "schema:name" in bad.output


def test_sparql_table_and_query_file(home, tmp_path):
    out = tmp_path / "g.ttl"
    assert run("export", "rdf", "-o", out, "--home", home).exit_code == 0
    result = run("sparql", out, "SELECT ?name WHERE { ?c a aikg:Cluster ; schema:name ?name } ORDER BY ?name")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].strip() == "name"
    assert "Toronto" in result.output and "Москва" in result.output
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?x aikg:partnersWith ?y }", "utf-8")
    asked = run("sparql", out, f"@{rq}", "--format", "json")
    assert json.loads(asked.output) == [{"ask": True}]
    none = run("sparql", out, "SELECT ?x WHERE { ?x a aikg:Nothing }")
    assert none.exit_code == 0 and "no rows" in none.output
    bad = run("sparql", out, "SELECT WHERE {")
    assert isinstance(bad.exception, QueryError)


def test_import_round_trip_and_idempotence(home, tmp_path):
    out = tmp_path / "g.xml"
    assert run("export", "rdf", "-o", out, "--format", "xml", "--home", home).exit_code == 0
    copy = tmp_path / "copy"
    first = run("import", "rdf", out, "--format", "xml", "--home", copy)
    assert first.exit_code == 0, first.output
    assert "documents loaded: 3" in first.output
    again = run("import", "rdf", out, "--format", "xml", "--home", copy)
    assert "documents loaded: 0, already present: 3" in again.output
    back = tmp_path / "back.ttl"
    assert run("export", "rdf", "-o", back, "--home", copy).exit_code == 0
    assert isomorphic(Graph().parse(back), Graph().parse(GOLDEN))


def test_bad_options_are_clear(home, tmp_path):
    assert isinstance(run("export", "rdf", "--format", "csv", "--home", home).exception, ConfigError)
    assert isinstance(run("export", "rdf", "--base", "not an iri", "--home", home).exception, ConfigError)
    assert run("export", "rdf", "--param", "a=1", "--home", home).exit_code != 0  # --param needs --query
    assert isinstance(run("validate-rdf", tmp_path / "missing.ttl").exception, InputError)


def test_errors_become_one_line_and_an_exit_code(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "aikg", "validate-rdf", str(bad)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == InputError.exit_code
    assert proc.stderr.startswith("aikg: ") and "bad.ttl" in proc.stderr and "not valid turtle" in proc.stderr


def test_export_query_option(home, tmp_path):
    pytest.importorskip("aikg.queries.catalog")
    out = tmp_path / "q.ttl"
    result = run("export", "rdf", "-o", out, "--query", "partnership_network", "--param", "org=company:nvidia",
                 "--param", "depth=1", "--home", home)
    if isinstance(result.exception, QueryError):
        pytest.skip(f"catalog query not usable here: {result.exception}")
    assert result.exit_code == 0, result.output
    g = Graph().parse(out)
    assert len(list(g.subject_objects(URIRef("https://w3id.org/aikg/ontology#partnersWith")))) == 2
    assert run("validate-rdf", out).exit_code == 0


def test_importing_the_commands_loads_no_rdf_library():
    code = ("import sys, aikg.commands.rdf, aikg.commands.groups; "
            "print(sorted(m for m in ('rdflib', 'pyshacl', 'pandas') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
