"""Stage people_titles: titles, past markers and offices the NER takes into an organisation (issue 14, AFF ends).

Published pages put a person's title, a past marker or an office right against an organisation's name, and the NER
reads them as one organisation, so the person (and the AFFILIATED_WITH tie) is lost:

* a title and a person before "of"/"at"/"from": "said Associate Professor Ingrid Solvang of Tarn University",
  "Senior Lecturer Kofi Asante of Brenmoor Institute of Technology" -> the person "Ingrid Solvang" and the
  organisation "Tarn University";
* a title alone before "of": "Nadia Ferrante, President of Kestrel Holdings LLC" -> "Kestrel Holdings LLC";
* a past marker first: "Former Veltra Dynamics engineer" -> "Veltra Dynamics";
* an office, unit or role after the name: "Tarn University Communications", "the Tarn University Office of the
  Controller", "Tarn University PhD candidate A" -> "Tarn University" (``docs/annotation.md``: the office is not an
  entity; the person is tied to the organisation).

The rest must still be an organisation by its head words ("University", "LLC"), so "Professor Labs", "the
Director's Fund", "Veltra Communications" (a company so named) and "Minister of Health" stay as they are. Known
names (gazetteer, acronyms) are left alone. Words: ``data/lexicon/people_titles.json`` and the lexicon's job
title lists. ``AIKG_PEOPLE_TITLES=off`` turns the stage off (for A/B runs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, taken_tokens
from aikg.ingest.nlp.mentions.person_names import forms, person_shaped
from aikg.ingest.nlp.world_places import world_places

ENABLED_ENV = "AIKG_PEOPLE_TITLES"
_SMALL = frozenset({"the", "a", "an"})
#: what may follow a title line's title ("Senior Director, X", "Partner at X", "Professor of Robotics")
_AFTER_TITLE = frozenset({",", "of", "at", "for", "|", "(", "-", "–", "—", ":", "/", "and", "&"})


@dataclass(frozen=True)
class _Words:
    past: frozenset[str]
    preps: frozenset[str]
    unit_heads: frozenset[str]
    unit_tail: frozenset[str]
    tail_must: frozenset[str]
    office_heads: frozenset[str]
    honorifics: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    """``data/lexicon/people_titles.json``, read once per process."""
    return _Words(*lexicon_sets("people_titles.json", ("past_words", "prepositions", "unit_heads", "unit_tail_words",
                                                           "tail_must_hold", "office_heads", "extra_honorifics")))


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """``unit_words`` of ``people_slots.json`` (speed: built once per process, not per candidate)."""
    return frozenset(lexicon_data("people_slots.json")["unit_words"])


def people_titles(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut titles, past markers and offices off organisations; a person inside "<title> A of X" becomes a mention."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    w = _words()
    added: list[Candidate] = []
    for s in cands:
        if s.type not in ORG_TYPES or s.source == "gazetteer" or s.entry is not None or s.acronym_of:
            continue
        _cut_past(doc, s, env, w)
        person = _cut_title(doc, s, env, w)
        if person is not None:
            added.append(person)
        _cut_unit(doc, s, env, w)
        parent = _split_unit_parent(doc, s, env)
        if parent is not None:
            added.append(parent)
    cands = [c for c in cands if c.end > c.start]
    if added:
        cands = sorted(cands + added, key=lambda c: (c.start, c.end))
    return _honoured_people(doc, _open_titled_people(doc, _join_given_places(doc, cands, env), env), env, w)


def _honoured_people(doc: Any, cands: list[Candidate], env: Env, w: _Words) -> list[Candidate]:
    """"Dr Ariadni Psaraki, Department of X", "Mtra. Yazmín Pool Canul, Dirección de Programas": a person-shaped
    name right after an honorific is a person; an honorific read as a name of its own ("Mtra") is none."""
    honour = forms().honorifics | w.honorifics
    taken = taken_tokens(cands)
    out: list[Candidate] = []
    for c in cands:
        if c.entry is not None or c.source == "gazetteer":
            out.append(c)
            continue
        if c.end - c.start == 1 and doc[c.start].lower_ in honour and c.type != "Person":
            j = c.end + (c.end < len(doc) and doc[c.end].text == ".")
            e = j
            while e < len(doc) and e - j < 4 and e not in taken and doc[e].is_alpha and doc[e].is_title:
                e += 1
            if e - j >= 2 and _person_line(doc, j, e, env):
                out.append(Candidate(j, e, "Person", "rule", label="PERSON", ctx_typed=True))
            continue  # "Mtra." is no organisation
        k = c.start - 1 - (c.start >= 2 and doc[c.start - 1].text == ".")
        if c.type in ORG_TYPES and k >= 0 and doc[k].lower_ in honour and _person_line(doc, c.start, c.end, env):
            c.type, c.label, c.ctx_typed, c.place = "Person", "PERSON", True, False
        if c.type == "Person" and k >= 0 and doc[k].lower_ in honour:
            e = c.end  # "Mtro. José Manuel Cauich | Dzib,": the untaken surname before the comma
            while e < len(doc) and e - c.start < 4 and e not in taken and doc[e].is_alpha and doc[e].is_title \
                    and "\n" not in doc[e - 1].whitespace_:
                e += 1
            if e > c.end and (e >= len(doc) or doc[e].text in (",", "(", ";")) and _person_line(doc, c.start, e, env):
                c.end, c.canonical = e, None
        out.append(c)
    starts = {c.start for c in out}
    for i, tok in enumerate(doc):
        if tok.lower_ in honour and i not in taken and tok.text[:1].isupper():
            j = i + 1 + (i + 1 < len(doc) and doc[i + 1].text == ".")
            e = j
            while e < len(doc) and e - j < 4 and e not in taken and doc[e].is_alpha and doc[e].is_title:
                e += 1
            if e - j >= 2 and j not in starts and (e >= len(doc) or doc[e].text in (",", "(", ";")) \
                    and _person_line(doc, j, e, env):
                out.append(Candidate(j, e, "Person", "rule", label="PERSON", ctx_typed=True))
    return sorted(out, key=lambda x: (x.start, x.end))


def _open_titled_people(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"Media: Bethlehem | Assefa, Head of Communications, X": a one-word reading of the NER (a place, a default
    organisation) followed by one or two untaken capitalised words and a comma with a job title after it is a
    person's given name; the person runs to the comma."""
    taken = taken_tokens(cands)
    for c in cands:
        if c.end - c.start != 1 or c.entry is not None or c.source != "ner" or c.ctx_typed \
                or not (c.type in ORG_TYPES or c.type == "Cluster" and c.place):
            continue
        j = c.end
        while j < len(doc) and j - c.end < 2 and j not in taken and doc[j].is_alpha and doc[j].is_title \
                and "\n" not in doc[j - 1].whitespace_:
            j += 1
        if j == c.end or j + 1 >= len(doc) or doc[j].text != "," or not _person_line(doc, c.start, j, env) \
                or not _title_line(doc, j + 1, env):
            continue
        c.end, c.type, c.label, c.place, c.ctx_typed, c.canonical = j, "Person", "PERSON", False, True, None
        taken.update(range(c.start, j))
    return cands


