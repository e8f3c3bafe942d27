"""PARTNERS_WITH in published forms no earlier rule reads (issue 14, wave 17; no parse).

Once per document after the rules, from the words of the text, its mentions and the candidates found so far:

* two parties described in appositions before a pact: "A, the country's oldest university, and B, the Oslo-based
  robot maker, have signed a memorandum of understanding" (``rule:w17-pact-appos``);
* "A, together with B, will develop ..." and "A runs the lab together with B" (``rule:w17-together``); a ranking, a
  prize or a sale after the phrase states no partnership ("A, together with B, won the award");
* a partner named in passing: "A developed the robot with B as technology partner", "• A, with the Halifax start-up B
  as technology partner: ..." (``rule:w17-as-partner``);
* "A will join B in a three-year research partnership": a partnership, no membership of B (the MEMBER_OF a verb of
  joining gave is taken back).

Word lists: ``data/lexicon/member_groups.json``. ``AIKG_PARTNER_PACTS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _name

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
#: an apposition set off by commas: ", the country's oldest university,"
APPOS = r"\s*,\s*(?:a|an|the)\s[^,;()]{1,100}?,\s*"
#: a short description before a name: "the NGO", "the Halifax start-up" (a place is a mention of its own); no preposition
#: ("with funding from B" names a funder)
DESC = r"(?:the\s+|a\s+|an\s+)?(?:(?!(?:from|of|by|for|in|at|on|to|and|or)\s)[\w'’-]+\s+){0,4}?"


def _w() -> Mapping[str, Any]:
    return lexicon_data("member_groups.json")


def _alt(key: str) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _w()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    return {
        "appos_and": re.compile(rf"{APPOS}and\s+(?:the\s+)?", re.I),
        "pact": re.compile(rf"(?:{APPOS}|\s*,?\s*)(?:(?:have|has|had|will|today|recently|formally|also)\s+){{0,3}}"
                           rf"(?:{_alt('pact_verbs')})\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_alt('pact_nouns')})\b",
                           re.I),
        "together": re.compile(rf"\s*,\s*(?:together|jointly)\s+with\s+{DESC}$", re.I),
        "together_after": re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,\s*(?P<w>[a-z]+)(?:\s+(?P<w2>[a-z]+))?"),
        "together_tail": re.compile(r"\s+(?:it|them|the\s+\w+(?:\s+\w+)?)\s+together\s+with\s+" + DESC + "$", re.I),
        "as_partner": re.compile(rf"\s*(?:\([^()]{{1,20}}\)\s*)?as\s+(?:its\s+|their\s+|a\s+|the\s+)?(?:[\w-]+\s+)?"
                                 rf"(?:{_alt('partner_as')})\b", re.I),
        "with": re.compile(rf"\bwith\s+{DESC}$", re.I),
        "second_pact": re.compile(rf"(?:\s+[\w-]+){{0,5}}?,?\s+and\s+(?:also\s+)?(?:a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alt('pact_nouns')}|"
                                  rf"{_alt('joint_in_nouns')})\s+with\s+{DESC}$", re.I),
        "made_with": re.compile(rf"\bto\s+(?:{_alt('make_verbs')})\s+(?:(?:a|an|the|its|their|new|open)\s+)?"
                                rf"(?:[\w-]+\s+){{0,4}}?with\s+{DESC}$", re.I),
        "join_in": re.compile(rf"\s+(?:in|on)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alt('joint_in_nouns')})\b",
                              re.I),
    }


def partner_pacts(text: str, facts: Any) -> None:
    """Add, in place, the PARTNERS_WITH of the forms above to ``facts``; joining a party in a partnership is no
    membership."""
    if os.environ.get("AIKG_PARTNER_PACTS", "on") == "off":
        return
    ms = facts.mentions
    rels: list[Any] = []
    new: list[RelationCandidate] = []
    for r in facts.relations:
        if r.type == "MEMBER_OF" and ms[r.source].end <= ms[r.target].start \
                and _patterns()["join_in"].match(text, ms[r.target].end):
            new.append(replace(r, type="PARTNERS_WITH", method=r.method + "+rule:w17-join-in"))
            continue  # "A will join B in a research partnership"
        rels.append(r)
    have = {frozenset((_name(ms, r.source), _name(ms, r.target))) for r in rels + new if r.type == "PARTNERS_WITH"}
    inside = nested(ms)  # speed: one sweep, not every mention against every other
    order = sorted((i for i in range(len(ms)) if i not in inside and ms[i].type in ORGS + (
        "Cluster", "Person", "Programme") and not ms[i].text[:1].islower()), key=lambda i: ms[i].start)  # no "its"
    starts = [ms[i].start for i in order]
    for p in SENTENCE.finditer(text):
        start, end = p.start(), p.end()
        here = [i for i in order[bisect_left(starts, start):bisect_right(starts, end)] if ms[i].end <= end]
        if len(here) < 2:
            continue
        found = _pact_appos(text, ms, here) + _together(text, ms, here, start) + _as_partner(text, ms, here) \
            + _second_pact(text, ms, here, start, rels)
        for a, b, method in found:
            key = frozenset((_name(ms, a), _name(ms, b)))
            if len(key) < 2 or key in have:
                continue
            have.add(key)
            new.append(RelationCandidate("PARTNERS_WITH", a, b, CONF, method, start, end, text[start:end], None))
    facts.relations[:] = rels + new


def _pact_appos(text: str, ms: Sequence[Any], here: list[int]) -> list[tuple[int, int, str]]:
    """"A, <apposition>, and B(, <apposition>,) have signed a memorandum of understanding"."""
    out = []
    for k in range(len(here) - 1):
        a, b = here[k], here[k + 1]
        if ms[a].type not in ORGS or ms[b].type not in ORGS:
            continue
        if not _patterns()["appos_and"].fullmatch(text, ms[a].end, ms[b].start):
            continue
        if _patterns()["pact"].match(text, ms[b].end):
            out.append((a, b, "rule:w17-pact-appos"))
    return out


def _together(text: str, ms: Sequence[Any], here: list[int], start: int) -> list[tuple[int, int, str]]:
    """"A, together with B, will develop ...", "A runs the lab together with the NGO B"."""
    out = []
    for k in range(1, len(here)):
        b = here[k]
        if ms[b].type not in ORGS:
            continue
        a = here[k - 1]
        if ms[a].type in ORGS and _patterns()["together"].fullmatch(text, ms[a].end, ms[b].start):
            after = _patterns()["together_after"].match(text, ms[b].end)
            if after and not _stated_no_tie(after.group("w"), after.group("w2")):
                out.append((a, b, "rule:w17-together"))
            continue
        subject = next((i for i in here if ms[i].start < ms[b].start), None)
        if subject is None or ms[subject].type not in ORGS or re.search(r"[;:]", text[start:ms[subject].start]):
            continue
        if text[start:ms[subject].start].strip() or any(ms[subject].start < ms[i].start < ms[b].start for i in here):
            continue  # the sentence opens with its subject, and no other name stands before B
        gap = text[ms[subject].end:ms[b].start]
        tail = _patterns()["together_tail"].search(gap)
        if tail and re.fullmatch(r"\s+(?:(?:also|now|jointly|still)\s+)?(?:run|runs|ran|operate|operates|operated|manage"
                                 r"|manages|managed|develop|develops|developed|build|builds|built|organise|organises|"
                                 r"organised|organize|organizes|organized|host|hosts|hosted|deliver|delivers|delivered)",
                                 gap[:tail.start()]):
            out.append((subject, b, "rule:w17-together"))
    return out


def _stated_no_tie(w: str, w2: str | None) -> bool:
    """Do the words after "A, together with B," state no joint work: a copula ("is among"), a ranking, a prize?"""
    stops = frozenset(_w()["together_not"])
    if w in ("has", "have", "had"):
        return w2 is None or w2 in stops or w2 in ("a", "an", "the", "been", "long", "both")
    if w in ("is", "are", "was", "were"):
        return w2 is None or not (w2.endswith("ed") or w2.endswith("ing")) or w2 in stops
    return w in stops or (w in ("will", "would", "can", "could", "plans", "plan") and w2 in stops)


def _as_partner(text: str, ms: Sequence[Any], here: list[int]) -> list[tuple[int, int, str]]:
    """"A developed the robot with B as technology partner": the nearest organisation before "with" is B's partner."""
    out = []
    for k in range(1, len(here)):
        b = here[k]
        if ms[b].type not in ORGS or not _patterns()["as_partner"].match(text, ms[b].end):
            continue
        before = text[max(0, ms[b].start - 60):ms[b].start]
        if not _patterns()["with"].search(before):
            continue
        a = next((i for i in reversed(here[:k]) if ms[i].type in ORGS), None)
        if a is None or re.search(r"[;:]", text[ms[a].end:ms[b].start]):
            continue
        out.append((a, b, "rule:w17-as-partner"))
    return out


