"""The cluster map: built from the two result tables, laid out with no label over another label or a
circle (checked in the plan, then in the rendered matplotlib figure), written as PNG/SVG/HTML.

The demo corpus's own map and the browser check are in tests/test_views_demo.py.
"""

from __future__ import annotations

import json
import random
import re

import pytest

from aikg.core.errors import ConfigError
from aikg.graph.views.cluster_map import ClusterMap, MapLink, build_cluster_map, plan_map
from aikg.graph.views.cluster_map_draw import (
    draw_map,
    map_label_artists,
    map_node_artists,
    plan,
    render_page,
    write_cluster_map,
)
from aikg.graph.views.labels import Box, first_overlap, overlaps

OVERVIEW = [
    {"cluster": "cluster:toronto", "cluster_name": "Toronto", "anchors": 1, "organisations": 8, "documents": 7},
    {"cluster": "cluster:london", "cluster_name": "London", "anchors": 1, "organisations": 6, "documents": 8},
    {"cluster": "cluster:riyadh", "cluster_name": "Riyadh", "anchors": 1, "organisations": 1, "documents": 2},
    {"cluster": "cluster:paris", "cluster_name": "Paris", "anchors": 1, "organisations": 5, "documents": 2},
    {"cluster": "cluster:doha", "cluster_name": "Doha", "anchors": 0, "organisations": 0, "documents": 2},
]
PAIRS = [
    {"cluster_a": "cluster:london", "cluster_a_name": "London", "cluster_b": "cluster:toronto",
     "cluster_b_name": "Toronto", "shared": 5, "shared_partners": ["Nvidia", "CIFAR", "Mila", "Cohere"],
     "shared_partner_ids": ["company:nvidia", "institute:cifar", "institute:mila", "company:cohere"]},
    {"cluster_a": "cluster:london", "cluster_a_name": "London", "cluster_b": "cluster:riyadh",
     "cluster_b_name": "Riyadh", "shared": 1, "shared_partners": ["Nvidia"], "shared_partner_ids": ["company:nvidia"]},
]


def _circle_meets_box(cx: float, cy: float, r: float, box: Box) -> bool:
    nx = min(max(cx, box[0]), box[2])
    ny = min(max(cy, box[1]), box[3])
    return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r


def _crowded_map(seed: int = 3) -> ClusterMap:
    """Twelve clusters with names of every length and 30 links, many crossing: hard to label."""
    rng = random.Random(seed)
    names = ["Bay Area", "London", "Toronto", "Montreal", "Greater Tokyo Innovation Corridor", "Abu Dhabi", "Paris",
             "Riyadh", "Seattle", "Cambridge, Massachusetts", "Singapore", "Research Triangle Park"]
    overview = [{"cluster": f"cluster:{i}", "cluster_name": n, "organisations": rng.randint(0, 40)}
                for i, n in enumerate(names)]
    partners = ["Nvidia", "CIFAR", "Alan Turing Institute", "Mohamed bin Zayed University of AI", "G42", "Mila",
                "Microsoft", "OpenAI"]
    links = set()
    while len(links) < 30:
        a, b = sorted(rng.sample(range(len(names)), 2))
        links.add((a, b))
    pairs = []
    for a, b in sorted(links):
        shared = rng.randint(1, 9)
        chosen = rng.sample(partners, min(shared, 3))
        pairs.append({"cluster_a": f"cluster:{a}", "cluster_a_name": names[a], "cluster_b": f"cluster:{b}",
                      "cluster_b_name": names[b], "shared": shared, "shared_partners": chosen})
    return build_cluster_map(overview, pairs)


def _rough_measure(text: str) -> tuple[float, float]:
    lines = text.split("\n")
    return 5.5 * max(len(line) for line in lines), 11.0 * len(lines)


def test_build_takes_sizes_from_the_overview_and_links_from_the_pairs():
    cmap = build_cluster_map(OVERVIEW, PAIRS)
    assert list(cmap.clusters) == ["cluster:toronto", "cluster:london", "cluster:riyadh"]  # largest first
    assert cmap.clusters["cluster:toronto"].organisations == 8
    assert [(k.a, k.b, k.shared) for k in cmap.links] == [("cluster:london", "cluster:toronto", 5),
                                                          ("cluster:london", "cluster:riyadh", 1)]
    assert cmap.links[0].label == "Nvidia, CIFAR, Mila\n+2 more · 5 shared"
    assert cmap.links[1].label == "Nvidia\n1 shared"
    assert cmap.clusters["cluster:london"].label == "London (6)"
    assert "Cohere and 1 more" in cmap.links[0].tooltip(cmap.clusters)
    everything = build_cluster_map(OVERVIEW, PAIRS, every_cluster=True)
    assert set(everything.clusters) == {"cluster:toronto", "cluster:london", "cluster:riyadh", "cluster:paris"}
    assert MapLink("a", "b", 3).label == "3 shared"  # no names listed: the count alone


