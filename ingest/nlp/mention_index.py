"""One index of a document's mentions by position, for the rules that read a page line by line (no parse).

``relation_lines`` (organisation facts on line forms) and ``relation_people_published`` (people on line forms) both
need "the mentions between these two offsets" many times per document; this is the one definition they share:
named mentions (no anaphors) of any type, people, organisations, and organisation references ("the company" too),
each sorted by start with a bisect over the starts, and an organisation found by its name.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence

from aikg.ingest.nlp.records import MentionFact

Row = tuple[int, int, int]  # (start, end, mention index)


def nested(mentions: Sequence[MentionFact]) -> set[int]:
    """The mentions inside a longer one (``o.start <= m.start and m.end <= o.end``, ``o`` longer), found in one sweep
    over the spans: speed only, for rules that asked this of every mention against every other (O(n²) per page)."""
    spans = sorted({(m.start, m.end) for m in mentions}, key=lambda s: (s[0], -s[1]))
    inside: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the spans before (they start earlier, or at the same start and end later)
    for a, b in spans:
        if reach >= b:
            inside.add((a, b))
        reach = max(reach, b)
    return {i for i, m in enumerate(mentions) if (m.start, m.end) in inside}


class MentionIndex:
    """The document's mentions by position; ``org_types`` are the types that count as organisations here."""

    def __init__(self, mentions: Sequence[MentionFact], org_types: Sequence[str]) -> None:
        self.ms = mentions
        self.org_types = tuple(org_types)
        named = [(m.start, m.end, i) for i, m in enumerate(mentions) if m.source != "anaphor"]
        self.rows = sorted(named)
        self.people = sorted(r for r in named if mentions[r[2]].type == "Person")
        self.orgs = sorted(r for r in named if mentions[r[2]].type in self.org_types)
        self.refs = sorted((m.start, m.end, i) for i, m in enumerate(mentions) if m.type in self.org_types)  # "the company" too
        self.starts = [r[0] for r in self.rows]
        self._starts = {id(v): [r[0] for r in v] for v in (self.people, self.orgs, self.refs)}

    def _slice(self, rows: list[Row], a: int, b: int) -> list[Row]:
        starts = self._starts[id(rows)]  # a line's mentions without a scan of the document's
        return [r for r in rows[bisect_left(starts, a):bisect_left(starts, b)] if r[1] <= b]

    def starting(self, rows: list[Row], a: int) -> list[Row]:
        """The rows of ``rows`` (``people``, ``orgs`` or ``refs``) that start at ``a``, in order (speed: no scan)."""
        starts = self._starts[id(rows)]
        return rows[bisect_left(starts, a):bisect_right(starts, a)]

    def from_start(self, rows: list[Row], a: int) -> list[Row]:
        """The rows of ``rows`` (``people``, ``orgs`` or ``refs``) that start at ``a`` or later, in order."""
        return rows[bisect_left(self._starts[id(rows)], a):]

    def within(self, a: int, b: int, types: Sequence[str] | None = None) -> list[Row]:
        """Named mentions inside [a, b), of ``types`` if given."""
        rows = self.rows[bisect_left(self.starts, a):bisect_left(self.starts, b)]
        return [r for r in rows if r[1] <= b and (types is None or self.ms[r[2]].type in types)]

    def exact(self, a: int, b: int, types: Sequence[str]) -> int | None:
        return next((r[2] for r in self.within(a, b, types) if r[0] == a and r[1] == b), None)

    def people_in(self, a: int, b: int) -> list[Row]:
        return self._slice(self.people, a, b)

    def orgs_in(self, a: int, b: int) -> list[Row]:
        return self._slice(self.orgs, a, b)

    def refs_in(self, a: int, b: int) -> list[Row]:
        return self._slice(self.refs, a, b)

    def named(self, name: str, at: int) -> int | None:
        """An organisation mention of this name: the first after ``at``, else the last before (a heading is no
        mention; the body names the firm again)."""
        key = name.casefold()
        hits = [r for r in self.orgs if key in (self.ms[r[2]].text.casefold(), self.ms[r[2]].canonical.casefold())]
        after = [r for r in hits if r[0] >= at]
        return (after[0] if after else hits[-1])[2] if hits else None
