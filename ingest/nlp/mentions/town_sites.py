"""Stage, a town named before a site noun or as a town's first body (wave 19, issue 14, LOCATED_IN ends).

Why: "Training runs at Morrow University's Tampere campus", "across its Tampere and Kuopio offices", "Tarvane
Logistics' Tampere team built the robot", "Morrow University, Tampere's largest university, runs ...": the NER read the
town before the site noun as a firm, or dropped it as a place with no context, so ``relation_place_town_sites`` saw no place.
A name is a place here when the world list knows it as a town (and only as a town, not an English word or a
person's name) and no gazetteer entry or head word typed it, and

* an organisation's possessive or "its" / "their" stands before it (with "and" and a second town allowed) and a site
  noun (``site_nouns`` of ``data/lexicon/anchor_site_words.json``: campus, office, team, plant ...) follows, and no
  verb of planning, closing or moving stands just before ("plans to open its Kuopio office" names no place);
* or "'s", a superlative or "main" word (``largest_words``) and an organisation noun (``org_head_nouns``) follow it
  right after a comma ("X, Tampere's largest university,").

``AIKG_TOWN_SITES=off`` turns the stage off with the relation rules.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

_POSSESSIVE = frozenset({"'s", "’s", "'"})
_OWNER_WORDS = frozenset({"its", "their"})


def enabled() -> bool:
    """Is wave 19's place work on (``AIKG_TOWN_SITES`` not "off")?"""
    return os.environ.get("AIKG_TOWN_SITES", "on") != "off"


@lru_cache(maxsize=1)
def site_words() -> tuple[frozenset[str], ...]:
    """Site nouns, superlative words and organisation nouns, lower-cased."""
    return lexicon_sets("anchor_site_words.json", ("site_nouns", "largest_words", "org_head_nouns", "site_verbs_stop"))


def town_sites(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Make a known town in the slots of the module docstring a place kept as a site (module docstring)."""
    if not enabled():
        return cands
    ends = {c.end: c for c in cands}
    for c in cands:
        if c.type == "Cluster" and not c.place:
            continue
        if not _town(doc, c, env):
            continue
        if _before_site(doc, c, ends) or _largest_of(doc, c, ends):
            c.type, c.label, c.place, c.ctx_typed = "Cluster", "GPE", False, True
    return cands + _unread_towns(doc, cands, env, ends)


def _unread_towns(doc: Any, cands: list[Candidate], env: Env, ends: dict[int, Candidate]) -> list[Candidate]:
    """Towns the NER did not read at all in the site slot ("Tarvane Logistics' Tampere team")."""
    taken = {t for c in cands for t in range(c.start, c.end)}
    out: list[Candidate] = []
    for k in range(1, len(doc) - 1):
        if k in taken or not doc[k].is_title or not (doc[k - 1].text in _POSSESSIVE or doc[k - 1].lower_ in _OWNER_WORDS):
            continue
        for end in (k + 1, k + 2):
            if end > len(doc) or any(t in taken for t in range(k, end)):
                break
            c = Candidate(k, end, "Cluster", "rule", label="GPE", ctx_typed=True)
            if _town(doc, c, env) and _before_site(doc, c, ends):
                out.append(c)
                taken.update(range(k, end))
                break
    return out


def _town(doc: Any, c: Candidate, env: Env) -> bool:
    """A one- to three-word town the world list knows only as a town, typed by no entry or head word."""
    if c.entry is not None or c.source == "gazetteer" or c.acronym_of or c.end - c.start > 3:
        return False
    text = TokenIndex.of(doc).span_text(c.start, c.end)
    places = world_places()
    return places.kind(text) == "city" and not places.is_ambiguous(text) \
        and env.typer.type_of_name([t.text for t in doc[c.start:c.end]]) is None


def _before_site(doc: Any, c: Candidate, ends: dict[int, Candidate]) -> bool:
    """"X's Tampere campus", "its Tampere and Kuopio offices": an owner before, a site noun after (one more town
    joined by "and" between)."""
    sites = site_words()[0]
    n = len(doc)
    k = c.end
    if k + 1 < n and doc[k].lower_ in ("and", "&") and doc[k + 1].is_title:
        k += 2
        while k < n and doc[k].is_title and k - c.end < 5:
            k += 1
    if k >= n or doc[k].lower_ not in sites:
        return False
    b = c.start - 1
    if b >= 0 and doc[b].lower_ in ("and", "&"):  # the second town of "its Tampere and Kuopio offices"
        b -= 1
        while b >= 0 and doc[b].is_title and c.start - b < 5:
            b -= 1
    if b < 0 or any(doc[x].lower_ in site_words()[3] for x in range(max(0, b - 3), b)):
        return False  # "plans to open its Kuopio office", "closed its Kuopio office": no site now
    if doc[b].lower_ in _OWNER_WORDS:
        return True
    owner = ends.get(b)
    return doc[b].text in _POSSESSIVE and owner is not None and owner.type in ORG_TYPES


def _largest_of(doc: Any, c: Candidate, ends: dict[int, Candidate]) -> bool:
    """", Tampere's largest university": an organisation, a comma, the town's possessive, a superlative and an
    organisation noun."""
    _sites, largest, heads, _stop = site_words()
    n = len(doc)
    k = c.start - 1
    if k < 1 or doc[k].text != "," or (owner := ends.get(k)) is None or owner.type not in ORG_TYPES:
        return False
    j = c.end
    if j + 2 >= n or doc[j].text not in _POSSESSIVE or doc[j + 1].lower_ not in largest:
        return False
    return any(doc[x].lower_ in heads for x in range(j + 2, min(n, j + 5)))
