"""Stage, seat names (wave 20): a complete name, then "of <Town>" or "of the <Body>", is two mentions.

News, encyclopedia and fact-sheet text writes a body with its seat or its parent after English "of": "the Chebucto
Ocean Institute of Halifax", "Kaita Automation of Hiroshima", "the Instituto Milenio de Datos Australes of Valdivia",
"the East Africa Digital Connectivity Facility of the Horn Regional Bank", "the National Water Data Mission of the
Ministry of Jal Shakti", "the École Doctorale Sciences de la Mer of UNET". The NER or the name runs read one long
name, so the body, its town and its parent are all lost (and LOCATED_IN, PART_OF, RUNS with them). A mention is cut
at such an "of" when the words before it are a complete name by themselves:

* ``of <Town>``: the tail is a listed town; the head is a body's head word that does not take its seat into its name
  (``seat_heads_kept`` of ``data/lexicon/name_edge_seats.json``: "University of Halifax", "Bank of Montreal", "Rotary
  Club of Halifax" stay), with a distinctive word before it ("Art Institute of Chicago" stays); or a firm's name of
  two words or more with no head ("Umoja Voice of Kampala").
* ``of the <Body>``: the words after "the" are a headed name of two words or more, and so are the words before it
  ("Ministry of the Interior", "Council of the European Union" stay).
* ``of <ACRONYM>``: an acronym the text names alone elsewhere, after a name of three words or more that does not end
  in its head ("Mombasa County Department of ICT" stays).
* ``Cohort 4 of the <Programme>``: a numbered intake of a programme is no name; the programme is.

Off switch: ``AIKG_NAME_SEATS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ACRONYM_HEAD, ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.longer_names import head_nouns
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree; on by default
ENABLED_ENV = "AIKG_NAME_SEATS"


@dataclass(frozen=True)
class SeatWords:
    kept: frozenset[str]
    plain: frozenset[str]
    cohorts: frozenset[str]


@lru_cache(maxsize=1)
def seat_words() -> SeatWords:
    """``data/lexicon/name_edge_seats.json``, read once."""
    return SeatWords(*lexicon_sets("name_edge_seats.json", ("seat_heads_kept", "plain_modifiers", "cohort_words")))


def seat_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut names at an "of" that joins a complete name to its town or its parent body."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    alone = {doc[c.start].text for c in cands if c.end - c.start == 1}
    out: list[Candidate] = []
    changed = False
    for c in cands:
        parts = None
        if c.type in ORG_OR_PROGRAMME and c.source != "gazetteer" and c.entry is None and not c.acronym_of \
                and c.end - c.start >= 3:
            parts = _parts(doc, c, env, alone)
        if parts:
            out.extend(parts)
            changed = True
        else:
            out.append(c)
    return sorted(out, key=lambda s: (s.start, s.end)) if changed else cands


def _parts(doc: Any, c: Candidate, env: Env, alone: set[str]) -> list[Candidate] | None:
    words = TokenIndex.of(doc).text
    for k in range(c.start + 1, c.end - 1):
        if doc[k].text != "of" or "\n" in doc[k].whitespace_:
            continue
        the = doc[k + 1].lower_ == "the" and doc[k + 1].is_lower
        r = k + 2 if the else k + 1
        left, right = words[c.start:k], words[r:c.end]
        if not right or not right[0][:1].isupper():
            continue
        if the and _cohort(left, env):
            return [Candidate(r, c.end, env.typer.type_of_name(right) or c.type, "rule", label=c.label)]
        rest = _right_part(doc, c, k, r, the, left, right, env, alone)
        if rest is not None:
            return [Candidate(c.start, k, env.typer.type_of_name(left) or c.type, "rule", label=c.label), rest]
    return None


def _right_part(doc: Any, c: Candidate, k: int, r: int, the: bool, left: list[str], right: list[str], env: Env,
                alone: set[str]) -> Candidate | None:
    """The mention after "of" when the words before it are a complete name by themselves, else None ("UNET": an
    acronym named alone, or written again, in the text)."""
    typer = env.typer
    if not the and world_places().kind(" ".join(right)) == "city" and _seat_free(left, c.type, env):
        return Candidate(r, c.end, "Cluster", "rule", label="GPE")
    if the and len(left) >= 2 and len(right) >= 2 and typer.type_of_name(left) is not None \
            and _distinctive(left[:-1], env) and world_places().kind(" ".join(right)) is None:
        typ = typer.type_of_name(right)
        if typ is not None and not all(w.lower() in env.generic_words for w in right):
            return Candidate(r, c.end, typ, "rule", label="ORG")
    if not the and len(right) == 1 and ACRONYM_HEAD.match(right[0]) and len(right[0]) >= 3 \
            and (right[0] in alone or sum(1 for t in doc if t.text == right[0]) >= 2) and len(left) >= 3 \
            and typer.type_of_name(left) is not None and left[-1].lower() not in head_nouns(env):
        return Candidate(r, c.end, c.type, "rule", label="ORG")
    return None


def _seat_free(left: list[str], typ: str, env: Env) -> bool:
    """Is ``left`` a complete name that does not take its town into its name?"""
    if len(left) < 2 or any(w.islower() and w in ("of", "for") for w in left):
        return False
    head = env.typer.type_of_name(left)
    if head is None:
        return typ == "Company" and all(w[:1].isupper() for w in left) and _distinctive(left, env)
    last = left[-1].lower()
    if last in seat_words().kept or any(w.lower() in seat_words().kept for w in left):
        return False
    return _distinctive(left[:-1], env)


def _distinctive(words: list[str], env: Env) -> bool:
    """A capitalised word that names this body and no other: not generic, not a plain modifier ("Royal", "Art")."""
    plain = seat_words().plain
    return any(w[:1].isupper() and w.lower() not in env.generic_words and w.lower() not in plain for w in words)


def _cohort(left: list[str], env: Env) -> bool:
    """"Cohort 4", "Class of 2024"? ("Cohort 4 of the Frontier Founders Program"): a numbered intake, no name."""
    return len(left) == 2 and left[0].lower() in seat_words().cohorts and (left[1].isdigit() or len(left[1]) <= 4
                                                                          and left[1].isupper() and left[1].isalpha())
