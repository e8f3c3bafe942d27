"""The description line under a programme's heading in a consortium page or guide (no parse).

Pages that list projects or schemes give each a heading line with its name and a line of participles with no
subject under it:

    Vision Qualite
    Led by Meknes Vision Systems; co-financed by the Fez-Meknes Regional Council.

    TalentRail
    A two-year traineeship for graduates in rail data, delivered by TIAI and paid for by Povazie Rail Systems.

A runner's participle ("run jointly by A and B", "led by", "delivered by") gives RUNS(A, P); a funder's ("funded by",
"co-financed by", "paid for by") gives FUNDS(F, P). A name after "of" in the list is the possessor of the one before
("the School of Engineering of UISK"), and a relative clause or apposition after a name ends its list ("funded by
the F (FNII), which is managed by M": M runs F, not P). Words: ``entry_lines`` in ``runs_published.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
HEADING_CHARS = 90  # a heading is a short line with no full stop
_CLAUSE_END = re.compile(r";|,\s+(?:which|who|that|whose|a|an|the|its)\s|,\s+and\s|\s+and\s+(?=[a-z-]+(?:\s+for)?\s+by\b)|\.\s|\.$")


@lru_cache(maxsize=1)
def _verbs() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """One pattern for "<participle> [jointly] by", and which participles name a runner or a funder."""
    raw = lexicon_data("runs_published.json").get("entry_lines", {})
    runners, funders = frozenset(raw.get("runner_verbs", ())), frozenset(raw.get("funder_verbs", ()))
    manner = "|".join(re.escape(w) for w in raw.get("manner_words", ()))
    verbs = "|".join(re.escape(w) for w in sorted(runners | funders, key=len, reverse=True))
    pattern = re.compile(rf"(?:^|[;,.]\s+|\s+and\s+)(?P<verb>{verbs})(?:\s+(?:{manner}))?\s+by\s+", re.I)
    return pattern, runners, funders


def entry_pattern() -> re.Pattern[str]:
    """The pattern of a runner's or funder's participle with "by" ("run jointly by", "co-financed by")."""
    return _verbs()[0]


def entry_lines(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """RUNS and FUNDS from the participle line under each programme heading of ``text`` (at ``off``)."""
    pattern, runners, funders = _verbs()
    names = sorted((m.start, i) for i, m in enumerate(mentions) if m.source != "anaphor" and off <= m.start <= off + len(text))
    out: list[Rel] = []
    lines = text.split("\n")
    pos = off
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for k in range(len(lines) - 1):
        prog = _heading(lines[k], starts[k], names, mentions)
        if prog is None:
            continue
        j = next((j for j in range(k + 1, min(len(lines), k + 3)) if lines[j].strip()), None)
        if j is None:
            continue
        line, a = lines[j], starts[j]
        for hit in pattern.finditer(line):
            verb = re.sub(r"\s+", " ", hit.group("verb").lower())
            cut = _CLAUSE_END.search(line, hit.end())
            end = cut.start() if cut else len(line)
            rtype = "RUNS" if verb in runners else "FUNDS" if verb in funders else None
            kinds = ORG if rtype == "RUNS" else ORG + ("Programme",)  # a fund may fund a programme, not run it
            for i in _listed(line, a, hit.end(), end, names, mentions, prog, kinds) if rtype else ():
                out.append((rtype, i, prog, a, a + len(line), "rule:entry-participle"))
    return out


def _heading(line: str, a: int, names: list[tuple[int, int]], mentions: Sequence[MentionFact]) -> int | None:
    """The programme a heading line is: one programme's name (and its acronym), nothing else."""
    body = line.strip()
    if not body or len(body) > HEADING_CHARS or body.endswith((".", ";", ",", ":")):
        return None
    here = [i for s, i in names if a <= s < a + len(line)]
    progs = [i for i in here if mentions[i].type == "Programme"]
    if not progs or any(mentions[i].type != "Programme" for i in here):
        return None
    first = mentions[progs[0]]
    rest = line[first.end - a:].strip()
    return progs[0] if not rest or re.fullmatch(r"\([A-Z][A-Za-z0-9-]{1,12}\)", rest) else None


def _listed(line: str, a: int, start: int, end: int, names: list[tuple[int, int]], mentions: Sequence[MentionFact],
            prog: int, kinds: tuple[str, ...]) -> list[int]:
    """The organisations named between ``start`` and ``end`` of the line, less a possessor after "of"."""
    out = []
    for s, i in names:
        if not a + start <= s < a + end or i == prog or mentions[i].type not in kinds:
            continue
        before = line[:s - a].rstrip().lower()
        if before.endswith((" of", " of the")):
            continue  # "the School of Engineering of UISK": UISK holds the school
        out.append(i)
    return out
