"""FOUNDED from the spin-out forms of encyclopedia articles, press releases and programme pages, read from the text.

* a fronted spin-out phrase before the subject: "A spin-off of Plant & Food Research, it was founded in 2018 by A
  and B" (the parent founded the subject, and so did the people after "founded ... by"; "it" is the page's
  subject named in the sentence before when no anaphor mention stands there);
* an organisation's spin-out named after its possessive: "The centre's second spin-out, Pointe-Claire-based Veridis
  Vision, builds ...";
* a bracketed spin-out note: "Sumida Robotics (a spin-out of OIT)";
* an apposed one: "Tessel Logic, a spin-out of HIMR founded in 2020, sells ...";
* a joint venture formed with a partner: "we formed Selkirk Grid LLC, a joint venture with Kootenai Electric";
* a colon list of spin-outs: "Two companies have been spun out of the institute: Nawigo, a route-planning start-up,
  and Falochron Analytics, which ..." (each item that opens the list or follows "and"/";").

Founders of the spin-out are never founders of its parent (relation_people_scope.py keeps that apart in the
sentence rules). Words: ``spin_nouns`` and ``founding_participles`` of ``data/lexicon/people_scope.json``.
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_founders_described import founders_described
from aikg.ingest.nlp.relation_founding_forms import founding_forms
from aikg.ingest.nlp.relation_founding_object import founded_it
from aikg.ingest.nlp.relation_fund_founder_lines import founder_lines
from aikg.ingest.nlp.relation_part_units import part_units
from aikg.ingest.nlp.relation_people_scope import ScopeWords
from aikg.ingest.nlp.relation_runs_co_runners import runs_co_runners
from aikg.ingest.nlp.sentence_spans import sentence_spans

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
_SPIN = r"(?:spin-off|spin-out|spinoff|spinout|offshoot)"
_PRONOUN_SUBJECT = re.compile(r"(?:it|the (?:company|firm|start-up|startup|business|group))\b", re.I)


class _Ms:
    def __init__(self, text: str, off: int, mentions: Sequence[MentionFact]) -> None:
        self.text, self.off, self.ms = text, off, mentions
        self.orgs = {m.start: i for i, m in enumerate(mentions) if m.type in ORG}
        self.people = {m.start: i for i, m in enumerate(mentions) if m.type == "Person" and m.source != "anaphor"}
        self.org_ends = {mentions[i].end: i for i in self.orgs.values()}

    def rest(self, pos: int) -> str:
        return self.text[pos - self.off:]

    def org_at(self, pos: int) -> int | None:
        if self.rest(pos)[:4].lower() == "the ":
            pos += 4
        return self.orgs.get(pos)


def founding_published(text: str, off: int, mentions: Sequence[MentionFact], words: ScopeWords | None = None) -> list[Rel]:
    """("FOUNDED", founder, founded, evidence start, evidence end, method) for the forms above."""
    out: list[Rel] = founding_forms(text, off, mentions)  # "Y, which X set up in Z" (relation_founding_forms.py)
    out += founder_lines(text, off, mentions)  # "A and B opened the X Lab", "Org — A, Co-founder" (relation_fund_founder_lines)
    out += founded_it(text, off, mentions)  # "She co-founded it in 2021 with B" (relation_founding_object.py)
    out += founders_described(text, off, mentions)  # "which she co-founded with B", "by A, our CEO, and B" (relation_founders_described)
    out += part_units(text, off, mentions)  # "X, a Padua laboratory of Y", "A subsidiary of Y, it ..." (relation_part_units.py)
    out += runs_co_runners(text, off, mentions)  # "a programme that A runs with B" (relation_runs_co_runners.py)
    low = text.lower()
    if "spin" not in low and "spun" not in low and "offshoot" not in low and "joint venture" not in low:
        return out
    words = words or ScopeWords.load()
    d = _Ms(text, off, mentions)
    prev = (off, off)
    for a, b, sent in sentence_spans(text, off):
        if b - a < 10:
            continue
        if "joint venture" in sent:
            _venture_with(d, sent, a, b, out)
        if re.search(r"spin|spun|offshoot", sent, flags=re.I):
            _fronted(d, sent, a, b, prev, words, out)
            _possessive_spin(d, sent, a, b, out)
            _bracket_spin(d, sent, a, b, out)
            _apposed_spin(d, sent, a, b, out)
            _spun_out_list(d, sent, a, b, out)
            _founded_as_spin(d, sent, a, b, prev, out)
        prev = (a, b)
    return out


def _fronted(d: _Ms, sent: str, a: int, b: int, prev: tuple[int, int], words: ScopeWords, out: list[Rel]) -> None:
    """"A spin-off of X, it was founded in 2018 by A and B", "A spin-out of X, Kestrel Robotics builds ..."."""
    m = re.match(r"\s*(?:[-•*]\s+)?An?\s+(?:[a-z]+\s+)?" + _SPIN + r"\s+of\s+", sent)
    if m is None:
        return
    parent = d.org_at(a + m.end())
    if parent is None:
        return
    after = re.match(r"\s*(?:\([^)]{1,40}\)\s*)?,?\s+", d.rest(d.ms[parent].end))
    if after is None:
        return
    at = d.ms[parent].end + after.end()
    founders: list[int] = []
    by = re.match(r"(?:" + "|".join(sorted(words.participles)) + r")(?:\s+up)?(?:\s+in\s+(?:\w+\s+)?\d{4})?\s+by\s+",
                  d.rest(at))
    if by is not None:  # "A spin-off of X founded in 2020 by A and B, the company employs ...": the subject follows
        founders = _people_from(d, at + by.end(), b)
        tail = re.match(r"\s*,\s+", d.rest(d.ms[founders[-1]].end)) if founders else None
        if tail is None:
            return
        at = d.ms[founders[-1]].end + tail.end()
    elif "," not in d.text[d.ms[parent].end - d.off:at - d.off]:
        return  # "A spin-off of X builds ...": no fronted phrase
    subject = d.org_at(at)
    if subject is None and _PRONOUN_SUBJECT.match(d.rest(at)):
        subject = _page_subject(d, at, prev)
    if subject is None or subject == parent:
        return
    out.append(("FOUNDED", parent, subject, a, b, "rule:fronted-spin-out"))
    if founders:
        return  # the founders of the fronted phrase: relation_people_published._founded_by
    by = re.search(r"\b(?:" + "|".join(sorted(words.participles)) + r")(?:\s+up)?(?:\s+in\s+(?:\w+\s+)?\d{4})?\s+by\s+",
                   sent[at - a:])
    if by is not None:
        for p in _people_from(d, at + by.end(), b):
            out.append(("FOUNDED", p, subject, a, b, "rule:fronted-spin-out"))


def _page_subject(d: _Ms, at: int, prev: tuple[int, int]) -> int | None:
    """What "it" stands for: an anaphor mention there, else the organisation that opens the sentence before."""
    for m in d.ms:
        if m.start == at and m.source == "anaphor" and m.coref is not None:
            return m.coref if d.ms[m.coref].type in ORG else None
    pa, pb = prev
    lead = d.text[pa - d.off:pb - d.off]
    first = len(lead) - len(lead.lstrip())
    return d.orgs.get(pa + first)


def _people_from(d: _Ms, pos: int, end: int) -> list[int]:
    """People listed from ``pos``: "A and B", "A, B and C" (honorifics allowed)."""
    found: list[int] = []
    while pos < end:
        lead = re.match(r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?", d.rest(pos))
        p = d.people.get(pos + lead.end())
        if p is None:
            break
        found.append(p)
        glue = re.match(r"\s*(?:,\s*and|,|and)\s+", d.rest(d.ms[p].end))
        if glue is None:
            break
        pos = d.ms[p].end + glue.end()
    return found


def _possessive_spin(d: _Ms, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"The centre's second spin-out, Pointe-Claire-based Veridis Vision, builds ..."."""
    for m in re.finditer(r"['’]s\s+(?:(?:first|second|third|latest|newest|best-known|largest|most recent)\s+)?"
                         + _SPIN + r",\s+(?:[A-Z][\w-]*-based\s+)?", sent):
        owner = d.org_ends.get(a + m.start())
        spin = d.orgs.get(a + m.end())
        if owner is not None and spin is not None and owner != spin:
            out.append(("FOUNDED", owner, spin, a, b, "rule:possessive-spin-out"))


