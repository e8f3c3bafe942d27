"""Stage, contact fields (wave 19): an office or a street in a contact, signature or address line names no entity.

Press releases, consortium pages and government programme pages close with contact and address lines of comma fields:
"Segreteria BMAN, Camera di Commercio di Bergamo, Largo Belotti, Bergamo", "Press office: Ufficio Stampa UFSA,
stampa@...", "Yazmín Pool Canul, Dirección de Programas, COYITEC", "Shalini Deshpande, Deputy Director, Maharashtra
State Innovation Agency, Nagpur Regional Office", "Jean-Marc Ehui, Communications, Gbêkê Vision SA, Quartier Commerce,
Bouaké", "Headquarters: Drasa Avenue, Lautoka". The NER reads the office ("Segreteria BMAN", "Ufficio Stampa") as a
body or a person and the street ("Largo Belotti", "Quartier Commerce") as a firm or a town. A mention that fills one
field of such a line (a line of two or more short comma fields, or one opened by a contact label or holding an e-mail)
goes when the field is:

* an office of the body: a unit word first and only an acronym or a press/programme word after it ("Secretaría CCIA",
  "Oficina de Comunicación Social"), or "... Regional Office", "Programme Office" last; a ministry named with a unit
  word ("Secretaría de Economía del Estado de Puebla") has words of its own and stays;
* a street or quarter: a street word first or last ("Largo Belotti", "Drasa Avenue", "Pabellón Argentina").

Never a gazetteer name. Word lists: ``data/lexicon/contact_address_fields.json``. Off switch: ``AIKG_CONTACT_ADDRESS_FIELDS=off``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ACRONYM_HEAD, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import doc_text

#: switch for an A/B measurement in one tree (``AIKG_CONTACT_ADDRESS_FIELDS=off``); on by default
ENABLED_ENV = "AIKG_CONTACT_ADDRESS_FIELDS"
FIELD_SPLIT = re.compile(r"\s*(?:,|;|\||·|\u2014|\u2013| - )\s*")
MAX_FIELD_WORDS = 8  # a longer comma part is a clause, not a field


@dataclass(frozen=True)
class ContactWords:
    openers: frozenset[str]
    tails: frozenset[str]
    lasts: tuple[tuple[str, ...], ...]
    particles: frozenset[str]
    streets: frozenset[str]
    cues: tuple[str, ...]


@lru_cache(maxsize=1)
def contact_words() -> ContactWords:
    """The word lists of ``contact_address_fields.json`` (read once)."""
    d = lexicon_data("contact_address_fields.json")
    low = lambda k: frozenset(w.lower() for w in d[k])  # noqa: E731
    return ContactWords(low("unit_openers"), low("unit_tails"), tuple(tuple(x) for x in d["unit_last"]),
                        low("particles"), low("street_words"), tuple(w.lower() for w in d["line_cues"]))


def contact_fields(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop mentions that fill an office or a street field of a contact or address line."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or not cands:
        return cands
    w = contact_words()
    text = doc_text(doc)
    out = []
    for c in cands:
        if c.source == "gazetteer" or c.entry is not None or c.end <= c.start:
            out.append(c)
            continue
        a, b = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
        field = _field(text, a, b, w)
        if field is not None and (_office(field, w) or _street(field, w)):
            continue
        out.append(c)
    return out


def _field(text: str, a: int, b: int, w: ContactWords) -> list[str] | None:
    """The words of the field the span [a, b) fills, when its line is a contact or address line; else None."""
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    line = text[ls:le if le >= 0 else len(text)]
    low = line.lower()
    body = line.split(":", 1)[1] if ":" in line[:30] and not line.lower().startswith("http") else line
    parts = [p for p in FIELD_SPLIT.split(body) if p.strip()]
    cued = any(low.startswith(cue) for cue in w.cues) or "@" in line
    short = len(parts) >= 3 and all(len(p.split()) <= MAX_FIELD_WORDS for p in parts)
    titled = len(parts) == 2 and all(x[:1].isupper() or x.lower() in w.particles or not x[:1].isalpha()
                                     for x in body.split())  # "Ufficio Stampa, Orobica Visione"
    if not (cued and len(parts) >= 2 or short or titled):
        return None
    name = text[a:b].strip(" .")
    for p in parts:
        core = p.strip(" .")
        if core == name:
            return core.split()
    return None


def _office(words: list[str], w: ContactWords) -> bool:
    """"Segreteria BMAN", "Oficina de Comunicación Social", "Nagpur Regional Office": an office, no body."""
    low = [x.lower() for x in words]
    if any(tuple(low[-len(t):]) == t for t in w.lasts if len(low) >= len(t)):
        return True
    if low[0] not in w.openers:
        return False
    rest = [x for x, lw in zip(words[1:], low[1:]) if lw not in w.particles]
    if not rest:
        return True
    if len(rest) == 1 and ACRONYM_HEAD.match(rest[0]):
        return True  # "Secretaría CCIA": the secretariat of the body the acronym names
    return all(x.lower() in w.tails or ACRONYM_HEAD.match(x) for x in rest)


def _street(words: list[str], w: ContactWords) -> bool:
    """"Largo Belotti", "Drasa Avenue": a street word first or last, with at least one other word."""
    return len(words) >= 2 and (words[0].lower() in w.streets or words[-1].lower() in w.streets)
