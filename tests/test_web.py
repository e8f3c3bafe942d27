"""The web explorer over a real embedded store: every route's status and content, bad parameters
answered with 4xx and the catalog's message, hostile names kept as text, loopback defences."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from html import unescape

import pytest

from aikg.graph.loader import load_jsonl
from aikg.graph.store import open_store
from aikg.queries.catalog import load_catalog
from aikg.web import create_app
from aikg.web.pages import highlight
from tests.conftest import DATA

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette announces a future move from httpx to httpx2
    from starlette.testclient import TestClient

FIXTURES = [DATA / "query_fixture.jsonl", DATA / "web" / "hostile.jsonl", DATA / "web" / "indicators.jsonl"]
HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_ID = "company:img-src-x-onerror-alert-1"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = open_store("embedded", home=tmp_path_factory.mktemp("web") / "home")
    st.apply_schema()
    report = load_jsonl(st, FIXTURES)
    assert not report.errors
    yield st
    st.close()


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c


def _error(html: str) -> str:
    found = re.search(r'class="error"[^>]*>(.*?)</p>', html, re.DOTALL)
    assert found, "the page shows no error message"
    return unescape(found.group(1))


def _links(html: str) -> list[str]:
    return re.findall(r'href="(/(?:entity|cluster)/[^"]+)"', html)


def test_home_lists_clusters_and_the_pairs_that_share_partners(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for name in ("Toronto", "Montreal", "London", "Paris"):
        assert f">{name}</a>" in r.text
    assert "/cluster/cluster%3Atoronto" in r.text
    pairs = r.text.split("Clusters that share anchor partners")[1]
    assert '<a href="/entity/company%3Anvidia">NVIDIA</a>' in pairs and '/cluster/cluster%3Alondon' in pairs


def test_every_link_on_the_home_page_leads_to_a_page(client):
    links = sorted(set(_links(client.get("/").text)))
    assert len(links) >= 5
    for link in links:
        assert client.get(link).status_code == 200, link


def test_cluster_page_shows_counts_anchors_partners_programmes_people(client):
    r = client.get("/cluster/cluster%3Atoronto")
    assert r.status_code == 200
    assert "<h1>Toronto" in r.text
    assert '<a href="/entity/institute%3Avector-institute">Vector Institute</a>' in r.text
    for text in ("NVIDIA (2)", "Pan-Canadian AI Strategy", "Geoffrey Hinton", "/search?q=NVIDIA\""):
        assert text in r.text, text
    assert re.search(r"<th>Institutes</th><td class=\"num\">3</td>", r.text)


def test_unknown_cluster_and_entity_are_404_with_a_message(client):
    r = client.get("/cluster/cluster%3Aatlantis")
    assert r.status_code == 404 and "no Cluster matches" in _error(r.text)
    r = client.get("/entity/company%3Anobody")
    assert r.status_code == 404 and "company:nobody" in _error(r.text)
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "no such page" in r.text


def test_entity_page_shows_relationships_evidence_documents_and_ids(client):
    r = client.get("/entity/company%3Anvidia")
    assert r.status_code == 200
    html = r.text
    assert "Nvidia, NVIDIA Corporation" in html  # aliases
    assert 'href="https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK=1045810"' in html
    assert "NVIDIA <span class=\"rel\">FUNDS</span> → <a href=\"/entity/company%3Amistral-ai\">Mistral AI</a>" in html
    assert "<mark>NVIDIA</mark> funds Mistral AI." in html
    assert "Paris filing, 2024-11-20" in html
    assert "direction: outgoing" in html and "direction: incoming" in html and "confidence: 0.50" in html
    vector = client.get("/entity/institute%3Avector-institute").text
    assert 'href="https://www.wikidata.org/wiki/Q56276544"' in vector


def test_hostile_names_titles_and_sentences_stay_text(client):
    r = client.get("/entity/" + HOSTILE_ID.replace(":", "%3A"))
    assert r.status_code == 200
    html = r.text
    assert HOSTILE not in html and "<script>alert" not in html and "<b>Hostile" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<mark>&lt;img src=x onerror=alert(1)&gt;</mark> partners with" in html  # highlighted, still escaped
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;b&gt;Hostile&lt;/b&gt; report, 2025-01-02, page 3" in html
    nvidia = client.get("/entity/company%3Anvidia").text
    assert HOSTILE not in nvidia and "&lt;img src=x onerror=alert(1)&gt;" in nvidia
    search = client.get("/search", params={"q": HOSTILE})
    assert search.status_code == 200 and HOSTILE not in search.text


def test_highlight_escapes_before_marking():
    marked = str(highlight("A <b> and a&b", ["a&b", "<b>"]))
    assert marked == "A <mark>&lt;b&gt;</mark> and <mark>a&amp;b</mark>"


def test_search_is_typo_tolerant_and_filters_by_type(client):
    r = client.get("/search", params={"q": "Vectr Institue"})
    assert r.status_code == 200
    assert '<a href="/entity/institute%3Avector-institute">Vector Institute</a>' in r.text
    r = client.get("/search", params={"q": "Vector", "type": "Programme"})
    assert "Vector Scholarships in AI" in r.text and "/entity/institute%3Avector-institute" not in r.text
    assert client.get("/search").status_code == 200  # the empty form
    r = client.get("/search", params={"q": "Vector", "type": "Planet"})
    assert r.status_code == 400 and "Planet" in _error(r.text)


def test_catalog_lists_every_query_and_each_form_follows_its_header(client):
    r = client.get("/queries")
    assert r.status_code == 200
    catalog = load_catalog()
    for query in catalog:
        assert f'href="/queries/{query.name}"' in r.text
        form = client.get(f"/queries/{query.name}")
        assert form.status_code == 200, query.name
        for p in query.params:
            assert f'name="{p.name}"' in form.text, (query.name, p.name)
    form = client.get("/queries/partnership_network").text
    assert re.search(r'<input type="number" name="depth" value="2" step="1" min="1" max="4">', form)
    assert "(required)" in form
    sharing = client.get("/queries/clusters_sharing_partners").text
    assert '<select name="include_located"><option>true</option><option selected>false</option>' in sharing


def test_query_runs_and_links_ids(client):
    r = client.get("/queries/cluster_profile", params={"run": "1", "cluster": "Toronto", "top": "3"})
    assert r.status_code == 200 and "1 row" in r.text
    assert '<a href="/entity/cluster%3Atoronto">cluster:toronto</a>' in r.text
    assert "University of Toronto; Vector Institute" in r.text


@pytest.mark.parametrize("params, message", [
    ({"min_confidence": "2", "entity": "NVIDIA"}, "min_confidence must be at most 1"),
    ({"entity": "Nobody Whatsoever"}, "no entity matches"),
    ({"entity": "NVIDIA", "colour": "red"}, "unknown parameter 'colour'"),
    ({}, "missing required parameter 'entity'"),
    ({"entity": "NVIDIA", "type": "LIKES"}, "LIKES"),
])
def test_bad_parameters_come_back_on_the_form_with_the_catalog_message(client, params, message):
    r = client.get("/queries/entity_neighbours", params={"run": "1", **params})
    assert r.status_code == 400
    assert message in _error(r.text)
    assert "Traceback" not in r.text and '<form action="/queries/entity_neighbours"' in r.text
    for key, value in params.items():
        if key != "colour":
            assert f'value="{value}"' in r.text or f"<option selected>{value}</option>" in r.text or key == "type"


def test_downloads_match_the_table(client):
    params = {"run": "1", "entity": "NVIDIA"}
    page = client.get("/queries/entity_neighbours", params=params).text
    assert '/queries/entity_neighbours.csv?run=1&amp;entity=NVIDIA' in page
    r = client.get("/queries/entity_neighbours.csv", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="entity_neighbours.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == load_catalog().get("entity_neighbours").column_names
    j = client.get("/queries/entity_neighbours.json", params=params)
    data = json.loads(j.text)
    assert len(data) == len(rows) >= 7 and all("company:nvidia" in (d["source"], d["target"]) for d in data)
    bad = client.get("/queries/entity_neighbours.csv", params={"run": "1", "entity": "NVIDIA", "min_confidence": "x"})
    assert bad.status_code == 400 and "min_confidence" in _error(bad.text)
    assert client.get("/queries/entity_neighbours.xml", params=params).status_code == 404


def test_unknown_query_is_404_with_suggestions(client):
    r = client.get("/queries/cluster_profil")
    assert r.status_code == 404 and "did you mean cluster_profile" in _error(r.text)


def test_static_files_are_served_and_pages_name_nothing_outside(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/table.js").status_code == 200
    for path in ("/", "/cluster/cluster%3Atoronto", "/entity/company%3Anvidia", "/queries/cluster_overview"):
        html = client.get(path).text
        sources = re.findall(r'(?:src|href)="([^"]+)"', html)
        assert all(s.startswith(("/", "#", "data:", "https://www.wikidata.org/", "https://www.sec.gov/",
                                 "https://ror.org/")) for s in sources), sources
        assert not re.findall(r'(?:src)="https?:', html)


def test_security_headers_and_no_cypher_route(client):
    r = client.get("/")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.post("/queries/cluster_overview").status_code in (404, 405)
    assert client.get("/cypher", params={"q": "MATCH (n) DETACH DELETE n"}).status_code == 404


def test_loopback_app_refuses_other_host_headers(store):
    from aikg.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(store, allowed_hosts=LOOPBACK_HOSTS), base_url="http://127.0.0.1") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_the_store_is_unchanged_by_browsing(store, client):
    before = store.stats()
    for path in ("/", "/entity/company%3Anvidia", "/queries/cluster_overview?run=1"):
        client.get(path)
    assert store.stats() == before


def test_cli_serve_is_registered_with_a_loopback_default():
    from typer.testing import CliRunner

    from aikg.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--port" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_edge_queries_download_as_networks(client, fmt):
    import networkx as nx

    params = {"run": "1", "entity": "NVIDIA"}
    page = client.get("/queries/entity_neighbours", params=params).text
    assert f"/queries/entity_neighbours.{fmt}?run=1&amp;entity=NVIDIA" in page
    r = client.get(f"/queries/entity_neighbours.{fmt}", params=params)
    assert r.status_code == 200 and f'filename="entity_neighbours.{fmt}"' in r.headers["content-disposition"]
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(r.content))
    rows = client.get("/queries/entity_neighbours.json", params=params).json()
    assert graph.number_of_edges() == len(rows) and graph.nodes["company:nvidia"]["type"] == "Company"
    assert "GraphML" not in client.get("/queries/cluster_overview", params={"run": "1"}).text
    refused = client.get(f"/queries/cluster_overview.{fmt}", params={"run": "1"})
    assert refused.status_code == 404 and "does not list relationships" in _error(refused.text)


def test_entity_and_edge_query_turtle_downloads_parse(client):
    from rdflib import Graph, Literal

    neighbours = client.get("/queries/entity_neighbours.json", params={"run": "1", "entity": "NVIDIA"}).json()
    expected = {r["source_name"] for r in neighbours} | {r["target_name"] for r in neighbours}
    assert 'href="/rdf/entity/company%3Anvidia"' in client.get("/entity/company%3Anvidia").text
    r = client.get("/rdf/entity/company%3Anvidia")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=r.text, format="turtle")
    literals = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    assert expected <= literals and "NVIDIA funds Mistral AI." in literals  # names and evidence sentences
    lone = client.get("/rdf/entity/" + HOSTILE_ID.replace(":", "%3A"))
    assert HOSTILE in {str(o) for o in Graph().parse(data=lone.text, format="turtle").objects()}
    assert client.get("/rdf/entity/company%3Anobody").status_code == 404
    q = client.get("/queries/partnership_network.ttl", params={"run": "1", "org": "Vector Institute"})
    assert q.status_code == 200 and "Vector Institute" in {
        str(o) for o in Graph().parse(data=q.text, format="turtle").objects()}


@pytest.mark.parametrize("path, needle", [
    ("/network/cluster/cluster%3Atoronto", "Vector Institute"),
    ("/network/entity/company%3Anvidia", "Mistral AI"),
    ("/network/query/partnership_network?run=1&org=Vector+Institute", "Cohere"),
])
def test_network_views_are_linked_and_self_contained(client, path, needle):
    r = client.get(path)
    assert r.status_code == 200 and needle in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "http" not in csp  # inline only: nothing can be fetched
    assert not re.findall(r'<script[^>]+src="https?:', r.text)
    linked_from = {"cluster": "/cluster/cluster%3Atoronto", "entity": "/entity/company%3Anvidia",
                   "query": "/queries/partnership_network?run=1&org=Vector+Institute"}[path.split("/")[2]]
    assert path.split("?")[0] in client.get(linked_from).text


def test_network_view_refusals(client):
    assert client.get("/network/query/cluster_overview").status_code == 404
    assert client.get("/network/planet/earth").status_code == 404
    r = client.get("/network/cluster/cluster%3Aatlantis")
    assert 400 <= r.status_code < 500 and "atlantis" in _error(r.text)
    r = client.get("/network/entity/" + HOSTILE_ID.replace(":", "%3A"))
    assert r.status_code == 200 and HOSTILE not in r.text  # the name is escaped everywhere in the page


def test_cluster_page_shows_indicators_by_year_with_their_table(client):
    r = client.get("/cluster/cluster%3Atoronto")
    section = r.text.split("<h2>Indicators</h2>")[1].split("<h2>")[0]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", section)
    assert heads == ["Indicator", "2023", "2024", "value"]  # years in order, an undated metric last
    rows = {unescape(m[0]): m[1:] for m in re.findall(
        r'<tr><td title="metric_[^"]+">([^<]+)</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td>'
        r'<td class="num">([^<]*)</td></tr>', section)}
    assert rows == {"AI research papers count": ("2900", "3120", ""), "Talent index": ("", "", "71.5"),
                    "VC investment in AI (USD bn)": ("", "2.6", "")}
    assert "AI indicators by metro (tables/metro-indicators.csv), 2025-02-01" in unescape(section)
    montreal = client.get("/cluster/cluster%3Amontreal").text.split("<h2>Indicators</h2>")[1]
    assert "No table in the graph gives figures for this cluster." in montreal.split("<h2>")[0]


def test_metric_names_read_as_words():
    from aikg.web.pages import METRIC_KEY, metric_label

    found = METRIC_KEY.match("metric_share_of_job_postings_requiring_ai_skills_pct_2024")
    assert found and found.group("name", "year") == ("share_of_job_postings_requiring_ai_skills_pct", "2024")
    assert METRIC_KEY.match("metric_ai_patents").group("year") is None
    assert metric_label("share_of_job_postings_requiring_ai_skills_pct") == "Share of job postings requiring AI skills (%)"
    assert metric_label("vc_investment_in_ai_usd_bn") == "VC investment in AI (USD bn)"


def test_cluster_map_is_linked_from_home_and_self_contained(client):
    home = client.get("/").text
    assert 'href="/network/clusters"' in home
    r = client.get("/network/clusters")
    assert r.status_code == 200 and "default-src 'none'" in r.headers["content-security-policy"]
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="https?:', r.text)
    data = json.loads(re.search(r'<script id="aikg-data" type="application/json">(.*?)</script>', r.text, re.S)
                      .group(1))
    clusters = {n["id"] for n in data["nodes"] if n.get("kind") == "cluster"}
    pairs = {(row["cluster_a"], row["cluster_b"]) for row in _rows(client, "clusters_sharing_partners")}
    assert pairs
    assert clusters == {c for pair in pairs for c in pair}
    assert {(e["from"], e["to"]) for e in data["edges"]} == pairs
    located = client.get("/network/clusters", params={"include_located": "1"})
    assert located.status_code == 200 and "located organisations" in located.text


def test_home_shows_the_cluster_map_figure(client):
    from xml.etree import ElementTree

    assert '<img src="/network/clusters.svg"' in client.get("/").text
    r = client.get("/network/clusters.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    root = ElementTree.fromstring(r.content)
    assert root.tag.endswith("svg") and not list(root.iter("{http://www.w3.org/2000/svg}script"))
    assert b"<script" not in r.content and b"href=\"http" not in r.content
    pairs = _rows(client, "clusters_sharing_partners")
    clusters = {c for row in pairs for c in (row["cluster_a"], row["cluster_b"])}
    labels = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id", "").startswith("aikg-map-label-")]
    assert len(labels) == len(clusters) + len(pairs)  # every cluster and every pair named


def _rows(client, name: str) -> list[dict]:
    return json.loads(client.get(f"/queries/{name}.json", params={"run": "1"}).text)


@pytest.mark.slow  # the linter takes a while to start
def test_explorer_statements_lint_clean_on_neo4j():
    """The explorer's own reads are plain Cypher both engines take (there is no Neo4j server here)."""
    from aikg.web.pages import WEB_CYPHER
    from tests.cypherlint.runner import lint

    statements = WEB_CYPHER.all()
    assert {"cluster_indicators", "entity_node", "entity_relations", "documents"} <= set(statements)
    errors = lint(statements)
    assert not {name: errs for name, errs in errors.items() if errs}
