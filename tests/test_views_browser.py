"""The written pages in headless Chromium: drawn, counted right, escaped, and offline.

Each page is opened once (tests/browser.py: one ``chromium --headless --dump-dom
--screenshot`` run with a blocking Content-Security-Policy and a probe); the tests read
that one report. Two control pages show the probe can fail: pyvis's own page (it fetches
Bootstrap) and a page that really injects markup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.graph import views
from aikg.graph.loader import load_jsonl
from aikg.graph.store import open_store
from aikg.graph.views.style import node_tooltip, type_colour
from tests.browser import PageReport, find_chromium, open_page
from tests.conftest import DATA

pytestmark = pytest.mark.browser

FIXTURE = DATA / "views" / "views_fixture.jsonl"
HOSTILE = "<img src=x onerror=alert(1)>"
CHROMIUM = find_chromium()
NO_CHROMIUM = "headless Chromium not found: install Debian 'chromium' (make test does) or set AIKG_CHROMIUM"
REL_TYPES = "LOCATED_IN|ANCHORS|PARTNERS_WITH|FUNDS|RUNS|AFFILIATED_WITH|FOUNDED|MEMBER_OF|PART_OF"
PAGES = ("around", "cluster", "capped")


def _count(store, cypher: str, params: dict | None = None) -> int:
    return int(store.read(cypher, params)[0]["n"])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[views.ViewNetwork, int, PageReport, Path]]:
    """Each view written from the fixture graph and opened once: name -> (network, expected nodes, report, page)."""
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    home = tmp_path_factory.mktemp("views-home")
    out = tmp_path_factory.mktemp("views-pages")
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert not load_jsonl(store, [FIXTURE]).errors
        vector = "institute:vector-institute"
        nets = {
            "around": (views.network_around(store, "Vector Institute", 2),
                       1 + _count(store, f"MATCH (:Entity {{id: $id}})-[:{REL_TYPES}*1..2]-(n:Entity) WHERE n.id <> $id "
                                         "RETURN count(DISTINCT n) AS n", {"id": vector})),
            "cluster": (views.cluster_network(store, "Toronto"),
                        1 + _count(store, "MATCH (o:Entity)-[:ANCHORS|LOCATED_IN]->(:Cluster {id: 'cluster:toronto'}) "
                                          "OPTIONAL MATCH (o)-[]-(x:Entity) WHERE x:Person OR x:Programme "
                                          "WITH collect(DISTINCT o.id) + collect(DISTINCT x.id) AS ids "
                                          "UNWIND ids AS id RETURN count(DISTINCT id) AS n")),
            "capped": (views.whole_graph(store, 6), 6),
        }
        total = _count(store, "MATCH (n:Entity) RETURN count(n) AS n")
    finally:
        store.close()
    assert nets["capped"][0].total_nodes == total
    result = {}
    for name, (net, expected) in nets.items():
        title = f"Whole graph {HOSTILE}" if name == "capped" else None
        page = views.write_html(net, out / f"{name}.html", title)
        result[name] = (net, expected, open_page(page, out / f"run-{name}"), page)
    return result


@pytest.mark.parametrize("name", PAGES)
def test_page_runs_without_errors_and_draws_the_network(rendered, name):
    net, _, report, _ = rendered[name]
    assert report.errors == []
    assert report.attrs["data-state"] == "ready"  # laid out, physics switched off
    canvas = report.main_canvas()
    assert canvas["width"] > 600 and canvas["height"] > 400 and canvas["painted"] > 5000
    unlike, total, colours = report.screenshot_pixels(canvas)
    assert unlike > total * 0.01, f"the network area of the screenshot is blank ({unlike} of {total} pixels)"
    for etype in net.types():  # every entity type present is drawn in its colour
        rgb = tuple(int(type_colour(etype)[i:i + 2], 16) for i in (1, 3, 5))
        assert any(max(abs(a - b) for a, b in zip(c, rgb)) <= 8 for c in colours), etype


@pytest.mark.parametrize("name", PAGES)
def test_node_count_in_the_page_matches_the_query(rendered, name):
    net, expected, report, _ = rendered[name]
    attrs = report.attrs
    assert int(attrs["data-rendered-nodes"]) == int(attrs["data-visible-nodes"]) == len(net.nodes) == expected
    assert int(attrs["data-rendered-edges"]) == len(net.edges)
    summary = next(t for t in report.texts["p"] if t.endswith("relationships"))
    assert summary == f"{expected} entities, {len(net.edges)} relationships"
    capped = [t for t in report.texts["p"] if t.startswith("Showing")]
    if name == "capped":
        assert attrs["data-capped"] == "true" and attrs["data-total-nodes"] == "16"
        assert capped == [net.cap_message] and capped[0].startswith("Showing 6 of 16 entities")
    else:
        assert attrs["data-capped"] == "false" and capped == []


@pytest.mark.parametrize("name", PAGES)
def test_hostile_values_are_text_and_run_nothing(rendered, name):
    net, _, report, _ = rendered[name]
    assert report.dialogs == []  # nothing called alert(): no injected handler ran
    assert report.img_tags == 0 and report.probe["snapshot"]["images"] == 0
    tips = report.tooltips
    assert len(tips) == len(net.nodes) + len(net.edges)
    assert all(t["element"] and t["children"] == 0 for t in tips.values())  # text nodes only, no markup
    deg = net.degrees()
    for node in net.nodes.values():
        assert tips[node.id]["text"] == node_tooltip(node, deg[node.id])
        assert f"{node.name} ({node.type})" in report.texts["option"]
    if name == "capped":
        assert report.probe["snapshot"]["title"] == f"Whole graph {HOSTILE}"
        assert report.texts["h1"] == [f"Whole graph {HOSTILE}"]
    else:
        assert "company:img" in net.nodes and f"{HOSTILE} (Company)" in report.texts["option"]
        evidence = [t["text"] for t in tips.values() if "alert('sentence')" in t["text"]]
        assert len(evidence) == 1 and "</script><script>alert('sentence')</script><!--" in evidence[0]


@pytest.mark.parametrize("name", PAGES)
def test_page_makes_no_request(rendered, name):
    _, _, report, _ = rendered[name]
    assert report.requests == []


def test_in_page_filters_hide_types_relationships_and_weak_evidence(rendered, tmp_path):
    net, _, _, page = rendered["around"]
    actions = """setTimeout(function () {
      function set(el, prop, value, event) { el[prop] = value; el.dispatchEvent(new Event(event)); }
      set(document.querySelector('input.aikg-type[value="Person"]'), "checked", false, "change");
      set(document.querySelector('input.aikg-rel[value="LOCATED_IN"]'), "checked", false, "change");
      set(document.getElementById("aikg-min-evidence"), "value", "2", "input");
    }, 500);"""
    report = open_page(page, tmp_path / "run", actions=actions)
    assert report.errors == []
    people = sum(n.type == "Person" for n in net.nodes.values())
    strong = sum(e.type != "LOCATED_IN" and e.support >= 2 for e in net.edges)
    assert people and 0 < strong < len(net.edges)
    assert int(report.attrs["data-visible-nodes"]) == len(net.nodes) - people
    assert int(report.attrs["data-visible-edges"]) == strong


# -- controls: the probe must be able to fail ------------------------------------------------------

@pytest.fixture
def chromium():
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    return CHROMIUM


def test_control_probe_sees_the_requests_of_pyvis_own_page(chromium, tmp_path):
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.add_node(1, label="a")
    page = tmp_path / "pyvis.html"
    page.write_text(net.generate_html(), encoding="utf-8")
    report = open_page(page, tmp_path / "run", budget_ms=2000)
    assert any("cdn.jsdelivr.net" in r for r in report.requests)


def test_control_probe_sees_injected_markup_run(chromium, tmp_path):
    page = tmp_path / "unsafe.html"
    page.write_text("<!DOCTYPE html><html><head><title>t</title></head><body><div id='x'></div><script>"
                    f"document.getElementById('x').innerHTML = {HOSTILE!r};</script></body></html>", encoding="utf-8")
    report = open_page(page, tmp_path / "run", budget_ms=2000)
    assert report.dialogs == ["alert: 1"] and report.img_tags == 1
