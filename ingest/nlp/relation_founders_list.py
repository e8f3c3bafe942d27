"""FOUNDED from the list of founders after a founding verb's "by", read from the text and its mentions (no parse).

* every item of the list shares the founding the sentence rules gave its first item, descriptors allowed before a
  name: "founded in 2022 by the industrial engineer A and the programmer B", "established by X (XI), the software
  company Y and the Z Authority", "set up by X, the Cebu City conglomerate, and by Y";
* "it was founded in 2021 by VUST lecturers A and B" where "it" is the organisation that opens its sentence
  ("R, a spin-off of V, grades cocoons; it was founded ...") or, when the sentence opens with "It", the one that
  opens the sentence before ("Kestrel opened in 2021. It was founded by A and B");
* a count before the names: "was founded by two of K's former doctoral students, A and B";
* "X is the brainchild of A and B", "X, the brainchild of the engineer A, ...", "The brainchild of A, X now ...";
* "X sells forecasts. Its co-founders, A and B, met in Leeds" ("Its" is the organisation that opens the sentence
  before; "its" after ";" the one that opens its own sentence).

An item is the next mention of the same kind (a person after a person, an organisation after an organisation) with
only a short descriptor before it; a preposition, a pronoun or a verb in between ends the list ("by A and funded by
B", "by A, who now advises C"). Words: ``data/lexicon/founders_list.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.sentence_spans import SENTENCE_BREAK

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
_GLUE = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:,\s+(?:the|an?|its|their|his|her)\s+[^,;()]{1,50}?,)?"
                   r"(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+)(?:by\s+)?")  # "by A, its chief executive, and B"
_HONORIFIC = re.compile(r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)")


@dataclass(frozen=True)
class FounderWords:
    verbs: tuple[str, ...]
    stop: frozenset[str]
    counted: tuple[str, ...]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "FounderWords":
        d = lexicon_data("founders_list.json")
        return cls(tuple(d["founding_verbs"]), frozenset(d["descriptor_stop"]), tuple(d["counted_words"]))


def _kind(m: MentionFact) -> str | None:
    return "person" if m.type == "Person" else "org" if m.type in ORG else None


class _Index:
    def __init__(self, text: str, mentions: Sequence[MentionFact]) -> None:
        self.text, self.ms = text, mentions
        self.at: dict[int, int] = {}
        for i, m in enumerate(mentions):
            if m.source != "anaphor" and _kind(m) is not None:
                self.at.setdefault(m.start, i)

    def item(self, pos: int, kind: str, words: FounderWords) -> int | None:
        """The mention of ``kind`` after a short descriptor at ``pos`` ("the programmer B", "VUST lecturers A")."""
        for end in _descriptor_ends(self.text, pos, words):
            i = self.at.get(end)
            if i is None and (h := _HONORIFIC.match(self.text, end)) is not None:
                i = self.at.get(h.end())
            if i is not None and _kind(self.ms[i]) == kind:
                return i
            if i is not None and not re.match(r"\s+[a-z]", self.text[self.ms[i].end:self.ms[i].end + 2]):
                return None  # a name of the other kind ends the list; "VUST lecturers A" goes on
        return None


def _descriptor_ends(text: str, pos: int, words: FounderWords) -> list[int]:
    """Where a name may start after ``pos``: right there, or after up to four descriptor words (an article first,
    or up to two words: lower-case, or an acronym before a plural noun such as "VUST lecturers")."""
    ends = [pos]
    art = re.match(r"(?:the|an?)\s+", text[pos:pos + 4])
    limit = 4 if art else 2
    at = pos + (art.end() if art else 0)
    if art:
        ends.append(at)
    for _ in range(limit):
        w = re.match(r"([A-Za-z][\w’'-]*)\s+", text[at:at + 60])
        if w is None:
            break
        word = w.group(1)
        if word.lower() in words.stop or (word.endswith("ed") and word[0].islower()):
            break
        if word[0].isupper() and not art and not (word.isupper() and len(word) >= 2):
            break  # without an article only an acronym may be capitalised ("VUST lecturers")
        at += w.end()
        ends.append(at)
    return ends


def _list_from(ix: _Index, first: int, end: int, words: FounderWords) -> list[int]:
    """The items after ``first`` in a founders list that ends before ``end``."""
    out, cur, kind, last_and = [], first, _kind(ix.ms[first]), 0
    while kind is not None:
        g = _GLUE.match(ix.text, ix.ms[cur].end)
        if g is None or g.end() >= end:
            break
        nxt = ix.item(g.end(), kind, words)
        if nxt is None and g.group(0).rstrip().endswith(" by"):  # "by A, a former student, and by UTI itself"
            nxt = ix.item(g.end(), "org" if kind == "person" else "person", words)
        if nxt is None or nxt in out or nxt == first:
            break
        out.append(nxt)
        if re.search(r"\band\b", g.group(0)):
            last_and = len(out)
        cur = nxt
    return out[:last_and]  # a list closes with "and": "by X, the Ministry said" is no list


def _by_before(text: str, pos: int, words: FounderWords) -> bool:
    """Whether the name at ``pos`` opens the list after "<founding verb> (in 2021) by (a descriptor)"."""
    head = text[max(0, pos - 120):pos]
    alts = "|".join(re.escape(v) for v in words.verbs)
    return re.search(r"\b(?:" + alts + r")(?:\s+in\s+(?:early\s+|late\s+)?(?:\w+\s+)?\d{4})?\s+by\s+"
                     r"(?:(?:the|an?)\s+)?(?:[\w’'-]+\s+){0,3}$", head) is not None


def founders_listed(text: str, mentions: Sequence[MentionFact], founded: Sequence[tuple[int, int, int, int]],
                    words: FounderWords | None = None) -> list[Rel]:
    """FOUNDED for the later items of a founders list whose first item the rules found (``founded``: founder,
    organisation, evidence start, evidence end) and for "it was founded ... by A and B"."""
    words = words or FounderWords.load()
    out: list[Rel] = []
    if "brainchild" in text:
        out += _brainchild(text, _Index(text, mentions), words)
    if "ts co-founder" in text or "ts founder" in text or "ts cofounder" in text:
        out += _its_founders(text, _Index(text, mentions), words)
    if " by " not in text:
        return out
    ix = _Index(text, mentions)
    have = {(f, o) for f, o, _, _ in founded} | {(r[1], r[2]) for r in out}
    for f, o, a, b in founded:
        if not _by_before(text, mentions[f].start, words):
            continue
        stop = _sentence_end(text, mentions[f].end)
        for p in _list_from(ix, f, stop, words):
            if p != o and (p, o) not in have:
                have.add((p, o))
                out.append(("FOUNDED", p, o, a, max(b, mentions[p].end), "rule:founders-list"))
    for rel in _it_founded_by(text, ix, words):
        if (rel[1], rel[2]) not in have:
            have.add((rel[1], rel[2]))
            out.append(rel)
    return out


def _sentence_end(text: str, pos: int) -> int:
    m = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n|;").search(text, pos)
    return m.start() if m else len(text)


def _it_founded_by(text: str, ix: _Index, words: FounderWords) -> list[Rel]:
    """"R, a spin-off of V, grades cocoons; it was founded in 2021 by A and B", "X opened in 2021. It was founded by
    two of K's former students, A and B"."""
    out: list[Rel] = []
    alts = "|".join(re.escape(v) for v in words.verbs)
    pat = re.compile(r"(?:^|(?<=; )|(?<=[.!?] )|(?<=\n)|(?<=, ))(it|It|was)\s+(?:was\s+)?(?:" + alts
                     + r")(?:\s+in\s+(?:early\s+|late\s+)?(?:\w+\s+)?\d{4})?\s+by\s+")
    for m in pat.finditer(text):
        if m.group(1) == "was":  # "O, a spin-off of E, was founded by two of K's students, A and B"
            subject = _apposed_subject(text, ix, m.start())
        else:
            subject = _opening_org(text, ix, m.start(), same=m.group(1) == "it")
        if subject is None:
            continue
        at = m.end()
        cnt = re.match(r"(?:" + "|".join(re.escape(c) for c in words.counted) + r")\s+of\s+[^,:;.]{1,60}[,:]\s+",
                       text[at:at + 90])
        first = ix.item(at + cnt.end() if cnt else at, "person", words)
        if first is None:
            first = ix.item(at, "org", words)
        if first is None:
            continue
        end = _sentence_end(text, m.end())
        s = _sentence_start(text, m.start(), same=m.group(1) != "It")
        for p in [first, *_list_from(ix, first, end, words)]:
            if p != subject:
                out.append(("FOUNDED", p, subject, s, end, "rule:it-founded-by"))
    return out


