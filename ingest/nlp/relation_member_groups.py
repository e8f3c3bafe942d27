"""MEMBER_OF in published forms no earlier rule reads, and co-members taken for each other's group (issue 14, wave 17).

Once per document after the rules, from the words of the text, its mentions and the candidates found so far (no parse):

* the second group of a membership: "X is a member of A (AA), a regional technology district, and of the European
  trade association B", "... of A and, since 2025, of B", "X is a member of A, ..., and one of the companies taking
  part in P" (P a programme) (``rule:w17-second-of``);
* a fronted list said to form a group: "A, B and C are among the organisations that will form the new P"
  (``rule:w17-among-form``);
* "Joining A in P are B, C and D" (``rule:w17-joining``);
* edges taken back: two members of one group named in one sentence are not each other's group ("X is a founding member
  of P, alongside A and B": the list after "alongside" shares P, it is no group of X; "X is one of six companies in
  the cohort of P; the cohort also includes A").

Word lists: ``data/lexicon/member_groups.json``. ``AIKG_MEMBER_GROUPS=off`` turns the module off (paired A/B).
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
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
GROUPS = ("Company", "Institute", "Agency", "Programme")
MEMBERS = ("Company", "Institute", "Agency")
SECOND_REACH = 180  # characters from the first group to the second ("(AA), a regional technology district, and of")
#: the words between two items of a list: ", ", ", and ", " and ", " & ", with an article
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?", re.I)
#: the words between a place and the item it describes: "the Vellmar company B", "the Vellmar-based start-up B"
DESCRIBED = re.compile(r"(?:-based)?\s+(?:[a-z][\w-]*\s+){1,3}")


def _w() -> Mapping[str, Any]:
    return lexicon_data("member_groups.json")


def _alt(key: str) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _w()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    when = rf"(?:(?:{_alt('second_of_time')})\s+)"
    return {
        "before": re.compile(rf"\b(?:{_alt('member_before')})\s+of\s+(?:the\s+)?$", re.I),
        "second_of": re.compile(rf"\s*(?:\([^()]{{1,40}}\)\s*)?(?:,\s*(?:a|an|the)\s[^,;()]{{1,100}}?,\s*|,\s*)?and\s*,?\s*"
                                rf"(?:{when}{{1,3}}(?:\d{{4}}\s*)?,?\s*)?of\s+(?:the\s+)?(?P<desc>(?:[\w'’-]+\s+){{0,4}}?)",
                                re.I),
        "take_part": re.compile(rf"\s*(?:\([^()]{{1,40}}\)\s*)?(?:,\s*(?:a|an|the)\s[^,;()]{{1,100}}?,\s*|,\s*)?and\s+"
                                rf"(?:is\s+)?(?:also\s+)?one\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{1,4}}?"
                                rf"(?:{_alt('take_part')})\s+(?:the\s+)?", re.I),
        "among": re.compile(rf"\s+(?:are|were|is|was)\s+(?:also\s+|all\s+)?among\s+the\s+(?:[\w-]+\s+){{0,3}}?"
                            rf"(?:{_alt('among_nouns')})\s+(?:that|which|who)\s+(?:will\s+|have\s+|now\s+|together\s+)?"
                            rf"(?:{_alt('among_verbs')})\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}", re.I),
        "joining": re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,?\s*(?:are|is|were|was)\s+(?:also\s+)?(?:the\s+)?", re.I),
        "among_front": re.compile(rf"\s*(?:['’]s?\s+)?(?:(?!(?:{_alt('former_words')})\b)[\w-]+\s+){{0,2}}?(?:{_alt('member_before')})\s+(?:are|were|is|was)\s+"
                                  rf"(?:also\s+)?(?:the\s+)?", re.I),
        "along": re.compile(rf"\b(?:{_alt('along_markers')})\b", re.I),
    }


def members_groups(text: str, facts: Any) -> None:
    """Add, in place, the MEMBER_OF of the forms above to ``facts`` and drop co-members taken for groups."""
    if os.environ.get("AIKG_MEMBER_GROUPS", "on") == "off":
        return
    ms = facts.mentions
    kept = _without_co_members(ms, facts.relations)
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in kept}
    new: list[RelationCandidate] = []

    def add(src: int, tgt: int, method: str, start: int, end: int) -> None:
        key = ("MEMBER_OF", _name(ms, src), _name(ms, tgt))
        if key in have or key[1] == key[2] or allowed(["MEMBER_OF"], ms[src].type, ms[tgt].type) is None:
            return
        have.add(key)
        new.append(RelationCandidate("MEMBER_OF", src, tgt, CONF, method, start, end, text[start:end], None))

    for r in kept:
        if r.type == "MEMBER_OF":
            second = _second_group(text, ms, r)
            if second is not None:
                add(r.source, second, "rule:w17-second-of", r.sent_start, r.sent_end)
    inside = nested(ms)  # speed: one sweep, not every mention against every other
    order = sorted((i for i in range(len(ms)) if i not in inside), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in order]
    for p in SENTENCE.finditer(text):
        start, end = p.start(), p.end()
        here = [i for i in order[bisect_left(starts, start):bisect_right(starts, end)] if ms[i].end <= end]
        if len(here) < 2:
            continue
        for src, tgt, method in _among_form(text, ms, here) + _joining(text, ms, here, start) \
                + _among_front(text, ms, here, start):
            add(src, tgt, method, start, end)
    facts.relations[:] = kept + new


# ------------------------------------------------------------------ co-members are no groups
def _without_co_members(ms: Sequence[Any], rels: list[Any]) -> list[Any]:
    """The candidates without MEMBER_OF(x -> y) where x and y are both members of one group G in that sentence ("X is a
    founding member of P, alongside A and B": A is P's member, not X's group)."""
    groups: dict[tuple[int, str], set[str]] = {}
    for r in rels:
        if r.type == "MEMBER_OF":
            groups.setdefault((r.sent_start, _name(ms, r.source)), set()).add(_name(ms, r.target))
    out = []
    for r in rels:
        if r.type == "MEMBER_OF":
            x, y = _name(ms, r.source), _name(ms, r.target)
            shared = groups.get((r.sent_start, x), set()) & groups.get((r.sent_start, y), set())
            if shared - {x, y} and ms[r.target].type != "Programme":
                continue
        out.append(r)
    return out


# ------------------------------------------------------------------ "a member of A ... and of B"
def _second_group(text: str, ms: Sequence[Any], r: Any) -> int | None:
    """The B of "X is a member of A (AA), <apposition>, and (, since 2025,) of (the <description>) B", or of "..., and
    one of the companies taking part in P" (a programme)."""
    a = ms[r.target]
    if not _patterns()["before"].search(text[max(r.sent_start, a.start - 40):a.start]):
        return None
    limit = min(r.sent_end, a.end + SECOND_REACH)
    for i, m in sorted(enumerate(ms), key=lambda x: x[1].start):
        if m.start < a.end or m.start >= limit or m.type not in GROUPS or _name(ms, i) == _name(ms, r.target):
            continue
        gap = text[a.end:m.start]
        hit = _patterns()["second_of"].fullmatch(gap)
        if hit and (not hit.group("desc").strip() or hit.group("desc").split()[-1].islower()):
            return i
        if m.type == "Programme" and _patterns()["take_part"].fullmatch(gap):
            return i
    return None


# ------------------------------------------------------------------ "A, B and C are among the organisations that form P"
def _among_form(text: str, ms: Sequence[Any], here: list[int]) -> list[tuple[int, int, str]]:
    out = []
    for k, g in enumerate(here):
        if ms[g].type not in GROUPS:
            continue
        for j in range(k - 1, -1, -1):
            hit = _patterns()["among"].fullmatch(text[ms[here[j]].end:ms[g].start])
            if hit:
                out += [(m, g, "rule:w17-among-form") for m in _list_back(text, ms, here, j)]
                break
    return out


def _list_back(text: str, ms: Sequence[Any], here: list[int], j: int) -> list[int]:
    """The organisations of the list that ends with ``here[j]``, read back over list gaps."""
    items = [here[j]]
    while j > 0 and LIST_GAP.fullmatch(text[ms[here[j - 1]].end:ms[here[j]].start]):
        j -= 1
        items.append(here[j])
    return [i for i in items if ms[i].type in MEMBERS]


def _list_on(text: str, ms: Sequence[Any], here: list[int], j: int) -> list[int]:
    """The organisations of the list that starts with ``here[j]``, read on over list gaps and over a place that only
    describes the next item ("and the Vellmar company B")."""
    items = [here[j]]
    while j + 1 < len(here):
        gap = text[ms[here[j]].end:ms[here[j + 1]].start]
        if not (LIST_GAP.fullmatch(gap) or ms[here[j]].type == "Cluster" and DESCRIBED.fullmatch(gap)):
            break
        j += 1
        items.append(here[j])
    return [i for i in items if ms[i].type in MEMBERS]


# ------------------------------------------------------------------ "Among G's signatories are A and B"
def _among_front(text: str, ms: Sequence[Any], here: list[int], start: int) -> list[tuple[int, int, str]]:
    g = here[0]
    if ms[g].type not in GROUPS or not re.fullmatch(r"\s*Among\s+(?:the\s+)?", text[start:ms[g].start]):
        return []
    if not _patterns()["among_front"].fullmatch(text, ms[g].end, ms[here[1]].start):
        return []
    return [(m, g, "rule:w17-among-front") for m in _list_on(text, ms, here, 1)]


# ------------------------------------------------------------------ "Joining A in P are B and C"
def _joining(text: str, ms: Sequence[Any], here: list[int], start: int) -> list[tuple[int, int, str]]:
    lead = re.match(r"\s*(?:[\"“]\s*)?Joining\s+", text[start:ms[here[0]].start + 8])
    if not lead:
        return []
    for k, g in enumerate(here[1:], 1):
        before = text[ms[here[k - 1]].end:ms[g].start]
        if ms[g].type not in GROUPS or not re.fullmatch(r"\s+(?:in|on)\s+(?:the\s+)?", before):
            continue
        if k + 1 >= len(here) or not _patterns()["joining"].fullmatch(text[ms[g].end:ms[here[k + 1]].start]):
            return []
        joined = [i for i in here[:k] if ms[i].type in MEMBERS and not ms[i].text.lower().startswith("joining")]
        return [(m, g, "rule:w17-joining") for m in joined + _list_on(text, ms, here, k + 1)]
    return []


# ------------------------------------------------------------------ helpers
def _inside_other(ms: Sequence[Any], i: int) -> bool:
    """Is mention ``i`` part of a longer mention?"""
    m = ms[i]
    return any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in ms)


def _name(ms: Sequence[Any], i: int) -> str:
    """The name a mention stands for (an anaphor's antecedent)."""
    seen = 0
    while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
        i, seen = ms[i].coref, seen + 1
    return ms[i].canonical
