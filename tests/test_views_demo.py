"""Figures of the demo graph (the 12 sample documents), as `make demo` writes them: readable labels.

One module fixture runs the demo once into a temporary home (the real spaCy pipeline and the
embedded store). Then: the cluster map it wrote (PNG, SVG, HTML) and the partnership and entity
figures have no label over another label (boxes measured in the rendered matplotlib figure),
carry a legend, name only the most connected entities, and the big one is drawn grouped by
cluster. The cluster map page is also opened in headless Chromium (tests/browser.py), where the
label boxes vis-network reports are checked the same way.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from aikg.graph import views
from aikg.graph.views.cluster_map_draw import draw_map, map_label_artists, map_node_artists
from aikg.graph.views.image import draw, label_artists
from aikg.graph.views.labels import first_overlap, overlaps
from aikg.graph.views.layout import arrange
from tests.browser import find_chromium, open_page

pytestmark = pytest.mark.slow
CHROMIUM = find_chromium()


@pytest.fixture(scope="module")
def demo(made_demo):
    """(home, out folder, open store) after the session's one run of `make demo` (tests/conftest.py)."""
    from aikg.graph.store import open_store

    home, out, proc = made_demo
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    store = open_store("embedded", home=home)
    yield home, out, store
    store.close()


def _render(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig.canvas.get_renderer()


def _extents(artists, renderer) -> list[tuple[float, float, float, float]]:
    return [tuple(a.get_window_extent(renderer).extents) for a in artists]


def _partnership_net(store):
    from aikg.demo import VIEW_RELATIONS

    full = views.whole_graph(store, 300, relations=VIEW_RELATIONS, title="Partnership network of the sample corpus")
    degree = full.degrees()
    return views.build_network([n for n in full.nodes.values() if degree[n.id]], full.edges, title=full.title)


def test_demo_writes_the_cluster_map(demo):
    from PIL import Image

    _, out, _ = demo
    for name in ("clusters.html", "clusters.png", "clusters.svg", "partnerships.png"):
        assert (out / name).stat().st_size > 5000, name
    with Image.open(out / "clusters.png") as img:
        assert min(img.size) > 500
    assert "Nvidia" in (out / "clusters.svg").read_text("utf-8") or "<path" in (out / "clusters.svg").read_text("utf-8")


def test_cluster_map_of_the_demo_labels_every_cluster_and_pair_without_overlap(demo):
    from aikg.pair_views import read_cluster_map
    from aikg.queries.catalog import run_query

    _, _, store = demo
    cmap = read_cluster_map(store)
    pairs = run_query(store, "clusters_sharing_partners", {}).to_dict(orient="records")
    assert {(k.a, k.b, k.shared) for k in cmap.links} == {(p["cluster_a"], p["cluster_b"], p["shared"]) for p in pairs}
    assert set(cmap.clusters) == {c for p in pairs for c in (p["cluster_a"], p["cluster_b"])}
    fig = draw_map(cmap)
    renderer = _render(fig)
    labels = _extents(map_label_artists(fig), renderer)
    assert len(labels) == len(cmap.clusters) + len(cmap.links)
    assert first_overlap(labels) is None
    circles = _extents(map_node_artists(fig), renderer)
    for box in labels:  # a label may touch no circle's bounding square
        assert not any(overlaps(box, c) for c in circles)
    texts = [t.get_text() for t in map_label_artists(fig)]
    toronto = cmap.clusters["cluster:toronto"]
    assert f"Toronto ({toronto.organisations})" in texts
    biggest = max(cmap.links, key=lambda k: k.shared)
    assert any(t.startswith(", ".join(biggest.partners[:2])) for t in texts)


def test_partnership_figure_is_grouped_by_cluster_with_few_clear_labels_and_a_legend(demo):
    _, _, store = demo
    net = _partnership_net(store)
    assert len(net.nodes) > 60
    _, groups = arrange(net)
    hubs = [hub for hub, ids in groups if hub is not None]
    assert len(hubs) >= 5 and all(net.nodes[h].type == "Cluster" for h in hubs)
    assert groups[0][0] == "cluster:toronto"  # the biggest group
    for limit in (20, 8):
        fig = draw(net, max_labels=limit)
        renderer = _render(fig)
        texts = label_artists(fig)
        assert 0 < len(texts) <= limit
        boxes = _extents(texts, renderer)
        assert first_overlap(boxes) is None
        legend = fig.axes[0].get_legend()
        assert legend is not None and not any(overlaps(b, tuple(legend.get_window_extent(renderer).extents))
                                              for b in boxes)
        entries = {t.get_text() for t in legend.get_texts()}
        assert set(net.types()) <= entries and {"partners with", "located in"} <= entries
    names = {t.get_text() for t in texts}
    assert "Toronto" in names  # the cluster heading the biggest group is named first


def test_entity_figure_names_the_centre_and_the_best_connected(demo):
    _, _, store = demo
    net = views.network_around(store, "Vector Institute", 2)
    fig = draw(net, max_labels=12)
    renderer = _render(fig)
    texts = label_artists(fig)
    assert "Vector Institute" in {t.get_text() for t in texts} and len(texts) <= 12
    assert first_overlap(_extents(texts, renderer)) is None
    assert fig.axes[0].get_legend() is not None
    deg = net.degrees()
    named = {t.get_text() for t in texts}
    top = sorted((n for n in net.nodes if n not in net.focus), key=lambda n: -deg[n])[0]
    assert net.nodes[top].name in named


def test_cli_writes_the_cluster_map_formats_asked_for(demo, tmp_path):
    from typer.testing import CliRunner

    from aikg.cli import app

    home, _, _ = demo
    result = CliRunner().invoke(app, ["viz", "clusters", "-o", str(tmp_path), "--format", "png,html",
                                      "--home", str(home)])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(tmp_path / "clusters.png"), str(tmp_path / "clusters.html")]
    result = CliRunner().invoke(app, ["viz", "graph", "-o", str(tmp_path / "g.html"), "--png", str(tmp_path / "g.png"),
                                      "--labels", "5", "--home", str(home)])
    assert result.exit_code == 0, result.output and (tmp_path / "g.png").exists()


