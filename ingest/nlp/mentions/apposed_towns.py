"""Stage apposed_towns: town names read as firms, by the slot they fill (issue 14, entities: Cluster -> Company).

A small town's name is often unknown to the NER and to the world list; read as a person or a firm, it then turns into a
Company. News, filings and interviews place an organisation in a town in two slots that say the name is a place:

* a description after an organisation's name and comma, whose only name is the town: "FieldLogic Ltd, a Hamilton
  start-up, uses ...", "Lumikki Safaris, the Levi tour operator." (the organisation is already named; the word before
  the organisation noun is where it is; "X, a Google subsidiary" names an owner and is left alone);
* a site noun, then "in" and the name: "has its head office in Te Awamutu", "with a field team in Ferreñafe".

Only a name of one to three capitalised words with no organisation head word, no gazetteer entry and no type the
text gave otherwise is retyped. Word lists: ``data/lexicon/apposed_towns.json``. Switch: ``AIKG_APPOSED_TOWNS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_APPOSED_TOWNS"
_RETYPED = ("Company", "Person")
_SITE_REACH = 4  # words between a site noun and "in"


def enabled() -> bool:
    """The stage runs unless ``AIKG_APPOSED_TOWNS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class PlaceWordsW20:
    apposed_nouns: frozenset[str]
    site_nouns: frozenset[str]
    site_preps: frozenset[str]
    site_fillers: frozenset[str]


@lru_cache(maxsize=1)
def apposed_town_words() -> PlaceWordsW20:
    """``data/lexicon/apposed_towns.json``, read once per process."""
    return PlaceWordsW20(*lexicon_sets("apposed_towns.json", ("apposed_nouns", "site_nouns", "site_preps",
                                                                 "site_fillers")))


def apposed_towns(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype the town names an apposed description or a site slot places an organisation in."""
    if not enabled() or len(doc) == 0:
        return cands
    w = apposed_town_words()
    low = TokenIndex.of(doc).lower
    ends = {c.end: c for c in cands if c.type in ORG_TYPES}
    towns: set[tuple[str, ...]] = set()
    for c in cands:
        if c.type not in _RETYPED or c.entry is not None or c.acronym_of is not None or not _town_shaped(doc, c, env):
            continue
        if _apposed(doc, c, w, low, ends) or _site_slot(doc, c, w, low):
            c.type, c.ctx_typed, c.place, c.label = "Cluster", False, True, "GPE"  # (place context still weighs plans)
            towns.add(tuple(low[c.start:c.end]))
    for c in cands:  # "Why Hamilton and not Auckland?": the same name elsewhere in the text is the same town
        if towns and c.type in _RETYPED and not c.ctx_typed and c.entry is None and tuple(low[c.start:c.end]) in towns:
            c.type, c.place, c.label = "Cluster", True, "GPE"
    return cands


def _town_shaped(doc: Any, c: Candidate, env: Env) -> bool:
    """One to three capitalised words of letters, none of them an organisation's head word."""
    toks = doc[c.start:c.end]
    if not 1 <= len(toks) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in toks):
        return False
    return env.typer.type_of_name([t.text for t in toks]) is None


def _apposed(doc: Any, c: Candidate, w: PlaceWordsW20, low: list[str], ends: dict[int, Candidate]) -> bool:
    """"FieldLogic Ltd, a Hamilton start-up,": an organisation, a comma, an article, the name, an organisation noun."""
    if c.start < 3 or low[c.start - 1] not in ("a", "an", "the") or doc[c.start - 2].text != "," \
            or (c.start - 2) not in ends:
        return False
    n = len(doc)
    k = c.end
    while k < n and k - c.end < 4 and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"):
        k += 1
    if k == c.end:
        return False
    head = low[k - 1] if doc[k - 2].text != "-" else f"{low[k - 3]}-{low[k - 1]}"
    return head in w.apposed_nouns and (k >= n or doc[k].is_punct)


def _site_slot(doc: Any, c: Candidate, w: PlaceWordsW20, low: list[str]) -> bool:
    """"its head office in Te Awamutu", "a field team in Ferreñafe": a site noun, then "in" and the name."""
    k = c.start - 1
    if k < 1 or low[k] not in w.site_preps:
        return False
    if c.end < len(doc) and not (doc[c.end].is_punct or low[c.end] in ("and", "or")):
        return False  # "in Te Awamutu Dairy Hall": the name goes on
    if low[k - 1] not in w.site_nouns:
        return False
    for j in range(k - 2, max(-1, k - 2 - _SITE_REACH), -1):
        if low[j] in ("a", "an", "the", "its", "their", "our", "his", "her"):
            return True
        if low[j] not in w.site_fillers:
            return False
    return False
