"""Relations of a 10-K filer in the forms of Item 1's own sections (issue 14, wave 19; no parse).

A filing names its filer once ("Cimarron Sensing Corporation ("Cimarron," the "Company," "we," ...)") and then speaks
as "we"/"our" (``mentions/self_reference.py``; ``relation_people_published._filer`` finds it; else the company that
definition follows). A defined short name that is no form of the full name ("TSA" for Timor Sea Analytics, Inc.) is
the filer too: relations ending at it are moved to the filer ("TSA was founded by A and B"). Once per document,
when the text has a filer, from the text and its mentions:

* the Employees section's spread of staff over towns: "As of December 31, 2025, we had 412 full-time employees, of
  whom 251 worked in Spokane, 96 in Missoula and 24 in Coeur d'Alene, Idaho", "212 employees: 141 in Mayagüez, 38 in
  Aguadilla", "140 of them in Tulsa" (``rule:w19-staff-towns``: LOCATED_IN of the filer); a count before "in" is
  needed ("we recruit engineers in Houston" states no site), and plans ("we expect to hire 40 in Calgary") none;
* a site the filer calls its own by its town: "operates our Sandpoint office", "our Ponce office is located in ...",
  "at our Reno manufacturing facility" (``rule:w19-our-town-site``); "our Calgary customers", "our planned Calgary
  office", "we closed our Dallas office" state none;
* an Executive Officers line: "Janelle Brightwell, 44, Chief Financial Officer", "Dana Whitlock, 52, has served as our
  President since 2019", "- Priya Nair, Chief Financial Officer" under an "Executive Officers" heading
  (``rule:w19-officer-line``: AFFILIATED_WITH the filer); "A, 61, was previously a vice president of X" and
  "- A, previously chief financial officer of X" are past ties (an earlier rule's tie of A to the filer is dropped,
  unless another sentence states it).

Word lists: ``data/lexicon/filing_sections.json``; ``AIKG_FILING_SECTIONS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _inside_other, _name
from aikg.ingest.nlp.relation_people_published import _filer
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
ENABLED_ENV = "AIKG_FILING_SECTIONS"
LINE = re.compile(r"[^\n]+")
Found = list[tuple[str, int, int, str]]  # (type, source, target, method)


def _w() -> Mapping[str, Any]:
    return lexicon_data("filing_sections.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); the ``*_end`` forms match the text right before a mention."""
    w = _w()
    return {
        "staff": re.compile(rf"\b(?:{alternation(w['staff_words'])})\b", re.I),
        "voice": re.compile(r"\b(?:we|our|the\s+company)\b", re.I),
        "not_now": re.compile(rf"\b(?:{alternation(w['not_now'])})\b", re.I),
        "count_in": re.compile(r"(?<![\w$€£.,])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\s+of\s+(?:them|whom))?\s+(?:(?:were|are|was|is)\s+)?"
                               r"(?:(?:based|located|working|worked|work|employed|stationed)\s+)?(?:in|at)\s+(?:our\s+)?(?=[A-Z])"),
        "our": re.compile(rf"\b[Oo]ur\s+(?:(?:{alternation(w['site_lead'])})\s+)?(?=[A-Z])"),
        "site_after": re.compile(rf"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?,)?\s+(?:[a-z][\w-]*\s+){{0,2}}?"
                                 rf"(?:{alternation(w['site_nouns'])})\b"),
        "age_line": re.compile(r",\s+(?:age\s+|aged\s+)?\d{2},\s+(?:and\s+)?", re.I),
        "title_start": re.compile(rf"(?:(?:{alternation(w['officer_verbs'])})\s+)?(?:[\w-]+\s+){{0,3}}?"
                                  rf"(?:{alternation(w['officer_titles'])})\b", re.I),
        "past": re.compile(rf"(?:{alternation(w['past_openers'])})\b", re.I),
        "dash_line": re.compile(r"[ \t]*[-•*–·][ \t]+"),
        "founded_by": re.compile(rf"\b(?:was|were)\s+(?:originally\s+|first\s+)?(?:{alternation(w['founding_verbs'])})\b"
                                 r"[^.;:\n]{0,60}?\bby\s+(?:(?:Dr|Mr|Ms|Mrs|Prof|Professor)\.?\s+)?$", re.I),
        "defined": re.compile(r"\s*\(\s*(?:the\s+)?[\"“]([A-Z][^\"“”,]{0,40}?),?[\"”]\s*,?\s+(?:the\s+)?[\"“]"),
        "founder_gap": re.compile(r"(?:,\s+(?:our|its|the\s+Company's)\s+[^,;]{1,60})?,?\s+(?:and\s+)?"
                                  r"(?:(?:Dr|Mr|Ms|Mrs|Prof|Professor)\.?\s+)?"),
        "board": re.compile(rf"\s*(?:{alternation(w['board_openers'])})\s+(?:{alternation(w['board_verbs'])})\b", re.I),
        "officers_heading": re.compile(r"^[ \t]*(?:Information\s+about\s+)?(?:our\s+)?(?:Executive\s+Officers|Officers|"
                                       r"Executive\s+Officers\s+and\s+Directors|Management|Executive\s+Management)"
                                       r"(?:\s+of\s+the\s+(?:Company|Registrant))?[ \t]*:?[ \t]*$", re.I | re.M),
    }


