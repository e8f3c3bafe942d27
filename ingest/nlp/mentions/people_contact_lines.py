"""Stage people_contact_lines: the person after a dash at the end of a contact line ("..., IMIA - Céline Dubois").

Press releases close with contact blocks whose lines name an office and the organisation, then a dash and the person:
"Office of Communications, IMIA - Céline Dubois", "Press office, Meuse Robotics Institute – Julie Marchand". The NER
misses the name or reads it as one more organisation. A run of two to four name words that opens with a known given
name and closes its line, right after a dash that follows an organisation (or an acronym) on the same line, is a person.

Left alone: "Acme Robotics - Jean Robotics" (a head word), a line without an organisation before the dash, a run whose
first word is no given name ("Liège - Seraing"). Words: ``data/lexicon/people_contact_lines.json``.
Switch: ``AIKG_PEOPLE_CONTACT_LINES=off``.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ACRONYM_HEAD, ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms, person_shaped

ENABLED_ENV = "AIKG_PEOPLE_CONTACT_LINES"


def enabled() -> bool:
    """The stage runs unless ``AIKG_PEOPLE_CONTACT_LINES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@lru_cache(maxsize=1)
def dashes() -> frozenset[str]:
    """The separators before a contact line's person."""
    data = json.loads(Path(str(shipped("lexicon", "people_contact_lines.json"))).read_text(encoding="utf-8"))
    return frozenset(data["dashes"])


def people_contact_lines(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add or retype as Person the given-name run closing a line after "<organisation> - "."""
    if not enabled():
        return cands
    f = forms()
    out = list(cands)
    for k in range(1, len(doc) - 2):
        if doc[k].text not in dashes() or not doc[k - 1].whitespace_ or not doc[k].whitespace_:
            continue
        end = _line_end(doc, k + 1)
        s = k + 1
        if doc[s].text not in f.given or not person_shaped(doc, s, end, f):
            continue
        if env.typer.type_of_name([t.text for t in doc[s:end]]) is not None:
            continue
        if not (ACRONYM_HEAD.match(doc[k - 1].text) or any(c.type in ORG_TYPES and c.end == k and
                                                           _same_line(doc, c.start, k) for c in out)):
            continue  # an organisation (or an acronym the acronym stage reads later) right before the dash
        inside = [c for c in out if c.start < end and c.end > s]
        if any(c.entry is not None or c.start < s or c.end > end for c in inside):
            continue
        for c in inside:
            out.remove(c)
        out.append(Candidate(s, end, "Person", "rule", label="PERSON", ctx_typed=True))
    return out


def _line_end(doc: Any, k: int) -> int:
    """The index after the last token of the line that token ``k`` is on."""
    j = k
    while j < len(doc):
        if "\n" in doc[j].text:
            return j
        if "\n" in doc[j].whitespace_:
            return j + 1
        j += 1
    return j


def _same_line(doc: Any, a: int, b: int) -> bool:
    return not any("\n" in doc[x].text or "\n" in doc[x].whitespace_ for x in range(a, b))