def _sentence_start(text: str, pos: int, same: bool) -> int:
    """The start of the sentence holding ``pos`` (``same``), else of the sentence before it."""
    starts = [0] + [m.end() for m in SENTENCE_BREAK.finditer(text, 0, pos)]
    starts = [s for s in starts if s <= pos]
    if same:
        return starts[-1]
    return starts[-2] if len(starts) >= 2 else starts[-1]


def _opening_org(text: str, ix: _Index, pos: int, same: bool) -> int | None:
    """The organisation that opens the sentence holding ``pos`` ("R, a spin-off of V, ...; it was founded") or,
    for a sentence opening with "It", the one before it; never one the sentence only names later."""
    s = _sentence_start(text, pos, same)
    lead = re.match(r"[\s\-•*]*(?:the\s+)?", text[s:pos], flags=re.I)
    i = ix.at.get(s + (lead.end() if lead else 0))
    if i is None or _kind(ix.ms[i]) != "org" or ix.ms[i].end > pos:
        return None
    if same and ";" not in text[ix.ms[i].end:pos]:
        return None  # "X, a spin-off of Y, it was ...": the fronted forms belong to relation_founding_published
    return i


def _apposed_subject(text: str, ix: _Index, pos: int) -> int | None:
    """The organisation that opens the sentence when only an apposition stands between it and "was" ("O, a
    spin-off of E, was founded by ..."); a name inside the apposition is never the subject."""
    s = _sentence_start(text, pos, True)
    lead = re.match(r"[\s\-•*]*(?:the\s+)?", text[s:pos], flags=re.I)
    i = ix.at.get(s + (lead.end() if lead else 0))
    if i is None or _kind(ix.ms[i]) != "org":
        return None
    if re.fullmatch(r",\s+(?:an?|the)\s+[^,;()]{1,80},\s+", text[ix.ms[i].end:pos]) is None:
        return None
    return i


