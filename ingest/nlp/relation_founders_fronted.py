"""FOUNDED (and a founder's post) in three published forms the parse and earlier rules miss (issue 14, wave 19; no parse).

Once per document after the rules, from the words of the text, its mentions and the candidates found so far:

* a fronted founding participle whose founders carry descriptions or whose subject follows a spin-off phrase:
  "Founded in 2020 by Omari Salim, an agronomist, and Zawadi Kiprop, Shamba Data sells forecasts", "Founded in 2019
  by A and B as a spin-off of the Politecnico di X, Y employs 46 people", "Set up in 2021 by A, a former harbour
  engineer, and the economist B, the company ..." (each person founded the subject; the spin-off's parent too;
  ``rule:w19-fronted-founders``, ``rule:w19-fronted-spin-off``);
* an organisation that opens, sets up or launches "its" unit: "Northeastern Polytechnic has grown since it opened its
  Center for Subsurface Modeling in 2019", "The university established its new Institute for Marine Robotics" (the
  owner of "its" founded the unit; ``rule:w19-opened-its``);
* "The company was set up in 2021 by Dr. A and B as a spin-out of X" with "the company" left unresolved: the page's
  organisation (its title's, or the dateline subject of a release) (``rule:w19-company-founded``);
* an object relative clause of opening: "the Pasture Intelligence Centre that Horotiu University opened in August"
  (``rule:w19-object-opened``);
* after every rule, a founder with a post in a bracket: "founded with A (COO) and B (CTO)" (``rule:w19-founder-post``,
  AFFILIATED_WITH; "(former CTO)" is no post of the list);
* "its co-founder and chief executive, A" where "its" stands for an organisation the coreference stage resolved
  (the sentence before may name several): FOUNDED, and AFFILIATED_WITH for a second title that is a post
  (``rule:w19-its-founder``).

Near-misses that must not fire: "will open its lab", "plans to set up its own fund", "reopened its centre", "opened
its lab to visitors", a person after "funded by" or "advised by" in a founders list, a founders list with no
organisation as the main clause's subject ("Founded in 2019 by A, the fair ..." names no mention), "its investors,
A and B". Word lists: ``data/lexicon/founders_fronted.json``. ``AIKG_FOUNDERS_FRONTED=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.context import doc_subject
from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _inside_other, _name
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
UNITS = ("Company", "Institute", "Programme")
ENABLED_ENV = "AIKG_FOUNDERS_FRONTED"
Found = list[tuple[str, int, int, str]]  # (type, source, target, method)
#: a sentence, not cut after a title or a legal form ("by Dr. Hana Gebremedhin", "Kelso Ltd. and")
SENTENCE = re.compile(r"[^\s].*?(?:(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bProf)(?<!\bSt)(?<!\bLtd)(?<!\bInc)(?<!\bCo)"
                      r"(?<!\bJr)(?<!\bNo)(?<!\bDra)(?<!\bIng)[.!?](?=\s+[A-Z\"“])|(?=\n)|$)", re.M)
_FUNCTION = frozenset({"and", "or", "of", "in", "at", "for", "from", "with", "a", "an", "the", "to", "on", "by", "as"})


def _w() -> Mapping[str, Any]:
    return lexicon_data("founders_fronted.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w = _w()
    return {
        "opener": re.compile(r"\s*(?:" + alternation(w["opener"]) + r")\s+(?:jointly\s+)?"
                             r"(?:(?:in|around)\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?(?:in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s+)?"
                             r"(?:in\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+)?by\s+", re.I),
        "spin": re.compile(r"\bas\s+(?:a|an|the)\s+(?:(?:university|academic|research|corporate|\w+-based)\s+)?(?:"
                           + alternation(w["spin_nouns"]) + r")\s+(?:of|from)\s+(?:the\s+)?$", re.I),
        "stops": re.compile(r"\b(?:" + alternation(w["list_stops"]) + r")\b", re.I),
        "before_subject": re.compile(r",\s*(?:the\s+)?$"),
        "after_subject": re.compile(r"(?:\s+\([^()]{1,40}\))?\s+([a-z][a-z'’-]*)\b"),
        "org_item": re.compile(r"\band\s+(?:the\s+)?$"),
        "open": re.compile(r"\b(?:" + alternation(w["open_verbs"]) + r")\s+(its|their)\s+(?:(?:"
                           + alternation(w["open_adjectives"]) + r")\s+)?", re.I),
        "open_access": re.compile(r"\s+(?:to|for)\s+(?:the\s+|its\s+|their\s+|all\s+|local\s+)?(?:"  # "to local schools"
                                  + alternation(lexicon_data("founders_list.json")["open_to_audience"]) + r")\b", re.I),
        "rel_gap": re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,?\s*(?:that|which)\s+(?:the\s+)?"),
        "rel_verb": re.compile(r"(?:\s*\([^()]{1,30}\))?\s+(?:(?:has|had|have|first|jointly|only|recently)\s+)?(?:"
                               + alternation(w["relative_verbs"]) + r")\b"),
        "company_passive": re.compile(r"The\s+(?:" + alternation(w["company_nouns"]) + r")\s+was\s+(?:jointly\s+)?(?:"
                                      + alternation(w["opener"]) + r")\s+(?:[^.;:()]{0,40}?\s+)?by\s+"),
        "dateline": re.compile(r"\s*(?:--|—|–|-)\s*$"),
        "bracket_post": re.compile(r"\s*\((?:(?:co-?founder|founder)\s*(?:and|&|,)\s*)?([A-Za-z][A-Za-z ]{1,40}?)\)"),
        "site_after": re.compile(r"\s+(?:" + alternation(w["site_nouns"]) + r")\b", re.I),
        "its_founder": re.compile(r"(?:^|(?<=\s))(its|Its|their|Their)\s+(" + alternation(w["founder_nouns"])
                                  + r")(?:\s+and\s+([a-z][a-z -]{1,40}?))?\s*,\s+"),
        "list_gap": re.compile(r"\s*(?:,\s*and|,|and)\s+(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?$"),
        "lead_title": re.compile(r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?$"),
    }


def founders_fronted(text: str, facts: Any) -> None:
    """Add, in place, the FOUNDED and AFFILIATED_WITH of the forms above to ``facts`` (what earlier rules found is
    kept)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    page = _page_company(text, ms)
    order = sorted((i for i in range(len(ms)) if not _inside_other(ms, i)), key=lambda i: (ms[i].start, -ms[i].end))
    new: list[RelationCandidate] = []
    for p in SENTENCE.finditer(text):
        start, end = p.start(), p.end()
        here = [i for i in order if start <= ms[i].start and ms[i].end <= end]
        if not here:
            continue
        for typ, a, b, method in (_fronted(text, ms, here, start) + _opened_its(text, ms, here, start, end)
                                  + _its_founders(text, ms, here, start, end) + _object_opened(text, ms, here)
                                  + _company_founded(text, ms, here, start, end, page)):
            key = (typ, _name(ms, a), _name(ms, b))
            if key[1] == key[2] or key in have or allowed([typ], ms[a].type, ms[b].type) is None:
                continue
            have.add(key)
            new.append(RelationCandidate(typ, a, b, CONF, method, start, end, text[start:end], None))
    facts.relations += new
    facts.relations += _founder_posts(text, ms, facts.relations, have)


