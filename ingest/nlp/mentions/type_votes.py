"""Stage type votes (wave 20): a short form or an acronym takes the type its full name has in the text.

Entity resolution joins a full name with its short forms and acronyms and votes on the type, an acronym counting
more than a plain mention (``resolution/records.py``). Typing stages that read the full name late ("Saloum Farmers'
Union", a members' union: an Institute; "Fundação X (FX), the state innovation agency": an Agency) leave the short
forms and acronyms read earlier with the old type ("Saloum", "FX" as firms), and those outvote the full name: the
entity comes out a firm. The full name is the strongest evidence a text gives for a body's type (its head word and
the descriptions next to it), so here every short form and acronym of a full name the text uses takes the full
name's type, when all its full-name mentions agree. Only organisation types (Company, Institute, Agency) move;
gazetteer names are left alone. Switch: ``AIKG_TYPE_VOTES=off``.
"""

from __future__ import annotations

import os
from typing import Any

from aikg.core.ids import clean_surface
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_TYPE_VOTES"
BODY_TYPES = ("Company", "Institute", "Agency")


def enabled() -> bool:
    """The stage runs unless ``AIKG_TYPE_VOTES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


def _named(c: Candidate) -> bool:
    return c.entry is None and c.source in ("ner", "rule") and c.type in BODY_TYPES


def type_votes(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Give short forms and acronyms the type all mentions of their full name have."""
    if not enabled():
        return cands
    index = TokenIndex.of(doc)
    full: dict[str, set[str]] = {}
    for c in cands:
        if c.entry is None and c.source in ("ner", "rule") and c.acronym_of is None:
            name = env.canonical_of(doc, c)
            if clean_surface(index.span_text(c.start, c.end)) == name:
                full.setdefault(name, set()).add(c.type)
    for c in cands:
        if not _named(c):
            continue
        name = env.canonical_of(doc, c)
        if clean_surface(index.span_text(c.start, c.end)) == name:
            continue
        types = full.get(name)
        if types is not None and len(types) == 1:
            typ = next(iter(types))
            if typ in BODY_TYPES and typ != c.type:
                c.type, c.place = typ, False
    for acr, (typ, long_text) in list(ctx.acronyms.items()):
        types = full.get(long_text)
        if types is not None and len(types) == 1 and next(iter(types)) in BODY_TYPES and typ in BODY_TYPES:
            ctx.acronyms[acr] = (next(iter(types)), long_text)
    return cands
