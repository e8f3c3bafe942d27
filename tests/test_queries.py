"""The query catalog: header validation, parameter checks, and every query's answer on a known graph.

The fixture graph (tests/data/query_fixture.jsonl) is loaded through the real loader, one
publication date at a time with the loader's clock set to that date, so ``first_seen`` is
known: everything in the 2025-02-01 document is "new since 2025".
"""

from __future__ import annotations

import shlex
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest

from aikg.core.errors import QueryError
from aikg.queries.catalog import EDGE_COLUMNS, load_catalog, run_query
from tests.conftest import DATA

FIXTURE = DATA / "query_fixture.jsonl"
ENTITIES, DOCUMENTS = 38, 5


def load_query_fixture(store, path: Path = FIXTURE) -> None:
    """Load the fixture through the real loader, each publication date as its own load at that date."""
    import aikg.graph.loader as loader
    from aikg.core.jsonl import read_jsonl

    result = read_jsonl([path])
    assert not result.errors, result.errors
    days = sorted({d.published for d in result.documents})
    for n, day in enumerate(days):
        docs = [d for d in result.documents if d.published == day]
        ids = {d.id for d in docs}
        entities = [replace(e, mentions=[m for m in e.mentions if m.doc in ids]) for e in result.entities
                    if any(m.doc in ids for m in e.mentions) or (n == 0 and not e.mentions)]
        relations = [replace(r, evidence=[ev for ev in r.evidence if ev.doc in ids]) for r in result.relations
                     if any(ev.doc in ids for ev in r.evidence)]
        with mock.patch.object(loader, "now_iso", lambda day=day: f"{day}T00:00:00+00:00"):
            report = loader.load_records(store, docs, entities, relations)
        assert not report.errors, report.errors


@pytest.fixture(scope="module")
def embedded_graph(tmp_path_factory: pytest.TempPathFactory):
    """The fixture graph on the embedded store, loaded once for the module: the tests that take ``graph`` only
    read it (the teardown fails if one wrote to it; a test that writes takes a store of its own, like
    ``metro_graph``)."""
    from aikg.graph.store import open_store
    from tests.helpers import dump

    st = open_store("embedded", home=tmp_path_factory.mktemp("query-graph") / "home")
    try:
        st.apply_schema()
        load_query_fixture(st)
        loaded = dump(st, volatile=True)
        yield st
        assert dump(st, volatile=True) == loaded, "a test wrote to the shared query graph: give it a store of its own"
    finally:
        st.close()


@pytest.fixture
def graph(backend_name: str, request: pytest.FixtureRequest):
    """The fixture graph: the module's on the embedded store; on Neo4j (one database, which every other test's
    store clears) loaded into the test's own store."""
    if backend_name == "embedded":
        return request.getfixturevalue("embedded_graph")
    store = request.getfixturevalue("store")
    load_query_fixture(store)
    return store


def rows(df: pd.DataFrame, *cols: str) -> list[tuple]:
    return [tuple(r) for r in df[list(cols)].itertuples(index=False, name=None)]


def example_params(example: str) -> dict[str, str]:
    tokens = shlex.split(example)
    return dict(tokens[i + 1].split("=", 1) for i, t in enumerate(tokens) if t in ("--param", "-p"))


CATALOG = load_catalog()
REQUIRED = {
    "clusters_sharing_partners", "cluster_anchors", "partnership_network", "programmes_by_cluster", "bridging_people",
    "org_ranking", "shortest_connection", "co_mentions", "funding_flows", "companies_without_anchor_partner",
    "relationship_evidence", "changes_since", "entity_search", "cluster_profile", "graph_health",
}


# --- the catalog as text ------------------------------------------------------------------


def test_catalog_covers_the_issue():
    assert len(CATALOG) >= 15
    assert REQUIRED <= set(CATALOG.names())
    assert CATALOG.names() == sorted(CATALOG.names())


def test_edge_list_queries_are_marked():
    edges = {q.name for q in CATALOG if q.returns_edges}
    assert edges == {"co_mentions", "entity_neighbours", "funding_flows", "partnership_network", "shortest_connection"}
    for name in edges:
        cols = CATALOG.get(name).column_names
        assert [c for c in cols if c in EDGE_COLUMNS] == list(EDGE_COLUMNS)


def test_unknown_query_suggests_the_closest_names():
    with pytest.raises(QueryError) as err:
        CATALOG.get("partner_network")
    assert "unknown query 'partner_network'" in str(err.value)
    assert "did you mean partnership_network?" in str(err.value) and "graph_health" not in str(err.value)


GOOD = """\
// name: {name}
// title: A test query
// description: Finds things
//   over two lines.
// param: depth int default=2 min=1 max=4 -- hops
// param: who entity:Cluster required -- the cluster
// column: id -- the id
// empty: nothing
// example: aikg query run {name} --param who=x
MATCH (c:Cluster {{id: $who}})-[:ANCHORS*1..4]-(n:Entity)
WHERE $depth > 0
RETURN n.id AS id
"""


