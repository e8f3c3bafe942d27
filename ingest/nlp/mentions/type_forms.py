"""Stage type_forms: the type the form of the phrase gives a name, before one name gets one type in a text.

Head words type most unknown names; some phrases say more than the words of the name (issue 14):

* a named area in a place slot is a place: "located in the Ponce Technology Park", "an anchor tenant of the Mielec
  Aerospace Park", "a sales office in the Sialkot Technology Park" (a Cluster: the text puts a firm in it), and a
  named corridor or valley the NER missed ("Companies in the Wislok Corridor include ...") is a place waiting for
  context (``place_context`` keeps it only where a hub or site form holds it);
* a site noun before "in" takes a town: "Research team in Sternberk", "an assembly workshop in Floresti";
* a fund that owns funding lines is a funding body, an Agency: "the Macedonian Fund for Technology Development under
  its Co-financed Grants line", "the Ukrainian Startup Fund's grant competition".

A reading the text typed otherwise ("X, the ... company") or a gazetteer name is left alone. The retyped mention is
said by the text (``ctx_typed``), so ``harmonise_names`` gives the name's other mentions the same type.
Word lists: ``data/lexicon/entity_typing.json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

MAX_AREA_WORDS = 4  # capitalised words before an area head ("Charlottetown Ocean Technology Park")
#: switch for an A/B measurement in one tree (``AIKG_TYPE_FORMS=off``; also the typing forms of typing.py,
#: world_places.py and place_forms.py this module's docstring names); on by default
ENABLED_ENV = "AIKG_TYPE_FORMS"


def enabled() -> bool:
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class TypeFormWords:
    area_heads: frozenset[str]
    area_slot_nouns: frozenset[str]
    area_slot_preps: frozenset[str]
    area_new_heads: frozenset[str]
    site_slot_nouns: frozenset[str]
    fund_owner_nouns: frozenset[str]
    fund_heads: frozenset[str]
    area_always_heads: frozenset[str]
    firm_word_endings: tuple[str, ...]
    council_heads: frozenset[str]
    association_words: frozenset[str]
    cooperative_heads: frozenset[str]
    producer_words: frozenset[str]
    possessive_name_nouns: frozenset[str]
    programme_description_heads: frozenset[str]
    pot_run_verbs: frozenset[str]
    firm_last_words: frozenset[str]
    place_particles: frozenset[str]
    programme_description_pairs: frozenset[str]
    development_bank_words: frozenset[str]


@lru_cache(maxsize=1)
def type_form_words() -> TypeFormWords:
    """``data/lexicon/entity_typing.json``, read once per process."""
    names = tuple(f.name for f in fields(TypeFormWords) if f.name != "firm_word_endings")
    endings = tuple(w.lower() for w in lexicon_data("entity_typing.json")["firm_word_endings"])
    return TypeFormWords(**dict(zip(names, lexicon_sets("entity_typing.json", names))), firm_word_endings=endings)


def town_possessor(doc: Any, start: int, k: int) -> bool:
    """"Syracuse's Onondaga Battery Works": tokens ``start:k`` before the possessive at ``k`` are a town the world
    list knows (not also a word or a person's name), and the word after it opens no fixed name ("Lion's Head")."""
    text = TokenIndex.of(doc).span_text(start, k)
    wp = world_places()
    return enabled() and 0 < k - start <= 2 and k + 1 < len(doc) and wp.kind(text) is not None \
        and not wp.is_ambiguous(text) and doc[k + 1].lower_ not in type_form_words().possessive_name_nouns


def type_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype names by the phrase around them (see the module docstring)."""
    if not enabled():
        return cands
    words = type_form_words()
    areas: dict[tuple[str, ...], Candidate] = {}
    for c in cands:
        if c.entry is not None or c.acronym_of is not None or c.source not in ("ner", "rule"):
            continue
        if c.type in ORG_TYPES + ("Programme",) and not c.ctx_typed and (_area_in_slot(doc, c.start, c.end, words, env)
                                                                       or _area_always(doc, c, words, env)):
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
            areas[tuple(TokenIndex.of(doc).lower[c.start:c.end])] = c
        elif c.type in ("Company", "Person") and not c.ctx_typed and c.source == "ner" and _town_after_site(doc, c, words, env):
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
        elif c.type == "Programme" and _owns_lines(doc, c, words, env):
            c.type, c.ctx_typed = "Agency", True
    if areas:
        _area_short_forms(doc, cands, areas, env)
    added = list(_new_areas(doc, cands, words, env))
    return sorted(cands + added, key=lambda s: (s.start, s.end)) if added else cands


# ------------------------------------------------------------------------------------------- named areas
def is_area(doc: Any, c: Candidate) -> bool:
    """A named area ("Sadat Road Technology Park"): capitalised words ending in an area head (for ``place_context``)."""
    words = type_form_words()
    return enabled() and _area_name(doc, c.start, c.end, words, words.area_heads)


def _area_name(doc: Any, start: int, end: int, words: TypeFormWords, heads: frozenset[str]) -> bool:
    """Capitalised words ending in an area head ("Ponce Technology Park", "Wislok Corridor")."""
    if end - start < 2 or end - start > MAX_AREA_WORDS + 1 or doc[end - 1].lower_ not in heads:
        return False
    return doc[start].text[:1].isupper() and all(t.text[:1].isupper() and t.is_alpha or t.text == "-" and not t.whitespace_
                                                 for t in doc[start:end])


def _area_in_slot(doc: Any, start: int, end: int, words: TypeFormWords, env: Env) -> bool:
    """A named area after "the" in a place slot: "located in the X Park", "a tenant of the X Park"."""
    if not _area_name(doc, start, end, words, words.area_heads) or start < 3 or doc[start - 1].lower_ != "the":
        return False
    prep, before = doc[start - 2].lower_, doc[start - 3].lower_
    if prep == "of":
        return before in words.area_slot_nouns
    if prep not in words.area_slot_preps:
        return False
    if prep in ("within", "inside"):
        return True
    first = start - 2
    while first > 0 and first > start - 12 and not doc[first - 1].is_punct and not doc[first - 1].is_sent_start:
        first -= 1  # back over the clause: "a joint centre of the two organisations at the X Park"
    subjects = env.lex.relations.get("place_lists", {}).get("subject_nouns", ())
    return any(t.lower_ in env.lex.location_words or t.lower_ in env.lex.site_nouns or t.lower_ in words.site_slot_nouns
               or t.lower_ in subjects or t.lower_ == "ups" and k > 0 and doc[k - 1].text == "-"
               for k, t in ((k, doc[k]) for k in range(first, start - 2)))


def _area_always(doc: Any, c: Candidate, words: TypeFormWords, env: Env) -> bool:
    """"the Delta Agri-Tech Corridor" read as a firm by default: a corridor is a place wherever it stands."""
    return c.type == "Company" and _area_name(doc, c.start, c.end, words, words.area_always_heads) \
        and env.typer.type_of_name(TokenIndex.of(doc).text[c.start:c.end]) is None


def _area_short_forms(doc: Any, cands: list[Candidate], areas: dict[tuple[str, ...], Candidate], env: Env) -> None:
    """"outside the Technology Park" after "the Sialkot Technology Park": the area's last words are a short form of it."""
    for c in cands:
        low = tuple(TokenIndex.of(doc).lower[c.start:c.end])
        if c.type == "Cluster" or c.entry is not None or c.ctx_typed or len(low) < 2:
            continue
        host = next((h for a, h in areas.items() if len(a) > len(low) and a[-len(low):] == low), None)
        if host is not None:
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
            c.canonical = env.canonical_of(doc, host)


def _new_areas(doc: Any, cands: list[Candidate], words: TypeFormWords, env: Env):
    """"the Wislok Corridor" the NER missed: a place waiting for context."""
    taken = {k for c in cands for k in range(c.start, c.end)}
    for k in range(1, len(doc)):
        if doc[k].lower_ not in words.area_new_heads or not doc[k].text[:1].isupper() or k in taken:
            continue
        start = k
        while start > 0 and k - start < MAX_AREA_WORDS and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].is_alpha and start - 1 not in taken and "\n" not in doc[start - 1].whitespace_ \
                and doc[start - 1].lower_ not in env.lex.leading_determiners:
            start -= 1
        if start == k or start < 1 or doc[start - 1].lower_ != "the":
            continue  # "the" before the name: a definite place, not a headline's capitalised words
        if env.typer.type_of_name([t.text for t in doc[start:k + 1]]) not in (None, "Company"):
            continue
        yield Candidate(start, k + 1, "Cluster", "rule", label="GPE", place=True)


