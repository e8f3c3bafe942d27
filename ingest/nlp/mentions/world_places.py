"""Stage, world places: a long-tail city the NER read as a firm or a person, or missed, is a place.

"Ashtamudi Data Works, Kollam", "a research institute in Lapu-Lapu City", "the Ferrara start-up Delta Frutta
Digitale": the spaCy model does not know these towns and the gazetteer lists only hubs. A mention whose words are
exactly a name of ``data/places/world_places.tsv`` (GeoNames cities of 15,000 people or more, US states) becomes a
place waiting for context, so ``place_context`` keeps it only as a hub or an organisation's site, as any place. It
is left alone when

* the gazetteer matched it, or the text said what it is ("Aydın, the fig cooperative,", "Kordon's investors");
* it has an organisation head word or sits inside a longer capitalised name ("Teknopark İzmir", "Bantay Bagyo");
* it is part of a full personal name in the text ("Florence" after "Florence Adeyemi");
* it is also a common word or a given name (``data/places/ambiguous_places.json``: "Reading", "Mobile",
  "Victoria") and no location cue comes before it ("in Reading", "offices in Mobile") nor a comma and a country
  or region after it ("Reading, England").

Capitalised words no stage touched are tried too, up to :data:`MAX_TOKENS` words, on the same conditions.
"""

from __future__ import annotations

import os
from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env, is_name_token, taken_tokens
from aikg.ingest.nlp.world_places import MAX_TOKENS, WorldPlaces, world_places

#: inner words a multi-word place name may hold ("Viña del Mar", "Stratford-upon-Avon", "Lapu-Lapu City")
INNER = {"-", "del", "de", "la", "le", "les", "do", "da", "dos", "das", "di", "upon", "on", "sur", "am", "an", "der"}
#: switch for an A/B measurement in one tree (``AIKG_WORLD_PLACES=off``); on by default
ENABLED_ENV = "AIKG_WORLD_PLACES"


def world_place_types(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype firm or person readings of known towns as places; add towns the NER missed."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    wp = world_places()
    person_words = _person_words(doc, cands)
    for s in cands:
        if s.type in ("Company", "Person") and s.source == "ner" and s.entry is None and s.acronym_of is None \
                and not s.ctx_typed and _is_place(doc, s.start, s.end, wp, env, person_words):
            s.type, s.place = "Cluster", True
        if s.type == "Cluster" and s.place and s.entry is None and wp.kind(doc[s.start:s.end].text) is not None:
            _said(doc, s, env)
    return cands + list(_missed(doc, cands, wp, env, person_words))


def _said(doc: Any, s: Candidate, env: Env) -> None:
    """"the Davao start-up X", "a research institute in Lapu-Lapu City": where an organisation is, kept as such."""
    kinds = env.words.description_types
    if env.typer.context_type(doc, s.start, s.end, "GPE", "Cluster") == "Cluster" or s.start >= 2 \
            and doc[s.start - 1].lower_ == "in" and doc[s.start - 2].lower_ in kinds \
            or s.start >= 1 and doc[s.start - 1].lower_ in env.words.articles \
            and kinds.get(env.typer.description_head(doc, s.end) or "") in ("Company", "Institute"):
        s.place, s.ctx_typed = False, True


def _person_words(doc: Any, cands: list[Candidate]) -> set[str]:
    """Words of full personal names ("Florence Adeyemi"): a lone "Florence" is that person."""
    words: set[str] = set()
    spans = [doc[s.start:s.end] for s in cands if s.type == "Person"] + [e for e in doc.ents if e.label_ == "PERSON"]
    for span in spans:
        name = [t.text for t in span if t.text[:1].isupper() and t.text[:1].isalpha()]
        if len(name) >= 2:
            words.update(name)
    return words


def _is_place(doc: Any, start: int, end: int, wp: WorldPlaces, env: Env, person_words: set[str]) -> bool:
    text = doc[start:end].text
    if wp.kind(text) is None or env.typer.type_of_name([t.text for t in doc[start:end]]) is not None:
        return False
    if end - start == 1 and text in person_words or _glued(doc, start, end):
        return False
    return not wp.is_ambiguous(text) or _cue(doc, start, end, env, wp)


def _glued(doc: Any, start: int, end: int) -> bool:
    """A capitalised word right before or after, with only a space between: part of a longer name."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.whitespace_ == " " and is_name_token(before) and before.text[:1].isalpha() \
            and not before.is_sent_start:
        return True
    return after is not None and doc[end - 1].whitespace_ == " " and is_name_token(after) and after.text[:1].isalpha()


def _cue(doc: Any, start: int, end: int, env: Env, wp: WorldPlaces) -> bool:
    """"in Reading", "offices in Mobile", "Reading, England": the text treats an ambiguous name as a place."""
    if start > 0 and doc[start - 1].lower_ in env.lex.location_preps and doc[start - 1].lower_ != "of":
        return True
    if end + 1 < len(doc) and doc[end].text == ",":
        k = end + 1
        while k < len(doc) and k < end + 4 and doc[k].text[:1].isupper():
            k += 1
        nxt = doc[end + 1:k].text
        return bool(nxt) and (nxt.lower() in env.lex.countries or wp.kind(nxt) == "region")
    return False


def _missed(doc: Any, cands: list[Candidate], wp: WorldPlaces, env: Env, person_words: set[str]):
    """Known towns among capitalised words no stage touched ("with research agreements in Davao")."""
    taken = taken_tokens(cands)
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper() or not tok.text[:1].isalpha():
            i += 1
            continue
        hit = None
        for size in range(min(MAX_TOKENS, n - i), 0, -1):
            end = i + size
            if any(k in taken for k in range(i, end)) or not _shape_ok(doc, i, end):
                continue
            if _is_place(doc, i, end, wp, env, person_words):
                hit = end
                break
        if hit is None:
            i += 1
            continue
        cand = Candidate(i, hit, "Cluster", "rule", label="GPE", place=True)
        _said(doc, cand, env)
        yield cand
        i = hit


def _shape_ok(doc: Any, start: int, end: int) -> bool:
    """Capitalised first and last word, inner words capitalised or place particles, no line break inside."""
    if not doc[end - 1].text[:1].isupper():
        return False
    for k in range(start, end):
        t = doc[k]
        if k < end - 1 and "\n" in t.whitespace_ or t.is_space:
            return False
        if not (t.text[:1].isupper() or start < k < end - 1 and t.lower_ in INNER):
            return False
    return True
