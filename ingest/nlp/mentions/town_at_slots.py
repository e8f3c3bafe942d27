"""A town no list knows, read from "<site noun> at <Town>" and "based at <Town>" (issue 14, LOCATED_IN).

Why: unseen pages place sites "at" small towns ("runs a field station at Sotkamo", "has research stations at
Ruakura, Winchmore and Invermay", "is based at Kilkeel"); the model reads the unknown word as a firm and the
relation rules never see a place. The slot: a site noun (``site_nouns``) or a placing participle
(``placed_words`` of ``data/lexicon/place_noun_words.json``) right before "at", then one or two capitalised words (a list
of them joined by commas and "and") that end at punctuation, "and", "in" or the line. Such a name becomes a
Cluster when no list, gazetteer entry or head word types it and the document never uses it as an organisation
elsewhere ("at Kalvola Robotics' plant", "the lab at Stanford University", "an office at Nokia" stay as read).
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.place_noun_words import placed_words, site_nouns
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_TOWN_AT_SLOTS=off``); on by default
ENABLED_ENV = "AIKG_TOWN_AT_SLOTS"
MAX_TOWN = 2  # capitalised words of a town after "at"
#: what may follow the town: punctuation, a list joint, a preposition of the wider place, the line's end
ENDS = frozenset({",", ".", ";", ":", ")", "and", "in", "(", "—", "–"})


def town_at_slots(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Make the capitalised names after "<site noun> at" towns (a Cluster) when nothing else types them."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    starts = {c.start: c for c in cands}
    out = list(cands)
    changed = False
    for i in range(1, len(doc) - 1):
        if doc[i].lower_ != "at" or not _slot_word(doc[i - 1]):
            continue
        k = i + 1
        while k < len(doc):
            c = starts.get(k)
            end = c.end if c is not None else _town_end(doc, k, starts)
            if end is None or not _ends(doc, end) or not town_ok(doc, k, end, c, cands, env):
                break
            if c is None:
                out.append(Candidate(k, end, "Cluster", "rule", label="GPE", ctx_typed=True))
            elif c.type != "Cluster":
                out[out.index(c)] = replace(c, type="Cluster", label="GPE", ctx_typed=True, place=False)
            else:
                c.place = False  # the slot says it is a site's town: kept
            changed = True
            k = _next_item(doc, end)
            if k is None:
                break
    return sorted(out, key=lambda s: (s.start, s.end)) if changed else cands


def _slot_word(tok: Any) -> bool:
    """A site noun or placing participle right before "at" ("field station at", "based at")."""
    return tok.lower_ in site_nouns() or tok.lower_ in placed_words()


def _town_end(doc: Any, k: int, starts: dict[int, Candidate]) -> int | None:
    """End of one or two capitalised words from ``k`` that no mention starts inside, on one line."""
    def cap(t: Any) -> bool:
        return t.is_alpha and t.text[:1].isupper() and not t.is_upper

    end = k
    while end < len(doc) and end - k < MAX_TOWN and cap(doc[end]) and (end == k or end not in starts) \
            and (end == k or "\n" not in doc[end - 1].whitespace_):
        end += 1
    return end if end > k else None


def _ends(doc: Any, end: int) -> bool:
    """The town ends the line or the sentence, or comes before punctuation, "and" or "in"."""
    return end >= len(doc) or doc[end].text in ENDS or "\n" in doc[end - 1].whitespace_


def _next_item(doc: Any, end: int) -> int | None:
    """Start of the next item of a list of towns (", B", ", and C", " and C"), or None."""
    k = end
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k < len(doc) and doc[k].lower_ == "and":
        k += 1
    return k if k > end and k < len(doc) and doc[k].text[:1].isupper() else None


def town_ok(doc: Any, k: int, end: int, c: Candidate | None, cands: list[Candidate], env: Env) -> bool:
    """A name that may be a town: no gazetteer entry or head word types it, no country or region, no person, and
    the document never names it as an organisation outside such a slot."""
    if c is not None and (c.entry is not None or c.source == "gazetteer" or c.type == "Person"
                          or c.type not in (*ORG_TYPES, "Cluster")):
        return False
    words = [doc[t].text for t in range(k, end)]
    text = " ".join(words)
    if env.typer.type_of_name(words) is not None or text.lower() in env.lex.countries:
        return False
    places = world_places()
    if places.kind(text) in ("region", "country") or places.only_region(text):
        return False
    return not any(o is not c and o.type in ORG_TYPES and doc[o.start:o.end].text == text for o in cands)
