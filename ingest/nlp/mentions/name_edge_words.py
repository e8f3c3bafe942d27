"""Stage, name edges (wave 20): words at a name's edges that the NER or the name runs took in or left out.

* A time after the name: "a partnership with Tarn University on Monday", "Kestrel Labs in March": a preposition
  and a weekday, month or "today" end the sentence's time, not the name ("on" joins names such as "Stratford on
  Avon", so the name runs take it in).
* A lower-case tail after the name: "the Ministry of Higher Education, Research and Innovation through the
  university": an English preposition followed only by lower-case words is the clause going on.
* A number word or a compass word opening the name: "in partnership with Five Islands Robotics", "backed by the East
  Java Angel Circle": written with a capital in mid-sentence right before the name, it is the name's first word (the
  name runs drop a leading number, the NER a leading compass word).
* A version or a year closing a programme's name: "Programa Talento 4.0 — a six-month course", "the Fondo Mixto para
  la Industria 4.0, a federal fund", "Related: Digital Public Infrastructure Roadmap 2030 · Call for ...": a number
  right after a programme's name, closing the phrase, is part of it.

Word lists: ``data/lexicon/name_edge_seats.json``. Off switch: ``AIKG_NAME_EDGE_WORDS=off``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env

#: switch for an A/B measurement in one tree; on by default
ENABLED_ENV = "AIKG_NAME_EDGE_WORDS"
#: "4.0", "2030", "2.0": a version or a year that may close a programme's name
VERSION = re.compile(r"^(?:\d\.\d|(?:19|20)\d\d)$")
#: what may follow a programme's closing number: the phrase ends
CLOSERS = frozenset({",", ".", ";", ":", "—", "–", "-", "·", "|", "(", ")"})


@dataclass(frozen=True)
class EdgeWords:
    numbers: frozenset[str]
    compass: frozenset[str]
    time_preps: frozenset[str]
    times: frozenset[str]
    tail_preps: frozenset[str]


@lru_cache(maxsize=1)
def edge_words() -> EdgeWords:
    """``data/lexicon/name_edge_seats.json``, read once."""
    return EdgeWords(*lexicon_sets("name_edge_seats.json", ("number_words", "compass_words", "time_prepositions",
                                                         "time_nouns", "tail_prepositions")))


def name_edges(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut times and lower-case tails off names; open names at a number or compass word; close programmes at a number."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    taken = {k for c in cands for k in range(c.start, c.end)}
    for c in cands:
        if c.source == "gazetteer" or c.entry is not None or c.acronym_of:
            continue
        if c.type == "Person" and c.end - c.start >= 2:
            _open_left(doc, c, taken, compass_only=True)  # "the East | Java Angel Circle" read as a person
        if c.type not in ORG_OR_PROGRAMME:
            continue
        _cut_tail(doc, c)
        _open_left(doc, c, taken)
        if c.type == "Programme":
            _close_number(doc, c, taken)
    return cands


def _cut_tail(doc: Any, c: Candidate) -> None:
    """"Tarn University | on Monday", "Ministry of ... | through the university"."""
    w = edge_words()
    for k in range(c.start + 1, c.end):
        tok = doc[k]
        if not tok.is_lower:
            continue
        rest = doc[k + 1:c.end]
        if tok.lower_ in w.time_preps and len(rest) == 1 and rest[0].lower_ in w.times \
                or tok.lower_ in w.tail_preps and len(rest) >= 1 and all(t.is_lower or t.is_punct for t in rest):
            c.end, c.canonical = k, None
            while c.end > c.start + 1 and doc[c.end - 1].is_punct:
                c.end -= 1
            return


def _open_left(doc: Any, c: Candidate, taken: set[int], compass_only: bool = False) -> None:
    """"with | Five | Islands Robotics", "the | East | Java Angel Circle": a capitalised number or compass word in
    mid-sentence right before the name (a compass word opens no person's name: a "person" it opens is a body)."""
    k = c.start - 1
    if k < 1 or k in taken or not doc[k].is_title or doc[k].is_sent_start or "\n" in doc[k].whitespace_ \
            or "\n" in doc[k - 1].whitespace_ or not doc[c.start].is_title:
        return
    w = edge_words()
    if doc[k].lower_ not in w.compass and (compass_only or doc[k].lower_ not in w.numbers):
        return
    prev = doc[k - 1]
    if not (prev.is_lower or prev.text in (",", "(", "“", '"') or prev.lower_ == "the"):
        return  # "Series B Five ...", "Top Five": the word belongs to what stands before it
    c.start, c.canonical = k, None
    if compass_only:
        c.type, c.label = "Company", "ORG"


def _close_number(doc: Any, c: Candidate, taken: set[int]) -> None:
    """"Programa Talento | 4.0 —", "Digital Public Infrastructure Roadmap | 2030 ·"."""
    k = c.end
    if k >= len(doc) or k in taken or not VERSION.match(doc[k].text) or "\n" in doc[k - 1].whitespace_:
        return
    after = doc[k + 1] if k + 1 < len(doc) else None
    if after is None or after.text in CLOSERS or "\n" in doc[k].whitespace_:
        c.end, c.canonical = k + 1, None
