"""Views: the pure network builders, the store reads, the HTML page (read as text), the figure, the CLI.

What the page does in a browser is in tests/test_views_browser.py.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
import types
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from aikg.core.errors import ConfigError, QueryError
from aikg.graph import views
from aikg.graph.loader import load_jsonl
from aikg.graph.views.fetch import AmbiguousEntityError, UnknownEntityError, all_statements, pick_entity
from aikg.graph.views.html import render_html, script_json
from aikg.graph.views.model import ViewEdge, ViewNode, build_network, cap_network, filter_network
from tests.conftest import DATA
from tests.helpers import loaded_once

FIXTURE = DATA / "views" / "views_fixture.jsonl"
ROOT = Path(__file__).parent.parent
HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_ALIAS = '</script><script>alert("alias")</script>'
REL_TYPES = "LOCATED_IN|ANCHORS|PARTNERS_WITH|FUNDS|RUNS|AFFILIATED_WITH|FOUNDED|MEMBER_OF|PART_OF"


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


def _node(nid: str, etype: str = "Company", name: str | None = None, **kw) -> dict:
    return {"id": nid, "name": name or nid.upper(), "type": etype, **kw}


def _edge(a: str, b: str, rtype: str = "PARTNERS_WITH", support: int = 1, sentence: str = "") -> dict:
    return {"source": a, "target": b, "type": rtype, "support": support, "sentence": sentence}


# -- pure building ---------------------------------------------------------------------------------

def test_build_merges_a_symmetric_edge_read_both_ways_and_drops_dangling_ones():
    net = build_network([_node("a"), _node("b"), _node("c", "Cluster")],
                        [_edge("b", "a", support=1, sentence="b with a"), _edge("a", "b", support=3),
                         _edge("a", "c", "LOCATED_IN"), _edge("a", "zzz"), _edge("c", "a", "LOCATED_IN")],
                        title="t")
    keys = [e.key for e in net.edges]
    assert keys == [("a", "LOCATED_IN", "c"), ("a", "PARTNERS_WITH", "b"), ("c", "LOCATED_IN", "a")]
    partner = net.edges[1]
    assert (partner.source, partner.target, partner.support, partner.sentence) == ("a", "b", 3, "b with a")
    assert net.degrees() == {"a": 3, "b": 1, "c": 2}
    assert ViewEdge("b", "a", "PARTNERS_WITH").key == ViewEdge("a", "b", "PARTNERS_WITH").key  # symmetric
    assert ViewEdge("b", "a", "FUNDS").key != ViewEdge("a", "b", "FUNDS").key


def test_filter_keeps_focus_and_drops_entities_left_without_ties():
    nodes = [_node("c", "Cluster"), _node("i", "Institute"), _node("p", "Person"), _node("x"), _node("lone")]
    edges = [_edge("i", "c", "LOCATED_IN", 1), _edge("p", "i", "AFFILIATED_WITH", 3), _edge("x", "i", support=2)]
    net = build_network(nodes, edges, title="t", focus=["c"])
    by_type = filter_network(net, types=["Institute", "Person"])
    assert set(by_type.nodes) == {"c", "i", "p"}  # focus stays although Cluster was not asked for
    strong = filter_network(net, min_evidence=2)
    assert set(strong.nodes) == {"c", "i", "p", "x", "lone"} and len(strong.edges) == 2
    strong3 = filter_network(net, min_evidence=3)
    assert set(strong3.nodes) == {"c", "i", "p", "lone"}  # x lost its only tie; lone never had one
    rel = filter_network(net, relations=["PARTNERS_WITH"])
    assert set(rel.nodes) == {"c", "i", "x", "lone"} and [e.type for e in rel.edges] == ["PARTNERS_WITH"]


def test_cap_keeps_focus_then_rank_and_says_how_many_there_were():
    nodes = [_node(f"n{i}") for i in range(6)]
    edges = [_edge("n0", f"n{i}") for i in range(1, 6)] + [_edge("n1", "n2")]
    net = build_network(nodes, edges, title="t", focus=["n5"])
    capped = cap_network(net, 3)
    assert set(capped.nodes) == {"n5", "n0", "n1"}  # focus, then the most connected (ties by name)
    assert capped.capped and capped.total_nodes == 6
    assert "Showing 3 of 6 entities" in capped.cap_message and capped.messages[0] == capped.cap_message
    assert all(e.source in capped.nodes and e.target in capped.nodes for e in capped.edges)
    assert cap_network(net, 10) is net and not net.capped and net.cap_message == ""
    ranked = cap_network(net, 2, rank={"n4": 0, "n3": 1})
    assert set(ranked.nodes) == {"n5", "n4"}


def test_pick_entity_by_id_name_case_alias_and_close_matches():
    cands = [ViewNode("institute:vector", "Vector Institute", "Institute", ("Vector",)),
             ViewNode("company:vector", "Vector Ltd", "Company", ("Vector",)),
             ViewNode("cluster:toronto", "Toronto", "Cluster", ("GTA",))]
    assert pick_entity("company:vector", cands).id == "company:vector"
    assert pick_entity("vector institute", cands).id == "institute:vector"
    assert pick_entity("gta", cands).id == "cluster:toronto"
    with pytest.raises(AmbiguousEntityError, match="institute:vector.*company:vector|company:vector.*institute:vector"):
        pick_entity("Vector", cands)
    with pytest.raises(UnknownEntityError) as err:
        pick_entity("Vektor Institut", cands)
    assert err.value.matches[0].id == "institute:vector"
    assert "close matches: Vector Institute (Institute, institute:vector)" in str(err.value)
    with pytest.raises(UnknownEntityError, match="no entity has a similar name"):
        pick_entity("Quantum Zebra Foundation", cands)


def test_network_from_edges_accepts_the_catalog_convention_and_node_lists():
    df = pd.DataFrame([
        {"source": "a", "source_name": "A", "source_type": "Institute", "type": "PARTNERS_WITH", "target": "b",
         "target_name": "B", "target_type": "Company", "support": 2, "documents": 1, "confidence": 0.5},
        {"source": "b", "source_name": "B", "source_type": "Company", "type": "PARTNERS_WITH", "target": "a",
         "target_name": "A", "target_type": "Institute", "support": 2, "documents": 1, "confidence": 0.5},
        {"source": "c", "source_name": "C", "source_type": "Cluster", "type": None, "target": None,
         "target_name": None, "target_type": None, "support": None, "documents": None, "confidence": None},
    ])
    net = views.network_from_edges(df, title="q")
    assert {n.id: n.type for n in net.nodes.values()} == {"a": "Institute", "b": "Company", "c": "Cluster"}
    assert len(net.edges) == 1 and net.edges[0].support == 2 and net.edges[0].docs == 1
    lone = views.network_from_edges(pd.DataFrame({"id": ["x"], "name": ["X"], "type": ["Person"]}))
    assert list(lone.nodes) == ["x"] and lone.nodes["x"].type == "Person"
    with pytest.raises(QueryError, match="edge-list columns source, source_name"):
        views.network_from_edges(pd.DataFrame({"cluster": ["Toronto"], "n": [3]}))
    with pytest.raises(ConfigError, match="unknown entity type 'Planet'"):
        views.network_from_edges(df, types=["Planet"])


# -- reading the store -----------------------------------------------------------------------------

def _count(store, cypher: str, params: dict | None = None) -> int:
    return int(store.read(cypher, params)[0]["n"])


def test_network_around_reads_partnerships_both_ways_and_matches_a_path_query(shared):
    net = views.network_around(shared, "nvidia", 1)
    assert net.focus == ("company:nvidia",)
    # NVIDIA-Vector is stored from company:, Turing-NVIDIA from institute:; both show
    assert set(net.nodes) == {"company:nvidia", "institute:vector-institute", "institute:alan-turing-institute",
                              "cluster:toronto"}
    for depth in (1, 2, 3):
        around = views.network_around(shared, "Vector", depth)
        expected = _count(shared, f"MATCH (c:Entity {{id: $id}})-[:{REL_TYPES}*1..{depth}]-(n:Entity) "
                                  "WHERE n.id <> $id RETURN count(DISTINCT n) AS n", {"id": "institute:vector-institute"})
        assert len(around.nodes) == expected + 1, depth
    hostile = views.network_around(shared, "Vector", 1)
    sentence = next(e.sentence for e in hostile.edges if e.source == "company:img" and e.type == "PARTNERS_WITH")
    assert sentence.startswith("</script><script>alert('sentence')")  # data, kept as it was
    assert hostile.nodes["company:img"].aliases[0] == HOSTILE_ALIAS
    assert hostile.nodes["institute:vector-institute"].doc_count == 2


def test_network_around_filters_the_paths_and_caps(shared):
    only = views.network_around(shared, "Vector Institute", 2, types=["Institute", "Company"])
    assert {n.type for n in only.nodes.values()} <= {"Institute", "Company"}
    # Turing is two partnership hops away, through NVIDIA; Toronto's members are not reachable without Toronto
    assert "institute:alan-turing-institute" in only.nodes and "institute:university-of-toronto" not in only.nodes
    strong = views.network_around(shared, "Vector Institute", 1, min_evidence=2)
    assert {e.support >= 2 for e in strong.edges} == {True}
    assert set(strong.nodes) == {"institute:vector-institute", "company:nvidia", "cluster:toronto",
                                 "programme:pan-canadian-ai-strategy"}
    small = views.network_around(shared, "Vector Institute", 3, max_nodes=4)
    assert len(small.nodes) == 4 and small.capped and "institute:vector-institute" in small.nodes
    assert small.notes and "Stopped at depth" in small.notes[0]
    with pytest.raises(UnknownEntityError, match="close matches: Vector Institute"):
        views.network_around(shared, "Vektor Insitute", 1)


def test_cluster_network_has_anchors_members_people_and_programmes(shared):
    net = views.cluster_network(shared, "greater toronto area")
    assert net.focus == ("cluster:toronto",) and net.title == "Cluster: Toronto"
    assert set(net.nodes) == {"cluster:toronto", "institute:vector-institute", "institute:university-of-toronto",
                              "company:nvidia", "company:img", "programme:pan-canadian-ai-strategy",
                              "person:geoffrey-hinton"}
    assert {"ANCHORS", "LOCATED_IN", "PARTNERS_WITH", "AFFILIATED_WITH", "FUNDS", "MEMBER_OF"} == \
        {e.type for e in net.edges}
    with pytest.raises(UnknownEntityError, match="unknown cluster 'Vector Institute'"):
        views.cluster_network(shared, "Vector Institute")


def test_whole_graph_counts_caps_and_filters(shared):
    total = _count(shared, "MATCH (n:Entity) RETURN count(n) AS n")
    full = views.whole_graph(shared, 500)
    assert len(full.nodes) == total == 16 and not full.capped
    assert len(full.edges) == _count(shared, f"MATCH (:Entity)-[r:{REL_TYPES}]->(:Entity) RETURN count(r) AS n")
    capped = views.whole_graph(shared, 5)
    assert len(capped.nodes) == 5 and capped.total_nodes == 16 and capped.capped
    assert "institute:vector-institute" in capped.nodes  # the most connected entity
    assert "Showing 5 of 16 entities" in capped.cap_message
    orgs = views.whole_graph(shared, 500, types=["Institute", "Company"])
    assert {n.type for n in orgs.nodes.values()} == {"Institute", "Company"} and len(orgs.nodes) == 7
    strong = views.whole_graph(shared, 500, min_evidence=2)
    assert all(e.support >= 2 for e in strong.edges) and "person:lonely" not in strong.nodes
    assert len(strong.nodes) == 6 and strong.total_nodes == 6


def test_network_from_edges_with_a_store_adds_evidence_and_aliases(shared):
    df = pd.DataFrame([{"source": "company:img", "source_name": HOSTILE, "source_type": "Company",
                        "type": "PARTNERS_WITH", "target": "institute:vector-institute",
                        "target_name": "Vector Institute", "target_type": "Institute", "support": 1}])
    net = views.network_from_edges(df, store=shared)
    assert net.nodes["company:img"].aliases[0] == HOSTILE_ALIAS
    assert net.edges[0].sentence.startswith("</script>") and net.edges[0].docs == 1


@pytest.mark.slow  # the linter takes a while to start
def test_view_statements_lint_clean_on_neo4j():
    from tests.cypherlint.runner import lint

    statements = all_statements()
    assert len(statements) >= 8
    errors = lint(statements)
    assert not {name: errs for name, errs in errors.items() if errs}


# -- the HTML, read as text ------------------------------------------------------------------------

def _hostile_net():
    nodes = [_node("company:img", "Company", HOSTILE, aliases=[HOSTILE_ALIAS, "<!-- x"]),
             _node("cluster:t", "Cluster", "T & <b>\u2028"), _node("person:q", "Person", "O'Brien \"Q\"")]
    edges = [_edge("company:img", "cluster:t", "LOCATED_IN", 1, "</script><!--<script>alert(2)</script>"),
             _edge("person:q", "company:img", "AFFILIATED_WITH", 2, "it's \"fine\"")]
    return build_network(nodes, edges, title=f"Around {HOSTILE}", focus=["company:img"])


def test_script_json_cannot_close_its_script_or_open_a_comment():
    value = {"s": "</script><!-- <script>\u2028&'\""}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_page_escapes_every_document_value_and_loads_nothing_from_outside():
    from aikg.graph.views.html import vis_assets

    page = render_html(_hostile_net())
    ours = page.replace(vis_assets()[0], "").replace(vis_assets()[1], "")  # the page less the vis-network library
    assert len(ours) < 20000
    assert HOSTILE not in page and "<b>" not in ours and "alert(2)</script>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the title, heading and find list show it as text
    assert len(re.findall(r"<script\b", ours, re.I)) == len(re.findall(r"</script\s*>", page, re.I)) == 3
    assert "<!--" not in ours
    data = page.split('<script id="aikg-data" type="application/json">')[1].split("</script>")[0]
    payload = json.loads(data)
    titles = {n["id"]: n["title"] for n in payload["nodes"]}
    assert titles["company:img"].startswith(HOSTILE + "\nType: Company\nAlso known as: " + HOSTILE_ALIAS)
    edge = next(e for e in payload["edges"] if e["rtype"] == "LOCATED_IN")
    assert "Evidence: “</script><!--<script>alert(2)</script>”" in edge["title"]
    assert _external_references(page) == []
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page


def _external_references(page: str) -> list[str]:
    """Attributes that load something (src, href, srcset, …) and CSS url()/@import not pointing at data:."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Refs(HTMLParser):
        style = False

        def handle_starttag(self, tag, attrs):
            self.style = tag == "style"
            for name, value in attrs:
                if name in ("src", "href", "srcset", "poster", "data", "action", "background", "manifest") \
                        and value and not value.startswith(("data:", "#")):
                    found.append(f"<{tag} {name}={value}>")
                if name == "style" and value and re.search(r"url\(|@import", value, re.I):
                    found.append(f"<{tag} style={value}>")

        def handle_data(self, data):
            if self.style:
                found.extend(m for m in re.findall(r"url\(\s*['\"]?[^'\")]*", data, re.I) if "data:" not in m)
                found.extend(re.findall(r"@import[^;]*", data, re.I))

    Refs().feed(page)
    return found