BOXES_JS = """
setTimeout(function () {
  var v = window.aikgView; if (!v) { return; }
  var pos = v.network.getPositions(), out = {labels: [], circles: []};
  v.nodes.get().forEach(function (n) {
    if (n.kind === 'label') {
      var b = v.network.getBoundingBox(n.id);
      out.labels.push({text: n.label, box: [b.left, b.top, b.right, b.bottom]});
    } else {
      out.circles.push({id: n.id, x: pos[n.id].x, y: pos[n.id].y, r: n.size});
    }
  });
  document.documentElement.setAttribute('data-boxes', JSON.stringify(out));
}, 1000);
"""


@pytest.mark.browser
def test_cluster_map_page_in_chromium_draws_every_label_clear_of_the_others(demo, tmp_path):
    if CHROMIUM is None:
        pytest.skip("headless Chromium not found: install Debian 'chromium' (make test does) or set AIKG_CHROMIUM")
    _, out, _ = demo
    report = open_page(Path(out / "clusters.html"), tmp_path, actions=BOXES_JS)
    assert report.errors == [] and report.dialogs == [] and report.requests == []
    assert report.attrs["data-state"] == "ready"
    found = re.search(r'data-boxes="([^"]*)"', report.dom)
    assert found, "the page did not report its label boxes"
    boxes = json.loads(html.unescape(found.group(1)))
    labels = [tuple(item["box"]) for item in boxes["labels"]]
    assert labels and all(None not in box for box in labels)
    assert len(labels) == len(boxes["circles"]) + int(report.attrs["data-edges"])
    assert first_overlap(labels) is None
    for c in boxes["circles"]:
        x, y, r = c["x"], c["y"], c["r"]
        for box in labels:
            nx, ny = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
            assert (x - nx) ** 2 + (y - ny) ** 2 >= r * r, (c["id"], box)
    canvas = report.main_canvas()
    unlike, total, _ = report.screenshot_pixels(canvas)
    assert unlike > total * 0.01  # drawn
