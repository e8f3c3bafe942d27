"""FUNDS in forms of government programme pages and fact sheets (issue 14, wave 19; no parse).

Once per document after the rules, from the text and its mentions:

* a second funder in a tail of the funding clause: "FDAP is funded by the Department for Regional Enterprise, with a
  further £1.2 million from the Shared Island Enterprise Fund", "it is financed by the ministry with a co-contribution
  from the Himalaya Development Trust", "has been funded by £2.2m from X, with additional funding coming from Y"
  (``rule:w19-funded-with-from``: FUNDS of each body after "from" to the programme the clause is about); the clause
  must say "funded"/"financed" of a programme;
* in-kind support stated as a contribution to the programme: "PT Awan Komputasi contributes cloud credits worth Rp 2
  billion a year to EJAAP", "Mzizi Cloud provides GPU time to the programme" (``rule:w19-contributes-to``); "provides
  training to P firms", "contributes to the P steering committee" or no resource word state none;
* a budget field line naming where the money comes from: "- Budget: 86 million pesos, of which 60 million from the
  state budget and 26 million from the Fondo Mixto, a federal–state fund" under the page's title
  (``rule:w19-budget-from``: FUNDS to the programme or body the title names); "Budget: £4m over three years" or
  "Budget: 26 million from 2026" name no funder.

Word lists: ``data/lexicon/fund_fact_sheets.json``; ``AIKG_FUND_FACT_SHEETS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.context import doc_subject
from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_posts_grants import title_programme
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _inside_other, _name
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
ENABLED_ENV = "AIKG_FUND_FACT_SHEETS"
FUNDERS = ("Company", "Institute", "Agency", "Person", "Programme")
Found = list[tuple[int, int, str]]  # (funder, recipient, method)


def _w() -> Mapping[str, Any]:
    return lexicon_data("fund_fact_sheets.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w = _w()
    return {
        "funded": re.compile(rf"\b(?:is|are|was|were|been|be)\s+(?:(?:also|jointly|mainly|largely|partly|fully)\s+)?"
                             rf"(?:{alternation(w['funded_cues'])})\s+by\b", re.I),
        "with_from": re.compile(rf",?\s+with\s+(?:(?:{alternation(w['extra_leads'])})\s+)?(?:[\w$£€.,-]+\s+){{0,4}}?"
                                rf"(?:{alternation(w['extra_nouns'])})\s+(?:coming\s+|of\s+[\w$£€.,\s]{{1,30}}?\s+)?from\s+"
                                r"(?:the\s+)?", re.I),
        "contribute": re.compile(rf"\s+(?:also\s+|will\s+|has\s+|jointly\s+)?(?:{alternation(w['contribute_verbs'])})\s+"
                                 r"([^.;:\n]{1,90}?)\s+to\s+(?:the\s+)?$", re.I),
        "resource": re.compile(rf"\b(?:{alternation(w['resource_words'])})\b|[£$€]|\d", re.I),
        "after_prog": re.compile(rf"\s*(?:[.,;:()]|$)|\s+(?:{alternation(w['after_programme'])})\b", re.I),
        "budget": re.compile(rf"^[ \t]*(?:[-•*·▪][ \t]*)?(?:{alternation(w['budget_labels'])})[ \t]*:", re.I | re.M),
        "amount": re.compile(r"(?:[A-Z]{0,3}[$£€]|Rp|KSh|Rs|INR|USD|EUR|GBP)?\s?\d"),
        "from_end": re.compile(r"\bfrom\s+(?:the\s+)?$", re.I),
        "list_gap": re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*|\s+)(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?", re.I),
    }


def fund_fact_sheets(text: str, facts: Any) -> None:
    """Add, in place, the FUNDS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "FUNDS"}
    named = sorted((i for i in range(len(ms)) if not _inside_other(ms, i)), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in named]
    new: list[RelationCandidate] = []
    for s in SENTENCE.finditer(text):
        a, b = s.start(), s.end()
        here = [i for i in named[bisect_left(starts, a):bisect_left(starts, b)] if ms[i].end <= b]
        if len(here) >= 2:
            _keep(text, ms, _with_from(text, ms, here, a, b) + _contributes(text, ms, here, a), have, new, a, b)
    order = [i for i in named if ms[i].source != "anaphor"]
    for hit in _patterns()["budget"].finditer(text):
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        _keep(text, ms, _budget_line(text, ms, order, hit.start(), hit.end(), end), have, new, hit.start(), end)
    facts.relations += new