@pytest.mark.parametrize("seed", [3, 11])
def test_plan_places_every_label_clear_of_labels_and_circles(seed):
    cmap = _crowded_map(seed)
    the_plan = plan_map(cmap, _rough_measure)
    assert the_plan.left_out == []
    assert len(the_plan.labels) == len(cmap.clusters) + len(cmap.links)
    boxes = [lab.box for lab in the_plan.labels]
    assert first_overlap(boxes) is None
    for lab in the_plan.labels:
        for cid, (x, y, r) in the_plan.nodes.items():
            assert not _circle_meets_box(x, y, r, lab.box), (lab.text, cid)
        assert 0 <= lab.box[0] and lab.box[2] <= the_plan.width and 0 <= lab.box[1] and lab.box[3] <= the_plan.height
    assert first_overlap([(0, 0, 2, 2), (5, 5, 6, 6), (1, 1, 3, 3)]) == (0, 2)  # the check itself can fail


def _rendered(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [tuple(t.get_window_extent(renderer).extents) for t in map_label_artists(fig)]
    circles = []
    for patch in map_node_artists(fig):
        ext = patch.get_window_extent(renderer).extents
        circles.append(((ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2, (ext[2] - ext[0]) / 2))
    return labels, circles


def test_rendered_figure_labels_do_not_overlap_each_other_or_a_circle():
    cmap = _crowded_map(3)
    fig = draw_map(cmap, dpi=100)
    labels, circles = _rendered(fig)
    assert len(labels) == len(cmap.clusters) + len(cmap.links) and len(circles) == len(cmap.clusters)
    assert first_overlap(labels) is None
    for box in labels:
        assert not any(_circle_meets_box(x, y, r, box) for x, y, r in circles), box
    legend = fig.legends[0].get_window_extent(fig.canvas.get_renderer()).extents
    assert not any(overlaps(box, tuple(legend)) for box in labels)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "cluster (area: member organisations, in brackets)", "partners the anchors share (thicker: more)"]


def test_writes_png_svg_and_html_from_one_plan(tmp_path):
    from PIL import Image

    cmap = build_cluster_map(OVERVIEW, PAIRS, title="Map <b>&")
    paths = write_cluster_map(cmap, tmp_path / "m", ("html", "png", "svg"))
    assert [p.name for p in paths] == ["clusters.html", "clusters.png", "clusters.svg"]
    with Image.open(paths[1]) as img:
        assert img.size[0] > 500
    svg = paths[2].read_text("utf-8")
    assert "Map &lt;b&gt;&amp;" in svg and write_cluster_map(cmap, tmp_path / "n", ["svg"])[0].read_text("utf-8") == svg
    page = paths[0].read_text("utf-8")
    assert "<title>Map &lt;b&gt;&amp;</title>" in page and "https://" not in page.split("<script>")[0]
    data = json.loads(re.search(r'<script id="aikg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    labels = [n for n in data["nodes"] if n.get("kind") == "label"]
    assert len(labels) == 5 and all(n["fixed"] and n["shape"] == "text" for n in labels)
    assert data["options"]["physics"] == {"enabled": False}
    with pytest.raises(ConfigError, match="unknown cluster map format 'gif'"):
        write_cluster_map(cmap, tmp_path / "x", ["gif"])


def test_html_positions_follow_the_plan():
    cmap = build_cluster_map(OVERVIEW, PAIRS)
    the_plan = plan(cmap)
    page = render_page(cmap, the_plan)
    data = json.loads(re.search(r'<script id="aikg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    nodes = {n["id"]: n for n in data["nodes"]}
    scale = 14.0 / the_plan.font
    for cid, (x, y, r) in the_plan.nodes.items():
        assert nodes[cid]["x"] == pytest.approx(x * scale, abs=0.01)
        assert nodes[cid]["y"] == pytest.approx(-y * scale, abs=0.01)  # the page's y points down
        assert nodes[cid]["size"] == pytest.approx(r * scale, abs=0.01)


def test_an_empty_map_still_draws():
    cmap = build_cluster_map(OVERVIEW, [])
    assert not cmap.clusters
    fig = draw_map(cmap)
    assert map_label_artists(fig) == []
    assert "No two clusters share a partner." in render_page(cmap)


def test_page_keeps_hostile_names_as_text():
    hostile = "<img src=x onerror=alert(1)>"
    overview = [{"cluster": "cluster:x", "cluster_name": hostile, "organisations": 2},
                {"cluster": "cluster:y", "cluster_name": "Y & Co", "organisations": 1}]
    pairs = [{"cluster_a": "cluster:x", "cluster_a_name": hostile, "cluster_b": "cluster:y", "cluster_b_name": "Y & Co",
              "shared": 1, "shared_partners": ["</script><!--<script>alert(2)</script>"]}]
    page = render_page(build_cluster_map(overview, pairs))
    assert "<img src=x" not in page and "</script><!--" not in page and "<script>alert(2)" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; – Y &amp; Co" in page  # the pairs table, escaped
    data = json.loads(re.search(r'<script id="aikg-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert any(n.get("label", "").startswith(hostile) for n in data["nodes"])  # intact once parsed, drawn on canvas
