"""MEMBER_OF said of a counted plural that stands for the names listed before it.

Think-tank briefs, conference programmes and news name a few firms and then say what they share:

* "Companies in the city include A, B and C. ... The three firms are part of the X Network";
* "- A — ..." / "- B — ..." / "- C — ..." then "All three companies belong to its 2026 cohort";
* "A and B ... Both companies are members of the Y Alliance".

The plural ("the three firms", "all four start-ups", "both companies") stands for the nearest list before it of
exactly that many organisations of its kind (a list item's first name on consecutive bullet lines, or names
joined by commas and "and" in one sentence); the group is the name (or the "its" that refers to one) right after
the tie phrase ("are part of", "belong to", "are members of", "joined"). A list of another length, or no list,
gives nothing. Word lists: ``plural`` in ``data/lexicon/member_forms.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_member_along import member_forms

ORG = ("Institute", "Company", "Agency")
GROUPS = ("Programme", "Institute")  # what a plural is "part of" / "a member of": a programme or a network
GROUP_GAP = 6  # characters between the tie phrase and the group's name ("the ", "its ")
Rel = tuple[str, int, int, int, int, str]
_BULLET = re.compile(r"^\s*(?:[-•*–▪·]|\d+[.)])\s+")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?$")


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], dict[str, int], frozenset[str], int]:
    spec = member_forms()["plural"]
    counts = {k.lower(): int(v) for k, v in spec["counts"].items()}
    nouns = [*spec["company_nouns"], *spec["org_nouns"]]
    ties = sorted(spec["tie_phrases"], key=len, reverse=True)
    alt = lambda xs: "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in xs)  # noqa: E731
    pattern = re.compile(rf"\b(?:(?:all|the|these|all\s+the|all\s+of\s+the)\s+)?({alt(counts)})\s+({alt(nouns)})\s+"
                         rf"(?:{alt(ties)})\s+", re.IGNORECASE)
    return pattern, counts, frozenset(w.lower() for w in spec["company_nouns"]), int(spec.get("reach_chars", 1500))


def _resolve(mentions: Sequence[MentionFact], i: int) -> int:
    seen = 0
    while mentions[i].coref is not None and seen < 5:
        i, seen = mentions[i].coref, seen + 1
    return i


def plural_members(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """(MEMBER_OF, member, group, evidence start, evidence end, method) for every counted plural with a tie."""
    pattern, counts, company_nouns, reach = _words()
    out: list[Rel] = []
    for m in pattern.finditer(text):
        n = counts[m.group(1).lower()]
        kinds = ("Company",) if m.group(2).lower() in company_nouns else ORG
        start, end = off + m.start(), off + m.end()
        group = next((i for i, x in enumerate(mentions) if end <= x.start <= end + GROUP_GAP
                      and re.fullmatch(r"(?:the|its|their)?\s*", text[end - off:x.start - off], re.IGNORECASE)), None)
        if group is None:
            continue
        group = _resolve(mentions, group)
        if mentions[group].type not in GROUPS:
            continue
        members = _listed_before(text, off, mentions, start, n, kinds, reach)
        stop = text.find(".", m.end())
        ev_end = off + (stop + 1 if stop >= 0 else len(text))
        out.extend(("MEMBER_OF", i, group, start, ev_end, "rule:plural-members") for i in members if i != group)
    return out


def _listed_before(text: str, off: int, mentions: Sequence[MentionFact], at: int, n: int, kinds: tuple[str, ...],
                   reach: int) -> list[int]:
    """The nearest list before ``at`` of exactly ``n`` organisations of ``kinds``: bullet items or a joined run."""
    orgs = sorted((x.start, x.end, i) for i, x in enumerate(mentions)
                  if x.source != "anaphor" and x.type in ORG and at - reach <= x.start < at and x.start >= off)
    runs: list[tuple[int, list[int]]] = []  # (end of the list, its members)
    run: list[tuple[int, int, int]] = []
    for row in orgs:
        if run and _LIST_GAP.match(text[run[-1][1] - off:row[0] - off]):
            run.append(row)
            continue
        if run:
            runs.append((run[-1][1], [r[2] for r in run]))
        run = [row]
    if run:
        runs.append((run[-1][1], [r[2] for r in run]))
    runs.extend(_bullet_runs(text, off, orgs, at))
    for _end, items in sorted(runs, reverse=True):
        if len(items) == n and all(mentions[i].type in kinds for i in items):
            return items
        if len(items) >= 2 and all(mentions[i].type in kinds for i in items):
            return []  # the nearest list has another length: the plural means something else
    return []


def _bullet_runs(text: str, off: int, orgs: list[tuple[int, int, int]], at: int) -> list[tuple[int, list[int]]]:
    """Consecutive bullet lines before ``at`` that each open with an organisation's name (that name each)."""
    runs: list[tuple[int, list[int]]] = []
    items: list[int] = []
    last = 0
    pos = off
    for line in text[:max(0, at - off)].split("\n"):
        a = pos
        pos += len(line) + 1
        bullet = _BULLET.match(line)
        first = next((r for r in orgs if bullet is not None and r[0] == a + bullet.end()), None)
        if first is not None:
            items.append(first[2])
            last = a + len(line)
            continue
        if items:
            runs.append((last, items))
        items = []
    if items:
        runs.append((last, items))
    return runs
