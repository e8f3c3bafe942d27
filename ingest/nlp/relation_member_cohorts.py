"""Programme cohorts named by a noun rather than by a membership verb (issue 14, wave 15).

Forms from accelerator and VC-blog pages (every name in the tests is invented):

* "A is one of six companies in the current cohort of P; the cohort also includes B and C": B and C too;
* "A belongs to the second cohort of P", "A was accepted into the 2026 intake of P";
* "The first firms enrolled in P are A, B and C", "Start-ups selected for P include A and B".

Only organisations listed after the verb up to the sentence's end are members; a bracketed place is skipped. Words:
``data/lexicon/member_cohorts.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import MentionIndex
from aikg.ingest.nlp.records import MentionFact

_SENT_END = re.compile(r"[.!?](?=\s|$)|\n")
Rel = tuple[str, int, int, int, int, str]
#: between list items: a comma or "and", then "the" and a short descriptor ("the feed maker")
_GAP_NEXT = re.compile(r"\s*(?:,|and|,\s*and|;)\s*(?:the\s+)?(?P<desc>(?:[\w'-]+\s+){0,3})")
_GAP_FIRST = re.compile(r"\s*(?:the\s+)?(?P<desc>(?:[\w'-]+\s+){0,3})")
_LINKS = frozenset({"for", "from", "to", "by", "with", "of", "in", "on", "at", "as", "than", "eligible", "not"})


@dataclass(frozen=True)
class CohortWords:
    """The lexicon's words, compiled into the three forms' patterns."""

    cohort_of: re.Pattern[str]  # "cohort of (the) " before the programme
    includes: re.Pattern[str]  # "the cohort also includes " before the list
    belongs: re.Pattern[str]  # " belongs to the second cohort of (the) " between a member and the programme
    enrolled: re.Pattern[str]  # " enrolled in (the) " ... " are " around the programme
    copula: re.Pattern[str]
    group_types: tuple[str, ...]
    member_types: tuple[str, ...]

    @classmethod
    def load(cls) -> "CohortWords":
        d = _data()
        nouns, inc, bel, enr, cop = (_alt(d[k]) for k in ("cohort_nouns", "include_verbs", "belong_verbs", "enrol_verbs",
                                                          "list_copulas"))
        return cls(re.compile(rf"\b(?:{nouns})\s+(?:of|in)\s+(?:the\s+)?$", re.IGNORECASE),
                   re.compile(rf"\b(?:the|this|that|its)\s+(?:{nouns})\s+(?:{inc})\s+", re.IGNORECASE),
                   re.compile(rf"^\s+(?:{bel})\s+(?:the|its)\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE),
                   re.compile(rf"\b(?:{enr})\s+(?:the\s+)?$", re.IGNORECASE),
                   re.compile(rf"\s+(?:{cop})\s+", re.IGNORECASE),
                   tuple(d["group_types"]), tuple(d["member_types"]))


def _data() -> Mapping[str, Any]:
    return lexicon_data("member_cohorts.json")


def _alt(phrases: Sequence[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True))


def cohort_members(text: str, off: int, mentions: Sequence[MentionFact], words: CohortWords) -> list[Rel]:
    """(MEMBER_OF, member, programme, evidence start, evidence end, method) for the cohort forms of ``text``."""
    ix = MentionIndex(mentions, words.member_types)
    groups = [r for r in ix.within(off, off + len(text), words.group_types)]
    out: list[Rel] = []
    for gs, ge, g in groups:
        end = _sentence_end(text, off, ge)
        before = text[max(0, gs - off - 60):gs - off]
        if words.cohort_of.search(before):  # "... cohort of P; the cohort also includes B and C"
            m = words.includes.search(text, ge - off, end - off)
            if m:
                out += [("MEMBER_OF", o, g, gs, end, "rule:cohort-includes") for o in _listed(text, off, off + m.end(), end, ix)]
        if words.enrolled.search(before):  # "The first firms enrolled in P are A, B and C"
            m = words.copula.match(text, ge - off, end - off)
            if m:
                out += [("MEMBER_OF", o, g, gs, end, "rule:enrolled-are") for o in _listed(text, off, off + m.end(), end, ix)]
        for s, e, o in ix.refs_in(max(off, gs - 120), gs):  # "A belongs to the second cohort of P"
            if words.belongs.match(text[e - off:gs - off]):
                out.append(("MEMBER_OF", o, g, s, ge, "rule:belongs-to-cohort"))
    return [r for r in out if r[1] != r[2]]


def _sentence_end(text: str, off: int, at: int) -> int:
    m = _SENT_END.search(text, at - off)
    return off + (m.start() if m else len(text))


def _listed(text: str, off: int, a: int, b: int, ix: MentionIndex) -> list[int]:
    """The organisations of a list "A (Town), B and C" from ``a`` to ``b``: each must follow the previous one with
    only a comma, "and", a bracket or "of Town" between."""
    out: list[int] = []
    pos = a
    for s, e, o in ix.orgs_in(a, b):
        gap = _GAP_NEXT.fullmatch(text[pos - off:s - off]) if out else _GAP_FIRST.fullmatch(text[pos - off:s - off])
        if not gap or set(gap.group("desc").lower().split()) & _LINKS:
            break
        out.append(o)
        pos = e
        close = re.match(r"\s*\([^()]*\)", text[e - off:b - off])
        if close:
            pos = e + close.end()
    return out
