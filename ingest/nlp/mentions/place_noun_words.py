"""Word lists of the wave-17 place forms (issue 14): acronyms inside a town's organisation noun, site nouns of "at".

Why: "the Oulu AI start-up X" and "Seattle VC firm X" put a short upper-case word between the town and the
organisation noun, and the noun runs of ``relation_places``/``town_noun_slots`` stopped at it; "runs a field station
at Sotkamo" places a site "at" a town no list knows. The words are in ``data/lexicon/place_noun_words.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets


@lru_cache(maxsize=1)
def noun_acronyms() -> frozenset[str]:
    """Acronyms, as written, that may modify an organisation noun after a town ("AI", "VC")."""
    return frozenset(lexicon_data("place_noun_words.json")["noun_acronyms"])


@lru_cache(maxsize=1)
def site_nouns() -> frozenset[str]:
    """Nouns of a site that "at <Town>" places ("field station", "offices")."""
    return lexicon_sets("place_noun_words.json", ("site_nouns",))[0]


@lru_cache(maxsize=1)
def placed_words() -> frozenset[str]:
    """Participles that place their subject "at <Town>" ("based", "located")."""
    return lexicon_sets("place_noun_words.json", ("placed_words",))[0]


def noun_acronym(tok: Any) -> bool:
    """Is the token a short upper-case word that may stand inside an organisation-noun run ("AI" of "AI start-up")?"""
    return tok.text in noun_acronyms()
