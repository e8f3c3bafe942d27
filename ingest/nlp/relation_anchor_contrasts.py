"""No ANCHORS from a sentence that names another place's anchor or says a place lacks one (issue 14, ANCHORS precision;
no parse).

Once per document after the anchor rules: an ANCHORS(X, T) reading whose evidence sentence
* opens with a contrast ("Unlike Tampere, where X anchors the cluster, Oulu has no single anchor institution",
  "Compared with Brenna, whose cluster is anchored by X, Oulu ...") and names X inside that opening clause while T
  (the place of the rest of the sentence, or the document's place) is outside it, or
* says T lacks an anchor ("Oulu lacks an anchor like X, which anchors the cluster in Tampere", "What Oulu lacks is an
  anchor such as X", "Oulu has no anchor institution comparable to X")
is dropped: X is the anchor of another place, or of none. Kept: "X is the anchor of Oulu's AI cluster", "Unlike its
rivals, X has stayed in Oulu and anchors its AI cluster" (X outside the contrast clause). Word lists:
``data/lexicon/relation_anchor_contrasts.json``. ``AIKG_ANCHOR_CONTRASTS=off`` turns the guard off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _name


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w = lexicon_data("relation_anchor_contrasts.json")

    def alt(key: str) -> str:
        return alternation(w[key]).replace(r"\ ", r"\s+")

    return {
        "opener": re.compile(rf"\s*(?:{alt('contrast_openers')})\b", re.I),
        "lack": re.compile(rf"\s*(?:still\s+|also\s+)?(?:{alt('lack_verbs')})\b[^.;]{{0,40}}?\b(?:{alt('anchor_words')})\b",
                           re.I),
    }


def anchor_contrasts(text: str, facts: Any) -> None:
    """Drop, in place, the ANCHORS readings of the sentences above from ``facts``."""
    if os.environ.get("AIKG_ANCHOR_CONTRASTS", "on") == "off":
        return
    if not any(r.type == "ANCHORS" for r in facts.relations):
        return
    ms = facts.mentions
    bounds = [(m.start(), m.end()) for m in SENTENCE.finditer(text)]
    starts = [a for a, _ in bounds]
    facts.relations = [r for r in facts.relations
                       if r.type != "ANCHORS" or not _contrasted(text, ms, r, bounds, starts)]


def _contrasted(text: str, ms: Sequence[Any], r: Any, bounds: list[tuple[int, int]], starts: list[int]) -> bool:
    """Does the sentence of the anchor X name X as another place's anchor, or say the place T lacks an anchor?"""
    x = ms[r.source]
    k = bisect_right(starts, x.start) - 1
    if k < 0:
        return False
    lo, hi = bounds[k]
    names = {_name(ms, r.target), ms[r.target].text}  # the place's name as words (a repeat may be no mention)
    found = [(m.start() + lo, m.end() + lo) for n in names
             for m in re.finditer(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text[lo:hi])]
    here = sorted(a for a, _ in found)
    p = _patterns()
    for _, end in found:
        if p["lack"].match(text, end, hi):
            return True  # "Oulu lacks an anchor like X", "What Oulu lacks is an anchor such as X"
    opener = p["opener"].match(text, lo, hi)
    if opener is None:
        return False
    after = [a for a in here if a > x.end]
    cut = text.rfind(",", lo, after[0] if after else hi)
    return cut > x.end and not any(lo <= a < cut for a in here)
