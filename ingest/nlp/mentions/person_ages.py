"""Stage person_ages: an age between a name and its title is no part of the name, and marks a person.

Published profiles, founders' stories and board lists put a person's age right after the name: "Luis Mozombite
Rengifo, 38, is the company's chief executive", "Andrés, 35, runs its field operations", "Wang Chien-ming, 52,
General Manager, X". The NER takes the age into the name ("Andrés, 35") and, with no familiar surname, calls it an
organisation. A mention that ends in ", <age>" ends before the comma; a name followed by ", <age>," (or ", <age>" at
the end of its clause) is a person unless an organisation's head word or the gazetteer says otherwise.

Left alone: "Acme Robotics, 25, ..." (a head word types it), "Route 66", "in 2019, 40 firms" (no age range or no
name before it), numbers over the age range.
Words: ``data/lexicon/person_ages.json``. Switch: ``AIKG_PERSON_AGES=off``.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

ENABLED_ENV = "AIKG_PERSON_AGES"
#: what may follow an age: the comma before the title, a clause's end
_AFTER_AGE = frozenset({",", ";", ")", ".", "is", "was", "has", "had", "runs", "leads", "heads", "joined", "said",
                        "became", "will", "now"})


def enabled() -> bool:
    """The stage runs unless ``AIKG_PERSON_AGES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@lru_cache(maxsize=1)
def _range() -> tuple[int, int]:
    data = json.loads(Path(str(shipped("lexicon", "person_ages.json"))).read_text(encoding="utf-8"))
    return int(data["age_min"]), int(data["age_max"])


def _age_at(doc: Any, k: int) -> bool:
    """", 38," at token ``k`` (the comma): a whole number in the age range, then a comma or a clause word."""
    if k + 1 >= len(doc) or doc[k].text != "," or not doc[k + 1].text.isdigit():
        return False
    lo, hi = _range()
    if not lo <= int(doc[k + 1].text) <= hi:
        return False
    return k + 2 >= len(doc) or doc[k + 2].lower_ in _AFTER_AGE


def person_ages(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut ", <age>" off mentions; type a name followed by an age Person (no head word, no gazetteer entry)."""
    if not enabled():
        return cands
    for c in cands:
        if c.entry is not None:
            continue
        cut = next((k for k in range(c.start + 1, c.end) if _age_at(doc, k)), None)
        if cut is not None:
            c.end, c.canonical = cut, None
        if c.type == "Person" or not _age_at(doc, c.end):
            continue
        if doc[c.start].is_alpha and doc[c.start].text[:1].isupper() and not _headed(doc, c, env):
            c.type, c.label, c.ctx_typed = "Person", "PERSON", True
    return cands


def _headed(doc: Any, c: Candidate, env: Env) -> bool:
    """An organisation's or programme's head word ends the name ("Acme Robotics")."""
    words = [t.text for t in doc[c.start:c.end]]
    return len(words) >= 2 and env.typer.type_of_name(words) is not None