def test_page_reports_the_cap_and_counts():
    net = cap_network(build_network([_node(f"n{i}") for i in range(5)], [], title="t"), 2)
    page = render_html(net)
    assert 'data-nodes="2"' in page and 'data-capped="true"' in page and 'data-total-nodes="5"' in page
    assert "Showing 2 of 5 entities" in page


def test_pyvis_own_inline_page_still_fetches_bootstrap():
    # why we use our own template: if this fails, pyvis fixed issue #229 and could be used as is
    from pyvis.network import Network

    html = Network(cdn_resources="in_line").generate_html()
    assert any("cdn.jsdelivr.net/npm/bootstrap" in ref for ref in _external_references(html))


# -- the static figure ------------------------------------------------------------------------------

def _non_white(path: Path) -> tuple[int, set]:
    import numpy as np
    from PIL import Image

    with Image.open(path) as img:
        pixels = np.asarray(img.convert("RGB")).reshape(-1, 3)
    unlike = pixels[pixels.min(axis=1) < 235]
    return len(unlike), {tuple(int(v) for v in p) for p in np.unique(unlike, axis=0)}


def test_png_and_svg_are_written_and_drawn(tmp_path):
    from aikg.graph.views.style import type_colour

    net = _hostile_net()
    png = views.write_image(net, tmp_path / "fig" / "net.png")
    count, colours = _non_white(png)
    assert count > 5000
    for etype in ("Company", "Cluster", "Person"):
        rgb = tuple(int(type_colour(etype)[i:i + 2], 16) for i in (1, 3, 5))
        assert any(max(abs(a - b) for a, b in zip(c, rgb)) <= 6 for c in colours), etype
    svg = views.write_image(net, tmp_path / "net.svg").read_text("utf-8")
    assert "<img" not in svg and "&lt;img src=x onerror=alert(1)&gt;" in svg
    assert views.write_image(net, tmp_path / "again.svg").read_text("utf-8") == svg  # deterministic
    with pytest.raises(ConfigError, match="unknown image format"):
        views.write_image(net, tmp_path / "net.gif")
    empty = views.write_image(build_network([], [], title="nothing"), tmp_path / "empty.png")
    assert empty.stat().st_size > 0


