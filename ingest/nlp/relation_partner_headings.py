"""What a heading or label line with a partner word states about the names under it, judged by the page (issue 14).

Why: the section, list and label readers (``relation_membership``, ``context.group_lists``, ``relation_page_sections``,
``relation_programme_lines``) give PARTNERS_WITH to every name under a heading or after a label with a partner word,
and real pages use that word for other ties (docs/annotation.md):

* tiers on a membership page: "Industry partners" / "Supporting partners" on a consortium's or network's own members
  page (its header or a heading says "members") are MEMBER_OF that body; on a lab's or company's "Our partners" page
  they stay its partners;
* "Funding partners" / "Financial partners": FUNDS from each listed name to the page's organisation;
* "Past partners" / "Former partners" / "Prospective partners": no tie;
* "Delivery partners: A; B" on a programme's fact sheet: partners of the programme's one runner ("Lead agency: L"), not
  of the publisher a breadcrumb or letterhead names;
* a breadcrumb ("X › About › Our partners") is no heading: it names the page and lists nothing;
* a parse or window reading across two label lines ("Gold sponsors: A · B" / "Media partner: C") pairs nothing.

Once per document after ``page_sections``, no parse. Words: ``data/lexicon/relation_partner_headings.json``;
``AIKG_PARTNER_HEADINGS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_types import allowed

ENABLED_ENV = "AIKG_PARTNER_HEADINGS"
FILE = "relation_partner_headings.json"
PW = "PARTNERS_WITH"
_WORDS = re.compile(r"[a-z][a-z-]*")
_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?([A-Z][A-Za-z &-]{1,40}):\s+\S")
_STOP = re.compile(r"[.!?]\s*$")


@dataclass(frozen=True)
class _Words:
    partner: frozenset[str]
    ended: frozenset[str]
    funding: frozenset[str]
    member: frozenset[str]
    collective: frozenset[str]
    crumbs: tuple[str, ...]
    header_lines: int
    heading_words: int
    prose_min: int
    cross_methods: tuple[str, ...]


@lru_cache(maxsize=1)
def _w() -> _Words:
    d = lexicon_data(FILE)
    low = lambda k: frozenset(x.lower() for x in d[k])  # noqa: E731
    return _Words(low("partner_words"), low("ended_words"), low("funding_words"), low("member_words"),
                  low("collective_nouns"), tuple(d["breadcrumb_marks"]), int(d["header_lines"]),
                  int(d["heading_words"]), int(d["prose_min_words"]), tuple(d["cross_line_methods"]))


def partner_headings(text: str, facts: Any) -> None:
    """Re-read, in place, the partnership readings of a page's headings and label lines (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or not any(r.type == PW for r in facts.relations):
        return
    ms = facts.mentions
    page = _Page(text, ms, facts.relations)
    keys = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    kept: list[Any] = []
    added: list[Any] = []
    for r in facts.relations:
        new = page.judge(r) if r.type == PW else r
        if new is r:
            kept.append(r)
            continue
        if new is None:
            continue
        k = (new.type, _name(ms, new.source), _name(ms, new.target))
        if k[1] != k[2] and k not in keys and allowed([new.type], ms[new.source].type, ms[new.target].type):
            keys.add(k)
            added.append(new)
    facts.relations = kept + added