def _bracket_spin(d: _Ms, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"Sumida Robotics (a spin-out of OIT)"."""
    for m in re.finditer(r"\s*\(an?\s+" + _SPIN + r"\s+of\s+(?:the\s+)?", sent):
        spin = d.org_ends.get(a + m.start())
        parent = d.orgs.get(a + m.end())
        if spin is not None and parent is not None and d.rest(d.ms[parent].end)[:1] == ")":
            out.append(("FOUNDED", parent, spin, a, b, "rule:bracket-spin-out"))


def _apposed_spin(d: _Ms, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"Tessel Logic, a spin-out of HIMR founded in 2020, sells ...", "- Leoben Sensorik, a spin-off of the Leoben
    University, which ...": the name right before the apposition is the spin-out; never a parent's part ("a spin-off
    of X's robotics lab") or a programme."""
    for m in re.finditer(r",\s+(?:an?|the)\s+(?:(?:early|recent|former|university|academic|corporate|\d{4})\s+)?"
                         + _SPIN + r"\s+(?:of|from)\s+(?:the\s+)?", sent):
        spin = d.org_ends.get(a + m.start())
        parent = d.orgs.get(a + m.end())
        if spin is None or parent is None or spin == parent:
            continue
        if re.match(r"['’]s?\b|\s+(?:and|or)\s", d.rest(d.ms[parent].end)):
            continue  # "a spin-off of X's lab", "a spin-off of X and Y" (read by the sentence rules)
        out.append(("FOUNDED", parent, spin, a, b, "rule:apposed-spin-out"))
        _spin_founders(d, spin, parent, a, b, out)
    for m in re.finditer(r"\s+(?:is|was)\s+(?:an?|the)\s+(?:(?:early|recent|university|academic|corporate|\d{4})\s+)?"
                         + _SPIN + r"\s+(?:of|from)\s+(?:the\s+)?", sent):
        spin = d.org_ends.get(a + m.start())  # "Xauxa Robotics is a spin-out of UNCA founded in 2020 by ..."
        parent = d.orgs.get(a + m.end())
        if spin is not None and parent is not None and spin != parent:
            _spin_founders(d, spin, parent, a, b, out)


#: "founded in 2022 by two of its doctoral students, A and B": the founders' description before their names
_COUNTED = re.compile(r"(?:two|three|four|five|several|some)\s+of\s+(its|their|the)\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*),\s+")
_DESCRIBED = re.compile(r"(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){1,3}(?=(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s|[A-Z])")


def _spin_founders(d: _Ms, spin: int, parent: int, a: int, b: int, out: list[Rel]) -> None:
    """The people after "founded (in 2020) by" that follows a spin-out phrase founded the spin-out: "Y, a spin-out of
    X founded in 2022 by two of its doctoral students, A and B" (and, for "its" students or researchers not called
    former, their post at X), "Y is a spin-out of X founded in 2020 by engineering professor Dr. W"."""
    by = re.match(r"(?:\s*,)?\s+(?:founded|co-founded|established|set\s+up|started|created|launched)"
                  r"(?:\s+in\s+(?:\w+\s+)?\d{4})?\s+by\s+", d.rest(d.ms[parent].end))
    if by is None:
        return
    at = d.ms[parent].end + by.end()
    counted = _COUNTED.match(d.rest(at))
    described = None if counted else _DESCRIBED.match(d.rest(at))
    if counted is not None:
        at += counted.end()
    elif described is not None and not re.search(r"\b(?:a|an|and|of)\s", described.group(0)):
        at += described.end()  # "engineering professor Dr. W", "the engineers A and B"
    people = _people_from(d, at, b)
    for p in people:
        out.append(("FOUNDED", p, spin, a, b, "rule:spin-out-founders"))
    noun = counted.group(2).split()[-1] if counted is not None else ""
    if counted is not None and counted.group(1) == "its" and noun in _STAFF and "former" not in counted.group(2):
        for p in people:  # "two of its doctoral students": the parent's students when they founded it
            out.append(("AFFILIATED_WITH", p, parent, a, b, "rule:spin-out-founders"))


_STAFF = frozenset({"students", "researchers", "engineers", "scientists", "professors", "lecturers", "staff",
                    "postdocs", "fellows", "employees"})


def _spun_out_list(d: _Ms, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"... have been spun out of the institute: A, a start-up ..., and B, which ..." -> FOUNDED(institute, A/B)."""
    m = re.search(r"\bspun\s+(?:out|off)\s+(?:of|from)\s+", sent)
    if m is None:
        return
    parent = d.org_at(a + m.end())
    if parent is None:
        for i, mm in enumerate(d.ms):  # "the institute": an anaphor mention standing for the parent
            if mm.start in (a + m.end(), a + m.end() + 4) and mm.source == "anaphor" and mm.coref is not None:
                parent = i
        if parent is None:
            return
    colon = re.match(r"\s*:\s*", d.rest(d.ms[parent].end))
    if colon is None:
        return
    at = d.ms[parent].end + colon.end()
    items = [d.org_at(at)]
    for g in re.finditer(r"(?:,\s*and|;\s*(?:and\s+)?)\s+", sent[at - a:]):
        items.append(d.org_at(at + g.end()))
    for spin in items:
        if spin is not None and spin != parent:
            out.append(("FOUNDED", parent, spin, a, b, "rule:spun-out-list"))


def _founded_as_spin(d: _Ms, sent: str, a: int, b: int, prev: tuple[int, int], out: list[Rel]) -> None:
    """"It was founded in 2016 as a spin-off of the IIT by the engineers A and B": the parent and the people
    founded the sentence's subject (the name that opens it, or what "It" stands for)."""
    m = re.search(r"\b(?:was|were)\s+(?:founded|established|set up|created|started|launched)(?:\s+in\s+(?:\w+\s+)?\d{4})?"
                  r"\s+as\s+an?\s+(?:[a-z]+\s+)?" + _SPIN + r"\s+(?:of|from)\s+", sent)
    if m is None:
        return
    parent = d.org_at(a + m.end())
    lead = len(sent) - len(sent.lstrip(" -•*"))
    subject = d.org_at(a + lead)
    if subject is None and _PRONOUN_SUBJECT.match(sent[lead:]):
        subject = _page_subject(d, a + lead, prev)
    if parent is None or subject is None or subject == parent or d.ms[subject].end > a + m.start():
        return
    out.append(("FOUNDED", parent, subject, a, b, "rule:founded-as-spin-out"))
    by = re.match(r"\s*(?:\([^)]{1,30}\)\s*)?by\s+(?:the\s+(?:[a-z]+\s+){1,2})?", d.rest(d.ms[parent].end))
    if by is not None:
        for p in _people_from(d, d.ms[parent].end + by.end(), b):
            out.append(("FOUNDED", p, subject, a, b, "rule:founded-as-spin-out"))


def _venture_with(d: _Ms, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"In 2024 we formed Selkirk Grid LLC, a joint venture with Kootenai Electric Cooperative": the partner named
    after "a joint venture with" founded the venture too (the subject of "formed" is the verb frame's)."""
    for m in re.finditer(r"\b(?:formed|created|established|set up|launched)\s+(?:the\s+|a\s+new\s+)?", sent):
        venture = d.orgs.get(a + m.end())
        if venture is None:
            continue
        jv = re.match(r",\s+an?\s+(?:[\d/%-]+\s+|50-50\s+|equally\s+owned\s+)?joint\s+venture\s+(?:with|between\s+us\s+and)\s+",
                      d.rest(d.ms[venture].end))
        if jv is None:
            continue
        at = d.ms[venture].end + jv.end()
        desc = re.match(r"the\s+(?:[A-Za-z][\w-]*\s+){0,3}", d.rest(at))  # "the Idaho utility Kootenai ..."
        partner = d.orgs.get(at)
        if partner is None and desc is not None:
            partner = next((d.orgs[x] for x in range(at + 4, at + desc.end() + 1) if x in d.orgs), None)
        if partner is not None and partner != venture:
            out.append(("FOUNDED", partner, venture, a, b, "rule:venture-with"))