def filing_sections(text: str, facts: Any) -> None:
    """Add, in place, the relations of the filing forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    filer = _filer(ms)
    if filer is None:
        filer = next((i for i, m in enumerate(ms) if m.type == "Company" and m.source != "anaphor"
                      and _patterns()["defined"].match(text, m.end)), None)
    if filer is None:
        return
    short = _short_names(text, ms, filer)
    if short:
        facts.relations = _repointed(facts.relations, ms, short, filer)
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    named = sorted((i for i in range(len(ms)) if not _inside_other(ms, i) and ms[i].source != "anaphor"),
                   key=lambda i: ms[i].start)
    towns = _town_names(ms, named)
    new: list[RelationCandidate] = []
    for s in SENTENCE.finditer(text):
        a, b = s.start(), s.end()
        here = [i for i in named if a <= ms[i].start and ms[i].end <= b]
        found = _board_list(text, ms, here, filer, a)
        if not _patterns()["not_now"].search(text, a, b):
            found += _staff_towns(text, towns, filer, a, b) + _our_sites(text, towns, filer, a, b)
        _keep(text, ms, found, have, new, a, b)
    for people, a, b in _founders(text, ms, named, filer):
        _keep(text, ms, people, have, new, a, b)
    past: list[tuple[str, int]] = []
    for line in _officer_lines(text, ms, named, filer):
        if line[3] == "past":
            past.append((_name(ms, line[1]), line[4]))
        else:
            _keep(text, ms, [line[:4]], have, new, line[4], line[5])
    if past:  # "- A, previously chief financial officer of X": that line ties A to the filer in no rule's reading
        own = _name(ms, filer)
        facts.relations = [r for r in facts.relations if not (
            r.type == "AFFILIATED_WITH" and _name(ms, r.target) == own
            and any(_name(ms, r.source) == who and r.sent_start <= at < r.sent_end for who, at in past))]
    facts.relations += new


def _short_names(text: str, ms: Sequence[Any], filer: int) -> set[str]:
    """The short name a filing defines for its filer: 'Timor Sea Analytics, Inc. ("TSA," the "Company," "we" ...)'."""
    hit = _patterns()["defined"].match(text, ms[filer].end)
    if hit is None or hit.group(1) == ms[filer].text:
        return set()
    return {hit.group(1)}


def _repointed(rels: list[Any], ms: Sequence[Any], short: set[str], filer: int) -> list[Any]:
    """Relations whose end is the filer's defined short name ("TSA was founded by A") end at the filer instead."""
    out = []
    for r in rels:
        src = filer if ms[r.source].text in short and ms[r.source].source != "anaphor" else r.source
        tgt = filer if ms[r.target].text in short and ms[r.target].source != "anaphor" else r.target
        if (src, tgt) != (r.source, r.target):
            if src == tgt or allowed([r.type], ms[src].type, ms[tgt].type) is None:
                out.append(r)
                continue
            r = replace(r, source=src, target=tgt)
        out.append(r)
    return out


def _keep(text: str, ms: Sequence[Any], found: Found, have: set[tuple[str, str, str]], new: list[RelationCandidate],
          start: int, end: int) -> None:
    """Append the readings the schema allows and no rule gave already."""
    for kind, src, tgt, method in found:
        key = (kind, _name(ms, src), _name(ms, tgt))
        if key in have or key[1] == key[2] or allowed([kind], ms[src].type, ms[tgt].type) is None:
            continue
        have.add(key)
        new.append(RelationCandidate(kind, src, tgt, CONF, method, start, end, text[start:end], None))


def _town_names(ms: Sequence[Any], named: list[int]) -> list[tuple[str, int]]:
    """(surface, mention) of the document's places, longest first: a town a sentence names again may be no mention
    there ("96 in Missoula" after "Missoula, Montana" was read as one)."""
    seen: dict[str, int] = {}
    for i in named:
        if ms[i].type == "Cluster":
            seen.setdefault(ms[i].text, i)
    return sorted(seen.items(), key=lambda kv: -len(kv[0]))


