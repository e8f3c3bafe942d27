"""Label placement without overlaps (pure geometry, no drawing library).

Figures used to put every label just above its node, so in a dense view they piled on top of
each other. Here each label tries a few positions around its anchor, in order, and takes the
first whose box meets no label placed before it, no obstacle (node discs, a legend) and stays
inside the bounds. Labels are placed most important first; one with no free position is left
out (the caller decides whether that is acceptable or whether to spread the layout and retry).
Boxes are ``(x0, y0, x1, y1)`` with ``x0 <= x1`` and ``y0 <= y1``, in any one unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]
Point = tuple[float, float]

#: Where a label of a node of radius r may go, as (dx, dy) of the label's centre in units of
#: (label half-width + r + gap, label half-height + r + gap): below first, then above, sides, corners.
NODE_SPOTS: tuple[Point, ...] = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))
#: Where along an edge its label may sit (fraction of the way from source to target).
EDGE_SPOTS: tuple[float, ...] = (0.5, *(t for d in range(1, 8) for t in (0.5 - d / 20, 0.5 + d / 20)))


@dataclass(frozen=True)
class Label:
    """A label to place: its key, its box size, and the candidate centres to try in order."""

    key: str
    width: float
    height: float
    centres: tuple[Point, ...]


def overlaps(a: Box, b: Box) -> bool:
    """True when the two boxes share more than an edge."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(a: Box, bounds: Box) -> bool:
    return a[0] >= bounds[0] and a[1] >= bounds[1] and a[2] <= bounds[2] and a[3] <= bounds[3]


def box_at(centre: Point, width: float, height: float) -> Box:
    return (centre[0] - width / 2, centre[1] - height / 2, centre[0] + width / 2, centre[1] + height / 2)


def disc_box(centre: Point, radius: float) -> Box:
    return (centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)


def node_centres(centre: Point, radius: float, width: float, height: float, gap: float = 2.0) -> tuple[Point, ...]:
    """Candidate label centres around a node disc (below, above, right, left, then the corners)."""
    x, y = centre
    hx, hy = width / 2 + radius + gap, height / 2 + radius + gap
    return tuple((x + dx * hx, y + dy * hy) for dx, dy in NODE_SPOTS)


def edge_centres(a: Point, b: Point) -> tuple[Point, ...]:
    """Candidate label centres along the straight edge a-b (the middle first)."""
    return tuple((a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])) for t in EDGE_SPOTS)


class _Grid:
    """Boxes bucketed by cell, so a check looks only at the boxes nearby."""

    def __init__(self, cell: float) -> None:
        self.cell = max(cell, 1e-9)
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def _keys(self, box: Box) -> Iterable[tuple[int, int]]:
        c = self.cell
        for i in range(int(box[0] // c), int(box[2] // c) + 1):
            for j in range(int(box[1] // c), int(box[3] // c) + 1):
                yield (i, j)

    def add(self, box: Box) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)

    def hits(self, box: Box) -> bool:
        return any(overlaps(box, other) for key in self._keys(box) for other in self.cells.get(key, ()))


def place(labels: Sequence[Label], *, obstacles: Sequence[Box] = (), soft: Sequence[Box] = (),
          bounds: Box | None = None, pad: float = 0.0) -> dict[str, Box]:
    """Greedy placement in the given order; returns the box of every label placed.

    A label never meets another placed label, an obstacle, or the outside of ``bounds``. It
    avoids the ``soft`` boxes too when it can (a label over a node is better than no label).
    ``pad`` widens each box on every side, a margin for renderers that measure text a little
    differently.
    """
    sizes = [max(lab.width, lab.height) for lab in labels] or [1.0]
    hard, gentle = _Grid(2 * max(sizes)), _Grid(2 * max(sizes))
    for box in obstacles:
        hard.add(box)
    for box in soft:
        gentle.add(box)
    placed: dict[str, Box] = {}
    for lab in labels:
        boxes = [box_at(c, lab.width + 2 * pad, lab.height + 2 * pad) for c in lab.centres]
        free = [b for b in boxes if (bounds is None or inside(b, bounds)) and not hard.hits(b)]
        best = next((b for b in free if not gentle.hits(b)), free[0] if free else None)
        if best is not None:
            placed[lab.key] = best
            hard.add(best)
    return placed


def shrink(box: Box, pad: float) -> Box:
    """The box without the padding :func:`place` added."""
    return (box[0] + pad, box[1] + pad, box[2] - pad, box[3] - pad)


def centre(box: Box) -> Point:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def first_overlap(boxes: Sequence[Box]) -> tuple[int, int] | None:
    """Indices of the first two boxes that overlap, or None (used by the figures' own checks and tests)."""
    grid: dict[tuple[int, int], list[int]] = {}
    cell = max((max(b[2] - b[0], b[3] - b[1]) for b in boxes), default=1.0) or 1.0
    for i, box in enumerate(boxes):
        keys = [(x, y) for x in range(int(box[0] // cell), int(box[2] // cell) + 1)
                for y in range(int(box[1] // cell), int(box[3] // cell) + 1)]
        for key in keys:
            for j in grid.get(key, ()):
                if overlaps(box, boxes[j]):
                    return (j, i)
        for key in keys:
            grid.setdefault(key, []).append(i)
    return None
