"""Stage, anchored towns (wave 19, issue 14): a town the text gives an anchor is a hub, so a Cluster.

Why: "Tampere's anchor institutions are A and B", "A, Tampere's anchor institution, ...", "A remains Tampere's anchor
employer", "Tampere, anchored by A, has ...", "A acts as the anchor institution for Tampere": the guidelines count a
town as a Cluster when the text treats it as a hub, and calling an organisation its anchor does; but no hub word
("scene", "cluster") stands after the town, so the place stage dropped it and the ANCHORS rules
(``relation_anchor_nouns``) saw no place. A town waiting for context is kept here when

* "'s", up to three lower-case words and "anchor(s)" follow it ("Tampere's two anchors");
* ", (now / still) anchored by" follows it;
* "anchor", an optional head noun ("institution", "employer") and "of" / "for" (and "the") stand before it.

A firm or person reading of the NER is a town in the two slots only a place fills (plain capitalised words, no
organisation head word): "Osterberg's anchor institutions are A and B" (an anchor head noun or a verb after the anchor
noun: "Halvik's anchor customer" keeps the firm) and the target of a drawing verb, "Yachay Tech has drawn
machine-learning researchers to Urcuquí", "has drawn engineers from Madrid and Seville to Gran Canaria" (what is
drawn must be people, firms or money, ``drawn_things``; "draws students from Yauco to Guayama" spans a range).
``AIKG_ANCHOR_SLOT_TOWNS=off`` turns that reading off.

Word lists: ``anchor_nouns``, ``anchor_heads``, ``anchor_premodifiers_stop``, ``draw_verbs``, ``drawn_things`` and
``possessive_anchor_followers`` of ``data/lexicon/anchor_site_words.json``; ``AIKG_ANCHOR_NOUNS=off`` turns the stage
off with the relation rules.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

_POSSESSIVE = frozenset({"'s", "’s"})
MAX_PREMODIFIERS = 3
MAX_DRAW_GAP = 12  # tokens between a drawing verb and "to" ("has drawn hundreds of software engineers back to")
#: switch of the firm-or-person readings retyped in anchor slots (``AIKG_ANCHOR_SLOT_TOWNS=off``); on by default
SLOT_TOWNS_ENV = "AIKG_ANCHOR_SLOT_TOWNS"


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
    slot_towns = os.environ.get(SLOT_TOWNS_ENV, "on") != "off"
    for c in cands:
        if c.type == "Cluster" and c.place and (_possessive_anchor(doc, c.end) or _anchored_by(doc, c.end)
                                                 or _anchor_of(doc, c.start) or slot_towns and draw_target(doc, c.start)):
            c.place, c.ctx_typed = False, True
        elif slot_towns and _misread_town(doc, c, env) and (_possessive_anchor(doc, c.end, strict=True)
                                                             or draw_target(doc, c.start)):
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
    return cands


@lru_cache(maxsize=1)
def _slot_words() -> tuple[frozenset[str], ...]:
    """Drawing verbs, drawn things and the words that may follow a possessive anchor noun, lower-cased."""
    return lexicon_sets("anchor_site_words.json", ("draw_verbs", "drawn_things", "possessive_anchor_followers"))


def _misread_town(doc: Any, c: Candidate, env: Env) -> bool:
    """A firm or person reading of the NER, nothing else typed, of one to three plain capitalised words with no
    organisation head word and no country."""
    if c.type not in ("Company", "Person") or c.source != "ner" or c.entry is not None or c.acronym_of is not None \
            or c.ctx_typed or not 1 <= c.end - c.start <= 3:
        return False
    toks = doc[c.start:c.end]
    if not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in toks):
        return False
    words = [t.text for t in toks]
    return env.typer.type_of_name(words) is None and " ".join(words).lower() not in env.lex.countries


def draw_target(doc: Any, s: int) -> bool:
    """Is token ``s`` the target of a drawing verb: "<drawing verb> ... <drawn thing> ... (back) to" right before it,
    in one sentence ("has drawn engineers from Madrid to Gran Canaria")?"""
    verbs, things, _follow = _slot_words()
    k = s - 1
    if k < 1 or doc[k].lower_ != "to" or _range_end(doc, k):
        return False
    drawn = False
    for j in range(k - 1, max(-1, k - 1 - MAX_DRAW_GAP), -1):
        t = doc[j]
        if t.is_sent_start and t.lower_ not in verbs or t.text in (";", ":", ".") or t.is_space:
            return False
        if t.lower_ in things or j >= 2 and doc[j - 1].text == "-" and f"{doc[j - 2].lower_}-{t.lower_}" in things:
            drawn = True  # "engineers", "start-ups" (three tokens)
        elif t.lower_ in verbs:
            return drawn
    return False


def _range_end(doc: Any, to: int) -> bool:
    """"from Yauco to Guayama": one capitalised name between "from" and "to" spans a range of towns (students drawn
    from across the region), not a target ("from Madrid and Seville to Gran Canaria" names one)."""
    j = to - 1
    while j > 0 and doc[j].text[:1].isupper() and doc[j].is_alpha and to - j <= 3:
        j -= 1
    return j < to - 1 and doc[j].lower_ == "from"


def _possessive_anchor(doc: Any, k: int, strict: bool = False) -> bool:
    """"'s", up to three lower-case words (not "former"), then "anchor(s)" from token ``k``; ``strict``: and an anchor
    head noun or a following word of ``possessive_anchor_followers`` after it ("Osterberg's anchor institutions
    are", not "Halvik's anchor customer")."""
    nouns, heads, stop = anchor_words()
    n = len(doc)
    if k >= n or doc[k].text not in _POSSESSIVE:
        return False
    for j in range(k + 1, min(n, k + 2 + MAX_PREMODIFIERS)):
        t = doc[j]
        if t.lower_ in nouns:
            return not strict or j + 1 < n and (doc[j + 1].lower_ in heads or doc[j + 1].lower_ in _slot_words()[2])
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
