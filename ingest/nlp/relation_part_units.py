"""PART_OF in five more forms of encyclopedia articles, industry guides and news (issue 14).

Read from the text and its mentions (no parse):

* an apposed unit noun with describing words before it: "the Istituto per la Fotonica Applicata (IFA-PD), a Padua
  laboratory of the Consiglio Nazionale delle Ricerche", "X, the Bergen research arm of Y";
* a unit's name with its acronym, then "of the" parent: "the Laboratorio di Visione Artificiale (LVA/UniPD) of the
  Universita di Padova" (the unit's name carries a unit head word);
* a fronted apposition whose subject is "it": "A subsidiary of Nairobi's Jua Group, it competes with ..." (it is the
  one organisation the sentence before names);
* a unit "at" a university: "a spin-out of the Institute for Cold Ocean Engineering (ICOE) at Avalon University",
  "the Centre for Marine Data at Orrin University" (the parent's name says university; the unit's does not);
* the parent's possessive after the unit: "Ugyen Tenzin now heads Pelri Labs, the company's research unit" (the
  company is the one other company the sentence names);
* an acquisition stated as a present tie: "it was acquired in 2023 by Skargard Imaging and is now its Canadian
  subsidiary", and "set up by the group Y, which remains its parent".

Near-misses that must not fire: "a former unit of", "a partner of", "a customer of", "the company's customer X",
"was acquired by Y" alone (no present tie), "which was once its parent". Words: ``data/lexicon/part_units.json``.
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.sentence_spans import sentence_spans

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
WORDS = "part_units.json"  # the unit forms' word lists
_ACR = r"(?:\s*\([^()]{1,30}\))?"


def _alts(key: str) -> str:
    return alternation(lexicon_data(WORDS)[key])


class _Ix:
    def __init__(self, text: str, off: int, mentions: Sequence[MentionFact]) -> None:
        self.text, self.off, self.ms = text, off, mentions
        self.at = {m.start: i for i, m in reversed(list(enumerate(mentions))) if m.source != "anaphor"}
        self.ends = {m.end: i for i, m in enumerate(mentions) if m.source != "anaphor"}

    def rest(self, pos: int) -> str:
        return self.text[pos - self.off:]

    def org_at(self, pos: int) -> int | None:
        """An organisation named at ``pos`` (after "the" and a possessive place: "Nairobi's Jua Group")."""
        m = re.match(r"(?:the\s+)?(?:[A-Z][\w-]+(?:'s|’s)\s+)?", self.rest(pos))
        for p in (pos + m.end(), pos + (4 if self.rest(pos)[:4].lower() == "the " else 0)):
            i = self.at.get(p)
            if i is not None and self.ms[i].type in ORG:
                return i
        return None

    def org_ending(self, pos: int) -> int | None:
        """An organisation ending at ``pos``, or before a bracketed acronym ending there."""
        i = self.ends.get(pos)
        if i is None:
            close = re.search(r"\s*\([^()]{1,30}\)$", self.text[:pos - self.off])
            i = self.ends.get(self.off + close.start()) if close else None
        return i if i is not None and self.ms[i].type in ORG else None

    def orgs(self, a: int, b: int) -> list[int]:
        return [i for i, m in enumerate(self.ms) if a <= m.start < b and m.type in ORG and m.source != "anaphor"]

    def one_org(self, a: int, b: int) -> int | None:
        found = self.orgs(a, b)
        return found[0] if len({self.ms[i].canonical for i in found}) == 1 else None


def part_units(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """("PART_OF", unit, parent, evidence start, evidence end, method) for the forms above."""
    ix = _Ix(text, off, mentions)
    out: list[Rel] = []
    prev = None
    for a, b, sent in sentence_spans(text, off):
        if b - a >= 12:
            _apposed_unit(ix, sent, a, b, out)
            _unit_of_the(ix, sent, a, b, out)
            _unit_at_university(ix, sent, a, b, out)
            _fronted_it(ix, sent, a, b, prev, out)
            _possessive_unit(ix, sent, a, b, out)
            _now_its(ix, sent, a, b, prev, out)
        prev = (a, b)
    return out


def _apposed_unit(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"X (ACR), a Padua laboratory of Y": describing words between the article and the unit noun."""
    pat = r",\s+(?:a|an|the)\s+((?:[\w’'-]+\s+){1,3}?)(?:" + _alts("unit_nouns") + r")\s+(?:of|within)\s+"
    for m in re.finditer(pat, sent):
        desc = m.group(1).lower().split()
        if any(w in lexicon_data(WORDS)["blockers"] for w in desc):
            continue
        unit = ix.org_ending(a + m.start())
        parent = ix.org_at(a + m.end())
        if unit is not None and parent is not None and unit != parent:
            out.append(("PART_OF", unit, parent, a, b, "rule:w15-apposed-unit"))


