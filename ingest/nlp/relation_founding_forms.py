"""FOUNDED in four more published forms, read from the text and its mentions (no parse).

* a relative clause whose subject founded the name before it: "the Centro de Datos del Sur (CDS), which the
  Universidad del Litoral (UDL) set up in Posadas in 2019" (and the place after the verb is the founded one's),
  "Tindra Robotics, which Anna Berg and John Carter co-founded in 2015";
* a spin-out named by its parent as a modifier before it: "An earlier LAVA spin-out, Gaúcha Sensores, moved ...";
* a parent's count of spin-outs before their names: "LAVA has produced three spin-outs, most recently Trigal Vision",
  "The institute has spun out two companies: A and B";
* the people after "was spun out of X (in 2022) by": "Nashwaak Signal was spun out of the University in 2022 by two
  doctoral graduates of its power-systems lab, A and B" (the parent's founding is read elsewhere).

A plan ("which X plans to set up"), a denial or a past tie ("an earlier spin-out ..., is no longer connected") keeps
the founding: a founding is a past act. Words: ``founding_relative_verbs`` of ``data/lexicon/place_anchor_forms.json``.
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_employer_place import words
from aikg.ingest.nlp.sentence_spans import sentence_spans

ORG = ("Institute", "Company", "Agency", "Programme")
PARENT = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
_SPIN = r"(?:spin-offs?|spin-outs?|spinoffs?|spinouts?|offshoots?)"
_ACR = r"(?:\s*\([^()]{1,30}\))?"
_YEAR = r"(?:\s+in\s+(?:early\s+|late\s+)?(?:[A-Z][a-z]+\s+)?\d{4})?"
_COUNT = r"(?:two|three|four|five|six|several|a\s+group|a\s+team)\s+(?:of\s+)?(?:[\w’'-]+\s+){0,7}?[\w’'-]+"


class _Ix:
    def __init__(self, text: str, off: int, mentions: Sequence[MentionFact]) -> None:
        self.text, self.off, self.ms = text, off, mentions
        self.at: dict[int, int] = {}
        for i, m in enumerate(mentions):
            if m.source != "anaphor":
                self.at.setdefault(m.start, i)
        self.ends = {m.end: i for i, m in enumerate(mentions) if m.source != "anaphor"}

    def rest(self, pos: int) -> str:
        return self.text[pos - self.off:]

    def name_at(self, pos: int, kinds: tuple[str, ...]) -> int | None:
        if self.rest(pos)[:4].lower() == "the ":
            pos += 4
        i = self.at.get(pos)
        return i if i is not None and self.ms[i].type in kinds else None

    def people(self, pos: int, end: int) -> list[int]:
        """People listed from ``pos``: "A and B", "A, B and C" (honorifics allowed)."""
        out: list[int] = []
        while pos < end:
            lead = re.match(r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?", self.rest(pos))
            p = self.at.get(pos + lead.end())
            if p is None or self.ms[p].type != "Person":
                break
            out.append(p)
            glue = re.match(r"\s*(?:,\s*and|,|and)\s+", self.rest(self.ms[p].end))
            if glue is None:
                break
            pos = self.ms[p].end + glue.end()
        return out


def founding_forms(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """("FOUNDED" or "LOCATED_IN", source, target, evidence start, evidence end, method) for the forms above."""
    low = text.lower()
    verbs = sorted(words()["founding_relative_verbs"], key=len, reverse=True)
    if not any(v in low for v in verbs) and "spin" not in low and "spun" not in low:
        return []
    ix = _Ix(text, off, mentions)
    out: list[Rel] = []
    for a, b, sent in sentence_spans(text, off):
        if len(sent) < 12:
            continue
        if ", which " in sent:
            _relative_founder(ix, sent, a, b, verbs, out)
        if re.search(r"spin|spun", sent, flags=re.I):
            _fronted_modifier_spin(ix, sent, a, b, out)
            _counted_spins(ix, sent, a, b, out)
            _spun_out_by(ix, sent, a, b, out)
    return out


def _relative_founder(ix: _Ix, sent: str, a: int, b: int, verbs: list[str], out: list[Rel]) -> None:
    """"Y (ACR), which X (ACR) set up in Z in 2019", "Y, which A and B co-founded in 2015"."""
    alts = "|".join(re.escape(v) for v in verbs)
    for m in re.finditer(r",\s+which\s+", sent):
        founded = ix.ends.get(a + m.start())
        if founded is None:
            close = re.search(r"\s*\([^()]{1,30}\)$", sent[:m.start()])  # "the Centro ... (CDS), which"
            founded = ix.ends.get(a + close.start()) if close else None
        if founded is None or ix.ms[founded].type not in ORG:
            continue
        at = a + m.end()
        founder = ix.name_at(at, PARENT)
        founders = [founder] if founder is not None else ix.people(at + (4 if ix.rest(at)[:4] == "the " else 0), b)
        if not founders:
            continue
        tail = ix.ms[founders[-1]].end
        verb = re.match(_ACR + r"\s+(?:" + alts + r")\b", ix.rest(tail))
        if verb is None or founded in founders:
            continue
        for f in founders:
            out.append(("FOUNDED", f, founded, a, b, "rule:relative-founder"))
        place = re.match(r"\s+in\s+", ix.rest(tail + verb.end()))
        if place is not None:
            p = ix.at.get(tail + verb.end() + place.end())
            if p is not None and ix.ms[p].type == "Cluster":
                out.append(("LOCATED_IN", founded, p, a, b, "rule:relative-founder"))


def _fronted_modifier_spin(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"An earlier LAVA spin-out, Gaúcha Sensores, moved to Canoas", "A second ISIA spin-off, Keur Data, sells ..."."""
    for m in re.finditer(r"(?:^|(?<=[\s(]))(?:An?|The|an?|the)\s+(?:(?:earlier|recent|later|first|second|third|newer|"
                         r"newest|latest|younger|older|another|other|2\d{3}|19\d{2})\s+)?", sent):
        parent = ix.at.get(a + m.end())
        if parent is None or ix.ms[parent].type not in PARENT:
            continue
        spin = re.match(r"\s+" + _SPIN + r",\s+", ix.rest(ix.ms[parent].end))
        if spin is None:
            continue
        child = ix.at.get(ix.ms[parent].end + spin.end())
        if child is not None and child != parent and ix.ms[child].type in PARENT:
            out.append(("FOUNDED", parent, child, a, b, "rule:modifier-spin-out"))


