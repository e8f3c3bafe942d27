"""People on an organisation's governing body: boards, committees, councils, trustees.

* "The consortium is led by a steering committee: A (chair, X), B (Y) and C (Z)." -> AFFILIATED_WITH(A/B/C, consortium)
* "HIMR is governed by a board of seven. As of 2025 the board consisted of A (chair), B and C." -> the board of
  the sentence before
* "Board of Directors: A (Chair), B, C" and "... an executive committee elected every two years:" followed by
  bullet lines ("- Chair: Dr. A, X") -> the page's organisation (or the one the introducing sentence names)
* "The board of X includes A and B" -> X

The body words are data (``body_nouns`` in ``data/lexicon/relations.json``). Members are the people named after
the body word and a list opener (":", "consisted of", "includes", "are"), never those before it ("A, who sits on
the board of X" is the verb rules' business).
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.records import MentionFact

ORG_TYPES = ("Institute", "Company", "Agency")
_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_ABBREVIATIONS = ("Dr", "Mr", "Ms", "Mrs", "Prof", "Co", "Inc", "Ltd", "Capt", "St", "Jr", "Sr", "Eng")
#: a sentence ends at ". ", not after a title or a legal form ("Dr. Amina Farouk", "Gangnam Mechatronics Co.)")
_SENT = re.compile(r"(?:[^.!?]|" + "|".join(rf"(?<=\b{w})\." for w in _ABBREVIATIONS) + r"|\.(?=\S))+[.!?]?")
_OPENERS = re.compile(r":|\bconsist(?:s|ed)? of\b|\bcompris(?:es|ed)\b|\binclud(?:es|ed)\b|\bare\b|\bwere\b|\bis\b")

Rel = tuple[str, int, int, int, int]
#: the rest of the body the sentence before named: "Its other members are B (X), C (Y)" (present only)
_MORE_MEMBERS = re.compile(r"\s*(?:its|their|the)\s+(?:other\s+)?members\s+(?:are|include)\b", re.IGNORECASE)


def _body(sentence: str, words: frozenset[str]) -> re.Match[str] | None:
    for m in re.finditer(r"[A-Za-z]+", sentence):
        if m.group(0).lower() in words:
            return m
    return None


class _Mentions:
    """The document's mentions by position (people and organisations, anaphors included)."""

    def __init__(self, mentions: Sequence[MentionFact]) -> None:
        self.people = sorted((m.start, i) for i, m in enumerate(mentions) if m.type == "Person" and m.source != "anaphor")
        self.start = {i: s for s, i in self.people}
        self.orgs = sorted((m.start, m.end, i) for i, m in enumerate(mentions) if m.type in ORG_TYPES)

    def org_before(self, a: int, b: int) -> int | None:
        found = [i for s, _, i in self.orgs if a <= s < b]
        return found[-1] if found else None

    def org_right_after(self, pos: int, text: str, off: int) -> int | None:
        """"the board of X": an organisation starting within a few characters after ``pos``."""
        for s, _, i in self.orgs:
            if pos <= s <= pos + 8 and re.fullmatch(r"\s*of\s+(?:the\s+)?", text[pos - off:s - off]):
                return i
        return None

    def people_in(self, a: int, b: int) -> list[int]:
        return [i for s, i in self.people if a <= s < b]


def body_members(text: str, off: int, mentions: Sequence[MentionFact], page_owner: int | None,
                 body_words: frozenset[str]) -> list[Rel]:
    """AFFILIATED_WITH(person -> organisation) for the members of governing bodies in ``text`` (a chunk at ``off``)."""
    if not body_words:
        return []
    ms = _Mentions(mentions)
    out: list[Rel] = []
    prev: tuple[int | None, int] = (None, 0)  # the owner of the body the sentence before named, and where it starts
    pending: tuple[int, int] | None = None  # (owner, evidence start) of a body whose list follows as bullets
    pos = off
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        bullet = _BULLET.match(line)
        if bullet and pending is not None:
            people = ms.people_in(start, end)
            if people:
                out.append(("AFFILIATED_WITH", people[0], pending[0], pending[1], end))
            continue
        pending = None
        for sm in _SENT.finditer(line):
            a, b = start + sm.start(), start + sm.end()
            owner = _sentence(sm.group(0), a, b, text, off, ms, prev, page_owner, body_words, out)
            prev = (owner, a)
            if owner is not None and sm.group(0).rstrip().endswith(":"):
                pending = (owner, a)
    return [r for r in out if r[1] != r[2]]


def _sentence(sentence: str, a: int, b: int, text: str, off: int, ms: _Mentions, prev: tuple[int | None, int],
              page_owner: int | None, body_words: frozenset[str], out: list[Rel]) -> int | None:
    """Members of a body one sentence names; returns the body's owner (None when it names no body)."""
    body = _body(sentence, body_words)
    if body is None:
        more = _MORE_MEMBERS.match(sentence)
        if more is not None and prev[0] is not None:  # "... board is chaired by A. Its other members are B (X), C."
            out.extend(("AFFILIATED_WITH", p, prev[0], prev[1], b) for p in ms.people_in(a + more.end(), b)
                       if text[:ms.start[p] - off].rstrip()[-1:] != "(")  # not a name in another's bracket
            return prev[0]
        return None
    definite = re.search(r"\b(?:the|its|their)(?:\s+[a-z-]+){0,2}$", sentence[:body.start()].rstrip().lower()) is not None
    owner = ms.org_right_after(a + body.end(), text, off)
    if owner is None:
        owner = ms.org_before(a, a + body.start())
    evidence = a
    if owner is None and definite and prev[0] is not None:
        owner, evidence = prev  # "... governed by a board of seven. As of 2025 the board consisted of ..."
    if owner is None:
        owner = page_owner
    if owner is None:
        return None
    opener = _OPENERS.search(sentence, body.end())
    if opener is None:
        return owner
    for p in ms.people_in(a + opener.end(), b):
        out.append(("AFFILIATED_WITH", p, owner, evidence, b))
    return owner