def test_label_placement_never_overlaps_and_leaves_out_what_has_no_room():
    from aikg.graph.views.labels import Label, first_overlap, node_centres, place

    # five wide labels wanting the same node: below, above, right, left; the corners would meet those
    crowd = [Label(f"l{i}", 40, 10, node_centres((100, 100), 5, 40, 10)) for i in range(5)]
    placed = place(crowd, bounds=(0, 0, 200, 200))
    assert sorted(placed) == ["l0", "l1", "l2", "l3"] and first_overlap(list(placed.values())) is None
    assert placed["l0"][3] <= 100 - 5 and placed["l1"][1] >= 100 + 5  # below the node, then above it
    # an obstacle and tight bounds: only what fits is placed, never over the obstacle or outside
    few = place(crowd, obstacles=[(0, 0, 100, 100)], bounds=(0, 0, 150, 120))
    assert 0 < len(few) < 4 and first_overlap([*few.values(), (0, 0, 100, 100)]) is None
    assert all(b[0] >= 0 and b[2] <= 150 and b[3] <= 120 for b in few.values())
    assert few["l0"] == placed["l1"]  # below is blocked: the first label goes above


def test_large_views_are_grouped_by_cluster():
    from aikg.graph.views.layout import arrange, cluster_groups

    nodes = [_node("cluster:a", "Cluster"), _node("cluster:b", "Cluster"), _node("co:1"), _node("co:2"),
             _node("co:3"), _node("person:p", "Person"), _node("co:lone"), _node("co:lone2")]
    edges = [_edge("co:1", "cluster:a", "LOCATED_IN"), _edge("co:1", "cluster:b", "ANCHORS"),  # anchors win
             _edge("co:2", "cluster:a", "LOCATED_IN"), _edge("co:3", "cluster:a", "LOCATED_IN"),
             _edge("person:p", "co:2", "AFFILIATED_WITH"), _edge("co:lone", "co:lone2")]
    net = build_network(nodes, edges, title="t")
    groups = cluster_groups(net)
    assert groups == [("cluster:a", ["cluster:a", "co:2", "co:3", "person:p"]), ("cluster:b", ["cluster:b", "co:1"]),
                      (None, ["co:lone", "co:lone2"])]
    assert arrange(net, group_threshold=100)[1] == []  # small: by connected component
    pos, drawn = arrange(net, group_threshold=3)
    assert drawn == groups and set(pos) == set(net.nodes)
    from aikg.graph.views.labels import first_overlap

    extents = [(min(pos[n][0] for n in ids), min(pos[n][1] for n in ids), max(pos[n][0] for n in ids),
                max(pos[n][1] for n in ids)) for _, ids in groups]
    assert first_overlap(extents) is None  # each group in its own place, not mixed with another