def _unit_of_the(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"the Laboratorio di Visione Artificiale (LVA/UniPD) of the Universita di Padova"."""
    for m in re.finditer(r"\s*\([^()]{1,30}\)\s+of\s+(?:the\s+)?", sent):
        unit = ix.ends.get(a + m.start())
        if unit is None or ix.ms[unit].type not in ("Institute",):
            continue
        heads = lexicon_data(WORDS)["unit_heads"]
        if not any(w.lower() in heads for w in ix.ms[unit].text.split()):
            continue
        parent = ix.org_at(a + m.end())
        if parent is not None and ix.ms[parent].type in ("Institute", "Agency", "Company") and parent != unit:
            out.append(("PART_OF", unit, parent, a, b, "rule:w15-unit-of-the"))


def _fronted_it(ix: _Ix, sent: str, a: int, b: int, prev: tuple[int, int] | None, out: list[Rel]) -> None:
    """"A subsidiary of Nairobi's Jua Group, it competes ...": "it" is the one organisation of the sentence before."""
    m = re.match(r"\s*(?:A|An)\s+(?:[\w-]+\s+){0,2}?(?:" + _alts("unit_nouns") + r")\s+of\s+", sent)
    if m is None or prev is None:
        return
    parent = ix.org_at(a + m.end())
    if parent is None:
        return
    it = re.match(r"\s*,\s+it\s", ix.rest(ix.ms[parent].end))
    unit = ix.one_org(*prev)
    if it is not None and unit is not None and unit != parent:
        out.append(("PART_OF", unit, parent, prev[0], b, "rule:w15-fronted-unit"))


def _possessive_unit(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"Pelri Labs, the company's research unit": the parent is the one other organisation of its kind before."""
    pat = r",\s+the\s+(company|firm|group|university|institute)(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:" \
        + _alts("unit_nouns") + r")\b"
    kinds = lexicon_data(WORDS)["possessor_types"]
    for m in re.finditer(pat, sent):
        unit = ix.org_ending(a + m.start())
        if unit is None:
            continue
        before = [i for i in ix.orgs(a, ix.ms[unit].start) if ix.ms[i].type == kinds[m.group(1).lower()]
                  and ix.ms[i].canonical != ix.ms[unit].canonical]
        if len({ix.ms[i].canonical for i in before}) == 1:
            out.append(("PART_OF", unit, before[0], a, b, "rule:w15-possessive-unit"))


def _now_its(ix: _Ix, sent: str, a: int, b: int, prev: tuple[int, int] | None, out: list[Rel]) -> None:
    """"it was acquired ... by Y and is now its subsidiary", "set up by Y, which remains its parent"."""
    m = re.search(r"\bacquired" + r"(?:\s+in\s+\d{4})?\s+by\s+", sent)
    if m is not None:
        parent = _org_after(ix, a + m.end())
        tie = re.search(r"\band\s+(?:is|has\s+been)\s+now\s+its\s+(?:[\w-]+\s+){0,2}?(?:" + _alts("unit_nouns") + r")\b|"
                        r"\band\s+is\s+now\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:" + _alts("unit_nouns") + r")\s+of\s+it\b",
                        sent[m.end():])
        subject = ix.one_org(a, a + m.start())
        if parent is not None and tie is not None and subject is not None and subject != parent:
            out.append(("PART_OF", subject, parent, a, b, "rule:w15-acquired-now"))
    for r in re.finditer(r",\s+which\s+(?:remains|is\s+still|is)\s+its\s+(?:parent|parent\s+company|owner)\b", sent):
        parent = ix.org_ending(a + r.start())
        if parent is None:
            continue
        subject = ix.orgs(a, ix.ms[parent].start)  # "X, set up by Y, which remains its parent"
        if not subject and prev is not None:  # an entry's heading line names it: "Becva Robotics\nA ... maker, set up"
            one = ix.one_org(*prev)
            subject = [one] if one is not None else []
        if subject and ix.ms[subject[0]].canonical != ix.ms[parent].canonical:
            out.append(("PART_OF", subject[0], parent, a, b, "rule:w15-remains-parent"))


def _org_after(ix: _Ix, pos: int) -> int | None:
    """The organisation after "by", past a short description ("the Swedish firm Skargard Imaging")."""
    for k in range(0, 5):
        w = re.match(r"(?:the\s+)?(?:[a-zA-Z-]+\s+){" + str(k) + r"}", ix.rest(pos))
        if w is None:
            return None
        i = ix.org_at(pos + w.end())
        if i is not None:
            return i
    return None


def _unit_at_university(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"the Institute for Cold Ocean Engineering (ICOE) at Avalon University": a unit's name, then "at" a university."""
    for m in re.finditer(_ACR + r"\s+at\s+(?:the\s+)?", sent):
        unit = ix.org_ending(a + m.start()) if m.group(0).lstrip().startswith("(") else ix.ends.get(a + m.start())
        if unit is None or ix.ms[unit].type != "Institute" or ix.ms[unit].source == "anaphor":
            continue
        if not any(w.lower() in lexicon_data(WORDS)["unit_heads"] for w in ix.ms[unit].text.split()):
            continue
        parent = ix.org_at(a + m.end())
        if parent is None or ix.ms[parent].type != "Institute" or parent == unit \
                or re.match(r"['’]s\b", ix.rest(ix.ms[parent].end)):
            continue  # "the X Lab at Y University's campus": a site of the campus
        if any(w.lower() in lexicon_data(WORDS)["university_words"] for w in ix.ms[parent].text.split()) \
                and not any(w.lower() in lexicon_data(WORDS)["university_words"] for w in ix.ms[unit].text.split()):
            out.append(("PART_OF", unit, parent, a, b, "rule:w15-unit-at-university"))