def write(tmp_path: Path, text: str, name: str = "q") -> Path:
    folder = tmp_path / "cat"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.cypher").write_text(text, "utf-8")
    return folder


def test_valid_file_loads(tmp_path):
    cat = load_catalog(write(tmp_path, GOOD.format(name="q")))
    q = cat.get("q")
    assert q.description == "Finds things over two lines."
    assert [p.name for p in q.params] == ["depth", "who"] and q.param("depth").default == 2
    assert q.param("who").entity_types == ("Cluster",) and q.param("who").required
    assert not q.returns_edges


@pytest.mark.parametrize("change, message", [
    (("WHERE $depth > 0", "WHERE $dept > 0"), "uses undeclared $dept; declares $depth but never uses it"),
    (("WHERE $depth > 0", "WHERE true"), "declares $depth but never uses it"),
    (("RETURN n.id AS id", "RETURN n.id AS id, $extra AS x"), "uses undeclared $extra"),
])
def test_loader_refuses_params_that_do_not_match_the_text(tmp_path, change, message):
    folder = write(tmp_path, GOOD.format(name="q").replace(*change))
    with pytest.raises(QueryError) as err:
        load_catalog(folder)
    assert message in str(err.value) and "q.cypher" in str(err.value)


def test_params_inside_strings_and_comments_do_not_count(tmp_path):
    text = GOOD.format(name="q").replace("WHERE $depth > 0", "WHERE $depth > 0 AND n.name <> '$ghost' // $ghost2")
    assert load_catalog(write(tmp_path, text)).get("q")
    # a quote inside a comment does not open a string that would hide the parameters after it
    text = GOOD.format(name="q").replace("WHERE $depth > 0", "// the cluster's anchors\nWHERE $depth > 0")
    assert load_catalog(write(tmp_path, text)).get("q")


@pytest.mark.parametrize("change, message", [
    (("// title: A test query\n", ""), "lacks '// title"),
    (("// column: id -- the id\n", ""), "declares no '// column"),
    (("// empty: nothing", "// emptyy: nothing"), "unknown header key 'emptyy'"),
    (("// title: A test query", "// title: A\n// stray text"), "expected '// key: value'"),
    (("// name: q", "// name: other"), "differs from the file name"),
    (("default=2 min=1", "default=9 min=1"), "default does not fit"),
    (("depth int", "depth integer"), "unknown type 'integer'"),
    (("entity:Cluster", "entity:Planet"), "unknown entity type 'Planet'"),
    (("-- hops", ""), "missing ' -- meaning'"),
    ((":ANCHORS*1..4", ":ANCHORS_X*1..4"), "relationship type 'ANCHORS_X' is not in the schema"),
    (("(n:Entity)", "(n:Organisation)"), "label 'Organisation' is not in the schema"),
    (("(n:Entity)", "(n:Institute|Company)"), "label expression"),
    (("WHERE $depth > 0", "WHERE $depth > 0 AND EXISTS { MATCH (n)--() }"), "EXISTS { }"),
    (("WHERE $depth > 0", "WHERE $depth > 0 AND n.name =~ 'x.*'"), "=~"),
    (("RETURN n.id AS id", "SET n.x = 1 RETURN n.id AS id"), "read-only"),
    (("--param who=x", "--param whom=x"), "example uses undeclared parameter 'whom'"),
])
def test_loader_refuses_bad_headers_and_unportable_text(tmp_path, change, message):
    text = GOOD.format(name="q")
    assert change[0] in text
    with pytest.raises(QueryError) as err:
        load_catalog(write(tmp_path, text.replace(*change)))
    assert message in str(err.value)


def test_variant_must_use_the_same_params(tmp_path):
    folder = write(tmp_path, GOOD.format(name="q"))
    (folder / "q.neo4j.cypher").write_text("MATCH (c:Cluster {id: $who}) RETURN c.id AS id", "utf-8")
    with pytest.raises(QueryError) as err:
        load_catalog(folder)
    assert "(variant neo4j)" in str(err.value) and "$depth" in str(err.value)
    (folder / "q.neo4j.cypher").write_text("MATCH (c:Cluster {id: $who}) WHERE $depth > 0 RETURN c.id AS id", "utf-8")
    q = load_catalog(folder).get("q")
    assert "$depth > 0" in q.cypher("neo4j") and "ANCHORS" in q.cypher("embedded")
    (folder / "q.oracle.cypher").write_text("RETURN 1", "utf-8")
    with pytest.raises(QueryError, match="backend one of"):
        load_catalog(folder)


# --- parameters ----------------------------------------------------------------------------


def test_bind_fills_defaults_and_converts_text():
    q = CATALOG.get("partnership_network")
    assert q.bind({"org": "Vector", "depth": "3"}) == {"org": "Vector", "depth": 3, "min_support": 1, "min_confidence": 0.0}
    assert CATALOG.get("clusters_sharing_partners").bind({"include_located": "yes"})["include_located"] is True
    assert CATALOG.get("org_ranking").bind({"by": "Documents", "type": "company"}) == {
        "by": "documents", "type": "Company", "limit": 20, "min_confidence": 0.0}
    assert CATALOG.get("entity_neighbours").bind({"entity": "x", "type": "funds"})["type"] == "FUNDS"


