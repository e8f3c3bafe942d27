"""Stage, town firms (wave 17): a name the NER read as a person whose first word is a town is an organisation.

Small-city firms and bodies are often named "<Town> <Word>": "Sherbrooke Hydro", "Granby Numérique", "Tamale
Agritech", "Kuopio Sensing". The NER reads two capitalised words as a person's name, and no head word types them (the
second word is French, Swahili or a trade word no list holds). A person's name does not open with a town that is
no given name; so a person reading of two or three words whose first word the world list knows only as a town (no
region, not ambiguous, not a given name: "Austin Lee", "Florence Ng", "Orlando Ruiz" stay people), with no given
name after it and no title before it, becomes the default organisation type (org_kinds may then read its kind from a
description). A name the text typed ("Dr Granby Ross", "Granby Okafor, chief executive") is left alone.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.world_places import world_places


def town_firms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype "<Town> <Word>" person readings as organisations."""
    given = forms().given
    places = world_places()
    for c in cands:
        if c.type != "Person" or c.ctx_typed or c.entry is not None or c.source == "gazetteer" or not 2 <= c.end - c.start <= 3:
            continue
        words = [t.text for t in doc[c.start:c.end]]
        if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words) or any(w in given for w in words):
            continue
        if c.start > 0 and doc[c.start - 1].lower_.rstrip(".") in env.titles:
            continue  # "Dr Granby Ross"
        if places.kind(words[0]) == "city" and not places.is_ambiguous(words[0]) and places.kind(" ".join(words)) is None:
            c.type, c.label = env.lex.default_org, "ORG"
    return cands
