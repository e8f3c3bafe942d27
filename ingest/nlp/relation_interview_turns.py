"""FOUNDED and LOCATED_IN in the turns of published interviews (issue 14, wave 19; no parse).

Q&A interviews with founders and lab directors state relations in the interviewee's own voice (every name in the
tests is invented):

* "Ivo Marsh and I founded it in 2021", "My co-founder Ivo Marsh and I set up Quillon": the person beside "I"
  founded the organisation (``rule:w19-and-i-founded``); "it" / "the company" is the organisation the question or
  the line before names, or else the page's own organisation (the one its "we"/"our" stand for; annotation.md §3);
* "Brisk Harbour has a few firms, such as Tarrow Sensing and Osprey Lane Data", "Brisk Harbour has a few: A and B",
  "In Dunmore there is Fenwyck Vision", "Dunmore is home to A and B": the firms are LOCATED_IN the town
  (``rule:w19-town-has``).

Near-misses give nothing: "Before that I was at Halder Cloud", "Brisk Harbour has customers such as A", "Brisk Harbour
lost A to Dunmore", "Ivo Marsh and I met at Halder Cloud".

Word lists: ``data/lexicon/interview_turns.json``. ``AIKG_INTERVIEW_TURNS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import MentionFact, RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _name

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
#: between two firms of a list: a comma or "and", an article and up to three lower-case words
ITEM_GAP = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){0,3}")
#: a list ends here: the sentence's end, a comma clause or a bracket
LIST_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[.;:!?]|,\s|\s+(?:which|who|but|and\s+(?:they|it|we))\b|$)")
Rel = tuple[str, int, int, str]
#: a capitalised name of one to three words
CAPS = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}(?![\w'’-])")


def _w() -> Mapping[str, Any]:
    return lexicon_data("interview_turns.json")


def _alt(words: Sequence[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w, d = _w(), lexicon_data("directory_lines.json")
    verbs = rf"(?:{_alt(w['found_verbs'])})"
    return {
        "and_i": re.compile(rf"\s+and\s+I\s+(?:(?:both|together|jointly|then)\s+)?{verbs}\s+(?:(?P<it>{_alt(w['it_words'])})\b)?",
                            re.I),
        "my_cofounder": re.compile(r"\b[Mm]y\s+co-?founders?\s+$"),
        "scene": re.compile(rf"\s+(?:{_alt(w['scene_verbs'])})\s+(?:(?:{_alt(w['scene_quantities'])})(?:\s+|(?=:)))?"
                            rf"(?:(?:{_alt(w['scene_nouns'])})\s*)?(?:,?\s*(?:{_alt(w['scene_links'])})\s*,?\s*|:\s*)", re.I),
        "scene_home": re.compile(r"\s+is\s+home\s+to\s+"),
        "there_is": re.compile(r"\b[Ii]n\s+$"),
        "there_tail": re.compile(r"\s*,?\s+there\s+(?:is|are)\s+(?:also\s+)?(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){0,3}"),
        "cue": re.compile(rf"\b(?:{_alt(w['scene_verbs'])}|there\s+(?:is|are))\b"),
        "firm_word": re.compile(rf"(?<![\w-])(?:{_alt(d['org_heads'] + d['not_town'])})s?(?![\w-])", re.I),
        "neg": re.compile(rf"(?<![\w-])(?:{_alt(w['scene_negations'])})(?![\w-])", re.I),
    }


def interview_turns(text: str, facts: Any) -> None:
    """Add, in place, the founders beside "I" and the firms a town "has" to ``facts``."""
    if os.environ.get("AIKG_INTERVIEW_TURNS", "on") == "off":
        return
    ms = facts.mentions
    inside = nested(ms)
    order = sorted((i for i in range(len(ms)) if i not in inside and ms[i].source != "anaphor"), key=lambda i: ms[i].start)
    starts = [ms[i].start for i in order]
    page = _page_org(ms)
    towns = {m.text for m in ms if m.type == "Cluster" and m.source != "anaphor"}
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    prev: list[int] = []
    for p in SENTENCE.finditer(text):
        here = [i for i in order[bisect_left(starts, p.start()):bisect_right(starts, p.end())] if ms[i].end <= p.end()]
        rels = _founders(text, ms, here, prev, page, p.end()) + _town_has(text, ms, here, p.start(), p.end(), towns)
        for typ, src, tgt, how in rels:
            key = (typ, _name(ms, src), _name(ms, tgt))
            if key in have or key[1] == key[2]:
                continue
            have.add(key)
            facts.relations.append(RelationCandidate(typ, src, tgt, CONF, f"rule:w19-{how}", p.start(), p.end(),
                                                     text[p.start():p.end()], None))
        prev = here


def _page_org(ms: Sequence[Any]) -> int | None:
    """The organisation the page's "we"/"our" stand for, when they all stand for one."""
    heads = Counter()
    for m in ms:
        if m.source == "anaphor" and m.coref is not None and m.text.lower() in ("we", "our", "us", "ours"):
            i, seen = m.coref, 0
            while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
                i, seen = ms[i].coref, seen + 1
            heads[ms[i].canonical] += 1
    if len(heads) != 1:
        return None
    name = next(iter(heads))
    return next((i for i, m in enumerate(ms) if m.canonical == name and m.source != "anaphor"), None)


