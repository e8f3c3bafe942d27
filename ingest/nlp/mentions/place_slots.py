"""Towns in slots only a town fills, after "from", "at" and ", of": long-tail towns the model and lists do not know.

Forms (published pages: university and start-up news, press datelines, member lists):

* "researchers from Dharan", "a start-up from Nome", "a program the agency runs from Nome" (``from_heads``);
* "a field station at Nioro du Rip", "its lab at Peradeniya" (``at_heads``: site nouns, not people nouns);
* "Thakor Vision, of Thakhek, is ..." (an organisation, then ", of" and a name closed by punctuation);
* "Yachay Tech has drawn researchers to Urcuquí", "has drawn engineers from Madrid to Gran Canaria": the target of a
  drawing verb (``anchored_towns.draw_target``), where the guidelines' ANCHORS needs the town.

The name must look like a town: one to four capitalised words (inner "de", "du", "del", hyphens), no organisation
head word, not a country or region, not a month ("from March"), closed by punctuation, a line end or a word of
``closers``. It only confirms a place reading (kept as the organisation's site) or fills a gap where the NER read
nothing; an organisation reading of the NER is left alone unless the world place list knows the name as a town and
not as anything else. Words: ``data/lexicon/place_slots.json``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.anchored_towns import SLOT_TOWNS_ENV, draw_target
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.place_forms import INNER, not_town_words
from aikg.ingest.nlp.world_places import world_places

MAX_NAME = 4
#: switch for an A/B measurement in one tree (``AIKG_PLACE_SLOTS=off``); on by default
ENABLED_ENV = "AIKG_PLACE_SLOTS"
#: words that may stand between a head and the slot's preposition besides lower-case words ("a research office at")
ARTICLES = frozenset({"a", "an", "the", "its", "their", "our"})


@dataclass(frozen=True)
class SlotWords:
    from_heads: frozenset[str]
    at_heads: frozenset[str]
    people_heads: frozenset[str]
    closers: frozenset[str]
    head_gap: int


@lru_cache(maxsize=1)
def slot_words() -> SlotWords:
    """The slot word lists, read once."""
    sets = lexicon_sets("place_slots.json", ("from_heads", "at_heads", "people_heads", "closers"))
    return SlotWords(*sets, int(lexicon_data("place_slots.json")["head_gap"]))


def place_slots(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Make the names in town-only slots places kept as an organisation's site (see the module doc)."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or os.environ.get("AIKG_PLACE_FORMS", "on") == "off":
        return cands
    w = slot_words()
    at: dict[int, Candidate] = {k: c for c in cands for k in range(c.start, c.end)}
    ends = {c.end: c for c in cands}
    added: list[Candidate] = []
    for i, fill in _slot_starts(doc, w, ends):
        end = _town_end(doc, i, w, env)
        if end is None:
            continue
        covering = {id(at[k]): at[k] for k in range(i, end) if k in at}
        if not covering and fill:
            new = Candidate(i, end, "Cluster", "rule", label="GPE", place=False, ctx_typed=True)
            added.append(new)
            at.update({k: new for k in range(i, end)})
            continue
        c = next(iter(covering.values()))
        if len(covering) != 1 or c.start != i or c.end != end or c.entry is not None:
            continue
        if c.type == "Cluster":
            c.place = False  # the model read a place: the slot says it is an organisation's town
        elif _town_known(doc, c) and c.source == "ner" and c.acronym_of is None and not c.ctx_typed:
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


def _town_known(doc: Any, c: Candidate) -> bool:
    """The world place list knows the name as a town, and as nothing else ("Nome" read as a firm by the model)."""
    text = doc[c.start:c.end].text
    places = world_places()
    return places.kind(text) not in (None, "region", "country") and not places.is_ambiguous(text)


def _slot_starts(doc: Any, w: SlotWords, ends: dict[int, Candidate]) -> Iterator[tuple[int, bool]]:
    """First tokens after "from"/"at" that follow a head word, and after "<Org>, of"; with whether the slot may
    fill a gap (not after a people noun: "researchers from Anthropic" may be a firm the model missed)."""
    for k in range(1, len(doc) - 1):
        low = doc[k].lower_
        if low in ("from", "at"):
            head = _head_before(doc, k, w.from_heads if low == "from" else w.at_heads, w.head_gap)
            if head is not None:
                yield k + 1, head not in w.people_heads
        elif low == "of" and doc[k - 1].text == "," and (org := ends.get(k - 1)) is not None and org.type in ORG_TYPES:
            yield k + 1, True
        elif low == "to" and os.environ.get(SLOT_TOWNS_ENV, "on") != "off" and draw_target(doc, k + 1):
            yield k + 1, True  # "has drawn engineers to Urcuquí"


def _head_before(doc: Any, k: int, heads: frozenset[str], gap: int) -> str | None:
    """The head word right before token ``k``, or up to ``gap`` lower-case words or articles before it
    ("start-up" is three tokens)."""
    for j in range(k - 1, max(-1, k - 2 - gap), -1):
        t = doc[j]
        if t.lower_ in heads:
            return t.lower_
        if j >= 2 and doc[j - 1].text == "-" and (word := doc[j - 2].lower_ + "-" + t.lower_) in heads:
            return word
        if not (t.is_lower and t.is_alpha or t.lower_ in ARTICLES):
            return None
    return None


def _town_end(doc: Any, i: int, w: SlotWords, env: Env) -> int | None:
    """End of a town's name from ``i`` when it looks like one and is closed, else None."""
    n = len(doc)
    if i >= n or not doc[i].text[:1].isupper() or not doc[i].is_alpha or doc[i].is_upper and len(doc[i]) > 1 \
            or doc[i].lower_ in not_town_words():
        return None
    end = i + 1
    while end < n and end - i < MAX_NAME and "\n" not in doc[end - 1].whitespace_ and (
            doc[end].text[:1].isupper() and doc[end].is_alpha
            or doc[end].lower_ in INNER and end + 1 < n and doc[end + 1].text[:1].isupper() and doc[end + 1].is_alpha):
        end += 1
    if not _closed(doc, end, w):
        return None
    text = doc[i:end].text
    if env.typer.type_of_name([t.text for t in doc[i:end]]) is not None or text.lower() in env.lex.countries \
            or world_places().only_region(text) or world_places().kind(text) in ("region", "country"):
        return None
    return end


def _closed(doc: Any, end: int, w: SlotWords) -> bool:
    """The name ends the phrase: punctuation (not a possessive or a hyphen), a line end, or a closer word."""
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space:
        return True
    t = doc[end]
    if t.text in ("'s", "’s", "-", "&"):
        return False
    return t.is_punct or t.lower_ in w.closers or t.like_num
