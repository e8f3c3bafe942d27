"""The cluster map: clusters as circles sized by their organisations, joined by the partners they share.

The headline answer of the graph ("which clusters share anchor partners, and which") as one
picture. Built from two result tables the caller reads (``cluster_overview`` and
``clusters_sharing_partners`` rows; this module runs no query), then laid out once as a
:class:`MapPlan` in points: circle centres and radii, and a box for every label, placed so that
no label meets another label or a circle. The figure (:mod:`aikg.graph.views.cluster_map_draw`)
and the HTML page draw that same plan, so both keep the guarantee.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aikg.graph.views.labels import Box, Label, disc_box, edge_centres, node_centres, place, shrink
from aikg.graph.views.style import shorten

LINK_NAMES = 3  # partners named on a link (the tooltip and the table list more)
NAME_CHARS = 24
FONT = 9.0  # label size in points
MIN_R, MAX_R = 6.0, 24.0  # circle radius in points, for 0 .. the most organisations
SPACING = 120.0  # points per unit of the packed layout before any spreading
SPREAD = 1.15  # growth of the layout per round while some label has no room
ROUNDS = 30
PAD = 2.0  # points kept clear around every label
MARGIN = 16.0
MIN_WIDTH = 540.0  # room for the legend under the map

Measure = Callable[[str], tuple[float, float]]


@dataclass(frozen=True)
class MapCluster:
    id: str
    name: str
    organisations: int = 0
    anchors: int = 0
    documents: int = 0

    @property
    def label(self) -> str:
        return f"{shorten(self.name, NAME_CHARS + 6)} ({self.organisations})"

    @property
    def tooltip(self) -> str:
        return (f"{self.name}\nMember organisations: {self.organisations}\nAnchors: {self.anchors}\n"
                f"Documents that mention it: {self.documents}\nId: {self.id}")


@dataclass(frozen=True)
class MapLink:
    a: str
    b: str
    shared: int
    partners: tuple[str, ...] = ()
    partner_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The first partners by name, and the count on a second line (``+2 more · 5 shared``)."""
        names = [shorten(p, NAME_CHARS) for p in self.partners[:LINK_NAMES]]
        more = self.shared - len(names)
        count = f"+{more} more · {self.shared} shared" if more > 0 and names else f"{self.shared} shared"
        return ", ".join(names) + "\n" + count if names else count

    def tooltip(self, clusters: Mapping[str, MapCluster]) -> str:
        listed = "; ".join(self.partners)
        more = self.shared - len(self.partners)
        return (f"{clusters[self.a].name} ↔ {clusters[self.b].name}\nShared partners: {self.shared}\n{listed}"
                + (f" and {more} more" if more > 0 else ""))


@dataclass
class ClusterMap:
    title: str
    clusters: dict[str, MapCluster] = field(default_factory=dict)
    links: list[MapLink] = field(default_factory=list)
    notes: tuple[str, ...] = ()


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if v is not None)
    return () if value is None or isinstance(value, float) else (str(value),)


def _int(value: Any) -> int:
    try:
        return 0 if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
    except (TypeError, ValueError):
        return 0


def build_cluster_map(overview: Iterable[Mapping[str, Any]], pairs: Iterable[Mapping[str, Any]], *,
                      title: str = "Clusters that share partners", every_cluster: bool = False) -> ClusterMap:
    """The map from ``cluster_overview`` rows (sizes) and ``clusters_sharing_partners`` rows (links).

    Only clusters in some pair are drawn, unless ``every_cluster`` (then also every cluster
    with at least one organisation, as a lone circle).
    """
    known = {str(r["cluster"]): MapCluster(str(r["cluster"]), str(r.get("cluster_name") or r["cluster"]),
                                           _int(r.get("organisations")), _int(r.get("anchors")),
                                           _int(r.get("documents"))) for r in overview}
    clusters: dict[str, MapCluster] = {}
    links: list[MapLink] = []
    for row in pairs:
        a, b = str(row["cluster_a"]), str(row["cluster_b"])
        for cid, name in ((a, row.get("cluster_a_name")), (b, row.get("cluster_b_name"))):
            clusters.setdefault(cid, known.get(cid) or MapCluster(cid, str(name or cid)))
        partners = _names(row.get("shared_partners"))
        links.append(MapLink(a, b, _int(row.get("shared")) or len(partners), partners,
                             _names(row.get("shared_partner_ids"))))
    if every_cluster:
        for cid, cluster in known.items():
            if cluster.organisations > 0:
                clusters.setdefault(cid, cluster)
    ordered = dict(sorted(clusters.items(), key=lambda kv: (-kv[1].organisations, kv[1].name, kv[0])))
    return ClusterMap(title, ordered, sorted(links, key=lambda k: (-k.shared, k.a, k.b)))


