"""The end of a PARTNERS_WITH or FUNDS edge that a description stands for (issue 14, wave 15; no parse).

"With the new lab, WNU joins the consortium. The lab will also work with the start-up S": the reference pass reads
"the lab" as WNU (the subject of the sentence before), so the lab's partner becomes the university's. A description
whose noun ends names ("the lab", "the centre", "the institute") stands for a name ending in that noun; when the
mention it was given does not end in it and an earlier name does (the Boreal Forest Intelligence Lab), the edge's
end moves to the latest such name. Descriptions whose noun seldom ends a name ("the company", "the fund") are left
alone. Words: ``data/lexicon/described_end_nouns.json``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    d = lexicon_data("described_end_nouns.json")
    return frozenset(d["head_nouns"]), frozenset(d["types"])


def described_ends(facts: Any) -> None:
    """Move, in place, the ends of PARTNERS_WITH and FUNDS edges that a description stands for (see the module doc)."""
    if os.environ.get("AIKG_WRONG_ENDS", "on") == "off":
        return  # off: for the paired A/B of this wave only
    nouns, types = _words()
    ms = facts.mentions
    moved: dict[int, int | None] = {}
    out = []
    for r in facts.relations:
        if r.type in types:
            src, tgt = (_meant(ms, i, nouns, moved) for i in (r.source, r.target))
            if src != tgt and (src, tgt) != (r.source, r.target):
                r = replace(r, source=src, target=tgt)
        out.append(r)
    facts.relations[:] = out


def _meant(ms: Any, i: int, nouns: frozenset[str], moved: dict[int, int | None]) -> int:
    """The mention a description "the <noun>" stands for: ``i`` unless its antecedent's name lacks the noun and an
    earlier name ends in it."""
    if i not in moved:
        moved[i] = None
        m = ms[i]
        noun = m.text.lower().split()[-1:] if m.source == "anaphor" else []
        if noun and noun[0] in nouns and m.coref is not None and noun[0] not in _root(ms, m.coref).lower():
            best = None
            for k, o in enumerate(ms):
                if o.start < m.start and o.source != "anaphor" and o.type == m.type \
                        and o.canonical.lower().split()[-1:] == noun and (best is None or o.start > ms[best].start):
                    best = k
            moved[i] = best
    hit = moved[i]
    return i if hit is None else hit


def _root(ms: Any, i: int) -> str:
    seen = 0
    while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
        i, seen = ms[i].coref, seen + 1
    return ms[i].canonical