def _founder_posts(text: str, ms: Sequence[Any], rels: list[Any], have: set) -> list[RelationCandidate]:
    """"founded together with his friends A (COO) and B (CTO)", "Founders: A (CEO), B (CTO)": a founder with a post
    in a bracket right after the name holds it at the organisation founded (``rule:w19-founder-post``)."""
    out: list[RelationCandidate] = []
    for r in list(rels):
        if r.type != "FOUNDED" or ms[r.source].type != "Person" or ms[r.source].source == "anaphor":
            continue
        m = _patterns()["bracket_post"].match(text, ms[r.source].end)
        if m is None or m.group(1).lower() not in set(_w()["post_words"]):
            continue
        key = ("AFFILIATED_WITH", _name(ms, r.source), _name(ms, r.target))
        if key in have or key[1] == key[2] or allowed(["AFFILIATED_WITH"], ms[r.source].type, ms[r.target].type) is None:
            continue
        have.add(key)
        out.append(RelationCandidate("AFFILIATED_WITH", r.source, r.target, CONF, "rule:w19-founder-post", r.sent_start,
                                     r.sent_end, r.sentence, r.page))
    return out


def _resolved(ms: Sequence[Any], i: int) -> int | None:
    """The named mention an anaphor stands for (the mention itself when it is a name); None when unresolved."""
    seen = 0
    while ms[i].source == "anaphor" and seen < 8:
        if ms[i].coref is None:
            return None
        i, seen = ms[i].coref, seen + 1
    return None if ms[i].source == "anaphor" else i


