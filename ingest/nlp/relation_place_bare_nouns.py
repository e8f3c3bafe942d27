"""LOCATED_IN forms of unseen news (issue 14): "<Town> <organisation noun> <Org>" with no article before the town.

Why: news and funding copy drops the article before a place-modified organisation noun after a preposition, a verb
or a comma ("with participation from Queenstown angel group Remarkables Angels", "will work with Deer Lake start-up
Spruce Budworm Analytics", "Related: Florenceville-Bristol potato processor Chaleur Foods tests ..."). The reading
of ``place_phrases`` (relation_places.py) then holds as with "the": the town, one to four lower-case words ending in
an organisation noun, and the name right after them. Not after a past or planned word ("the former Oslo start-up",
"a planned Oslo lab": ``bare_not_after`` of ``data/lexicon/place_bare_nouns.json``), nor after a possessive or a name
("Kestrel's Oslo start-up"), which other rules read.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.place_forms import past_words

#: switch for an A/B measurement in one tree (``AIKG_BARE_PLACE=off``); on by default
ENABLED_ENV = "AIKG_BARE_PLACE"
#: what may stand right before the town of a bare form: a comma, colon or bracket
OPEN_PUNCT = frozenset({",", ":", ";", "(", "—", "–"})


@lru_cache(maxsize=1)
def _not_after() -> frozenset[str]:
    return lexicon_sets("place_bare_nouns.json", ("bare_not_after",))[0] | past_words()


def bare_place_noun(doc: Any, s: int, sent_start: int) -> bool:
    """Does the place at token ``s`` follow a lower-case word or a comma (no article), so that a following
    organisation noun and name may state where the name is ("from Queenstown angel group X")?"""
    if s - 1 < sent_start or os.environ.get(ENABLED_ENV, "on") == "off":
        return False
    prev = doc[s - 1]
    if prev.text in OPEN_PUNCT:
        return True
    return prev.is_alpha and prev.is_lower and prev.lower_ not in _not_after()