def _second_pact(text: str, ms: Sequence[Any], here: list[int], start: int, rels: list[Any]) -> list[tuple[int, int, str]]:
    """"X has a joint project with A on haulage, and a distribution agreement with B": X, the partner of A the sentence
    opens with, partners B too; "X used its grant to build a model with B": B works with the sentence's subject."""
    subject = here[0]
    if ms[subject].type not in ORGS or text[start:ms[subject].start].strip(" \t•-–*"):
        return []
    name = _name(ms, subject)
    tied = {_name(ms, r.target if _name(ms, r.source) == name else r.source) for r in rels
            if r.type == "PARTNERS_WITH" and r.sent_start <= ms[subject].start < r.sent_end and name in (_name(ms, r.source), _name(ms, r.target))}
    out = []
    for k in range(1, len(here)):
        b = here[k]
        if ms[b].type not in ORGS or text[ms[b].end:ms[b].end + 2] in ("'s", "’s"):
            continue
        before = text[ms[here[k - 1]].end:ms[b].start]
        if tied and _patterns()["second_pact"].fullmatch(before):
            out.append((subject, b, "rule:w17-second-pact"))
        elif k == 1 or all(ms[i].type not in ORGS for i in here[1:k]):
            if _patterns()["made_with"].search(text[ms[subject].end:ms[b].start]) and ";" not in text[ms[subject].end:ms[b].start]:
                out.append((subject, b, "rule:w17-made-with"))
    return out