def _founders(text: str, ms: Sequence[Any], here: list[int], prev: list[int], page: int | None, end: int) -> list[Rel]:
    """ "P and I founded X|it", "My co-founder P and I set up X": FOUNDED from P."""
    pats = _patterns()
    out: list[Rel] = []
    for k, i in enumerate(here):
        if ms[i].type != "Person" and not _person_like(ms[i]):
            continue
        m = pats["and_i"].match(text, ms[i].end, end)
        if m is None:
            continue
        if ms[i].type != "Person":  # "Ivo Marsh and I founded it": only a person stands beside "I"
            ms[i] = replace(ms[i], type="Person")
        people = [i]
        j = k - 1  # "My co-founders A and B and I": the persons before
        while j >= 0 and ms[here[j]].type == "Person" and re.fullmatch(r"\s*(?:,|and)\s*", text[ms[here[j]].end:ms[people[0]].start]):
            people.insert(0, here[j])
            j -= 1
        org = _object(text, ms, here, prev, page, m)
        if org is not None:
            out.extend(("FOUNDED", p, org, "and-i-founded") for p in people)
    return out


def _person_like(m: Any) -> bool:
    """A name the statistical model typed as a firm that has a person's shape: two or three capitalised words, none a
    firm's head word."""
    words = m.text.split()
    return (m.source == "ner" and m.type == "Company" and 2 <= len(words) <= 3
            and all(re.fullmatch(r"[A-Z][a-zà-ÿ'’-]+", w) for w in words) and not _patterns()["firm_word"].search(m.text))


def _object(text: str, ms: Sequence[Any], here: list[int], prev: list[int], page: int | None, m: re.Match) -> int | None:
    """The organisation founded: the mention right after the verb, or the one "it" stands for."""
    if m.group("it") is None:
        nxt = next((i for i in here if ms[i].start >= m.end()), None)
        if nxt is not None and ms[nxt].start == m.end() and ms[nxt].type in ORGS:
            return nxt
        return None
    orgs = [i for i in prev if ms[i].type in ORGS]
    if len({_name(ms, i) for i in orgs}) == 1:
        return orgs[0]
    return page if not orgs else None


def _towns_named(text: str, ms: list[Any], here: list[int], start: int, end: int, towns: set[str]) -> list[int]:
    """The sentence's Cluster mentions, and a new one for a capitalised name that the page elsewhere gives as a town
    but no mention covers here (a town as a subject: "Brisk Harbour has a few firms")."""
    out = [i for i in here if ms[i].type == "Cluster"]
    for m in CAPS.finditer(text, start, end):
        if m.group() in towns and not any(ms[i].start < m.end() and m.start() < ms[i].end for i in here):
            ms.append(MentionFact(m.group(), m.start(), m.end(), "Cluster", "rule", m.group()))
            out.append(len(ms) - 1)
            here.append(len(ms) - 1)
    here.sort(key=lambda i: ms[i].start)
    return out


def _town_has(text: str, ms: list[Any], here: list[int], start: int, end: int, towns: set[str]) -> list[Rel]:
    """ "T has a few firms, such as A and B", "T is home to A and B", "In T there is A": LOCATED_IN of each firm."""
    pats = _patterns()
    out: list[Rel] = []
    if not pats["cue"].search(text, start, end):
        return out
    for i in _towns_named(text, ms, here, start, end, towns):
        if ms[i].type != "Cluster":
            continue
        lead = pats["scene"].match(text, ms[i].end, end) or pats["scene_home"].match(text, ms[i].end, end)
        if lead is None and pats["there_is"].search(text, max(start, ms[i].start - 4), ms[i].start):
            lead = pats["there_tail"].match(text, ms[i].end, end)
        if lead is None or pats["neg"].search(text, ms[i].end, lead.end()):
            continue
        out.extend(("LOCATED_IN", f, i, "town-has") for f in _firms(text, ms, here, lead.end(), end))
    return out


def _firms(text: str, ms: Sequence[Any], here: list[int], at: int, end: int) -> list[int]:
    """The organisations of the list that starts at ``at``; none unless the list ends the clause."""
    rest = [i for i in here if ms[i].start >= at]
    if not rest or ms[rest[0]].start != at or ms[rest[0]].type not in ORGS:
        return []
    items, prev = [rest[0]], rest[0]
    for i in rest[1:]:
        if not ITEM_GAP.fullmatch(text, ms[prev].end, ms[i].start):
            break
        if ms[i].type not in ORGS:
            return []
        items.append(i)
        prev = i
    return items if LIST_END.match(text, ms[prev].end, end) else []