def _town_at(text: str, pos: int, towns: list[tuple[str, int]]) -> tuple[int, int] | None:
    """(mention, end) of the longest known place name written at ``pos``, if any."""
    for name, i in towns:
        end = pos + len(name)
        if text.startswith(name, pos) and not text[end:end + 1].isalnum():
            return i, end
    return None


def _staff_towns(text: str, towns: list[tuple[str, int]], filer: int, a: int, b: int) -> Found:
    """"we had 412 employees, of whom 251 worked in Spokane, 96 in Missoula": the filer works in each town."""
    p = _patterns()
    if not p["staff"].search(text, a, b) or not p["voice"].search(text, a, b):
        return []
    out: Found = []
    for hit in p["count_in"].finditer(text, a, b):
        town = _town_at(text, hit.end(), towns)
        if town is not None:
            out.append(("LOCATED_IN", filer, town[0], "rule:w19-staff-towns"))
    return out


def _our_sites(text: str, towns: list[tuple[str, int]], filer: int, a: int, b: int) -> Found:
    """"operates our Sandpoint office": the filer has a site in Sandpoint."""
    p = _patterns()
    out: Found = []
    for hit in p["our"].finditer(text, a, b):
        town = _town_at(text, hit.end(), towns)
        if town is not None and p["site_after"].match(text, town[1], b):
            out.append(("LOCATED_IN", filer, town[0], "rule:w19-our-town-site"))
    return out


def _is_filer(ms: Sequence[Any], i: int, filer: int) -> bool:
    """The mention is the filer, by name or as "we"/"the Company"."""
    return i == filer or _name(ms, i) == _name(ms, filer)


def _founders(text: str, ms: Sequence[Any], named: list[int], filer: int) -> list[tuple[Found, int, int]]:
    """"The Company was incorporated in Delaware in 2017 by Dr. A, our CEO, and B, our CTO": A and B founded it."""
    p = _patterns()
    people = [i for i in named if ms[i].type == "Person"]
    out: list[tuple[Found, int, int]] = []
    n = 0
    while n < len(people):
        first = people[n]
        hit = p["founded_by"].search(text, max(0, ms[first].start - 90), ms[first].start)
        n += 1
        if hit is None:
            continue
        line = text.rfind("\n", 0, hit.start()) + 1
        lead = max(line, text.rfind(". ", line, hit.start()) + 1)
        if not any(lead <= m.start < hit.start() and _is_filer(ms, i, filer) for i, m in enumerate(ms)):
            continue
        found: Found = [("FOUNDED", first, filer, "rule:w19-incorporated-by")]
        while n < len(people) and p["founder_gap"].fullmatch(text, ms[people[n - 1]].end, ms[people[n]].start):
            found.append(("FOUNDED", people[n], filer, "rule:w19-incorporated-by"))
            n += 1
        end = text.find("\n", ms[found[-1][1]].end)
        out.append((found, lead, len(text) if end < 0 else end))
    return out


def _board_list(text: str, ms: Sequence[Any], here: list[int], filer: int, a: int) -> Found:
    """"Other directors include A, formerly X's CFO, and Professor B of Y": A and B sit on the filer's board."""
    if not _patterns()["board"].match(text, a):
        return []
    return [("AFFILIATED_WITH", i, filer, "rule:w19-board-list") for i in here if ms[i].type == "Person"]


def _officer_lines(text: str, ms: Sequence[Any], named: list[int], filer: int) -> list[tuple[str, int, int, str, int, int]]:
    """"Name, 44, Chief Financial Officer" anywhere; "- Name, Chief Financial Officer" under an officers heading."""
    p = _patterns()
    heads = [h.end() for h in p["officers_heading"].finditer(text)]
    by_start = {ms[i].start: i for i in named if ms[i].type == "Person"}
    out = []
    for line in LINE.finditer(text):
        a, b = line.start(), line.end()
        dash = p["dash_line"].match(text, a, b)
        pos = dash.end() if dash else a
        person = by_start.get(pos)
        if person is None:
            continue
        after = ms[person].end
        age = p["age_line"].match(text, after, b)
        if age is not None:
            rest = age.end()
        elif dash and _under_heading(text, heads, a) and text.startswith(", ", after):
            rest = after + 2
        else:
            continue
        if p["past"].match(text, rest, b):
            out.append(("AFFILIATED_WITH", person, filer, "past", a, b))
            continue
        if not p["title_start"].match(text, rest, b):
            continue
        out.append(("AFFILIATED_WITH", person, filer, "rule:w19-officer-line", a, b))
    return out


def _under_heading(text: str, heads: list[int], pos: int) -> bool:
    """The line is in the block right under an officers heading (no blank line, no other heading between)."""
    before = [h for h in heads if h <= pos]
    if not before:
        return False
    gap = text[before[-1]:pos]
    return "\n\n" not in gap.strip("\n") and gap.count("\n") <= 12
