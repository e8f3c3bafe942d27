"""LOCATED_IN forms of unseen text, wave 17 (issue 14): a subject after a short fronted time phrase; postcodes.

Why: encyclopedia and news copy opens with a time phrase and no comma ("In 2022 Kalvola Institute opened a field
station in Sotkamo", "Today UMIL has 21 people and a field base in Chake Chake", "Last year it opened an office in
A"). The site rules of ``relation_places`` read only a subject that opens its clause; a phrase of time words,
numbers and month names (``time_openers`` of ``data/lexicon/place_noun_words.json``) before it opens the clause as well.
Contact lines put a postcode before or after the town ("Hallituskatu 5, 90100 Oulu", "8 Shipquay Street, Derry BT48");
``address_places`` of relation_places reads the town across it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets

#: switch for an A/B measurement in one tree (``AIKG_PLACE_FRONTED_TIME=off``); on by default
ENABLED_ENV = "AIKG_PLACE_FRONTED_TIME"
MAX_PHRASE = 6  # tokens of a fronted time phrase ("In early March 2024 ,")


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    return lexicon_sets("place_noun_words.json", ("time_openers",))[0]


def fronted_time(doc: Any, start: int, s: int) -> bool:
    """Are the tokens from ``start`` up to the name at ``s`` a short time phrase ("In 2022", "Today", "Last year,")
    holding a number or a time word, so that the name still opens its clause?"""
    if s <= start or s - start > MAX_PHRASE or os.environ.get(ENABLED_ENV, "on") == "off":
        return False
    words = _time_words()
    toks = [doc[t] for t in range(start, s)]
    if not all(t.like_num or t.lower_ in words or t.text == "," for t in toks):
        return False
    return any(t.like_num or t.lower_ not in ("in", "on", "by", "the", "as", "of", "at", ",", "-", "also", "then")
               for t in toks)


def postcode(tok: Any) -> bool:
    """Is the token a postcode ("90100", "BT48", "H3A"): digits, or capitals and digits, two to eight characters?"""
    t = tok.text
    return 2 <= len(t) <= 8 and t.isalnum() and any(ch.isdigit() for ch in t) and (t.isdigit() or t.isupper())

