"""Stage shared_surnames: "the brothers Luis and Andrés Mozombite Rengifo" names two people with one surname.

Founders' stories, obituaries and funding news name siblings and couples once with their shared surnames: "founded in
2020 by the brothers Luis and Andrés Mozombite Rengifo", "co-founded by the siblings Ana and Rosa Quispe", "Marta y
Jorge Lema Paz". The NER reads the first given name alone (a person "Luis", or an organisation "Wanjiru"), and the
relation from it lands on a one-word entity that matches nobody. A known given name or a one-word person (or a comma
list of them) joined
by a coordinator to a person's full name that opens with a given name is a person too, named with the full name's
surnames ("Luis Mozombite Rengifo"), so resolution joins it to that person's other mentions.

Left alone: a word that continues another name ("Ana Lopes and Rosa Quispe": "Lopes" is no given name, "Lopes"
stands after a capitalised word), a gazetteer name, a word no given-name list holds ("Acme and Rosa Quispe").
Words: ``data/lexicon/shared_surnames.json`` (coordinators); given names from ``person_forms.json``.
Switch: ``AIKG_SHARED_SURNAMES=off``.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms

ENABLED_ENV = "AIKG_SHARED_SURNAMES"


def enabled() -> bool:
    """The stage runs unless ``AIKG_SHARED_SURNAMES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@lru_cache(maxsize=1)
def _coordinators() -> frozenset[str]:
    data = json.loads(Path(str(shipped("lexicon", "shared_surnames.json"))).read_text(encoding="utf-8"))
    return frozenset(data["coordinators"])


def shared_surnames(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Type the given names coordinated before a full name as people named with its surnames."""
    if not enabled():
        return cands
    given = forms().given
    out = list(cands)
    people = frozenset(c.start for c in cands if c.type == "Person" and c.end == c.start + 1)
    for p in cands:
        if p.type != "Person" or p.end - p.start < 2 or doc[p.start].text not in given:
            continue
        items = _given_items(doc, p.start, given, people)
        if not items:
            continue
        surnames = doc[p.start + 1:p.end].text
        for j in items:
            _settle(out, j, f"{doc[j].text} {surnames}")
    return out


def _given_items(doc: Any, start: int, given: frozenset[str], people: frozenset[int]) -> list[int]:
    """Token indices of "Luis" in "Luis and <start>", of "Ana" and "Rosa" in "Ana, Rosa and <start>"."""
    k = start - 1
    if k < 1 or doc[k].lower_ not in _coordinators() or "\n" in doc[k - 1].whitespace_:
        return []
    items: list[int] = []
    j = k - 1
    while j >= 0 and doc[j].text[:1].isupper() and (doc[j].text in given or j in people):
        items.append(j)
        if j >= 2 and doc[j - 1].text == ",":
            j -= 2
            continue
        break
    if not items:
        return []
    first = min(items)
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.is_alpha and not before.is_lower and not before.is_sent_start:
        return []  # "Ana Lopes and Rosa Quispe", "Acme Luis and ...": the word continues another name
    return items


def _settle(cands: list[Candidate], j: int, canonical: str) -> None:
    """Make token ``j`` a typed Person mention standing for ``canonical``."""
    over = [c for c in cands if c.start <= j < c.end]
    if any(c.entry is not None or c.start != j or c.end != j + 1 for c in over):
        return
    for c in over:
        cands.remove(c)
    cands.append(Candidate(j, j + 1, "Person", "rule", label="PERSON", canonical=canonical, ctx_typed=True))
