"""Stage coordinated_firm_lists: a name read as a place, or not read, that the text lists among organisations.

The NER often reads a short firm name as a place ("Grab", "Ohmline", "Skyfield Risk", "FarmLink Ghana", "Merrimack
Valley Power"); with no place cue around it, place_context then drops it and the firm is never found. A list says
what its items are: "DBS Bank, Grab and Singapore Airlines", "vendors such as Clearwatt Systems and Ohmline",
"Our largest customers, Adirondack Electric Cooperative and Merrimack Valley Power". So a name the NER read as a
place is an organisation when

* it is coordinated (a list closed by "and"/"or") only with names read as organisations, or
* the list follows a plural noun of firms and "such as" / "including" ("start-ups such as Skyfield Risk and ..."),

or it follows a phrase that takes an organisation ("a former researcher at Equinor", "worked at X"; ``name_cues``
of ``types.json``), and it is no known place, country or region. A run of capitalised words nobody read, coordinated with an
organisation and typed as one by its head words ("... Skyfield Risk and Chinook Weather Labs."), is one too.

Near-misses left alone: languages ("Mam and Kaqchikel speakers"), a list that modifies a noun, "Greater X", a
short all-capitals word ("WhatsApp or SMS"), known towns listed with firms ("Acme Labs and Kumasi"), a roster line "Org, Town" (a
comma and no "and"), places listed with places ("Granby, Magog and Bromont"), a list after a plural of places or
people ("cities such as ..."). Word lists: ``data/lexicon/coordinated_firm_lists.json``; list gaps of
``mentions.json``. Off switch: ``AIKG_COORDINATED_FIRM_LISTS=off``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, is_name_token
from aikg.ingest.nlp.mentions.page_forms import page_words
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_COORDINATED_FIRM_LISTS=off``); on by default
ENABLED_ENV = "AIKG_COORDINATED_FIRM_LISTS"
MAX_RUN = 6  # tokens of an unread name
CLOSING = (("and",), ("or",), (",", "and"), (",", "or"))


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    data = lexicon_data("coordinated_firm_lists.json")
    return frozenset(data["org_plurals"]), tuple(tuple(c) for c in data["list_cues"])


def coordinated_firms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Place readings and unread runs listed among organisations become organisations (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    gaps = sorted({tuple(g) for g in env.words.list_gaps} | set(CLOSING), key=len, reverse=True)
    cands = sorted(cands, key=lambda c: (c.start, c.end))
    by_end = {c.end: c for c in cands}
    by_start = {c.start: c for c in cands}
    for s in cands:
        if not _place_reading(doc, s, env):
            continue
        items, closed = _list_of(doc, s, by_end, by_start, gaps)
        others = [c for c in items if c is not s]
        first = min(c.start for c in items)
        if first > 0 and doc[first - 1].lower_ in env.lex.location_preps:
            continue  # "branches in Velmira and Castlegate": a list of places
        listed = closed and others and all(c.type in ORG_TYPES for c in others)
        if listed or _after_firm_plural(doc, first) \
                and all(c.type in ORG_TYPES or c is s or _place_reading(doc, c, env) for c in items):
            _as_org(doc, s, env)
        elif _after_org_cue(doc, s.start, env):
            _as_org(doc, s, env)  # "a former researcher at Equinor", "co-founded Catlins Carbon"
    return _unread_runs(doc, cands, env)


def _after_org_cue(doc: Any, start: int, env: Env) -> bool:
    """A phrase that takes an organisation ends right before ``start`` (``name_cues.before`` of types.json)."""
    for n in range(1, 6):
        if start - n >= 0 and " ".join(t.lower_ for t in doc[start - n:start]) in _cues_before():
            return True
    return False


@lru_cache(maxsize=1)
def _place_openers() -> frozenset[str]:
    return frozenset(lexicon_data("coordinated_firm_lists.json")["place_openers"])


@lru_cache(maxsize=1)
def _cues_before() -> frozenset[str]:
    return frozenset(lexicon_data("types.json")["name_cues"]["before"]) | frozenset(_extra_cues())


def _extra_cues() -> list[str]:
    return list(lexicon_data("coordinated_firm_lists.json")["cues_before"])


def _place_reading(doc: Any, s: Candidate, env: Env) -> bool:
    """Only the NER calls it a place: no known place, country or region, no text cue typed it."""
    if s.type != "Cluster" or s.source != "ner" or s.entry is not None or s.acronym_of or s.ctx_typed:
        return False
    if not all(is_name_token(t) or t.text == "-" for t in doc[s.start:s.end]):
        return False
    text = TokenIndex.of(doc).span_text(s.start, s.end)
    low = text.lower()
    if low in page_words().languages or doc[s.start].lower_ in _place_openers() or len(text) <= 4 and text.isupper():
        return False  # "Mam and Kaqchikel", "Greater Boston", "WhatsApp or SMS"
    if doc[s.start].text in forms().given and s.end - s.start >= 2:
        return False  # "founded by Rubén Hernández and Lucía Mar": a person's name
    if s.end < len(doc) and doc[s.end].is_lower and doc[s.end].pos_ in ("NOUN", "ADJ"):
        return False  # "Kadazandusun and Bajau speakers": the list modifies a noun
    return world_places().kind(text) is None and low not in env.lex.countries and low not in env.lex.countries_only


def _as_org(doc: Any, s: Candidate, env: Env) -> None:
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) or env.lex.default_org
    if typ in ORG_TYPES:
        s.type, s.label, s.place, s.ctx_typed = typ, "ORG", False, True


def _gap_before(doc: Any, k: int, gaps: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    return next((g for g in gaps if k - len(g) >= 0 and tuple(t.lower_ for t in doc[k - len(g):k]) == g), None)


def _gap_after(doc: Any, k: int, gaps: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    return next((g for g in gaps if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), None)


def _list_of(doc: Any, s: Candidate, by_end: dict, by_start: dict,
             gaps: list[tuple[str, ...]]) -> tuple[list[Candidate], bool]:
    """The names listed with ``s`` (itself included) and whether an "and"/"or" closes the list."""
    items, closed = [s], False
    k = s.start
    while (g := _gap_before(doc, k, gaps)) is not None and (c := by_end.get(k - len(g))) is not None:
        items.insert(0, c)
        closed = closed or g[-1] in ("and", "or")
        k = c.start
    k = s.end
    while (g := _gap_after(doc, k, gaps)) is not None and (c := by_start.get(k + len(g))) is not None:
        items.append(c)
        closed = closed or g[-1] in ("and", "or")
        k = c.end
    return items, closed


def _after_firm_plural(doc: Any, first: int) -> bool:
    """"start-ups such as", "customers include", "vendors including" right before the list."""
    plurals, cues = _words()
    for cue in cues:
        k = first - len(cue)
        if k >= 1 and tuple(t.lower_ for t in doc[k:first]) == cue and doc[k - 1].lower_ in plurals:
            return True
    return False


def _unread_runs(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"... Skyfield Risk and Chinook Weather Labs.": a capitalised run after an organisation and a closing "and",
    read as nothing, ending the list and typed as an organisation by its head words."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    n = len(doc)
    for c in cands:
        if c.type not in ORG_TYPES:
            continue
        g = next((g for g in CLOSING if tuple(t.lower_ for t in doc[c.end:c.end + len(g)]) == g), None)
        if g is None:
            continue
        a = b = c.end + len(g)
        while b < n and b - a < MAX_RUN and b not in taken and (doc[b].text[:1].isupper() or b > a and doc[b].text == "&"):
            b += 1
        if b == a or b < n and b not in taken and not (doc[b].is_punct or doc[b].is_space) or b in taken:
            continue
        typ = env.typer.type_of_name(TokenIndex.of(doc).text[a:b])
        if typ in ORG_TYPES and doc[b - 1].text != "&":
            added.append(Candidate(a, b, typ, "rule", label="ORG", ctx_typed=True))
            taken.update(range(a, b))
    return sorted(cands + added, key=lambda c: (c.start, c.end))
