"""Two names read as one where the words around say several parties: "a collaboration between Ostrel University and
Quillon Systems", "Ostrel University and Quillon Systems have teamed up", "... open joint AI lab".

The NER often reads a coordination of two names as one span; ``tidy.split_coordination`` keeps two-part runs whole
unless the first part is named head first ("University of X and Y"), to keep "Autonomous Systems and Software
Program" whole. After "between" or "among", or before a plural or reciprocal verb ("have", "are", "jointly",
"signed", "open"; ``data/lexicon/between_pairs.json``), a relation needs two parties, so a span there is cut at its
"and" (and its commas: "between A, B and C" read as "A, B" and "C") when every part names a body by itself: two
words or more, or a head word (``type_of_name``), opening with a capital and no generic word. Kept whole: a part
opening with a lower-case or generic word ("between Research and Development"), a one-word part with no head ("Marks
and Spencer have"), a span with no "and". ``AIKG_BETWEEN_PAIRS=off`` turns the stage off (paired A/B).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_BETWEEN_PAIRS"


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    """The words before and after a span that say it names several parties (read once)."""
    w = lexicon_data("between_pairs.json")
    return frozenset(w["cues_before"]), frozenset(w["cues_after"])


def between_pairs(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut a span after "between"/"among" into the names it coordinates (see the module doc)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    out: list[Candidate] = []
    for c in cands:
        parts = _parts(doc, c, env) if c.source != "gazetteer" and c.type in ORG_OR_PROGRAMME else None
        out.extend(parts or [c])
    return out


def _cued(doc: Any, start: int, end: int) -> bool:
    """"between (the) A and B", "A and B have teamed up", "A and B open a joint lab": several parties."""
    before, after = _cues()
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in before or end < len(doc) and doc[end].lower_ in after


def _parts(doc: Any, c: Candidate, env: Env) -> list[Candidate] | None:
    low = TokenIndex.of(doc).lower
    inside = low[c.start:c.end]
    closed = c.end < len(doc) and low[c.end] == "and"  # "between A, B and C" read as "A, B" then "C"
    if not _cued(doc, c.start, c.end) or not ("and" in inside or "," in inside and closed):
        return None
    bounds: list[tuple[int, int]] = []
    a = c.start
    for k in range(c.start, c.end):
        if low[k] in ("and", ","):
            bounds.append((a, k))
            a = k + 1
            while a < c.end and low[a] in ("and", "the", ","):
                a += 1
    bounds.append((a, c.end))
    bounds = [(s, e) for s, e in bounds if e > s]
    if len(bounds) < 2 or not all(_own_name(doc, s, e, env) for s, e in bounds):
        return None
    return [_part(doc, c, s, e, env) for s, e in bounds]


def _own_name(doc: Any, s: int, e: int, env: Env) -> bool:
    words = TokenIndex.of(doc).text[s:e]
    if not words[0][:1].isupper() or words[0].lower() in env.generic_words:
        return False  # "between Research and Development": topic words, one name
    return len(words) >= 2 or env.typer.type_of_name(words) is not None


def _part(doc: Any, c: Candidate, s: int, e: int, env: Env) -> Candidate:
    entry = env.gaz.lookup(TokenIndex.of(doc).span_text(s, e))
    if entry is not None:
        return Candidate(s, e, entry.type, "gazetteer", label=c.label, entry=entry)
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[s:e]) or c.type
    return Candidate(s, e, typ, "rule", label=c.label)