@pytest.mark.parametrize("value, expected", [
    ("2025-01-31", "2025-01-31"),
    ("2025-01-31T10:00:00Z", "2025-01-31T10:00:00+00:00"),
    ("2025-01-31T12:00:00+02:00", "2025-01-31T10:00:00+00:00"),
    ("2025-01-31T10:00:00", "2025-01-31T10:00:00+00:00"),
])
def test_dates_become_comparable_iso_strings(value, expected):
    assert CATALOG.get("changes_since").bind({"since": value})["since"] == expected


@pytest.mark.parametrize("params, message", [
    ({"org": "x", "dept": 2}, "unknown parameter 'dept'"),
    ({}, "missing required parameter 'org'"),
    ({"org": "x", "depth": "two"}, "depth must be an integer"),
    ({"org": "x", "depth": 5}, "depth must be at most 4"),
    ({"org": "x", "depth": 0}, "depth must be at least 1"),
    ({"org": "x", "depth": True}, "depth must be an integer"),
    ({"org": "", "depth": 2}, "org must be an entity id"),
])
def test_bad_params_list_the_valid_ones_with_types(params, message):
    with pytest.raises(QueryError) as err:
        CATALOG.get("partnership_network").bind(params)
    text = str(err.value)
    assert message in text
    assert "valid parameters: org (entity:Institute|Company|Agency, required), depth (int 1..4, default 2), " \
           "min_support (int 1..100000, default 1)" in text


def test_choices_and_dates_are_checked():
    with pytest.raises(QueryError, match="by must be one of degree, documents"):
        CATALOG.get("org_ranking").bind({"by": "size"})
    with pytest.raises(QueryError, match="ISO-8601"):
        CATALOG.get("changes_since").bind({"since": "last tuesday"})
    with pytest.raises(QueryError, match="type must be one of any, LOCATED_IN"):
        CATALOG.get("entity_neighbours").bind({"entity": "x", "type": "LIKES"})


def test_fulltext_query_strings_per_backend_are_safe():
    from aikg.queries.hooks.search import fulltext_query

    assert fulltext_query("Vectr Institue", "embedded") == "%vectr%|vectr*|%institue%|institue*"
    assert fulltext_query("Vectr Institue", "neo4j") == "vectr~1 OR vectr* OR institue~1 OR institue*"
    assert fulltext_query("U of T", "embedded") == ""
    assert fulltext_query("'}) DETACH DELETE n //", "embedded") == "%detach%|detach*|%delete%|delete*"
    assert fulltext_query("AI (lab) \"x\" ~*", "neo4j") == "ai* OR lab*"


def test_docs_are_generated_from_the_headers():
    from aikg.queries.docs import DOC_PATH, render

    assert DOC_PATH.read_text("utf-8") == render(CATALOG), "docs/queries.md is stale: run python -m aikg.queries.docs"


# --- every query on the fixture graph -------------------------------------------------------


@pytest.mark.parametrize("name", CATALOG.names())
def test_every_example_runs_and_returns_declared_columns(graph, name):
    query = CATALOG.get(name)
    df = run_query(graph, name, example_params(query.examples[0]))
    assert list(df.columns) == query.column_names
    assert not df.empty, f"the example of {name} should find something in the fixture"


def test_empty_answer_keeps_the_declared_columns(graph):
    df = run_query(graph, "programmes_by_cluster", {"cluster": "Paris"})
    assert df.empty and list(df.columns) == CATALOG.get("programmes_by_cluster").column_names


def test_clusters_sharing_partners(graph):
    df = run_query(graph, "clusters_sharing_partners", {"include_located": True})
    assert rows(df, "cluster_a", "cluster_b", "shared", "shared_partners") == [
        ("cluster:london", "cluster:paris", 3, ["NVIDIA", "University College London", "Inria"]),
        ("cluster:london", "cluster:toronto", 2, ["NVIDIA", "Google DeepMind"]),
        ("cluster:london", "cluster:montreal", 1, ["NVIDIA"]),
        ("cluster:montreal", "cluster:paris", 1, ["NVIDIA"]),
        # CIFAR sits in both Montreal and Toronto and partners with ISED: that alone is not sharing
        ("cluster:montreal", "cluster:toronto", 1, ["NVIDIA"]),
        ("cluster:paris", "cluster:toronto", 1, ["NVIDIA"]),
    ]
    # most mentioned first: NVIDIA is in five documents, UCL in two, Inria in one
    assert df.iloc[0]["shared_partner_ids"] == ["company:nvidia", "institute:university-college-london", "institute:inria"]
    top1 = run_query(graph, "clusters_sharing_partners", {"top": 1, "include_located": "true"})
    assert rows(top1, "shared", "shared_partners")[0] == (3, ["NVIDIA"])
    anchors_only = run_query(graph, "clusters_sharing_partners", {})  # anchors only by default
    assert rows(anchors_only, "cluster_a_name", "cluster_b_name", "shared_partners") == [
        ("London", "Toronto", ["NVIDIA", "Google DeepMind"]), ("London", "Montreal", ["NVIDIA"]),
        ("Montreal", "Toronto", ["NVIDIA"])]
    two = run_query(graph, "clusters_sharing_partners", {"min_shared": 2, "include_located": True})
    assert rows(two, "cluster_a_name", "cluster_b_name") == [("London", "Paris"), ("London", "Toronto")]