def _keep(text: str, ms: Sequence[Any], found: Found, have: set[tuple[str, str]], new: list[RelationCandidate],
          start: int, end: int) -> None:
    """Append the readings the schema allows and no rule gave already."""
    for src, tgt, method in found:
        src, tgt = _named(ms, src), _named(ms, tgt)
        key = (_name(ms, src), _name(ms, tgt))
        if key in have or key[0] == key[1] or allowed(["FUNDS"], ms[src].type, ms[tgt].type) is None:
            continue
        have.add(key)
        new.append(RelationCandidate("FUNDS", src, tgt, CONF, method, start, end, text[start:end], None))


def _named(ms: Sequence[Any], i: int) -> int:
    """The named mention an anaphor stands for (itself when it is a name)."""
    seen = 0
    while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
        i, seen = ms[i].coref, seen + 1
    return i


def _followers(text: str, ms: Sequence[Any], here: list[int], pos: int) -> list[int]:
    """The bodies written from ``pos`` on as one list ("A (ACR), B and the C")."""
    out: list[int] = []
    for i in here:
        if ms[i].start < pos:
            continue
        if ms[i].start != pos or ms[i].type not in FUNDERS or ms[i].source == "anaphor":
            break
        out.append(i)
        gap = _patterns()["list_gap"].match(text, ms[i].end)
        pos = gap.end() if gap else -1
        if not gap or "," not in gap.group(0) and " and " not in gap.group(0) and "as well" not in gap.group(0):
            break
    return out


def _with_from(text: str, ms: Sequence[Any], here: list[int], a: int, b: int) -> Found:
    """"P is funded by A, with a further £1.2 million from B": B funds P too."""
    p = _patterns()
    cue = p["funded"].search(text, a, b)
    if cue is None:
        return []
    progs = [i for i in here if ms[i].end <= cue.start() and ms[_named(ms, i)].type == "Programme"]
    if not progs:
        return []
    out: Found = []
    for hit in p["with_from"].finditer(text, cue.end(), b):
        out += [(i, progs[0], "rule:w19-funded-with-from") for i in _followers(text, ms, here, hit.end())]
    return out


def _contributes(text: str, ms: Sequence[Any], here: list[int], a: int) -> Found:
    """"A contributes cloud credits worth Rp 2 billion a year to P": in-kind support to the programme."""
    p = _patterns()
    out: Found = []
    for n, t in enumerate(here):
        if ms[_named(ms, t)].type != "Programme" or not p["after_prog"].match(text, ms[t].end):
            continue
        for src in reversed(here[:n]):
            if ms[src].type not in ("Company", "Institute", "Agency") or ms[src].source == "anaphor":
                continue
            hit = p["contribute"].fullmatch(text, ms[src].end, ms[t].start)
            if hit and p["resource"].search(hit.group(1)) and not any(
                    ms[src].end <= ms[i].start < ms[t].start and not p["amount"].match(ms[i].text) for i in here):
                out.append((src, t, "rule:w19-contributes-to"))
            break
    return out


def _budget_line(text: str, ms: Sequence[Any], order: list[int], start: int, pos: int, end: int) -> Found:
    """"- Budget: 86 million, of which 60 million from the state budget and 26 million from the X Fund"."""
    on = [i for i in order if pos <= ms[i].start < end]
    funders = [i for i in on if ms[i].type in FUNDERS and _patterns()["from_end"].search(text[max(pos, ms[i].start - 12):
                                                                                                  ms[i].start])]
    if not funders:
        return []
    page = title_programme(text, ms, order, start)
    if page is None:
        page = doc_subject(text, ms)
    if page is None:
        return []
    return [(i, page, "rule:w19-budget-from") for i in funders]