def _line_at(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


class _Page:
    """The page facts the judgement needs: a members page, the programme's one runner, the header's end."""

    def __init__(self, text: str, ms: Sequence[Any], relations: Sequence[Any]) -> None:
        self.text, self.ms, self.w = text, ms, _w()
        self.header_end = self._header_end()
        self.members_page = self._members_page()
        self.runner = self._runner(relations)

    def _header_end(self) -> int:
        pos = 0
        for k, line in enumerate(self.text.split("\n")):
            if k >= self.w.header_lines or (len(line.split()) >= self.w.prose_min and _STOP.search(line)):
                return pos
            pos += len(line) + 1
        return pos

    def _heading(self, line: str) -> bool:
        s = line.strip()
        return 0 < len(s.split()) <= self.w.heading_words and not _STOP.search(s) and ":" not in s.rstrip(":")

    def _members_page(self) -> bool:
        """The header names a members page ("Home › About › Members"), or a heading lists members."""
        if set(_WORDS.findall(self.text[:self.header_end].lower())) & self.w.member:
            return True
        return any(self._heading(line) and set(_WORDS.findall(line.lower())) & self.w.member
                   for line in self.text.split("\n"))

    def _runner(self, relations: Sequence[Any]) -> int | None:
        """The one organisation that runs the programme the page's header names ("FACT SHEET" / "Programa X")."""
        ms = self.ms
        own = {_name(ms, i) for i, m in enumerate(ms) if m.type == "Programme" and m.start < self.header_end}
        runners = {_name(ms, r.source): r.source for r in relations
                   if r.type == "RUNS" and _name(ms, r.target) in own and ms[r.source].type != "Programme"}
        return next(iter(runners.values())) if len(runners) == 1 else None

    def _collective(self, i: int) -> bool:
        words = _WORDS.findall(re.sub(r"\([^)]*\)", " ", _name(self.ms, i)).lower())
        return bool(words) and words[-1] in self.w.collective

    def judge(self, r: Any) -> Any:
        """``r`` unchanged, None (no tie), or the relation the heading or label over the listed name states."""
        ms, text = self.ms, self.text
        s, t = ms[r.source], ms[r.target]
        if r.method.startswith(self.w.cross_methods) and all(r.sent_start <= m.start < r.sent_end for m in (s, t)) \
                and self._across_labels(min(s.end, t.end), max(s.start, t.start)):
            return None  # "Gold sponsors: A · B" / "Media partner: C"
        a, b = _line_at(text, r.sent_start)
        line = text[a:b]
        if any(m in line for m in self.w.crumbs) and self._heading(line.replace(":", " ")):
            on_line = [i for i in (r.source, r.target) if a <= ms[i].start < b]
            return None if len(on_line) == 1 and self._listed_after(r, b) else r  # a breadcrumb lists nothing
        label = _LABEL.match(line)
        if label is not None:
            head = label.group(1)
            items = [i for i in (r.source, r.target) if a + label.end() - 1 <= ms[i].start < b]
        elif self._heading(line):
            head = line
            items = [i for i in (r.source, r.target) if ms[i].start >= b and self._listed_after(r, b, i)]
        else:
            return r
        words = _WORDS.findall(head.lower())
        if len(items) != 1 or not set(words) & self.w.partner:
            return r
        item = items[0]
        owner = r.target if item == r.source else r.source
        return self._verdict(r, words, item, owner, a, b)

    def _verdict(self, r: Any, words: list[str], item: int, owner: int, a: int, b: int) -> Any:
        ms, w = self.ms, self.w
        if set(words) & w.ended:
            return None  # "Past partners"
        if set(words) & w.funding:
            return replace(r, type="FUNDS", source=item, target=owner)  # "Funding partners"
        if self.members_page and self._collective(owner) and self._member_tier(a, b):
            return replace(r, type="MEMBER_OF", source=item, target=owner)  # a tier of a members page
        named_here = a <= ms[owner].start < b
        if self.runner is not None and not named_here and _name(ms, owner) != _name(ms, self.runner) \
                and _name(ms, item) != _name(ms, self.runner):
            return replace(r, source=self.runner, target=item)  # "Delivery partners: A" under "Lead agency: L"
        return r

    def _member_tier(self, a: int, b: int) -> bool:
        """Is the heading at ``a:b`` one tier of a members list: the heading before or after it, with only list lines
        between, says "members" ("Founding members" / ... / "Industry partners" / ... / "Associate members")? A
        "Partners" section of prose about other networks is not."""
        return self._next_heading_members(self.text[:a].split("\n")[::-1][1:]) or \
            self._next_heading_members(self.text[b + 1:].split("\n"))

    def _next_heading_members(self, lines: list[str]) -> bool:
        for line in lines:
            if not line.strip() or self._item_line(line):
                continue
            return self._heading(line) and bool(set(_WORDS.findall(line.lower())) & self.w.member)
        return False

    def _item_line(self, line: str) -> bool:
        """A list line: a name (a bracket, a short description) or a native-script line, no heading word."""
        words = set(_WORDS.findall(line.lower()))
        return not self._prose(line) and not words & (self.w.member | self.w.partner) and (
            not re.search(r"[A-Za-z]", line) or any(a <= m.start < a + len(line) for m in self.ms
                                                    for a in [self.text.find(line)] if a >= 0))

    def _prose(self, line: str) -> bool:
        return len(line.split()) >= self.w.prose_min and bool(_STOP.search(line))

    def _listed_after(self, r: Any, end: int, item: int | None = None) -> bool:
        """A name (``item``, else either end) listed on a line of its own below ``end``, with no prose line between."""
        for i in ((item,) if item is not None else (r.source, r.target)):
            a, b = _line_at(self.text, self.ms[i].start)
            if a > end and not any(self._prose(x) for x in self.text[end:b].split("\n")):
                return True
        return False

    def _across_labels(self, lo: int, hi: int) -> bool:
        """Do the two names stand on two lines, one of them a label line ("Media partner: C")?"""
        if lo >= hi or "\n" not in self.text[lo:hi]:
            return False
        la, lb = _line_at(self.text, lo), _line_at(self.text, hi)
        return bool(_LABEL.match(self.text[la[0]:la[1]]) or _LABEL.match(self.text[lb[0]:lb[1]]))