def test_cluster_anchors(graph):
    expected = [
        ("institute:university-of-toronto", "Institute", 2, ["NVIDIA", "Google DeepMind"], 0, [], 1, ["Geoffrey Hinton"]),
        ("institute:vector-institute", "Institute", 2, ["NVIDIA", "Cohere"], 1, ["Vector Scholarships in AI"],
         2, ["Ada Okafor", "Geoffrey Hinton"]),
    ]  # most mentioned first: NVIDIA is in five documents, Ada Okafor in three
    for ref in ("cluster:toronto", "toronto", "Greater Toronto Area"):
        df = run_query(graph, "cluster_anchors", {"cluster": ref})
        assert rows(df, "anchor", "anchor_type", "partner_count", "partners", "programme_count", "programmes",
                    "people_count", "people") == expected
    top1 = run_query(graph, "cluster_anchors", {"cluster": "Toronto", "top": 1})
    assert rows(top1, "partner_count", "partners", "people") == [(2, ["NVIDIA"], ["Geoffrey Hinton"]),
                                                                (2, ["NVIDIA"], ["Ada Okafor"])]
    london = run_query(graph, "cluster_anchors", {"cluster": "London"})
    assert rows(london, "anchor_name", "anchor_type", "programmes") == [
        ("Alan Turing Institute", "Institute", ["Turing AI Fellowships"]), ("Google DeepMind", "Company", [])]
    assert run_query(graph, "cluster_anchors", {"cluster": "Paris"}).empty


def test_partnership_network_by_depth(graph):
    def edges(**params):
        df = run_query(graph, "partnership_network", {"org": "Vector", **params})
        assert set(df["type"]) <= {"PARTNERS_WITH"}
        return {(r.source, r.target, r.support) for r in df.itertuples()}

    one = {("company:nvidia", "institute:vector-institute", 2), ("company:cohere", "institute:vector-institute", 1)}
    two = one | {("company:nvidia", "institute:university-of-toronto", 1), ("company:nvidia", "institute:mila", 1),
                 ("company:nvidia", "institute:alan-turing-institute", 1), ("company:mistral-ai", "company:nvidia", 1),
                 ("company:cohere", "company:layer-6-ai", 1)}
    three = two | {("company:google-deepmind", "institute:university-of-toronto", 1),
                   ("company:element-ai", "institute:mila", 1),
                   ("company:google-deepmind", "institute:alan-turing-institute", 2)}
    four = three | {("company:google-deepmind", "institute:university-college-london", 1)}
    assert edges(depth=1) == one
    assert edges() == two
    assert edges(depth=3) == three
    assert edges(depth=4) == four
    strong = run_query(graph, "partnership_network", {"org": "institute:vector-institute", "depth": 3, "min_support": 2})
    assert rows(strong, "source_name", "target_name", "support", "documents") == [
        ("Google DeepMind", "Alan Turing Institute", 2, 1), ("NVIDIA", "Vector Institute", 2, 2)]
    assert rows(strong, "source_type", "target_type") == [("Company", "Institute"), ("Company", "Institute")]


def test_partnership_network_refuses_a_cluster(graph):
    with pytest.raises(QueryError, match="no Institute, Company or Agency matches org='Toronto'"):
        run_query(graph, "partnership_network", {"org": "Toronto"})


def test_programmes_by_cluster(graph):
    df = run_query(graph, "programmes_by_cluster", {})
    assert rows(df, "cluster_name", "programme_name", "run_by", "funded_by") == [
        ("London", "Turing AI Fellowships", ["Alan Turing Institute"], ["UK Research and Innovation"]),
        ("London", "UKRI AI Centres for Doctoral Training", ["UK Research and Innovation"], ["UK Research and Innovation"]),
        ("Montreal", "Pan-Canadian AI Strategy", ["CIFAR"], ["Innovation, Science and Economic Development Canada"]),
        ("Toronto", "Pan-Canadian AI Strategy", ["CIFAR"], ["Innovation, Science and Economic Development Canada"]),
        ("Toronto", "Vector Scholarships in AI", ["Vector Institute"], ["NVIDIA"]),
        (None, "France 2030", [], []),
    ]
    assert rows(run_query(graph, "programmes_by_cluster", {"cluster": "Montreal"}), "programme") == [
        ("programme:pan-canadian-ai-strategy",)]


