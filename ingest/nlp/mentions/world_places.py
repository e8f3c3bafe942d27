"""Stage, world places: a long-tail city the NER read as a firm or a person, or missed, is a place.

"Ashtamudi Data Works, Kollam", "a research institute in Lapu-Lapu City", "the Ferrara start-up Delta Frutta
Digitale": the spaCy model does not know these towns and the gazetteer lists only hubs. A mention whose words are
exactly a name of the world place list (:mod:`aikg.ingest.nlp.world_places_source`: GeoNames cities of 15,000 people or more, US states) becomes a
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

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, is_name_token, taken_tokens
from aikg.ingest.nlp.mentions.place_forms import form_words, not_town_words, org_noun_run
from aikg.ingest.nlp.mentions.type_forms import enabled as type_forms_enabled
from aikg.ingest.nlp.mentions.world_names import world_name_words
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import MAX_TOKENS, WorldPlaces, world_places

#: inner words a multi-word place name may hold ("Viña del Mar", "Stratford-upon-Avon", "Lapu-Lapu City")
INNER = {"-", "del", "de", "la", "le", "les", "do", "da", "dos", "das", "di", "du", "des", "upon", "on", "sur", "am", "an",
         "der"}
#: switch for an A/B measurement in one tree (``AIKG_WORLD_PLACES=off``); on by default
ENABLED_ENV = "AIKG_WORLD_PLACES"
BULLETS = {"-", "•", "*", "–", "—"}
#: NER readings that say a capitalised word is no name ("in March"); a town read as a LANGUAGE or NORP is still tried
NON_NAME_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def world_place_types(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype firm or person readings of known towns as places (before the stages that make one name one type)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    wp = world_places()
    person_words = _person_words(doc, cands)
    ends = {s.end: s for s in cands}
    for s in cands:
        if _inner_head_town(doc, s, wp, env):
            s.type, s.label, s.place = "Cluster", "GPE", True  # "Passo Fundo": a town, not a fund ("Fundo")
        if s.type in ("Company", "Person") and s.source == "ner" and s.entry is None and s.acronym_of is None \
                and _based(doc, s.end, env) and wp.kind(TokenIndex.of(doc).span_text(s.start, s.end)) is not None:
            s.type, s.place, s.ctx_typed = "Cluster", False, True  # "an İzmir-based start-up"
        if s.type in ("Company", "Person") and s.source == "ner" and s.entry is None and s.acronym_of is None \
                and not s.ctx_typed and _is_place(doc, s.start, s.end, wp, env, person_words):
            s.type, s.place = "Cluster", True
        elif s.type == "Company" and s.source == "ner" and s.entry is None and s.acronym_of is None \
                and _names_described_org(doc, s, wp, env):
            s.type, s.label, s.place, s.ctx_typed = "Cluster", "GPE", False, True  # "the Saint-Pierre firm Volcan Numérique"
        kind = wp.kind(TokenIndex.of(doc).span_text(s.start, s.end)) if s.type == "Cluster" and s.entry is None else None
        if kind == "city" and s.label == "LOC":
            s.label = "GPE"  # "based in Saint-Nazaire" read as a landform: a town
        if kind == "city" and s.place:
            _said(doc, s, env, wp, ends)
    return cands


def _names_described_org(doc: Any, s: Candidate, wp: WorldPlaces, env: Env) -> bool:
    """"the Saint-Pierre cloud company Volcan Numérique": a known town (not also a common word) after an article and
    before an organisation noun and a name is where the named organisation is, not a firm's name itself."""
    text = TokenIndex.of(doc).span_text(s.start, s.end)
    if wp.kind(text) != "city" or wp.is_ambiguous(text) or s.start < 1 or doc[s.start - 1].lower_ not in ("the", "a", "an"):
        return False
    last = org_noun_run(doc, s.end, form_words(env))
    if last is None or last + 1 >= len(doc) or "\n" in doc[last].whitespace_:
        return False
    if s.start >= 2 and doc[s.start - 2].text == "," and doc[last + 1].text in (",", ";", ".", ")"):
        return True  # "Kaysone Robotics, the Savannakhet drone firm; it ..."
    return doc[last + 1].text[:1].isupper() and doc[last + 1].is_alpha


def _inner_head_town(doc: Any, s: Candidate, wp: WorldPlaces, env: Env) -> bool:
    """"Passo Fundo", "Riacho Fundo", "Joao Camara": a known town's whole name that only a foreign head word after
    its first word typed (``world_names``: "fundo", "camara"; those names open with their head: "Fundo de ...")."""
    if not type_forms_enabled() or s.source != "rule" or s.entry is not None or s.ctx_typed or s.acronym_of is not None or s.end - s.start < 2 \
            or s.type not in ("Company", "Institute", "Agency", "Programme"):
        return False
    text = TokenIndex.of(doc).span_text(s.start, s.end)
    if wp.kind(text) != "city" or wp.is_ambiguous(text) or env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]):
        return False
    heads = world_name_words().heads
    lows = TokenIndex.of(doc).lower[s.start:s.end]
    return lows[0] not in heads and any(w in heads for w in lows[1:])


