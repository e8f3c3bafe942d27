"""Stage unit parents: a unit named right beside its parent body takes the parent's kind (issue 14, org typing).

A unit's own name says little about its kind: "Department of AI Convergence" opens like a ministry's department,
"Industrial Policy Division" or "Grupo de Hidroinformática" like nothing at all (a firm by default). Published pages
name a unit with its parent, and the parent decides (docs/annotation.md §2 and AFFILIATED_WITH: a university's
department is an Institute, a government department an Agency, a corporate research arm a Company):

* a comma between them, on speaker, staff and contact lines: "Ko Min-seok, Department of AI Convergence, Jeonnam
  Provincial University"; "Aiko Murata, Industrial Policy Division, Toyama Prefectural Government";
* a preposition: "a lecturer in the Department of Linguistics at Kwara Technical University", "the Crop Statistics
  Division of the Ministry of Agriculture";
* the parent's possessive: "the Universidad del Principado's Grupo de Hidroinformática".

A unit is named by its first word and a connector ("Department of", "Grupo de", "Lehrstuhl für") or by its last
word ("... Division", "... Unit", "... Lab"). Administrative units take any parent's kind; research units (labs,
groups, chairs) take a university's or a firm's, and stay labs under a government body. A firm parent counts only
with evidence of its own (a legal form, a firm word, a reading the text gave, a gazetteer entry). Left alone: a
gazetteer unit, a unit the text described itself, the head of a longer list ("Department of X, University Y and
Z"), an item of a list of bodies ("A, Department of X, University Y"). Every mention of the unit's name takes the
type. Word lists: ``data/lexicon/unit_parents.json``. Switch: ``AIKG_UNIT_PARENTS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.org_kinds import kind_words, legal_kind
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_UNIT_PARENTS"
BODY_TYPES = ("Company", "Institute", "Agency")
POSSESSIVES = frozenset({"'s", "’s"})


def enabled() -> bool:
    """The stage runs unless ``AIKG_UNIT_PARENTS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class UnitWords:
    admin_first: frozenset[str]
    research_first: frozenset[str]
    admin_last: frozenset[str]
    research_last: frozenset[str]
    connectors: frozenset[str]
    before_ok: frozenset[str]
    between: frozenset[tuple[str, ...]]
    after_stop: frozenset[str]
    list_words: frozenset[str]
    determiners: frozenset[str]


@lru_cache(maxsize=1)
def unit_words() -> UnitWords:
    """``data/lexicon/unit_parents.json``, read once per process."""
    d = lexicon_data("unit_parents.json")

    def low(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in d[key])

    between = frozenset(tuple(p.replace(",", " , ").split()) for p in d["between"])
    return UnitWords(low("admin_first"), low("research_first"), low("admin_last"), low("research_last"),
                     low("first_connectors"), low("before_ok"), between, low("after_stop"), low("list_words"),
                     low("determiners"))


def unit_kind(words: list[str], w: UnitWords | None = None) -> str | None:
    """"admin" for "Department of ...", "... Division"; "research" for "Grupo de ...", "... Lab"; else None."""
    w = w or unit_words()
    low = [x.lower() for x in words]
    if len(low) < 2:
        return None
    if len(low) > 2 and low[1] in w.connectors:
        if low[0] in w.admin_first:
            return "admin"
        if low[0] in w.research_first:
            return "research"
    if low[-1] in w.admin_last:
        return "admin"
    return "research" if low[-1] in w.research_last else None


def parent_type(kind: str, parent: str) -> str | None:
    """The type a unit of ``kind`` takes under a parent of type ``parent``: labs stay labs under a government body."""
    if parent not in BODY_TYPES:
        return None
    if kind == "research" and parent == "Agency":
        return None
    return parent


def unit_parents(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Give a unit named beside its parent the parent's kind, for every mention of the unit's name."""
    if not enabled():
        return cands
    w = unit_words()
    index = TokenIndex.of(doc)
    named = sorted((c for c in cands if c.acronym_of is None and c.source in ("ner", "rule", "gazetteer")
                    or c.entry is not None), key=lambda c: (c.start, c.end))
    found: dict[str, str] = {}
    for i, unit in enumerate(named):
        if unit.entry is not None or unit.ctx_typed or unit.type not in BODY_TYPES + ("Programme",):
            continue
        kind = unit_kind(index.text[unit.start:unit.end], w)
        if kind is None:
            continue
        parent = _parent_of(doc, named, i, w)
        if parent is None or not _firm_said(doc, parent, env):
            continue
        typ = parent_type(kind, parent.type)
        if unit.type == "Programme" and parent.type != "Institute":
            continue  # "the X Connectivity Facility of the Y Bank": a bank's or a ministry's facility is a funding line
        if typ is not None and typ != unit.type:
            found.setdefault(index.span_text(unit.start, unit.end), typ)
    if found:
        for c in cands:
            if c.entry is None and c.acronym_of is None and index.span_text(c.start, c.end) in found:
                c.type, c.ctx_typed, c.place = found[index.span_text(c.start, c.end)], True, False
    return cands


def _parent_of(doc: Any, named: list[Candidate], i: int, w: UnitWords) -> Candidate | None:
    """The body the unit at ``named[i]`` is named with: after it (comma, "at", "of the") or before it ("X's")."""
    unit = named[i]
    if i > 0:
        prev = named[i - 1]
        if prev.end + 1 == unit.start and doc[prev.end].lower_ in POSSESSIVES and prev.type in BODY_TYPES:
            return prev  # "the Universidad del Principado's Grupo de Hidroinformática"
    if i + 1 >= len(named):
        return None
    nxt = named[i + 1]
    gap = tuple(t.lower_ for t in doc[unit.end:nxt.start])
    if gap not in w.between or "\n" in doc[unit.start:nxt.end].text:
        return None
    if not _opens_slot(doc, named, i, w) or gap[0] == "," and not _closes_slot(doc, nxt.end, w):
        return None  # ("X Division of the Ministry of Y and Z": a preposition ties the unit to the next name alone)
    return nxt


def _opens_slot(doc: Any, named: list[Candidate], i: int, w: UnitWords) -> bool:
    """The unit starts a line, follows a person and a title ("Name, Title, Unit"), or a preposition of work; not the
    middle of a list of bodies ("A, Department of X, University Y")."""
    start = named[i].start
    if start == 0 or "\n" in doc[start - 1].text_with_ws:
        return True
    before = doc[start - 1].lower_
    if before in w.before_ok:
        return True
    if before != ",":
        return False
    prev = named[i - 1] if i > 0 else None
    return prev is None or prev.end != start - 1 or prev.type == "Person"


def _closes_slot(doc: Any, end: int, w: UnitWords) -> bool:
    """The parent ends the line, the sentence or the clause, not a list that goes on ("..., University Y and Z")."""
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space:
        return True
    nxt = doc[end].lower_
    if nxt in w.after_stop:
        return True
    if nxt != ",":
        return False
    if end + 1 >= len(doc) or doc[end + 1].is_space or doc[end + 1].like_num:
        return True
    after = doc[end + 1]
    return after.is_lower and after.lower_ not in w.list_words and after.lower_ not in w.determiners


def _firm_said(doc: Any, parent: Candidate, env: Env) -> bool:
    """A firm parent counts only with evidence of its own: a gazetteer entry, a reading the text gave, a firm word or
    a legal form in its name (a default firm reading is no evidence)."""
    if parent.type != "Company" or parent.entry is not None or parent.ctx_typed:
        return True
    words = [t.text for t in doc[parent.start:parent.end]]
    return env.typer.type_of_name(words) == "Company" or legal_kind(words, kind_words()) == "Company"