def test_bridging_people(graph):
    df = run_query(graph, "bridging_people", {})
    assert rows(df, "person_name", "cluster_count", "clusters", "affiliations") == [
        ("Ada Okafor", 3, ["London", "Montreal", "Toronto"],
         ["Alan Turing Institute (London)", "Mila (Montreal)", "Vector Institute (Toronto)"]),
        ("Bruno Keller", 2, ["London", "Paris"], ["University College London (London)", "Inria (Paris)"]),
    ]
    assert rows(run_query(graph, "bridging_people", {"min_clusters": 3}), "person") == [("person:ada-okafor",)]


def test_org_ranking(graph):
    by_degree = run_query(graph, "org_ranking", {"limit": 5})
    assert rows(by_degree, "id", "degree", "documents") == [
        ("institute:mila", 9, 1), ("company:google-deepmind", 8, 2), ("institute:vector-institute", 8, 2),
        ("institute:alan-turing-institute", 8, 1), ("company:nvidia", 7, 5)]
    by_docs = run_query(graph, "org_ranking", {"by": "documents", "limit": 5})
    assert rows(by_docs, "name", "documents", "degree") == [
        ("NVIDIA", 5, 7), ("Google DeepMind", 2, 8), ("Vector Institute", 2, 8), ("University College London", 2, 5),
        ("University of Toronto", 2, 5)]
    agencies = run_query(graph, "org_ranking", {"type": "Agency"})
    assert rows(agencies, "name", "type", "degree", "documents", "mentioned_in") == [
        ("UK Research and Innovation", "Agency", 4, 1, 1),
        ("Innovation, Science and Economic Development Canada", "Agency", 2, 1, 1)]  # the orphan ministry is left out
    assert len(run_query(graph, "org_ranking", {"limit": 1000})) == 20  # 22 organisations, 2 orphans


def test_shortest_connection(graph):
    df = run_query(graph, "shortest_connection", {"source": "Geoffrey Hinton", "target": "Demis Hassabis", "paths": 3})
    assert rows(df, "path", "hop", "hops", "source", "type", "target") == [
        (1, 1, 3, "person:geoffrey-hinton", "AFFILIATED_WITH", "institute:university-of-toronto"),
        (1, 2, 3, "company:google-deepmind", "PARTNERS_WITH", "institute:university-of-toronto"),
        (1, 3, 3, "person:demis-hassabis", "AFFILIATED_WITH", "company:google-deepmind"),
        (2, 1, 3, "person:geoffrey-hinton", "AFFILIATED_WITH", "institute:university-of-toronto"),
        (2, 2, 3, "company:google-deepmind", "PARTNERS_WITH", "institute:university-of-toronto"),
        (2, 3, 3, "person:demis-hassabis", "FOUNDED", "company:google-deepmind"),
    ]
    assert len(run_query(graph, "shortest_connection", {"source": "Geoffrey Hinton", "target": "Demis Hassabis"})) == 3
    assert run_query(graph, "shortest_connection",
                     {"source": "Geoffrey Hinton", "target": "Demis Hassabis", "max_hops": 2}).empty
    via_clusters = run_query(graph, "shortest_connection", {"source": "Layer 6 AI", "target": "Element AI"})
    assert rows(via_clusters, "source_name", "type", "target_name") == [
        ("Layer 6 AI", "LOCATED_IN", "Toronto"), ("CIFAR", "LOCATED_IN", "Toronto"),
        ("CIFAR", "LOCATED_IN", "Montreal"), ("Element AI", "LOCATED_IN", "Montreal")]
    assert run_query(graph, "shortest_connection", {"source": "Layer 6 AI", "target": "Element AI", "max_hops": 3}).empty
    assert run_query(graph, "shortest_connection", {"source": "France 2030", "target": "NVIDIA", "max_hops": 6}).empty


def test_co_mentions(graph):
    df = run_query(graph, "co_mentions", {"entity": "NVIDIA", "min_docs": 2})
    assert set(df["source"]) == {"company:nvidia"} and set(df["type"]) == {"CO_MENTIONED"}
    assert rows(df, "target_name", "support") == [
        ("Ada Okafor", 3), ("Google DeepMind", 2), ("Montreal", 2), ("Pan-Canadian AI Strategy", 2), ("Toronto", 2),
        ("University College London", 2), ("University of Toronto", 2), ("Vector Institute", 2)]
    everything = run_query(graph, "co_mentions", {"min_docs": 3})
    assert rows(everything, "source", "target", "support") == [("company:nvidia", "person:ada-okafor", 3)]
    assert len(run_query(graph, "co_mentions", {"limit": 5})) == 5


def test_funding_flows(graph):
    df = run_query(graph, "funding_flows", {})
    assert len(df) == 8 and set(df["type"]) == {"FUNDS"}
    toronto = run_query(graph, "funding_flows", {"cluster": "Toronto"})
    assert rows(toronto, "source_name", "target_name", "source_clusters", "target_clusters") == [
        ("NVIDIA", "Vector Scholarships in AI", [], ["Toronto"]),
        ("Pan-Canadian AI Strategy", "Vector Institute", [], ["Toronto"])]
    paris = run_query(graph, "funding_flows", {"cluster": "Paris"})
    assert rows(paris, "source", "target", "confidence") == [("company:nvidia", "company:mistral-ai", 0.5)]