def test_figure_labels_the_centre_then_group_clusters_then_the_best_connected():
    from aikg.graph.views.image import label_order

    nodes = [_node("cluster:a", "Cluster"), _node("co:hub"), _node("co:x"), _node("co:y"), _node("co:z")]
    edges = [_edge("co:hub", n) for n in ("co:x", "co:y", "co:z")] + [_edge("co:x", "cluster:a", "LOCATED_IN")]
    net = build_network(nodes, edges, title="t", focus=["co:z"])
    assert label_order(net, net.degrees(), 3) == ["co:z", "co:hub", "co:x"]
    groups = [("cluster:a", ["cluster:a", "co:x", "co:y"])]
    assert label_order(net, net.degrees(), 3, groups) == ["co:z", "cluster:a", "co:hub"]


# -- the command line ---------------------------------------------------------------------------------

def _invoke(*args: str):
    from aikg.cli import app

    return CliRunner().invoke(app, ["viz", *args], catch_exceptions=True)


def test_cli_writes_views_and_figures_and_reports_the_cap(loaded, tmp_path):
    if loaded.backend != "embedded":
        pytest.skip("the CLI test drives the embedded store through --home")
    home = str(tmp_path / "home")
    result = _invoke("entity", "Vector", "--depth", "2", "-o", str(tmp_path / "e.html"),
                     "--png", str(tmp_path / "e.png"), "--home", home)
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(tmp_path / "e.html"), str(tmp_path / "e.png")]
    assert 'data-nodes="9"' in (tmp_path / "e.html").read_text("utf-8")
    result = _invoke("graph", "--max-nodes", "3", "-o", str(tmp_path / "g.html"), "--home", home)
    assert result.exit_code == 0 and "note: Showing 3 of 16 entities" in result.stderr
    result = _invoke("cluster", "Toronto", "--types", "Institute,Person", "--min-evidence", "1",
                     "-o", str(tmp_path / "c.html"), "--home", home)
    assert result.exit_code == 0, result.output
    assert 'data-nodes="4"' in (tmp_path / "c.html").read_text("utf-8")
    result = _invoke("entity", "Vektor", "-o", str(tmp_path / "x.html"), "--home", home)
    assert isinstance(result.exception, UnknownEntityError) and "Vector Institute" in str(result.exception)
    result = _invoke("graph", "-o", str(tmp_path / "x.html"), "--png", str(tmp_path / "x.gif"), "--home", home)
    assert result.exit_code == 2 and not (tmp_path / "x.html").exists()