def _fronted(text: str, ms: Sequence[Any], here: list[int], start: int) -> Found:
    """"Founded in 2020 by A, an agronomist, and B, X sells ...": every listed person (and a spin-off's parent) founded
    the main clause's subject X."""
    m = _patterns()["opener"].match(text, start)
    if m is None or m.start() != start:
        return []
    subject = _subject(text, ms, here, m.end())
    if subject is None:
        return []
    subj_at = ms[subject].start
    stop = _patterns()["stops"].search(text, m.end(), subj_at)
    limit = stop.start() if stop else subj_at
    out: Found = []
    target = _resolved(ms, subject)
    if target is None or ms[target].type not in ORGS:
        return []  # "the company" resolved to no organisation
    for i in here:
        if not m.end() <= ms[i].start < limit or i == subject:
            continue
        before = text[m.end():ms[i].start]
        if ms[i].type == "Person" and ms[i].source != "anaphor":
            out.append(("FOUNDED", i, target, "rule:w19-fronted-founders"))
        elif ms[i].type in ORGS and ms[i].source != "anaphor":
            if _patterns()["spin"].search(before):
                out.append(("FOUNDED", i, target, "rule:w19-fronted-spin-off"))
            elif _org_item(before):
                out.append(("FOUNDED", i, target, "rule:w19-fronted-founders"))
    return out


def _org_item(before: str) -> bool:
    """Is an organisation right after "by" or after "and" a listed founder, not a word of a description ("by A, a
    former engineer at X and Y" names no founder Y)?"""
    if re.fullmatch(r"(?:the\s+)?", before):
        return True
    item = _patterns()["org_item"].search(before)
    if item is None:
        return False
    clause = before[:item.start()].split(",")[-1]
    return not re.search(r"\b(?:at|of|from|in|with|for|a|an)\b", clause)


def _subject(text: str, ms: Sequence[Any], here: list[int], after: int) -> int | None:
    """The organisation that opens the main clause after a fronted participle: ", X sells", ", the company employs"."""
    for i in here:
        if ms[i].start < after or ms[i].type not in ORGS:
            continue
        if not _patterns()["before_subject"].search(text, max(after, ms[i].start - 8), ms[i].start):
            continue
        nxt = _patterns()["after_subject"].match(text, ms[i].end)
        if nxt and nxt.group(1) not in _FUNCTION:
            return i
    return None


def _opened_its(text: str, ms: Sequence[Any], here: list[int], start: int, end: int) -> Found:
    """"X opened its Centre for Y in 2019", "since it opened its Y": the owner of "its" founded the unit."""
    out: Found = []
    not_before = set(_w()["not_before_open"])
    for m in _patterns()["open"].finditer(text, start, end):
        lead = re.findall(r"[\w'’]+", text[max(start, m.start() - 30):m.start()].lower())[-3:]
        if not_before & set(lead) or text[max(start, m.start() - 2):m.start()].lower().endswith("re"):
            continue
        owner_m = next((i for i in here if ms[i].start == m.start(1)), None)
        owner = _resolved(ms, owner_m) if owner_m is not None else None
        unit = next((i for i in here if ms[i].start == m.end() and ms[i].type in UNITS and ms[i].source != "anaphor"),
                    None)
        if owner is None or unit is None or ms[owner].type not in ORGS:
            continue
        if _patterns()["open_access"].match(text, ms[unit].end) or _patterns()["site_after"].match(text, ms[unit].end):
            continue  # "opened its lab to visitors"; "opened its Paris laboratory" (a town read as a name)
        out.append(("FOUNDED", owner, unit, "rule:w19-opened-its"))
    return out