def test_companies_without_anchor_partner(graph):
    df = run_query(graph, "companies_without_anchor_partner", {})
    assert rows(df, "company_name", "cluster_name", "partners", "cluster_anchors") == [
        ("<script>alert(1)</script> Labs", "London", 0, ["Alan Turing Institute", "Google DeepMind"]),
        ("Faculty", "London", 1, ["Alan Turing Institute", "Google DeepMind"]),
        ("'}) DETACH DELETE n //", "Paris", 1, []),
        ("Mistral AI", "Paris", 1, []),
        ("Layer 6 AI", "Toronto", 1, ["University of Toronto", "Vector Institute"]),
        ("Tenstorrent", "Toronto", 0, ["University of Toronto", "Vector Institute"]),
    ]
    assert run_query(graph, "companies_without_anchor_partner", {"cluster": "Montreal"}).empty


def test_relationship_evidence(graph):
    df = run_query(graph, "relationship_evidence", {"source": "Vector Institute", "target": "NVIDIA"})
    assert rows(df, "type", "source", "target", "doc_title", "published", "sentence") == [
        ("PARTNERS_WITH", "company:nvidia", "institute:vector-institute", "The Toronto AI ecosystem", "2024-03-01",
         "Vector Institute partners with NVIDIA on compute."),
        ("PARTNERS_WITH", "company:nvidia", "institute:vector-institute", "Partnership update 2025", "2025-02-01",
         "NVIDIA renewed its partnership with the Vector Institute."),
    ]
    assert list(df["method"]) == ["dep:partner"] * 2 and all(df["span_end"] > df["span_start"])
    hostile = run_query(graph, "relationship_evidence", {"source": "'}) DETACH DELETE n //", "target": "Inria"})
    assert list(hostile["sentence"]) == ["'}) DETACH DELETE n // signed an agreement with Inria. <script>alert(1)</script>"]
    assert list(hostile["doc_source"]) == ["filings/paris-2024.txt"]
    assert run_query(graph, "relationship_evidence", {"source": "NVIDIA", "target": "Vector", "type": "FUNDS"}).empty


def test_changes_since(graph):
    df = run_query(graph, "changes_since", {"since": "2025-01-01"})
    assert rows(df, "change", "type", "id", "target") == [
        ("entity", "Company", "company:tenstorrent", None),
        ("entity", "Institute", "institute:univ-of-toronto", None),
        ("relation", "LOCATED_IN", "company:tenstorrent", "cluster:toronto"),
        ("relation", "PARTNERS_WITH", "company:google-deepmind", "institute:university-of-toronto"),
        ("document", "web", "e5" * 32, None),
    ]
    assert set(df["first_seen"]) == {"2025-02-01T00:00:00+00:00"}
    assert len(run_query(graph, "changes_since", {"since": "2025-02-01T00:00:00Z"})) == 5  # on or after
    assert run_query(graph, "changes_since", {"since": "2025-02-01T00:00:01Z"}).empty
    assert len(run_query(graph, "changes_since", {"since": "2025-01-01", "kind": "relations"})) == 2
    everything = run_query(graph, "changes_since", {"since": "2000-01-01", "limit": 0})
    assert (everything["change"] == "entity").sum() == ENTITIES and (everything["change"] == "document").sum() == DOCUMENTS


def test_entity_neighbours(graph):
    df = run_query(graph, "entity_neighbours", {"entity": "UCL"})
    assert rows(df, "source_name", "type", "target_name") == [
        ("Bruno Keller", "AFFILIATED_WITH", "University College London"),
        ("University College London", "LOCATED_IN", "London"),
        ("Faculty", "PARTNERS_WITH", "University College London"),
        ("Google DeepMind", "PARTNERS_WITH", "University College London"),
        ("Inria", "PARTNERS_WITH", "University College London"),
    ]
    assert len(run_query(graph, "entity_neighbours", {"entity": "UCL", "type": "PARTNERS_WITH"})) == 3


def test_entity_references_that_are_ambiguous_are_refused(graph):
    with pytest.raises(QueryError) as err:
        run_query(graph, "entity_neighbours", {"entity": "U of T"})
    assert "matches several" in str(err.value)
    assert "institute:university-of-toronto" in str(err.value) and "institute:univ-of-toronto" in str(err.value)
    # an exact name wins over an alias shared with a likely duplicate
    assert len(run_query(graph, "entity_neighbours", {"entity": "google deepmind"})) == 8


