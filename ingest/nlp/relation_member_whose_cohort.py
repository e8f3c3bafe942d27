"""MEMBER_OF in two published forms whose two ends are found but never linked (issue 14, wave 20; no parse).

Once per document after the rules, from the words of the text and its mentions:

* a group described in apposition whose members are then listed: "G (ACR), a non-profit whose members include A, the
  feed maker B and C, a hatchery in Salinas", "the start-up joined G, a national network whose members include
  universities in Puebla and the speech company B", "G, the regional association whose signatories are A and B"
  (``rule:w20-whose-members``); each listed organisation is a member of G, not a name after "by", "of", "from" inside
  an item's description ("C, a hatchery owned by D": D is no member);
* a firm that went through a programme's cohort: "X went through the 2024 cohort of P", "X was in the 2023 cohort of
  P, a programme that ...", "X completed the spring intake of P" (``rule:w20-cohort``), P a programme;
* "the cohort" of the one programme the sentence before names with a cohort: "The start-up is one of twelve companies
  in the 2025 cohort of P, an accelerator run by H. Other companies in the cohort include the firm A and B"
  (``rule:w20-the-cohort``); none when the sentence before names two programmes or no cohort.

Near-misses that must not fire: "G, whose sponsors include A", "G, a network whose customers include A", "X applied
to the 2024 cohort of P", "X was rejected from the cohort of P", "X mentors the 2024 cohort of P", "the cohort of P
includes A" (said of A, another rule's form). Word lists: ``data/lexicon/member_whose_cohort.json``.
``AIKG_MEMBER_WHOSE_COHORT=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import keep_new, sentences

CONF = 0.7
MEMBERS = ("Company", "Institute", "Agency")
GROUPS = ("Institute", "Agency", "Programme", "Company")
Found = list[tuple[int, int, str]]  # (member, group, method)
_WORD = re.compile(r"[\w'’-]+")


def _w() -> Mapping[str, Any]:
    return lexicon_data("member_whose_cohort.json")


def _alt(key: str) -> str:
    return alternation(_w()[key]).replace(r"\ ", r"\s+")


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """The one-word lists, lower-cased (read once)."""
    return {k: frozenset(w.lower() for w in _w()[k]) for k in ("stance_words", "item_not_after")}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); each is matched right after a name."""
    mods = rf"(?:(?:\d{{4}}|{_alt('cohort_modifiers')})\s+)*"
    return {
        "whose": re.compile(r"\s*(?:\([^()]{1,40}\))?\s*,\s+(?:an?|the)\s+[^,;()]{1,60}?\s+whose\s+(?:[\w-]+\s+){0,2}?"
                            rf"(?:{_alt('member_nouns')})\s+(?:{_alt('list_verbs')})\s+", re.I),
        "the_cohort": re.compile(rf"\b(?:{_alt('cohort_cues')})\s+(?:also\s+)?", re.I),
        "cohort_word": re.compile(r"\bcohorts?\b", re.I),
        "cohort": re.compile(rf"\s+(?:(?:also|has|had|recently|successfully)\s+)*(?:{_alt('cohort_verbs')})\s+"
                             rf"(?:the|its|their|this\s+year['’]s|last\s+year['’]s)\s+{mods}"
                             rf"(?:{_alt('cohort_nouns')})\s+(?:of|at|in)\s+(?:the\s+)?", re.I),
    }


def members_whose_cohort(text: str, facts: Any) -> None:
    """Add, in place, the MEMBER_OF of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_MEMBER_WHOSE_COHORT", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "MEMBER_OF"}
    new: list[RelationCandidate] = []
    prev: tuple[list[int], int] = ([], 0)
    for start, end, here in sentences(text, ms):
        before, prev = prev, (here, start)
        if not here:
            continue
        found = _whose(text, ms, here, end) + _cohort(text, ms, here) + _the_cohort(text, ms, here, before, start, end)
        keep_new("MEMBER_OF", text, ms, found, have, new, start, end, CONF)
    facts.relations += new


def _stance(seg: str) -> bool:
    return any(w.lower() in _sets()["stance_words"] for w in _WORD.findall(seg))


def _whose(text: str, ms: Sequence[Any], here: list[int], end: int) -> Found:
    """"G (ACR), a non-profit whose members include A, the feed maker B and C, a hatchery in Salinas" (see the doc)."""
    out: Found = []
    for n, g in enumerate(here):
        if ms[g].type not in GROUPS:
            continue
        hit = _patterns()["whose"].match(text, ms[g].end)
        if hit is None or _stance(text[ms[g].end:hit.end()]):
            continue
        stop = text.find(";", hit.end(), end)
        stop = end if stop < 0 else stop
        for i in here[n + 1:]:
            if ms[i].start < hit.end() or ms[i].type not in MEMBERS:
                continue
            if ms[i].start >= stop:
                break
            if _inside_description(text, hit.end(), ms[i].start):
                continue
            out.append((i, g, "rule:w20-whose-members"))
    return out


def _inside_description(text: str, lo: int, pos: int) -> bool:
    """Is the name at ``pos`` inside a list item's description ("C, a hatchery owned by D") rather than an item?"""
    seg = text[lo:pos]
    cut = max(seg.rfind(","), seg.rfind(" and "))
    part = seg[cut + 1:] if cut >= 0 else seg
    words = [w.lower() for w in _WORD.findall(part)]
    return any(w in _sets()["item_not_after"] for w in words) or _stance(part)


def _cohort(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"X went through the 2024 cohort of P", "X was in the 2023 cohort of P" (see the doc)."""
    out: Found = []
    for n in range(len(here) - 1):
        x, prog = here[n], here[n + 1]
        if ms[x].type not in MEMBERS or ms[prog].type != "Programme":
            continue
        if _patterns()["cohort"].fullmatch(text, ms[x].end, ms[prog].start):
            out.append((x, prog, "rule:w20-cohort"))
    return out


def _the_cohort(text: str, ms: Sequence[Any], here: list[int], prev: tuple[list[int], int], start: int,
                end: int) -> Found:
    """"The start-up is one of twelve companies in the 2025 cohort of P. Other companies in the cohort include A and B":
    A and B are members of the one programme the sentence before names with a cohort."""
    p = _patterns()
    hit = p["the_cohort"].search(text, start, end)
    before, lo = prev
    if hit is None or _stance(text[start:hit.start()]) or not before:
        return []
    if not p["cohort_word"].search(text, lo, start):
        return []
    progs = {_name(ms, i): i for i in before if ms[i].type == "Programme" and ms[i].source != "anaphor"}
    if len(progs) != 1:
        return []
    prog = next(iter(progs.values()))
    return [(i, prog, "rule:w20-the-cohort") for i in here if ms[i].start >= hit.end() and ms[i].type in MEMBERS
            and not _inside_description(text, hit.end(), ms[i].start)]
