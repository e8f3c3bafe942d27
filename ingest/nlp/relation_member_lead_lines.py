"""MEMBER_OF in published forms of alliance, network and cohort pages no earlier rule reads (issue 14, wave 19).

Once per document after the rules, from the words of the text and its mentions (no parse):

* a line ending in a colon that names one group and a membership word, and the list lines after it: "The following
  organizations join the Orrin Data Alliance in March 2026:" / "Lumora Labs" / "Brakeley Analytics"; "Today we are
  pleased to welcome three new organisations to the Orrin Data Alliance:" / "• Lumora Labs"; "The following firms ...
  are participants in P:" / "- Lumora Labs (Vellmar): ..."; "P, a start-up program ..., presents teams from its 2025
  cohort:" (``rule:w19-lead-list``);
* "G (ACR), of which X is a founding member" (``rule:w19-of-which``);
* "X, a Vellmar start-up in Tarn University's P program, ..." with P a programme (``rule:w19-entrant``);
* "X has been one of its participants since January", "its" standing for a group (``rule:w19-one-of-its``).

A lead line that names no group, two groups, or says "former", "applicants", "sponsors", "hopes to" gives nothing.
Word lists: ``data/lexicon/member_partner_lines.json``. ``AIKG_MEMBER_LEAD_LINES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
MEMBERS = ("Company", "Institute", "Agency")
ORGS = MEMBERS + ("Programme",)
ITEM_LEAD = 40  # characters a list item may put before its organisation's name ("the Konjic firm ")
ITEM_GAP = 2  # blank lines a list may hold between two items
GROUP_BACK = 300  # characters back to the group "its" stands for when the parse gave it another antecedent
_BULLET = re.compile(r"^\s*(?:[-•*–▪·]|\d+[.)])\s*")
_WORD = re.compile(r"[\w'’-]+")
#: a lead line ending in a preposition introduces that preposition's objects ("selected by:", "works with:")
TAIL_PREP = re.compile(r"\s(?:by|with|from|for|to|at|of|under|through)\s*:$", re.I)


def _w() -> Mapping[str, Any]:
    return lexicon_data("member_partner_lines.json")


def _alt(key: str) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _w()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """The one-word lists, lower-cased (read once)."""
    keys = ("lead_cues", "lead_stops", "lead_openers_not", "group_heads")
    return {k: frozenset(w.lower() for w in _w()[k]) for k in keys}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    kinds = rf"(?:(?:{_alt('member_kinds')})\s+)?"
    return {
        "of_which": re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,\s*of\s+which\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}"),
        "of_which_after": re.compile(rf"\s+(?:is|has\s+been|became|remains)\s+(?:also\s+|now\s+)?(?:a|an)\s+{kinds}"
                                     rf"(?:{_alt('member_nouns')})\b", re.I),
        "entrant": re.compile(rf"\s*,\s*(?:a|an|one\s+of\s+the)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{_alt('entrant_nouns')})\s+"
                              rf"(?:in|from|of)\s+(?:the\s+)?(?:[^,;()]{{1,60}}?['’]s\s+)?", re.I),
        "entrant_after": re.compile(rf"(?:['’]s)?(?:\s+(?:\d{{4}}\s+|first\s+|second\s+|third\s+|current\s+|latest\s+)?"
                                    rf"(?:{_alt('entrant_programme_words')}))?\s*[,;]", re.I),
        "one_of_its": re.compile(r"\s+(?:is|has\s+been|became|remains|was\s+also)\s+(?:also\s+|now\s+)?one\s+of\s+", re.I),
        "one_of_its_after": re.compile(rf"\s+(?:(?:[\w-]+\s+){{0,2}}?)(?:{_alt('member_nouns')})\b", re.I),
    }


def members_lead_lines(text: str, facts: Any) -> None:
    """Add, in place, the MEMBER_OF of the forms above to ``facts``."""
    if os.environ.get("AIKG_MEMBER_LEAD_LINES", "on") == "off":
        return
    ms = facts.mentions
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    inside = nested(ms)
    order = sorted((i for i in range(len(ms)) if i not in inside), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in order]

    def add(src: int, tgt: int, method: str, start: int, end: int) -> None:
        key = ("MEMBER_OF", _name(ms, src), _name(ms, tgt))
        if key in have or key[1] == key[2] or allowed(["MEMBER_OF"], ms[src].type, ms[tgt].type) is None:
            return
        have.add(key)
        facts.relations.append(RelationCandidate("MEMBER_OF", src, tgt, CONF, method, start, end, text[start:end], None))

    def within(a: int, b: int) -> list[int]:
        return [i for i in order[bisect_left(starts, a):bisect_right(starts, b)] if ms[i].end <= b]

    for src, tgt, a, b in _lead_lists(text, ms, within):
        add(src, tgt, "rule:w19-lead-list", a, b)
    for p in SENTENCE.finditer(text):
        here = within(p.start(), p.end())
        if len(here) < 2:
            continue
        for src, tgt, method in _of_which(text, ms, here) + _entrant(text, ms, here) + _one_of_its(text, ms, here):
            add(src, tgt, method, p.start(), p.end())


# ------------------------------------------------------------------ a lead line with a colon and the list after it
def _is_group(ms: Sequence[Any], i: int) -> bool:
    """A programme, or an organisation whose name ends in a group word ("... Data Alliance", "... Network")."""
    m = ms[i]
    if m.type == "Programme":
        return True
    words = _name(ms, i).lower().split()
    return m.type in MEMBERS and bool(words) and words[-1] in _sets()["group_heads"]


def _lead_group(text: str, ms: Sequence[Any], here: list[int]) -> int | None:
    """The one group a lead line names ("its" counts as the group it stands for); None when it names none or two."""
    seq = [w.lower() for w in _WORD.findall(text)]
    words = set(seq)
    if not words & _sets()["lead_cues"] or words & _sets()["lead_stops"] or seq[0] in _sets()["lead_openers_not"]:
        return None
    groups = {_name(ms, i): _root(ms, i) for i in here if _is_group(ms, i)}
    return next(iter(groups.values())) if len(groups) == 1 else None


def _root(ms: Sequence[Any], i: int) -> int:
    """The named mention an anaphor ("its") stands for; a name stands for itself."""
    seen = 0
    while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
        i, seen = ms[i].coref, seen + 1
    return i


def _lead_lists(text: str, ms: Sequence[Any], within: Any) -> list[tuple[int, int, int, int]]:
    """(member, group, start, end) of every list item under a lead line "... joins/welcomes/cohort ... G:"."""
    out: list[tuple[int, int, int, int]] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text)]
    lines = [s for k, s in enumerate(lines) if k == 0 or s != lines[k - 1]]
    for k, (a, b) in enumerate(lines):
        line = text[a:b].rstrip()
        if not line.endswith(":") or TAIL_PREP.search(line) or _BULLET.match(line) or len(line) > 300:
            continue
        group = _lead_group(line, ms, within(a, b))
        if group is None:
            continue
        out += [(item, group, a, ib) for item, ib in _items(text, ms, lines[k + 1:], within)]
    return out


def _items(text: str, ms: Sequence[Any], lines: list[tuple[int, int]], within: Any) -> list[tuple[int, int]]:
    """The first organisation of each list line after a lead line: bullets, or lines that are one name alone."""
    out: list[tuple[int, int]] = []
    blanks = 0
    for a, b in lines:
        line = text[a:b]
        if not line.strip():
            blanks += 1
            if blanks > ITEM_GAP:
                break
            continue
        blanks = 0
        here = [i for i in within(a, b) if ms[i].type in ORGS or ms[i].type in ("Person", "Cluster")]
        bullet = _BULLET.match(line)
        first = here[0] if here else None
        lead = (bullet.end() if bullet else len(line) - len(line.lstrip())) + a
        if first is None or ms[first].type not in MEMBERS or ms[first].start - lead > ITEM_LEAD:
            break
        if not bullet and not _alone(text, ms[first], a, b):
            break
        out.append((first, b))
    return out


def _alone(text: str, m: Any, a: int, b: int) -> bool:
    """A line that is one name, with at most a bracket or a short tail ("Lumora Labs (Latvia)", "Brakeley | Estonia")."""
    rest = text[m.end:b].strip()
    return not text[a:m.start].strip() and (not rest or re.fullmatch(r"(?:\([^()]{1,40}\)|[|,–—-]\s*[^.]{0,40})", rest)
                                            is not None)


# ------------------------------------------------------------------ "G, of which X is a founding member"
def _of_which(text: str, ms: Sequence[Any], here: list[int]) -> list[tuple[int, int, str]]:
    out = []
    pats = _patterns()
    for k, g in enumerate(here):
        hit = pats["of_which"].match(text, ms[g].end) if _is_group(ms, g) else None
        x = next((i for i in here[k + 1:] if ms[i].start >= hit.end()), None) if hit else None
        if x is None or ms[x].start != hit.end() or ms[x].type not in MEMBERS:
            continue
        if pats["of_which_after"].match(text, ms[x].end):
            out.append((x, g, "rule:w19-of-which"))
    return out


# ------------------------------------------------------------------ "X, a Vellmar start-up in the P program, ..."
def _entrant(text: str, ms: Sequence[Any], here: list[int]) -> list[tuple[int, int, str]]:
    out = []
    pats = _patterns()
    for k, x in enumerate(here):
        if ms[x].type not in MEMBERS:
            continue
        for p in here[k + 1:k + 5]:
            if ms[p].type != "Programme":
                continue
            if pats["entrant"].fullmatch(text, ms[x].end, ms[p].start) and pats["entrant_after"].match(text, ms[p].end):
                out.append((x, p, "rule:w19-entrant"))
            break
    return out


# ------------------------------------------------------------------ "X has been one of its participants"
def _one_of_its(text: str, ms: Sequence[Any], here: list[int]) -> list[tuple[int, int, str]]:
    out = []
    pats = _patterns()
    for k in range(len(here) - 1):
        x, its = here[k], here[k + 1]
        if ms[x].type not in MEMBERS or ms[its].text.lower() not in ("its", "their"):
            continue
        if not (pats["one_of_its"].fullmatch(text, ms[x].end, ms[its].start) and pats["one_of_its_after"].match(text, ms[its].end)):
            continue
        g = _root(ms, its)
        if g == its or not _is_group(ms, g) or _name(ms, g) == _name(ms, x):
            g = _group_before(text, ms, x)  # "X is one of its members": "its" is never X itself
        if g is not None:
            out.append((x, g, "rule:w19-one-of-its"))
    return out


def _group_before(text: str, ms: Sequence[Any], x: int) -> int | None:
    """The last group named in the sentence before ``x`` (within ``GROUP_BACK`` characters)."""
    before = [i for i, m in enumerate(ms) if ms[x].start - GROUP_BACK <= m.start < ms[x].start and m.source != "anaphor"
              and _is_group(ms, i)]
    return max(before, key=lambda i: ms[i].start) if before else None