def _join_given_places(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"Sajan | Mathew Koshy, Managing Partner, X" on a roster line: a one-word place reading of the NER right
    before a person, with only a space between them and opening the line (after a bullet or a label at most), is
    the person's given name."""
    drop: set[int] = set()
    for i, c in enumerate(cands[:-1]):
        nxt = cands[i + 1]
        if not (c.type == "Cluster" and c.place and c.source == "ner" and c.entry is None and not c.ctx_typed
                and c.end - c.start == 1 and nxt.type == "Person" and nxt.start == c.end and nxt.entry is None):
            continue
        tok = doc[c.start]
        if not (tok.is_alpha and tok.is_title) or "\n" in tok.whitespace_ or not _opens_row(doc, c.start):
            continue
        nxt.start, nxt.canonical = c.start, None
        drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop] if drop else cands


def _opens_row(doc: Any, k: int) -> bool:
    """Token ``k`` opens its line, after at most a bullet, a dash or a label and its colon."""
    if _line_start(doc, k):
        return True
    j = k - 1
    if doc[j].text in (":", "-", "–", "—", "•", "*", "·"):
        j -= 1
        while j >= 0 and not _line_start(doc, j + 1) and doc[j].is_alpha and j > k - 4:
            j -= 1
        return _line_start(doc, j + 1)
    return False


