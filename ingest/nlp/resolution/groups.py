"""Groups of nodes that are one entity: a union-find whose unions can be refused.

A union is refused when it would put both sides of a cannot-link in one group (an analyst's
"different", or two names related to each other in one sentence), two different known
entities or two different gazetteer entries in one group. Typo merges are also refused unless every
full name of one group is the same name as every full name of the other (complete linkage),
so near matches never chain: A~B and B~C join A and C only when A~C.
Sets are merged small into large, so all unions together cost O(n log n).
"""

from __future__ import annotations

from collections.abc import Sequence

from aikg.ingest.nlp.resolution.names import same_name
from aikg.ingest.nlp.resolution.nodes import Node


class Groups:
    def __init__(self, nodes: Sequence[Node]) -> None:
        n = len(nodes)
        self.parent = list(range(n))
        self.size = [1] * n
        self.anchors: dict[int, dict[str, str]] = {i: dict([nd.anchor.split(":", 1)]) for i, nd in enumerate(nodes) if nd.anchor}
        self.tags: dict[int, set[tuple[int, int]]] = {}
        self.names: dict[int, set[tuple[str, ...]]] = {i: {nd.tokens} for i, nd in enumerate(nodes) if nd.comparable}
        self._next_tag = 0

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def forbid(self, a: int, b: int) -> None:
        """``a`` and ``b`` are different entities: their groups never merge."""
        tag = self._next_tag
        self._next_tag += 1
        self.tags.setdefault(self.find(a), set()).add((tag, 0))
        self.tags.setdefault(self.find(b), set()).add((tag, 1))

    def same(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def _conflict(self, ra: int, rb: int) -> bool:
        aa, ab = self.anchors.get(ra, {}), self.anchors.get(rb, {})
        if any(ab.get(kind, value) != value for kind, value in aa.items()):
            return True
        ta, tb = self.tags.get(ra, ()), self.tags.get(rb, ())
        if len(ta) > len(tb):
            ta, tb = tb, ta
        return any((tag, 1 - side) in tb for tag, side in ta)

    def names_agree(self, ra: int, rb: int) -> bool:
        na, nb = self.names.get(ra, ()), self.names.get(rb, ())
        return bool(na) and bool(nb) and all(same_name(x, y) for x in na for y in nb)

    def union(self, a: int, b: int, *, complete: bool = False) -> bool:
        """Join the groups of ``a`` and ``b``; False (and nothing changes) when refused."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self._conflict(ra, rb) or (complete and not self.names_agree(ra, rb)):
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        if rb in self.anchors:
            self.anchors.setdefault(ra, {}).update(self.anchors.pop(rb))
        for store in (self.tags, self.names):
            small = store.pop(rb, None)
            if small:
                big = store.setdefault(ra, set())
                if len(big) < len(small):
                    big, small = small, big
                    store[ra] = big
                big |= small
        return True

    def members(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for n in range(len(self.parent)):
            out.setdefault(self.find(n), []).append(n)
        return out