def world_places_missed(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add known towns among capitalised words no stage took, after the stages that find names again."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    wp = world_places()
    ends = {s.end: s for s in cands}
    found = list(_missed(doc, cands, wp, env, _person_words(doc, cands), ends))
    return sorted(cands + found, key=lambda s: (s.start, s.end)) if found else cands


def _said(doc: Any, s: Candidate, env: Env, wp: WorldPlaces, ends: dict) -> None:
    """Where an organisation is, kept as such: "the Davao start-up X", "a research institute in Lapu-Lapu City",
    "a Kearney, Nebraska company", "Tanja Freight AI (Tangier)", "- Ashtamudi Data Works, Kollam"."""
    kinds = env.words.description_types
    if env.typer.context_type(doc, s.start, s.end, "GPE", "Cluster") == "Cluster" or s.start >= 2 \
            and doc[s.start - 1].lower_ == "in" and doc[s.start - 2].lower_ in kinds \
            or s.start >= 1 and doc[s.start - 1].lower_ in env.words.articles \
            and kinds.get(env.typer.description_head(doc, s.end) or "") in ("Company", "Institute") \
            and not _plural_head(doc, s.end, env) \
            or _qualified(doc, s.end, env, wp) or _bracketed(doc, s, ends) or _roster_end(doc, s):
        s.place, s.ctx_typed = False, True


def _plural_head(doc: Any, end: int, env: Env) -> bool:
    """"unlike the Dakar research centres": a plural noun after the town names no organisation of it."""
    k = end
    while k < len(doc) and k < end + 4 and doc[k].is_lower and doc[k].is_alpha:
        k += 1
    return k > end and doc[k - 1].lower_.endswith("s") and doc[k - 1].lower_ not in env.words.description_types \
        and (k >= len(doc) or not doc[k].text[:1].isupper())


def _based(doc: Any, end: int, env: Env) -> bool:
    """"İzmir-based": a place suffix glued to the name."""
    return end + 1 < len(doc) and doc[end].text in env.words.dashes and not doc[end - 1].whitespace_ \
        and doc[end + 1].lower_ in env.words.place_suffixes


def _qualified(doc: Any, end: int, env: Env, wp: WorldPlaces) -> bool:
    """"Des Moines, Iowa", "Valparaíso, Chile": a town qualified by its region or country."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    k = end + 1
    while k < len(doc) and k < end + 4 and doc[k].text[:1].isupper():
        k += 1
    nxt = TokenIndex.of(doc).span_text(end + 1, k)
    return bool(nxt) and (nxt.lower() in env.lex.countries or wp.kind(nxt) == "region")


def _bracketed(doc: Any, s: Candidate, ends: dict) -> bool:
    """"Tanja Freight AI (Tangier)": a town in brackets right after a capitalised name."""
    if s.start < 2 or s.end >= len(doc) or doc[s.start - 1].text != "(" or not doc[s.end].text.startswith(")"):
        return False
    return s.start - 1 in ends or doc[s.start - 2].text[:1].isupper()


def _roster_end(doc: Any, s: Candidate) -> bool:
    """"- Ashtamudi Data Works, Kollam": a town ending a bulleted line after a comma and a capitalised name."""
    at_end = s.end >= len(doc) or "\n" in doc[s.end - 1].whitespace_ or doc[s.end].is_space and "\n" in doc[s.end].text
    if not at_end or s.start < 3 or doc[s.start - 1].text != ",":
        return False
    k = s.start - 2
    while k > 0 and not (doc[k].is_space or "\n" in doc[k - 1].whitespace_):
        k -= 1
    line = [t for t in doc[k:s.start - 1] if not t.is_space]
    return len(line) >= 2 and line[0].text in BULLETS and (line[-1].text[:1].isupper() or line[-1].text == ")")


def _person_words(doc: Any, cands: list[Candidate]) -> set[str]:
    """Words of full personal names ("Florence Adeyemi"): a lone "Florence" is that person."""
    words: set[str] = set()
    for s in cands:
        if s.type == "Person" and s.end - s.start >= 2:
            name = [t.text for t in doc[s.start:s.end] if t.text[:1].isupper() and t.text[:1].isalpha()]
            if len(name) >= 2:
                words.update(name)
    return words


def _is_place(doc: Any, start: int, end: int, wp: WorldPlaces, env: Env, person_words: set[str]) -> bool:
    text = TokenIndex.of(doc).span_text(start, end)
    if wp.kind(text) is None or env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) is not None:
        return False
    if end - start == 1 and doc[start].is_stop:
        return False  # "Most early-stage capital ...": a town named like a function word
    nxt = doc[end].lower_ if end < len(doc) else ""
    if nxt in env.lex.hub_words and nxt not in env.lex.strong_hub_words and not _campus_of(doc, start, end, wp):
        return False  # "the Hervanta campus", "Grafton campus": a district's name, not the town's
    if end - start == 1 and text in person_words or _glued(doc, start, end):
        return False
    return not wp.is_ambiguous(text) or _cue(doc, start, end, env, wp)


def _campus_of(doc: Any, start: int, end: int, wp: WorldPlaces) -> bool:
    """"the Toamasina campus of the University of Antananarivo": a known town (not also a common word) naming a campus
    of an organisation named after "of" is the campus's town."""
    text = TokenIndex.of(doc).span_text(start, end)
    if wp.is_ambiguous(text) or start < 1 or doc[start - 1].lower_ != "the" or end + 2 >= len(doc):
        return False
    k = end + 2 if doc[end + 2].lower_ != "the" else end + 3
    return doc[end].lower_ == "campus" and doc[end + 1].lower_ == "of" and k < len(doc) and doc[k].text[:1].isupper()


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
    if start > 1 and doc[start - 1].lower_ in env.lex.location_preps and doc[start - 1].lower_ != "of" \
            and any(t.lower_ in env.lex.location_words for t in doc[max(0, start - 4):start - 1]):
        return True  # "offices in Reading"; not "in March", "an engineer at Aurora"
    return _qualified(doc, end, env, wp)


def _missed(doc: Any, cands: list[Candidate], wp: WorldPlaces, env: Env, person_words: set[str], ends: dict):
    """Known towns among capitalised words no stage touched ("with research agreements in Davao")."""
    taken = taken_tokens(cands)
    other = {TokenIndex.of(doc).span_text(s.start, s.end) for s in cands if s.type != "Cluster"}  # "Aydın" typed a firm elsewhere
    texts = [t.text for t in doc]
    n = len(texts)
    upper = [bool(t) and t[0].isupper() for t in texts]
    skip_to = 0
    for i in range(n):
        if i < skip_to or i in taken or not upper[i] or not texts[i][0].isalpha():
            continue
        longest = 1
        while longest < MAX_TOKENS and i + longest < n and (upper[i + longest] or texts[i + longest].lower() in INNER):
            longest += 1
        for size in range(longest, 0, -1):
            end = i + size
            text = TokenIndex.of(doc).span_text(i, end)
            if wp.kind(text) != "city" or text in other or any(k in taken for k in range(i, end)):
                continue
            if _shape_ok(doc, i, end) and (_free(doc, i, end, env) or _date_misread(doc, i, end, env, wp)) \
                    and (_is_place(doc, i, end, wp, env, person_words) or _org_in(doc, i, end, ends, wp, env)):
                cand = Candidate(i, end, "Cluster", "rule", label="GPE", place=True)
                _said(doc, cand, env, wp, ends)
                yield cand
                skip_to = end
                break


def _free(doc: Any, start: int, end: int, env: Env) -> bool:
    """Not a word the NER read as something else ("in March"), not half of a hyphenated pair ("Columbus-Dayton")."""
    if any(doc[k].ent_type_ in NON_NAME_LABELS for k in range(start, end)):
        return False
    if start > 0 and doc[start - 1].text in env.words.dashes and not doc[start - 1].whitespace_:
        return False
    if end < len(doc) and doc[end].text in env.words.dashes and not doc[end - 1].whitespace_ \
            and not (end + 1 < len(doc) and doc[end + 1].lower_ in env.words.place_suffixes):
        return False
    return True


def _date_misread(doc: Any, start: int, end: int, env: Env, wp: WorldPlaces) -> bool:
    """"at the Colegio Tecnológico del Oeste in Mayagüez under a five-year agreement": a known town (not also a common
    word, no month or weekday) after "in" that the NER swept into the date span after it."""
    text = TokenIndex.of(doc).span_text(start, end)
    if wp.is_ambiguous(text) or text.lower() in not_town_words() or start < 1 or doc[start - 1].lower_ != "in":
        return False
    return all(doc[k].ent_type_ in NON_NAME_LABELS and not doc[k].like_num for k in range(start, end)) \
        and _dashes_free(doc, start, end, env)


def _dashes_free(doc: Any, start: int, end: int, env: Env) -> bool:
    """Not half of a hyphenated pair ("Columbus-Dayton")."""
    return not (start > 0 and doc[start - 1].text in env.words.dashes and not doc[start - 1].whitespace_) \
        and not (end < len(doc) and doc[end].text in env.words.dashes and not doc[end - 1].whitespace_)


def _org_in(doc: Any, start: int, end: int, ends: dict, wp: WorldPlaces, env: Env) -> bool:
    """"a courtesy professor at the Cascade Forestry College in Bend": a town that is also a common word, right after an
    organisation's name (or its bracketed short form) and "in"."""
    if start < 2 or doc[start - 1].lower_ != "in" or env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) is not None:
        return False
    if wp.kind(TokenIndex.of(doc).span_text(start, end)) != "city" or _glued(doc, start, end):
        return False
    org = ends.get(start - 1)
    if org is None and doc[start - 2].text == ")":
        org = ends.get(start - 2)
    return org is not None and org.type in ORG_TYPES and (end >= len(doc) or doc[end].is_punct or doc[end].is_space
                                                           or doc[end].is_lower)


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