# -- the plan -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlacedLabel:
    key: str  # "cluster:<index>" or "link:<index>"
    text: str
    box: Box  # without padding, in plan points (y up)
    tooltip: str


@dataclass
class MapPlan:
    """Everything both renderers draw, in points with y pointing up; (0, 0) is the lower left."""

    width: float
    height: float
    nodes: dict[str, tuple[float, float, float]]  # id -> (x, y, radius)
    links: list[tuple[MapLink, float]]  # with the line width in points
    labels: list[PlacedLabel]
    left_out: list[str]  # labels with no room even at the largest spread (none in practice)
    font: float = FONT


def radius(organisations: int, most: int) -> float:
    """Circle radius in points; the area grows with the number of organisations."""
    return MIN_R + (MAX_R - MIN_R) * math.sqrt(max(organisations, 0) / most) if most > 0 else MIN_R


def link_width(shared: int, most: int) -> float:
    return 1.0 + 5.0 * (shared / most if most > 0 else 0.0)


def components(cmap: ClusterMap, seed: int = 7) -> list[dict[str, tuple[float, float]]]:
    """Each connected part of the map with a seeded spring layout (more shared partners pull harder),
    scaled to a square of side sqrt(size); the largest part first."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(cmap.clusters)
    graph.add_weighted_edges_from((k.a, k.b, float(k.shared)) for k in cmap.links)
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    out = []
    for part in parts:
        if len(part) == 1:
            out.append({part[0]: (0.0, 0.0)})
            continue
        pos = nx.spring_layout(graph.subgraph(part), seed=seed, weight="weight", iterations=300)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        side = math.sqrt(len(part))
        out.append({n: ((x - min(xs)) / span * side, (y - min(ys)) / span * side) for n, (x, y) in pos.items()})
    return out


def _requests(cmap: ClusterMap, nodes: Mapping[str, tuple[float, float, float]],
              sizes: Mapping[str, tuple[float, float]]) -> list[Label]:
    out = []
    for i, cid in enumerate(cmap.clusters):
        if cid not in nodes:
            continue
        x, y, r = nodes[cid]
        w, h = sizes[f"cluster:{i}"]
        out.append(Label(f"cluster:{i}", w, h, node_centres((x, y), r, w, h, PAD + 3.0)))
    for i, link in enumerate(cmap.links):
        if link.a in nodes:
            w, h = sizes[f"link:{i}"]
            out.append(Label(f"link:{i}", w, h, edge_centres(nodes[link.a][:2], nodes[link.b][:2])))
    return out


def _plan_part(cmap: ClusterMap, unit: Mapping[str, tuple[float, float]], sizes: Mapping[str, tuple[float, float]],
               most: int) -> tuple[dict[str, tuple[float, float, float]], dict[str, Box]]:
    """One connected part, spread until every label has a place clear of other labels and circles."""
    placed: dict[str, Box] = {}
    nodes: dict[str, tuple[float, float, float]] = {}
    scale = SPACING
    for _ in range(ROUNDS):
        nodes = {cid: (x * scale, y * scale, radius(cmap.clusters[cid].organisations, most))
                 for cid, (x, y) in unit.items()}
        requests = _requests(cmap, nodes, sizes)
        placed = place(requests, obstacles=[disc_box(n[:2], n[2] + 2.0) for n in nodes.values()], pad=PAD)
        if len(placed) == len(requests):
            break
        scale *= SPREAD
    return nodes, {k: shrink(b, PAD) for k, b in placed.items()}


def _extent(nodes: Mapping[str, tuple[float, float, float]], boxes: Mapping[str, Box]) -> Box:
    every = [disc_box(n[:2], n[2]) for n in nodes.values()] + list(boxes.values())
    return (min(b[0] for b in every), min(b[1] for b in every), max(b[2] for b in every), max(b[3] for b in every))


def _shift(nodes: dict[str, tuple[float, float, float]], boxes: dict[str, Box], dx: float, dy: float) -> None:
    for cid, (x, y, r) in nodes.items():
        nodes[cid] = (x + dx, y + dy, r)
    for key, b in boxes.items():
        boxes[key] = (b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy)


def plan_map(cmap: ClusterMap, measure: Measure, *, seed: int = 7, font: float = FONT) -> MapPlan:
    """Lay out each connected part until its labels fit, then shelve the parts in rows, top to bottom."""
    most = max((c.organisations for c in cmap.clusters.values()), default=0)
    texts = {f"cluster:{i}": c.label for i, c in enumerate(cmap.clusters.values())}
    texts.update({f"link:{i}": k.label for i, k in enumerate(cmap.links)})
    sizes = {key: measure(text) for key, text in texts.items()}
    parts = [_plan_part(cmap, unit, sizes, most) for unit in components(cmap, seed)]
    extents = [_extent(n, b) for n, b in parts]
    area = sum((e[2] - e[0] + MARGIN) * (e[3] - e[1] + MARGIN) for e in extents)
    width = max([MIN_WIDTH - 2 * MARGIN, 1.2 * math.sqrt(area), *((e[2] - e[0]) for e in extents)])
    nodes: dict[str, tuple[float, float, float]] = {}
    boxes: dict[str, Box] = {}
    x = y = row = 0.0
    for (part_nodes, part_boxes), ext in zip(parts, extents):
        w, h = ext[2] - ext[0], ext[3] - ext[1]
        if x > 0 and x + w > width:
            x, y, row = 0.0, y - row - MARGIN, 0.0
        _shift(part_nodes, part_boxes, x - ext[0], y - h - ext[1])
        nodes.update(part_nodes)
        boxes.update(part_boxes)
        x += w + MARGIN
        row = max(row, h)
    return _finish(cmap, nodes, boxes, texts, max((k.shared for k in cmap.links), default=0), font)


def _finish(cmap: ClusterMap, nodes: dict[str, tuple[float, float, float]], boxes: dict[str, Box],
            texts: Mapping[str, str], most_shared: int, font: float) -> MapPlan:
    """Shift everything so the lower left is (0, 0) with a margin."""
    extents = [disc_box(n[:2], n[2]) for n in nodes.values()] + list(boxes.values())
    if not extents:
        return MapPlan(MIN_WIDTH, 2 * MARGIN, {}, [], [], [], font)
    x0 = min(b[0] for b in extents) - MARGIN
    y0 = min(b[1] for b in extents) - MARGIN
    width = max(b[2] for b in extents) + MARGIN - x0
    height = max(b[3] for b in extents) + MARGIN - y0
    dx = (max(width, MIN_WIDTH) - width) / 2 - x0
    moved = {cid: (x + dx, y - y0, r) for cid, (x, y, r) in nodes.items()}
    tips = {f"cluster:{i}": c.tooltip for i, c in enumerate(cmap.clusters.values())}
    tips.update({f"link:{i}": k.tooltip(cmap.clusters) for i, k in enumerate(cmap.links)})
    labels = [PlacedLabel(key, texts[key], (b[0] + dx, b[1] - y0, b[2] + dx, b[3] - y0), tips[key])
              for key, b in boxes.items()]
    left_out = [texts[k] for k in texts if k not in boxes]
    return MapPlan(max(width, MIN_WIDTH), height, moved,
                   [(k, link_width(k.shared, most_shared)) for k in cmap.links], labels, left_out, font)