def test_entity_search(graph):
    def search(text, **params):
        return run_query(graph, "entity_search", {"text": text, **params})

    typo = search("Vectr Institue")
    assert typo.iloc[0]["id"] == "institute:vector-institute" and typo.iloc[0]["score"] > 90
    assert list(search("Nvida")["id"])[:1] == ["company:nvidia"]
    assert set(search("U of T")["id"]) == {"institute:university-of-toronto", "institute:univ-of-toronto"}
    assert list(search("<script>")["id"]) == ["company:script-alert-1-script-labs"]
    hostile = search("'}) DETACH DELETE n //")
    assert list(hostile["id"]) == ["company:detach-delete-n"] and hostile.iloc[0]["score"] == 100
    assert list(search("toronto", type="Cluster")["id"]) == ["cluster:toronto"]
    assert len(search("toronto", limit=1)) == 1
    assert search("Tenstor").iloc[0]["matched"] == "Tenstorrent"
    assert search("zzzzqqq").empty
    assert set(search("deepmind")["matched"]) == {"DeepMind"}


def test_cluster_profile(graph):
    toronto = run_query(graph, "cluster_profile", {"cluster": "Toronto"}).iloc[0].to_dict()
    assert toronto == {
        "cluster": "cluster:toronto", "cluster_name": "Toronto", "institutes": 3, "companies": 3, "agencies": 0,
        "programme_count": 2, "people_count": 3, "anchors": ["University of Toronto", "Vector Institute"],
        "top_partners": ["NVIDIA (2)", "Google DeepMind (1)", "Innovation, Science and Economic Development Canada (1)"],
        "programmes": ["Pan-Canadian AI Strategy", "Vector Scholarships in AI"],
        "people": ["Ada Okafor", "Chen Wei", "Geoffrey Hinton"], "places": []}
    assert run_query(graph, "cluster_profile", {"cluster": "Toronto", "top": 1}).iloc[0]["top_partners"] == ["NVIDIA (2)"]
    paris = run_query(graph, "cluster_profile", {"cluster": "Paris"}).iloc[0]
    assert (paris["institutes"], paris["companies"], paris["programme_count"], paris["anchors"]) == (1, 2, 0, [])
    assert paris["top_partners"] == ["NVIDIA (1)", "University College London (1)"]
    assert paris["people"] == ["Bruno Keller"]


def test_cluster_overview(graph):
    df = run_query(graph, "cluster_overview", {})
    assert rows(df, "cluster_name", "anchors", "organisations", "programmes", "people", "documents") == [
        ("Toronto", 2, 6, 2, 3, 2), ("London", 2, 5, 2, 4, 1), ("Montreal", 1, 3, 1, 2, 2), ("Paris", 0, 3, 0, 1, 1)]


def test_graph_health(graph):
    df = run_query(graph, "graph_health", {})
    assert rows(df, "issue", "id", "other") == [
        ("orphan", "agency:ministère-de-l-économie-du-québec", None),
        ("orphan", "institute:univ-of-toronto", None),
        ("orphan", "programme:france-2030", None),
        ("weak", "agency:ministère-de-l-économie-du-québec", None),
        ("weak", "company:deepmind-technologies", None),
        ("weak", "institute:univ-of-toronto", None),
        ("weak", "programme:france-2030", None),
        ("duplicate", "company:deepmind-technologies", "company:google-deepmind"),
        ("duplicate", "institute:univ-of-toronto", "institute:university-of-toronto"),
    ]
    dupes = run_query(graph, "graph_health", {"check": "duplicates"})
    assert list(dupes["detail"]) == ['shares "deepmind"', 'shares "u of t"']


def test_hostile_values_stay_data(graph):
    for text in ("'}) DETACH DELETE n //", "<script>alert(1)</script>", "\" OR 1=1 //", "$text", "%%*~\\"):
        run_query(graph, "entity_search", {"text": text})
        with pytest.raises(QueryError):
            run_query(graph, "entity_neighbours", {"entity": text + "-missing"})
    assert graph.stats().node_total == ENTITIES + DOCUMENTS


# --- metro clusters and minimum confidence ---------------------------------------------------------


def _metro_records():
    """A metro (the Bay Area) with two cities WITHIN it, an anchor in each city, and partners."""
    from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord

    doc = "f6" * 32
    ent = lambda eid, typ, name, *aliases: EntityRecord(eid, typ, name, list(aliases), [Mention(doc, 0, 5)])  # noqa: E731
    ev = [Evidence(doc, 0, 40, "a sentence of the metro document")]
    rel = lambda t, s, g, c=0.9: RelationRecord(t, s, g, c, "test", ev)  # noqa: E731
    docs = [DocumentRecord(doc, "metro.txt", "Metro", "text", 100, published="2025-03-01")]
    ents = [ent("cluster:san-francisco-bay-area", "Cluster", "San Francisco Bay Area", "Bay Area"),
            ent("cluster:san-francisco", "Cluster", "San Francisco"), ent("cluster:mountain-view", "Cluster", "Mountain View"),
            ent("company:openai", "Company", "OpenAI"), ent("company:google", "Company", "Google"),
            ent("institute:stanford-university", "Institute", "Stanford University"),
            ent("company:nvidia", "Company", "NVIDIA"), ent("institute:vector-institute", "Institute", "Vector Institute")]
    rels = [rel("WITHIN", "cluster:san-francisco", "cluster:san-francisco-bay-area", 1.0),
            rel("WITHIN", "cluster:mountain-view", "cluster:san-francisco-bay-area", 1.0),
            rel("ANCHORS", "institute:stanford-university", "cluster:san-francisco-bay-area"),
            rel("ANCHORS", "company:google", "cluster:mountain-view"),
            rel("LOCATED_IN", "company:openai", "cluster:san-francisco"),
            rel("PARTNERS_WITH", "company:google", "company:nvidia", 0.6),
            rel("PARTNERS_WITH", "company:openai", "institute:vector-institute")]
    return docs, ents, rels