# ------------------------------------------------------------------------------------------- towns after a site noun
def _town_after_site(doc: Any, c: Candidate, words: TypeFormWords, env: Env) -> bool:
    """"Research team in Sternberk:", "an assembly workshop in Floresti": a plain capitalised name after a site noun
    and "in" (no organisation head word, not a country or region, not a possessor)."""
    if c.start < 2 or doc[c.start - 1].lower_ != "in" or doc[c.start - 2].lower_ not in words.site_slot_nouns:
        return False
    if not 1 <= c.end - c.start <= 3 or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper
                                                for t in doc[c.start:c.end]):
        return False
    text = TokenIndex.of(doc).span_text(c.start, c.end)
    if env.typer.type_of_name(TokenIndex.of(doc).text[c.start:c.end]) is not None \
            or text.lower() in env.lex.countries or world_places().only_region(text):
        return False
    nxt = doc[c.end] if c.end < len(doc) else None
    return nxt is None or nxt.text not in ("'s", "’s", "-")


# ------------------------------------------------------------------------------------------- funds owning lines
def _owns_lines(doc: Any, c: Candidate, words: TypeFormWords, env: Env) -> bool:
    """"the X Fund under its Y line", "the X Fund's grant competition": a fund that owns funding lines."""
    low = TokenIndex.of(doc).lower[c.start:c.end]
    if not any(w in words.fund_heads for w in low) or c.end >= len(doc):
        return False
    if " ".join(low).endswith(env.lex.company_endings):
        return False  # "the Kanata Seed Fund's": an investing firm
    n = len(doc)
    if doc[c.end].text in ("'s", "’s"):
        k = c.end + 1
        while k < n and k < c.end + 4 and doc[k].is_lower and doc[k].is_alpha:
            if doc[k].lower_ in words.fund_owner_nouns:
                return True
            k += 1
        return False
    if doc[c.end].lower_ != "under" or c.end + 2 >= n or doc[c.end + 1].lower_ not in ("its", "their"):
        return False
    k = c.end + 2
    while k < n and k < c.end + 8 and (doc[k].text[:1].isupper() or doc[k].text == "-"
                                       or doc[k - 1].text == "-" and not doc[k - 1].whitespace_):  # "Co-financed"
        k += 1
    return k > c.end + 2 and k < n and doc[k].lower_ in words.fund_owner_nouns
