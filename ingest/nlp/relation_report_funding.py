"""FUNDS from a report's funding statement: "This report was prepared with support from F".

Think-tank reports, policy briefs and studies state who paid for them in one sentence near the front or the end:
"This report was prepared with support from the Padma Foundation", "This brief was written by CAER staff with
funding from F", "The study was funded by F and G". The report is no entity; what F funds is the organisation that
wrote it: the one named in the sentence ("written by X staff"), else the publisher on the masthead line of the page
("Policy Report No. 14 | Barind Policy Institute | November 2025"). A statement about someone else's work ("The
project", "the survey we used") names nothing here, and a hedge ("is seeking funding from") is no statement.

Word lists: ``report_funding`` in ``data/lexicon/funding_published.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data

ORGS = ("Institute", "Company", "Agency")
FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
Rel = tuple[str, int, int, int, int, str]
MASTHEAD_LINES = 8  # the publisher is named on one of the page's first lines


@dataclass(frozen=True)
class ReportWords:
    nouns: tuple[str, ...]  # report, brief, study, paper
    verbs: tuple[str, ...]  # prepared, written, produced
    funded: tuple[str, ...]  # funded, supported: "was funded by F"
    support: tuple[str, ...]  # support, funding, a grant: "with support from F"
    staff: tuple[str, ...]  # "by X staff", "by researchers at X"

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "ReportWords":
        d = lexicon_data("funding_published.json")["report_funding"]
        return cls(tuple(d["report_nouns"]), tuple(d["report_verbs"]), tuple(d["funded_verbs"]),
                   tuple(d["support_nouns"]), tuple(d["staff_words"]))


@lru_cache(maxsize=2)
def _patterns(words: ReportWords) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = lambda ws: "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    head = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:This|The|Our)\s+(?:[a-z][\w-]*\s+){0,2}(?:" + alt(words.nouns)
                      + r")\s+(?:was|is|has\s+been|were|have\s+been)\s+(?:(?:jointly|partly|generously|kindly)\s+)?"
                      r"(?:(?P<made>" + alt(words.verbs) + r")|(?P<funded>" + alt(words.funded) + r")\s+by\s+)")
    support = re.compile(r"\b(?:with|through|thanks\s+to)\s+(?:the\s+)?(?:(?:generous|financial|kind|core)\s+)?(?:"
                         + alt(words.support) + r")\s+(?:from|of|by)\s+")
    return head, support


def report_funding(text: str, off: int, mentions: Sequence[Any], words: ReportWords | None = None) -> list[Rel]:
    """("FUNDS", funder, author organisation, evidence start, evidence end, method) for each funding statement of a
    report in ``text`` (at offset ``off`` of the document)."""
    words = words or ReportWords.load()
    low = text.lower()
    if not any(n in low for n in words.nouns) or not any(v in low for v in (*words.verbs, *words.funded)):
        return []
    head, support = _patterns(words)
    out: list[Rel] = []
    for h in head.finditer(text):
        end = _sentence_end(text, h.end())
        rest = text[h.end():end]
        if h.group("funded"):
            at = h.end()
        else:
            s = support.search(rest)
            if s is None:
                continue
            at = h.end() + s.end()
        funders = _names_from(text, off, at, end, mentions)
        author = _author(text, off, h.end(), at, mentions, words) or _masthead(text, off, mentions)
        for f in funders:
            if author is not None and f != author:
                out.append(("FUNDS", f, author, off + h.start(), off + end, "rule:report-funding"))
    return out


def _sentence_end(text: str, at: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)|\n").search(text, at)
    return m.end() if m else len(text)


def _names_from(text: str, off: int, at: int, end: int, mentions: Sequence[Any]) -> list[int]:
    """The funders named from ``at``: "A", "A and B", "A, B and C" (each after an optional article)."""
    out: list[int] = []
    pos = at
    by_start = {m.start - off: i for i, m in enumerate(mentions) if m.source != "anaphor" and m.type in FUNDERS}
    while pos < end:
        lead = re.match(r"(?:the\s+)?", text[pos:end])
        i = by_start.get(pos + (lead.end() if lead else 0))
        if i is None:
            break
        out.append(i)
        pos = mentions[i].end - off
        paren = re.match(r"\s*\([^)]*\)", text[pos:end])  # "F (PFOS)"
        if paren:
            pos += paren.end()
        sep = re.match(r"(?:,\s+and\s+|,\s+|\s*and\s+)", text[pos:end])
        if sep is None:
            break
        pos += sep.end()
    return out


def _author(text: str, off: int, a: int, b: int, mentions: Sequence[Any], words: ReportWords) -> int | None:
    """"written by Grand Corridor Policy Lab staff", "prepared by researchers at X": the organisation named after
    "by" between the verb and the support phrase."""
    for i, m in enumerate(mentions):
        s = m.start - off
        if a <= s < b and m.type in ORGS and m.source != "anaphor":
            lead = text[a:s].lower()
            if re.search(r"\bby\s+(?:the\s+)?(?:(?:" + "|".join(words.staff) + r")\s+(?:at|of|from)\s+(?:the\s+)?)?$", lead):
                return i
    return None


def _masthead(text: str, off: int, mentions: Sequence[Any]) -> int | None:
    """The publisher: an organisation on one of the page's first lines that holds a "|" ("Policy Report No. 14 |
    Barind Policy Institute | November 2025") or opens with "Published by"."""
    if off != 0:
        return None
    pos = 0
    for line in text.split("\n")[:MASTHEAD_LINES]:
        if "|" in line or line.lower().startswith("published by"):
            for i, m in enumerate(mentions):
                if pos <= m.start < pos + len(line) and m.type in ORGS and m.source != "anaphor":
                    return i
        pos += len(line) + 1
    return None