@pytest.fixture
def metro_graph(store):
    """The fixture graph and a metro on top, in a store of the test's own (it writes)."""
    from aikg.graph.loader import load_records

    load_query_fixture(store)
    report = load_records(store, *_metro_records())
    assert not report.errors, report.errors
    return store


def test_a_metro_answers_for_its_cities_and_keeps_them(metro_graph):
    anchors = run_query(metro_graph, "cluster_anchors", {"cluster": "Bay Area"})
    assert rows(anchors, "anchor_name", "places") == [("Google", ["Mountain View"]),
                                                      ("Stanford University", ["San Francisco Bay Area"])]
    profile = run_query(metro_graph, "cluster_profile", {"cluster": "Bay Area"}).iloc[0]
    assert (profile["companies"], profile["institutes"]) == (2, 1)
    assert profile["places"] == ["Mountain View", "San Francisco"]
    assert profile["top_partners"] == ["NVIDIA (1)", "Vector Institute (1)"]
    # a city still answers for itself
    assert rows(run_query(metro_graph, "cluster_anchors", {"cluster": "Mountain View"}), "anchor_name") == [("Google",)]
    # the metro, not its city, shares NVIDIA with Toronto and London (anchors only)
    shared = run_query(metro_graph, "clusters_sharing_partners", {})
    assert ("London", "San Francisco Bay Area", ["NVIDIA"]) in rows(shared, "cluster_a_name", "cluster_b_name",
                                                                    "shared_partners")
    assert "Mountain View" not in set(shared["cluster_a_name"]) | set(shared["cluster_b_name"])


def test_min_confidence_leaves_out_weaker_relationships(metro_graph):
    flows = run_query(metro_graph, "funding_flows", {"min_confidence": 0.6})
    assert ("company:nvidia", "company:mistral-ai") not in set(rows(flows, "source", "target"))
    assert len(flows) == len(run_query(metro_graph, "funding_flows", {})) - 1
    shared = run_query(metro_graph, "clusters_sharing_partners", {"min_confidence": 0.7})
    assert "San Francisco Bay Area" not in set(shared["cluster_a_name"]) | set(shared["cluster_b_name"])
    network = run_query(metro_graph, "partnership_network", {"org": "Google", "min_confidence": 0.7})
    assert network.empty
    assert len(run_query(metro_graph, "entity_neighbours", {"entity": "Google", "min_confidence": 0.7})) == 1


def test_views_take_a_minimum_confidence_too(metro_graph):
    from aikg.graph.views.fetch import cluster_network, network_around

    ids = lambda net: set(net.nodes)  # noqa: E731
    assert "company:nvidia" in ids(network_around(metro_graph, "Google", depth=1))
    assert "company:nvidia" not in ids(network_around(metro_graph, "Google", depth=1, min_confidence=0.7))
    assert "company:google" in ids(cluster_network(metro_graph, "cluster:mountain-view", min_confidence=0.9))
    assert "company:google" not in ids(cluster_network(metro_graph, "cluster:mountain-view", min_confidence=0.95))


def test_changes_since_lists_newest_first_across_kinds(graph):
    """A change feed, newest first (queries/hooks/changes.py): by time, then entities, relationships and
    documents, then type, id and end; the same rows as before paging (issue 18)."""
    df = run_query(graph, "changes_since", {"since": "2000-01-01", "kind": "relations", "limit": 0})
    keys = list(zip(df["first_seen"], df["type"], df["id"], df["target"]))
    assert keys == sorted(sorted(keys, key=lambda k: k[1:]), key=lambda k: k[0], reverse=True)
    assert len(set(df["first_seen"])) > 1 and len(set(df["type"])) > 1
    everything = run_query(graph, "changes_since", {"since": "2000-01-01", "limit": 0})
    rank = {"entity": 0, "relation": 1, "document": 2}
    order = [(r.first_seen, -rank[r.change]) for r in everything.itertuples()]
    assert order == sorted(order, reverse=True) and everything.attrs["total"] == len(everything)


def test_summaries_answer_like_the_graph(graph):
    """org_ranking and bridging_people read the loader's summaries: the same as counting the graph itself."""
    counted = graph.read("MATCH (o:Entity)-[r]-(:Entity) WHERE o:Institute OR o:Company OR o:Agency "
                         "RETURN o.id AS id, count(DISTINCT r) AS degree")
    ranked = run_query(graph, "org_ranking", {"limit": 1000})
    assert dict(rows(ranked, "id", "degree")) == {r["id"]: r["degree"] for r in counted}
