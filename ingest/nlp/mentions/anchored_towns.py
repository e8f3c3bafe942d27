"""Stage, anchored towns (wave 19, issue 14): a town the text gives an anchor is a hub, so a Cluster.

Why: "Tampere's anchor institutions are A and B", "A, Tampere's anchor institution, ...", "A remains Tampere's anchor
employer", "Tampere, anchored by A, has ...", "A acts as the anchor institution for Tampere": the guidelines count a
town as a Cluster when the text treats it as a hub, and calling an organisation its anchor does; but no hub word
("scene", "cluster") stands after the town, so the place stage dropped it and the ANCHORS rules
(``relation_anchor_nouns``) saw no place. A town waiting for context is kept here when

* "'s", up to three lower-case words and "anchor(s)" follow it ("Tampere's two anchors");
* ", (now / still) anchored by" follows it;
* "anchor", an optional head noun ("institution", "employer") and "of" / "for" (and "the") stand before it.

Word lists: ``anchor_nouns``, ``anchor_heads`` and ``anchor_premodifiers_stop`` of ``data/lexicon/anchor_site_words.json``;
``AIKG_ANCHOR_NOUNS=off`` turns the stage off with the relation rules.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

_POSSESSIVE = frozenset({"'s", "’s"})
MAX_PREMODIFIERS = 3


def enabled() -> bool:
    """Is wave 19's anchoring on (``AIKG_ANCHOR_NOUNS`` not "off")?"""
    return os.environ.get("AIKG_ANCHOR_NOUNS", "on") != "off"


@lru_cache(maxsize=1)
def anchor_words() -> tuple[frozenset[str], ...]:
    """The anchor nouns, head nouns and the premodifiers that state no anchor, lower-cased."""
    return lexicon_sets("anchor_site_words.json", ("anchor_nouns", "anchor_heads", "anchor_premodifiers_stop"))


def anchored_towns(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Keep, as a Cluster, each place waiting for context that the text gives an anchor (module docstring)."""
    if not enabled():
        return cands
    for c in cands:
        if c.type == "Cluster" and c.place and (_possessive_anchor(doc, c.end) or _anchored_by(doc, c.end)
                                                 or _anchor_of(doc, c.start)):
            c.place, c.ctx_typed = False, True
    return cands


def _possessive_anchor(doc: Any, k: int) -> bool:
    """"'s", up to three lower-case words (not "former"), then "anchor(s)" from token ``k``."""
    nouns, _heads, stop = anchor_words()
    n = len(doc)
    if k >= n or doc[k].text not in _POSSESSIVE:
        return False
    for j in range(k + 1, min(n, k + 2 + MAX_PREMODIFIERS)):
        t = doc[j]
        if t.lower_ in nouns:
            return True
        if not (t.is_lower or t.like_num) or t.lower_ in stop:
            return False
    return False


def _anchored_by(doc: Any, k: int) -> bool:
    """", (now / still) anchored by" from token ``k``."""
    n = len(doc)
    if k + 2 >= n or doc[k].text != ",":
        return False
    j = k + 1 + (doc[k + 1].lower_ in ("now", "still", "long", "largely", "mainly"))
    return j + 1 < n and doc[j].lower_ == "anchored" and doc[j + 1].lower_ == "by"


def _anchor_of(doc: Any, s: int) -> bool:
    """"anchor (institution) of / for (the)" right before token ``s``."""
    nouns, heads, _stop = anchor_words()
    k = s - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in ("of", "for"):
        return False
    k -= 1
    if doc[k].lower_ in heads:
        k -= 1
    return k >= 0 and doc[k].lower_ in nouns and (k == 0 or doc[k - 1].lower_ not in _unstated_before())


def _unstated_before() -> frozenset[str]:
    """Words before "anchor" that state no anchor ("no anchor for", "former anchor of")."""
    return frozenset({"no", "former", "would-be", "potential", "possible", "future", "planned", "aspiring"})