def _counted_spins(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"LAVA has produced three spin-outs, most recently Trigal Vision", "X has spun out two companies: A and B"."""
    for m in re.finditer(r"\s+(?:has|have)\s+(?:so\s+far\s+|now\s+|already\s+)?(?:produced|created|launched|spun\s+out|"
                         r"spun\s+off|generated)\s+(?:\w+\s+)?(?:" + _SPIN + r"|companies|start-ups|startups|firms)"
                         r"(?:\s+so\s+far|\s+since\s+\d{4})?(?:,\s+(?:most\s+recently|including|among\s+them|the\s+latest)"
                         r"\s+|:\s+)", sent):
        parent = ix.ends.get(a + m.start())
        if parent is None or ix.ms[parent].type not in PARENT:
            continue
        at = a + m.end()
        while True:
            child = ix.name_at(at, PARENT)
            if child is None or child == parent:
                break
            out.append(("FOUNDED", parent, child, a, b, "rule:counted-spin-outs"))
            glue = re.match(r"(?:\s*\([^()]*\))?(?:,\s+(?:an?|the)\s+[^,;()]{1,60},)?\s*(?:,\s*and|,|and)\s+",
                            ix.rest(ix.ms[child].end))
            if glue is None:
                break
            at = ix.ms[child].end + glue.end()


def _spun_out_by(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"Y was spun out of X in 2022 by two doctoral graduates of its power-systems lab, A and B"."""
    for m in re.finditer(r"\s+(?:was|were)\s+spun\s+(?:out|off)\s+(?:of|from)\s+", sent):
        spin = ix.ends.get(a + m.start())
        parent = ix.name_at(a + m.end(), PARENT)
        if spin is None or parent is None or ix.ms[spin].type not in PARENT:
            continue
        by = re.match(_ACR + _YEAR + r"\s+by\s+(?:(?:the|its)\s+)?(?:" + _COUNT + r"[,:]\s+)?", ix.rest(ix.ms[parent].end))
        if by is None:
            continue
        at = ix.ms[parent].end + by.end()
        desc = re.match(r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])", ix.rest(at)) if not by.group(0).rstrip().endswith((",", ":")) else None
        if desc is not None and not re.search(r"\b(?:and|of|a|an)\s", desc.group(0)):
            at += desc.end()  # "by the engineers A and B", "by doctoral researcher C"
        for p in ix.people(at, b):
            out.append(("FOUNDED", p, spin, a, b, "rule:spun-out-by"))
