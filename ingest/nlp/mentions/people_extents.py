"""Stage people_extents: people's names the NER cut at a hyphen or left out of a list of people.

* A hyphenated given name: "Marc-André Pelletier" is split by the tokenizer into "Marc", "-", "André"; the NER often
  starts the person at "André". An untaken capitalised word joined to the name by a hyphen without spaces opens it.
* The second name of a pair of people: "founded by Jana Pospíšilová and Ondřej Vlk, both ...", "two of its doctoral
  students, Astou Cissé and Pape Latyr Gueye." The NER reads the unfamiliar second name as a place or leaves it
  alone; a person-shaped run (two to four capitalised words, no organisation or title word, no known town) joined
  by "and" to a person, and closing the phrase, is a person too.

Counter-examples that stay as they are: "Jana Novak and Olomouc Robotics" (an organisation head word), "Jana Novak and
Brno" (one word; a known town), "Jana Novak and Partners" (a generic word).
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms, person_shaped
from aikg.ingest.nlp.mentions.world_names import run_type, world_name_words
from aikg.ingest.nlp.world_places import world_places

#: what may close the second name of a pair ("... and Ondřej Vlk, both", "... and Pape Latyr Gueye.")
_CLOSERS = frozenset({",", ".", ";", ")", ":", "|"})
#: separators of a name line the NER may take into a person's name ("Mekdes Alemu | Head of Data | Org")
_SEPARATORS = frozenset({"|", "¦", "·", "•", "/", "||"})


def people_extents(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Open people's names at a hyphenated given name; make the second name of "Person and Name" a person."""
    taken = [False] * len(doc)
    for c in cands:
        for k in range(c.start, c.end):
            taken[k] = True
    for c in cands:
        if c.type == "Person" and c.entry is None:
            _trim_separators(doc, c, taken)
            _open_hyphen(doc, c, taken)
    added: list[Candidate] = []
    for c in cands:
        if c.type != "Person" or c.end + 3 > len(doc) or doc[c.end].lower_ != "and":
            continue
        start = c.end + 1
        other = next((o for o in cands if o.start == start), None)
        if other is not None:
            if _place_reading(other) and _second_person(doc, other.start, other.end, env):
                other.type, other.place, other.ctx_typed, other.label = "Person", False, True, "PERSON"
            continue
        other = next((o for o in cands if o.start == start + 1), None)
        if other is not None and not taken[start] and _given_before(doc, start, other, env):
            other.start, other.type, other.place, other.ctx_typed, other.label = start, "Person", False, True, "PERSON"
            other.canonical = None  # "Marta Olsen and Per | Lindqvist": a given name that is also a common word
            taken[start] = True
            continue
        end = _bare_run(doc, start, taken)
        if end is not None and _second_person(doc, start, end, env):
            added.append(Candidate(start, end, "Person", "rule", label="PERSON", ctx_typed=True))
            for k in range(start, end):
                taken[k] = True
    if added:
        cands = sorted(cands + added, key=lambda s: (s.start, s.end))
    return cands


def _trim_separators(doc: Any, c: Candidate, taken: list[bool]) -> None:
    """"Mekdes Alemu | Head of Data | Org": a line's separator at either end of a person's name is no part of it."""
    while c.end - c.start > 1 and doc[c.end - 1].text in _SEPARATORS:
        c.end -= 1
        taken[c.end] = False
        c.canonical = None
    while c.end - c.start > 1 and doc[c.start].text in _SEPARATORS:
        taken[c.start] = False
        c.start += 1
        c.canonical = None


def _open_hyphen(doc: Any, c: Candidate, taken: list[bool]) -> None:
    """"Marc | - | André Pelletier": the word before a tight hyphen is the first part of the given name."""
    s = c.start
    if s < 2 or doc[s - 1].text != "-" or doc[s - 1].whitespace_ or doc[s - 2].whitespace_ or taken[s - 2] \
            or taken[s - 1]:
        return
    w = doc[s - 2].text
    if not (w.isalpha() and w[:1].isupper() and not w.isupper()):
        return
    taken[s - 2] = taken[s - 1] = True
    c.start = s - 2
    c.canonical = None


def _given_before(doc: Any, start: int, other: Candidate, env: Env) -> bool:
    """"Per | Lindqvist", "Will | Grant" after "Person and": a capitalised given name the NER left out (it is also a
    common word) before a one-word name read only by default as an organisation or a place."""
    tok = doc[start]
    if not (tok.is_title and tok.is_alpha) or tok.text not in forms().given or other.entry is not None \
            or other.end - other.start != 1 or other.ctx_typed or other.type == "Person" or "\n" in tok.whitespace_:
        return False
    if other.type not in ("Company", "Institute") and not _place_reading(other):
        return False
    end = other.end
    if end < len(doc) and doc[end].text not in _CLOSERS and not doc[end].is_lower:
        return False
    word = doc[other.start].text
    return env.typer.type_of_name([word]) is None and word.lower() not in env.generic_words \
        and world_places().kind(word) is None


def _place_reading(c: Candidate) -> bool:
    """A name the NER read as a place, still waiting for the text to say so."""
    return c.type == "Cluster" and c.place and c.source == "ner" and c.entry is None and not c.ctx_typed


def _bare_run(doc: Any, start: int, taken: list[bool]) -> int | None:
    """The end of an untaken run of capitalised words (and name particles) at ``start`` that a closer ends."""
    particles = forms().particles
    k = start
    while k < len(doc) and not taken[k] and (doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].text in particles
                                             or doc[k].text == "-" and not doc[k].whitespace_):
        if "\n" in doc[k].whitespace_:
            k += 1
            break
        k += 1
    if k == start:
        return None
    if k < len(doc) and doc[k].text not in _CLOSERS and "\n" not in doc[k - 1].whitespace_:
        return None
    return k


def _second_person(doc: Any, start: int, end: int, env: Env) -> bool:
    """Person-shaped, with no organisation, programme, title or generic word, and not a known place."""
    f = forms()
    if not person_shaped(doc, start, end, f):
        return False
    words = [t.text for t in doc[start:end]]
    if env.typer.type_of_name(words) is not None or run_type(doc, start, end, world_name_words()) is not None:
        return False
    low = {w.lower() for w in words}
    if low & (env.words.job_title_words | env.generic_words | env.lex.company_last | env.lex.hub_words):
        return False
    if low & (f.labels | f.honorifics) or doc[start].is_stop:
        return False
    return world_places().kind(doc[start:end].text) is None