def test_cli_query_draws_a_catalog_result(loaded, tmp_path, monkeypatch):
    if loaded.backend != "embedded":
        pytest.skip("the CLI test drives the embedded store through --home")
    seen = {}

    def run_query(store, name, params):
        seen.update(name=name, params=params)
        return pd.DataFrame([{"source": "company:nvidia", "source_name": "NVIDIA", "source_type": "Company",
                              "type": "PARTNERS_WITH", "target": "institute:vector-institute",
                              "target_name": "Vector Institute", "target_type": "Institute", "support": 2}])

    import aikg.queries

    fake = types.ModuleType("aikg.queries.catalog")
    fake.run_query = run_query
    monkeypatch.setitem(sys.modules, "aikg.queries.catalog", fake)
    monkeypatch.setattr(aikg.queries, "catalog", fake, raising=False)
    out = tmp_path / "q.html"
    result = _invoke("query", "partners", "--param", "org=NVIDIA", "--param", "depth=2", "-o", str(out),
                     "--home", str(tmp_path / "home"))
    assert result.exit_code == 0, result.output
    assert seen == {"name": "partners", "params": {"org": "NVIDIA", "depth": 2}}
    page = out.read_text("utf-8")
    assert 'data-nodes="2"' in page and "Vector Institute partners with NVIDIA." in page  # evidence from the store