def _brainchild(text: str, ix: _Index, words: FounderWords) -> list[Rel]:
    """"X is the brainchild of A and B", "X, the brainchild of A, ...", "The brainchild of A, X now employs ..."."""
    out: list[Rel] = []
    for m in re.finditer(r"\bthe\s+brainchild\s+of\s+", text, flags=re.I):
        thing = None
        before = re.search(r"(?:\s+(?:is|was|has\s+been)|,)\s+$", text[max(0, m.start() - 20):m.start()])
        if before is not None:
            end = m.start() - len(before.group(0))
            thing = next((i for i, mm in enumerate(ix.ms) if mm.end == end and _kind(mm) == "org"
                          and mm.source != "anaphor"), None)
        first = ix.item(m.end(), "person", words)
        if first is None:
            first = ix.item(m.end(), "org", words)
        if first is None:
            continue
        items = [first, *_list_from(ix, first, _sentence_end(text, m.end()), words)]
        if thing is None and text[m.start()] == "T":  # "The brainchild of A, X now ...": the subject after the list
            after = re.match(r",\s+(?:the\s+)?", text[ix.ms[items[-1]].end:])
            if after is not None:
                k = ix.at.get(ix.ms[items[-1]].end + after.end())
                thing = k if k is not None and _kind(ix.ms[k]) == "org" else None
        if thing is None:
            continue
        s, e = _sentence_start(text, m.start(), True), _sentence_end(text, m.end())
        out += [("FOUNDED", p, thing, s, e, "rule:brainchild") for p in items if p != thing]
    return out


def _its_founders(text: str, ix: _Index, words: FounderWords) -> list[Rel]:
    """"X sells forecasts. Its co-founders, A and B, met in Leeds", "…; its founder is A"."""
    out: list[Rel] = []
    pat = re.compile(r"(?:^|(?<=; )|(?<=[.!?] )|(?<=\n))(Its|its)\s+(?:two\s+|three\s+)?(?:co-?)?founders?"
                     r"(?:,\s+|\s+(?:are|were|is|was)\s+)")
    for m in pat.finditer(text):
        subject = _opening_org(text, ix, m.start(), same=m.group(1) == "its")
        first = ix.item(m.end(), "person", words) if subject is not None else None
        if first is None:
            continue
        end = _sentence_end(text, m.end())
        s = _sentence_start(text, m.start(), same=m.group(1) == "its")
        out += [("FOUNDED", p, subject, s, end, "rule:its-founders") for p in [first, *_list_from(ix, first, end, words)]]
    return out
