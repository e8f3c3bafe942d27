"""University names made of an acronym and a town: "ETH Zurich", "KU Leuven", "IIIT Hyderabad", "HEC Paris".

An organisation typed only by default (no head word, no gazetteer entry, nothing said about it) whose name is an
all-capital acronym followed by a word the same text reads as a place is an institution on a campus, not a firm.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import ACRONYM_HEAD, Candidate, Env
from aikg.ingest.nlp.token_index import TokenIndex


def _place_words(doc: Any, cands: list[Candidate]) -> set[str]:
    """Words the text reads as places: place candidates and the NER's places."""
    words = {TokenIndex.of(doc).span_text(s.start, s.end) for s in cands if s.type == "Cluster"}
    words.update(e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "Cluster"))
    return words


def campus_names(doc: Any, cands: list[Candidate], env: Env) -> None:
    """Retype "<ACRONYM> <place>" names typed only by default as institutes (every reading of the name)."""
    places: set[str] | None = None
    retyped: set[str] = set()
    for s in cands:
        if s.end - s.start != 2 or s.type != env.lex.default_org or s.entry is not None or s.ctx_typed:
            continue
        acr, town = doc[s.start], doc[s.start + 1]
        if not ACRONYM_HEAD.match(acr.text) or not town.is_title or not town.is_alpha:
            continue
        if env.typer.type_of_name([acr.text, town.text]) is not None:
            continue
        if places is None:
            places = _place_words(doc, cands)
        if town.text in places:
            retyped.add(TokenIndex.of(doc).span_text(s.start, s.end))
    if retyped:
        for s in cands:
            if s.entry is None and s.type == env.lex.default_org and TokenIndex.of(doc).span_text(s.start, s.end) in retyped:
                s.type = "Institute"