def test_cli_unknown_entity_is_one_line_and_exit_code(tmp_path):
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert not load_jsonl(store, [FIXTURE]).errors
    finally:
        store.close()
    proc = subprocess.run([sys.executable, "-m", "aikg", "viz", "entity", "Alan Turning Institute", "-o",
                           str(tmp_path / "x.html"), "--home", str(home)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == QueryError.exit_code
    assert proc.stderr.strip() == ("aikg: unknown entity 'Alan Turning Institute'; close matches: "
                                   "Alan Turing Institute (Institute, institute:alan-turing-institute)")


def test_importing_the_cli_loads_no_drawing_library():
    code = ("import sys, aikg.cli; heavy = [m for m in ('pyvis', 'matplotlib', 'networkx', 'jinja2') "
            "if m in sys.modules]; print(heavy)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def test_cli_query_with_the_real_catalog(loaded, tmp_path):
    if loaded.backend != "embedded":
        pytest.skip("the CLI test drives the embedded store through --home")
    catalog = pytest.importorskip("aikg.queries.catalog")
    if "partnership_network" not in catalog.load_catalog():
        pytest.skip("the catalog has no partnership_network query")
    out = tmp_path / "q.html"
    result = _invoke("query", "partnership_network", "--param", "org=NVIDIA", "-o", str(out),
                     "--home", str(tmp_path / "home"))
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    # NVIDIA, Vector, Turing, and their partners img and DeepMind (two hops)
    assert 'data-nodes="5"' in page and 'data-edges="4"' in page


DOC = ROOT / "docs" / "views.md"
DOC_COMMANDS = [line.strip() for block in re.findall(r"```sh\n(.*?)```", DOC.read_text("utf-8"), re.S)
                for line in block.splitlines() if line.strip().startswith("aikg viz")] if DOC.exists() else []


def test_the_doc_shows_every_view():
    assert {shlex.split(c)[2] for c in DOC_COMMANDS} == {"entity", "cluster", "query", "graph", "clusters"}


@pytest.mark.parametrize("line", DOC_COMMANDS)
def test_documented_command_exists(line):
    words = shlex.split(line.split("#")[0])
    result = _invoke(words[2], "--help")
    assert result.exit_code == 0, result.output
    for option in {w.split("=")[0] for w in words if w.startswith("-")}:
        assert option in result.output, (line, option)