def _its_founders(text: str, ms: Sequence[Any], here: list[int], start: int, end: int) -> Found:
    """"its co-founder and chief executive, A, ...", "Its founders, A and B, ...": "its" as the coreference stage
    resolved it; a second title that is a post ties the person too."""
    out: Found = []
    posts = set(_w()["post_words"])
    for m in _patterns()["its_founder"].finditer(text, start, end):
        its = next((i for i in here if ms[i].start == m.start(1)), None)
        org = _resolved(ms, its) if its is not None else None
        if org is None or ms[org].type not in ORGS:
            continue
        post = (m.group(3) or "").strip().lower() in posts
        pos = m.end()
        for i in here:
            if ms[i].start < pos:
                continue
            gap = _patterns()["lead_title"] if pos == m.end() else _patterns()["list_gap"]
            if ms[i].type != "Person" or ms[i].source == "anaphor" or not gap.fullmatch(text, pos, ms[i].start):
                break
            out.append(("FOUNDED", i, org, "rule:w19-its-founder"))
            if post:
                out.append(("AFFILIATED_WITH", i, org, "rule:w19-its-founder"))
            pos = ms[i].end
    return out


def _object_opened(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"the Pasture Intelligence Centre that Horotiu University opened in August": an object relative clause of
    opening or founding names the founder as its subject."""
    out: Found = []
    for k in range(len(here) - 1):
        unit, org = here[k], here[k + 1]
        if ms[unit].type not in UNITS or ms[org].type not in ORGS or ms[unit].source == "anaphor" \
                or ms[org].source == "anaphor":
            continue
        if _patterns()["rel_gap"].fullmatch(text, ms[unit].end, ms[org].start) \
                and _patterns()["rel_verb"].match(text, ms[org].end):
            out.append(("FOUNDED", org, unit, "rule:w19-object-opened"))
    return out


def _page_company(text: str, ms: Sequence[Any]) -> int | None:
    """The organisation a page speaks for: its title's organisation, else a release's dateline subject ("ADDIS ABABA,
    18 November 2026 -- Selam Speech Technologies PLC, an Addis Ababa-based developer ...")."""
    owner = doc_subject(text, ms)
    if owner is not None:
        return owner
    for i, m in enumerate(ms):
        if m.type == "Company" and m.source != "anaphor" and _patterns()["dateline"].search(text, max(0, m.start - 6),
                                                                                              m.start):
            return i
    return None


def _company_founded(text: str, ms: Sequence[Any], here: list[int], start: int, end: int, page: int | None) -> Found:
    """"The company was set up in 2021 by Dr. A and B as a spin-out of X, where ...": "the company" the coreference
    stage left unresolved is the page's organisation; each person of the list and the spin-out's parent founded it."""
    m = _patterns()["company_passive"].match(text, start)
    if m is None or page is None or ms[page].type not in ORGS:
        return []
    if any(m.start() <= ms[i].start < m.end() for i in here):
        return []  # a named or resolved subject: the parse and earlier rules read it
    para = text.rfind("\n\n", 0, max(0, text.rfind("\n\n", 0, start)))  # the paragraph before and this one
    name = _name(ms, page)
    if not any(max(0, para) <= x.start < start and x.source != "anaphor" and x.canonical == name for x in ms):
        return []  # the page's organisation is not the one the passage is about
    stop = _patterns()["stops"].search(text, m.end(), end)
    limit = stop.start() if stop else end
    out: Found = []
    for i in here:
        if not m.end() <= ms[i].start < limit or ms[i].source == "anaphor":
            continue
        before = text[m.end():ms[i].start]
        if ms[i].type == "Person":
            out.append(("FOUNDED", i, page, "rule:w19-company-founded"))
        elif ms[i].type in ORGS and _patterns()["spin"].search(before):
            out.append(("FOUNDED", i, page, "rule:w19-company-founded"))
    return out
