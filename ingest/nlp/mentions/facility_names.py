"""Invented firm names the NER read as facilities (FAC), in forms only an organisation takes.

"Karoo Compute (Cape Town). GPU cloud capacity ...", "- Darija Speech (Rabat): speech recognition",
"Catlins Carbon, a Southland carbon-credit start-up, ...": the model reads a two-word invented name as a building and
the place stage drops it for want of place context. The form around it says it is an organisation:

* a town (or a capitalised word) in brackets right after it, as member and portfolio lists give a firm's town;
* an apposition whose description ends in an organisation noun ("a ... start-up", "the ... cooperative").

Left alone: a name ending in a building or street word ("Harbour House", "Kings Place"), one with an organisation head
word (other stages type it), one with a gazetteer entry. Words: ``building_words`` and ``street_words`` of
``data/places/place_forms.json``, organisation nouns of ``place_forms.form_words``.
"""

from __future__ import annotations

import os
from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.place_forms import form_words, street_words

#: switch for an A/B measurement in one tree (``AIKG_FACILITY_NAMES=off``); on by default
ENABLED_ENV = "AIKG_FACILITY_NAMES"
DESCRIPTION_REACH = 6  # words of an apposition's description up to its organisation noun
ARTICLES = frozenset({"a", "an", "the"})


def facility_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype as organisations the facility readings that a bracketed town or an organisation apposition follows."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    w = form_words(env)
    streets = street_words()
    for c in cands:
        if c.label != "FAC" or c.type != "Cluster" or c.source != "ner" or c.entry is not None or not c.place \
                or not 2 <= c.end - c.start <= 4:
            continue
        words = [t.text for t in doc[c.start:c.end]]
        if not all(x[:1].isupper() and x.isalpha() for x in words) or words[-1].lower() in w.building_words | streets:
            continue
        if _bracketed_after(doc, c.end) or _org_apposition(doc, c.end, w.org_nouns):
            c.type, c.label, c.place = env.typer.type_of_name(words) or "Company", "ORG", False
    return cands


def _bracketed_after(doc: Any, end: int) -> bool:
    """"Karoo Compute (Cape Town)": one to three capitalised words in brackets right after the name."""
    if end + 2 >= len(doc) or doc[end].text != "(":
        return False
    k = end + 1
    while k < min(len(doc), end + 4) and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    return k > end + 1 and k < len(doc) and doc[k].text.startswith(")")


def _org_apposition(doc: Any, end: int, org_nouns: frozenset[str]) -> bool:
    """"Catlins Carbon, a Southland carbon-credit start-up,": ", a/an/the" and a description ending in an organisation
    noun before the next punctuation."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ARTICLES:
        return False
    for k in range(end + 2, min(len(doc), end + 2 + DESCRIPTION_REACH)):
        t = doc[k]
        if t.is_punct and t.text != "-":
            return False
        if t.lower_ in org_nouns or k + 2 < len(doc) and doc[k + 1].text == "-" \
                and f"{t.lower_}-{doc[k + 2].lower_}" in org_nouns:
            return True
    return False
