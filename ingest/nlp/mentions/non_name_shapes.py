"""Stage, non-name shapes (wave 17): amounts, dates, infobox field values, region lists and clause tails are no names.

The NER reads capitalised runs of published pages as firms or people whatever they are. Each form here is known by
its shape, never by a name:

* an amount or a date: "MXN 1.8 million", "PKR 2 billion", "June 2027", "Sept. 30" (every word a currency, scale,
  month or number);
* the value of an infobox field that names nothing of ours: "Industry: Software, renewable energy", "Type: Private
  limited company" (the label and what follows it on its line);
* a list of names before a plural region noun: "the Ashanti, Bono and Ahafo regions", "in Central and Eastern
  provinces", "the Ubinas and Sabancaya volcanoes" (a name the world list knows as a city is kept);
* a clause tail the NER ran into a name: "Kadeweg on the same day" is "Kadeweg" (a lower-case preposition, "the"
  and a lower-case word end the name; "Institute on the Environment" keeps its capitalised tail).

Known names (gazetteer entries, acronyms) are left alone. Word lists: ``data/lexicon/entity_tails_products.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

NUMBER = re.compile(r"^(?:[A-Z]{0,3}[$€£¥₹¢])?\d[\d.,]*(st|nd|rd|th|m|bn|k)?$")
#: types a region list reading replaces (a body named after a region is typed elsewhere)
_REPLACED = frozenset({"Cluster", "Company", "Person", "Programme"})
#: words that join a list's names (a list is what makes the plural noun a region noun, not a verb: "X states that")
_JOINERS = frozenset({",", "and", "or", "&"})
#: longest run of list tokens walked from a name to a region noun
_MAX_LIST = 24


@dataclass(frozen=True)
class ShapeWords:
    field_labels: frozenset[str]
    region_nouns: frozenset[str]
    list_links: frozenset[str]
    amount_words: frozenset[str]
    date_words: frozenset[str]
    clause_preps: frozenset[str]


@lru_cache(maxsize=1)
def shape_words() -> ShapeWords:
    """The shape word lists of ``entity_tails_products.json`` (read once)."""
    labels, regions, links, scale, money, months, dates, preps = lexicon_sets(
        "entity_tails_products.json", ("field_labels", "region_nouns", "list_links", "scale_words", "currency_codes", "months",
                              "date_words", "clause_preps"))
    return ShapeWords(labels, regions, links, scale | money, months | dates, preps)


def non_name_shapes(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop amounts, dates, infobox field values and region lists; cut a clause tail off a name."""
    w = shape_words()
    fields = _field_spans(doc, w)
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of or s.end <= s.start:
            out.append(s)
            continue
        _cut_clause_tail(doc, s, w)
        if _amount_or_date(doc, s, w) or _in_field(doc, s, fields) or _region_list(doc, s, w):
            continue
        out.append(s)
    return out


def _amount_or_date(doc: Any, s: Candidate, w: ShapeWords) -> bool:
    """"MXN 1.8 million", "June 2027": every word a number, a currency, a scale word or a month, one a number."""
    words = doc[s.start:s.end]
    if not any(NUMBER.match(t.text) for t in words):
        return False
    return all(NUMBER.match(t.text) or t.is_punct or t.lower_ in w.amount_words or t.lower_ in w.date_words
               for t in words)


def _field_spans(doc: Any, w: ShapeWords) -> list[tuple[int, int]]:
    """Character spans (from the label to the line's end) of infobox lines whose field names nothing of ours."""
    text = doc.text
    if ":" not in text:
        return []
    return [(m.start(1), m.end()) for m in _field_line(tuple(sorted(w.field_labels))).finditer(text)]


@lru_cache(maxsize=2)
def _field_line(labels: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(x) for x in labels)
    return re.compile(r"(?im)^[ \t•*\-–]*(" + alt + r")[ \t]*:[^\n]*$")


def _in_field(doc: Any, s: Candidate, fields: list[tuple[int, int]]) -> bool:
    """"Industry: Software, renewable energy": a mention on such a line, the label included."""
    a = doc[s.start].idx
    return any(lo <= a < hi for lo, hi in fields)


def _region_list(doc: Any, s: Candidate, w: ShapeWords) -> bool:
    """"the Ashanti, Bono and Ahafo regions": a name in a list that a plural region noun closes; a known city is
    kept."""
    if s.type not in _REPLACED or s.end >= len(doc):
        return False
    k, joined = s.end, s.start > 0 and doc[s.start - 1].lower_ in _JOINERS
    while k < len(doc) and k - s.end < _MAX_LIST and (doc[k].lower_ in w.list_links or doc[k].text[:1].isupper()):
        if "\n" in doc[k].whitespace_ or "\n" in doc[k].text:
            return False
        joined = joined or doc[k].lower_ in _JOINERS
        k += 1
    if not joined or k >= len(doc) or not doc[k].is_lower or doc[k].lower_ not in w.region_nouns:
        return False  # "Kestrel Robotics states that ...": one name, and a verb
    return world_places().kind(TokenIndex.of(doc).span_text(s.start, s.end)) != "city"


def _cut_clause_tail(doc: Any, s: Candidate, w: ShapeWords) -> None:
    """"Kadeweg on the same day": a lower-case preposition, "the" and a lower-case word end the name."""
    for k in range(s.start + 1, s.end - 2):
        a, b, c = doc[k], doc[k + 1], doc[k + 2]
        if a.lower_ in w.clause_preps and a.is_lower and b.lower_ == "the" and b.is_lower and c.is_lower and c.is_alpha:
            s.end = k
            return