def people_name_lines(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """After the headings stage: a name alone on its line with a job title on the next line is a person."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    added = _name_lines(doc, cands, env)
    return sorted(cands + added, key=lambda c: (c.start, c.end)) if added else cands


def _line_start(doc: Any, k: int) -> bool:
    return k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space and "\n" in doc[k - 1].text


def _name_lines(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"Lise Berg" alone on a line and "Senior Director, Orsolo Robotics" on the next: a person-shaped line the NER
    left alone, followed by a line that opens with a capitalised job title, is a person (a team page, a speaker
    list, a signature)."""
    taken = taken_tokens(cands)
    out: list[Candidate] = []
    k, n = 0, len(doc)
    while k < n:
        if not _line_start(doc, k) or doc[k].is_space:
            k += 1
            continue
        j = k
        while j < n and not doc[j].is_space and "\n" not in doc[j].whitespace_:
            j += 1
        end = j + 1 if j < n and not doc[j].is_space else j  # the line is doc[k:end]
        if 2 <= end - k <= 4 and not any(x in taken for x in range(k, end)) and _person_line(doc, k, end, env) \
                and _title_line(doc, end, env):
            out.append(Candidate(k, end, "Person", "rule", label="PERSON", ctx_typed=True))
        else:
            out += _roster_row(doc, k, end, taken, cands, env)
        k = max(end, k + 1)
    return out


def _roster_row(doc: Any, a: int, b: int, taken: set[int], cands: list[Candidate], env: Env) -> list[Candidate]:
    """"Efua Mensima Quaye, Suame Data Works" between rows that open with a person and a comma ("Ibrahim Alhassan
    Zakaria, Obuasi Gold Analytics"): the row opens with a person too; an untaken name after the comma that its
    head words make an organisation is one."""
    j = a
    while j < b and j - a < 4 and doc[j].is_alpha and doc[j].text[:1].isupper() and j not in taken:
        j += 1
    if j - a < 2 or j >= b or doc[j].text != "," or not _person_line(doc, a, j, env) \
            or not _sibling_person_row(doc, a, b, cands):
        return []
    out = [Candidate(a, j, "Person", "rule", label="PERSON", ctx_typed=True)]
    rest = j + 1
    end = b - 1 if doc[b - 1].is_space else b
    while end > rest and doc[end - 1].text in (".", ";"):
        end -= 1
    if end > rest and not any(x in taken for x in range(rest, end)) \
            and all(t.text[:1].isupper() or t.text in ("&", "-") for t in doc[rest:end]):
        kind = env.typer.type_of_name([t.text for t in doc[rest:end]])
        if kind in ORG_TYPES:
            out.append(Candidate(rest, end, kind, "rule", label="ORG", ctx_typed=True))
    return out


def _sibling_person_row(doc: Any, a: int, b: int, cands: list[Candidate]) -> bool:
    """The line before or after (token range ``a``..``b``) opens with a person followed by a comma."""
    starts = {c.start: c for c in cands if c.type == "Person"}
    prev = a - 1
    while prev > 0 and doc[prev].is_space:
        prev -= 1
    p0 = prev
    while p0 > 0 and not _line_start(doc, p0):
        p0 -= 1
    nxt = b
    while nxt < len(doc) and doc[nxt].is_space:
        nxt += 1
    for k in (p0, nxt):
        while k < len(doc) and (doc[k].lower_.rstrip(".") in forms().honorifics or doc[k].text == "."):
            k += 1  # "Dr. Kwabena Owusu-Ansah, ..."
        c = starts.get(k)
        if c is not None and k != a and c.end < len(doc) and doc[c.end].text == ",":
            return True
    return False


def _person_line(doc: Any, start: int, end: int, env: Env) -> bool:
    """Two to four capitalised words, person-shaped, with no organisation, title or generic word, not a place."""
    words = [t.text for t in doc[start:end]]
    if not all(t.is_alpha and t.text[:1].isupper() for t in doc[start:end]) or not person_shaped(doc, start, end, forms()):
        return False
    low = {x.lower() for x in words}
    if low & (env.title_words | env.generic_words) or env.typer.type_of_name(words) is not None:
        return False
    return world_places().kind(" ".join(words)) is None


def _title_line(doc: Any, k: int, env: Env) -> bool:
    """The line at token ``k`` opens with a capitalised job title ("Senior Director, X", "Chief Executive Officer")."""
    while k < len(doc) and doc[k].is_space:
        k += 1
    j = k
    while j < len(doc) and doc[j].text[:1].isupper() and _low(doc[j]) in env.title_words:
        j += 1
    if j == k or not any(_low(doc[x]) in env.words.job_title_words for x in range(k, j)):
        return False
    return j >= len(doc) or "\n" in doc[j - 1].whitespace_ or doc[j].is_space or doc[j].lower_ in _AFTER_TITLE


def _low(tok: Any) -> str:
    return tok.lower_.rstrip(".")


def _org_named(doc: Any, start: int, end: int, env: Env) -> bool:
    """The words are an organisation's name by their head words ("Tarn University", "Kestrel Holdings LLC")."""
    words = [t.text for t in doc[start:end]]
    return bool(words) and words[0][:1].isupper() and env.typer.type_of_name(words) in ORG_TYPES


def _cut_past(doc: Any, s: Candidate, env: Env, w: _Words) -> None:
    """"Former Veltra Dynamics": a past marker opening the name is no part of it."""
    if s.end - s.start >= 2 and doc[s.start].text[:1].isupper() and _low(doc[s.start]) in w.past \
            and doc[s.start + 1].text[:1].isupper():
        s.start += 1
        s.canonical = None


def _title_end(doc: Any, s: Candidate, env: Env) -> int:
    """End of a capitalised job title opening the mention (``s.start`` if none): "Associate Professor", "President"."""
    k = s.start
    while k < s.end and doc[k].text[:1].isupper() and _low(doc[k]) in env.title_words:
        k += 1
    if k > s.start and not any(_low(doc[j]) in env.words.job_title_words for j in range(s.start, k)):
        return s.start
    return k


def _cut_title(doc: Any, s: Candidate, env: Env, w: _Words) -> Candidate | None:
    """"Associate Professor Ingrid Solvang of Tarn University": the title goes, the person is returned, the
    organisation keeps the words after "of"; "President of Kestrel Holdings LLC": the title and "of" go."""
    k = _title_end(doc, s, env)
    if k == s.start or k >= s.end:
        return None
    if _low(doc[k]) in w.preps:
        rest = k + 1 + (doc[k + 1].lower_ in _SMALL if k + 1 < s.end else 0)
        if _org_named(doc, rest, s.end, env):
            s.start, s.canonical = rest, None
        return None
    j = k
    while j < s.end and j - k < 4 and doc[j].is_alpha and doc[j].text[:1].isupper() and _low(doc[j]) not in w.preps:
        j += 1
    if j == k or j >= s.end or _low(doc[j]) not in w.preps:
        return None
    name = [t.text for t in doc[k:j]]
    if env.typer.type_of_name(name) is not None or any(x.lower() in env.title_words | env.generic_words for x in name):
        return None
    rest = j + 1 + (doc[j + 1].lower_ in _SMALL if j + 1 < s.end else 0)
    if not _org_named(doc, rest, s.end, env):
        return None
    s.start, s.canonical = rest, None
    return Candidate(k, j, "Person", "rule", label="PERSON", ctx_typed=True)


def _cut_unit(doc: Any, s: Candidate, env: Env, w: _Words) -> None:
    """"Tarn University Communications", "Tarn University Office of the Controller", "Tarn University PhD": an office
    or role after an organisation's name (closed by a head word) is no part of it."""
    for k in range(s.start + 1, s.end):
        low = _low(doc[k])
        if low not in w.unit_heads:
            continue
        tail = [_low(t) for t in doc[k:s.end]]
        office = low in w.office_heads and len(tail) > 2 and tail[1] == "of"
        if not office and not (all(x in w.unit_tail for x in tail) and any(x in w.tail_must for x in tail)):
            continue
        if _low(doc[k - 1]) in _heads(env) and (k - s.start == 1 or _org_named(doc, s.start, k, env)):
            s.end, s.canonical = (k, None) if k - s.start > 1 else (s.start, None)  # "University News Office": none
        return


def _split_unit_parent(doc: Any, s: Candidate, env: Env) -> Candidate | None:
    """"Department of Physics, University of Tarn", "Faculty of Law of Tarn University" read as one name (wave 17):
    the unit keeps the words before the comma, "of" or "at", and the organisation after it is a mention of its own,
    of the organisation's type (``docs/annotation.md``)."""
    units = _unit_words()
    if s.end - s.start < 5 or _low(doc[s.start]) not in units or _low(doc[s.start + 1]) not in ("of", "de", "for"):
        return None
    k = next((j for j in range(s.start + 3, s.end - 1) if doc[j].text == "," or doc[j].lower_ in ("of", "at")), None)
    first = None if k is None else k + 1 + (doc[k + 1].lower_ == "the" and k + 2 < s.end)
    if k is None or not _org_named(doc, first, s.end, env) or not _institution_word(doc, first, s.end, env):
        return None  # "Faculty of Law of Tarn University", "Department of Physics at the University of Tarn" split too;
        # "Department for Science, Innovation and Technology" names no institution after its comma: one name
    kind = env.typer.type_of_name([t.text for t in doc[first:s.end]])
    parent = Candidate(first, s.end, kind, "rule", label="ORG", ctx_typed=True)
    s.end, s.canonical, s.type = k, None, kind
    return parent


def _institution_word(doc: Any, start: int, end: int, env: Env) -> bool:
    """A parent split off a unit names an institution ("University", "Ministry"), not a topic list."""
    words = {t.lower_ for t in doc[start:end]}
    return bool(words & (env.lex.institute_words | env.lex.agency_first | env.lex.agency_last | env.lex.company_legal))


def _heads(env: Env) -> frozenset[str]:
    """Head words that close an organisation's name before an office word: "University", "Institute", "LLC",
    "Ministry"; "Bhutan Innovation Office", "Coastal Data Office" end in no such word and keep their office."""
    lex = env.lex
    return lex.institute_words | lex.company_legal | (lex.agency_last - _words().unit_heads)
