"""RUNS in four published forms whose two ends are found but never linked (issue 14, wave 20; no parse).

Once per document after the rules, from the words of the text, its mentions and the RUNS found so far:

* a runner in a relative clause after a programme, also the second of two: "the P voucher scheme, which the Agency for
  Digital Enterprise (ADE) runs nationally and which paid for pilots", "P, an open-data programme that the Ministry
  will fund and that U will run until 2027" (``rule:w20-relative``; the funder of the first clause runs nothing);
* the unit a runner acts through: "a county scheme run by the County Government of X through its Department of Trade"
  (``rule:w20-through``: the department runs it too);
* a co-runner after "with": "B runs the programme with the Ministry of Production", "P is run by A together with B"
  (``rule:w20-with``); not "with money from C", "with the help of consultants from C", "with support from C", nor
  after "delivers" ("A delivers P with the Chamber": a delivery partner);
* a creator that also administers it: "It was created in 2023 by A, the state innovation council, which also
  administers it" (``rule:w20-also-runs``).

Near-misses that must not fire: "P, which A funds", "P, which A joined in 2024", "A runs P with money from B", "A runs P
with the help of consultants from B", "P was created by A, which also funds it". Word lists: ``data/lexicon/runs_relative.json``.
``AIKG_RUNS_RELATIVE=off`` turns the module off (paired A/B).
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
RUNNERS = ("Company", "Institute", "Agency")
Found = list[tuple[int, int, str]]  # (runner, programme, method)


def _w() -> Mapping[str, Any]:
    return lexicon_data("runs_relative.json")


def _alt(key: str) -> str:
    return alternation(_w()[key])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    adv = rf"(?:(?:{_alt('adverbs')})\s+)*"
    verb = rf"{adv}(?:{_alt('run_verbs')})\b(?!\s+(?:by|for|with\s+(?:money|funding|support)|to\b))"
    return {
        "relative": re.compile(r"(?:,\s*|\s+)(?:and\s+)?(?:which|that)\s+(?:the\s+)?", re.I),
        "relative_verb": re.compile(rf"\s*(?:\([^()]{{1,40}}\))?\s+{verb}", re.I),
        "clause_end": re.compile(r"[;:]|\s[–—]\s"),
        "through": re.compile(r"\s*(?:\([^()]{1,40}\))?\s+(?:through|via)\s+(?:its|their)\s+", re.I),
        "run_gap": re.compile(rf"\s*(?:\([^()]{{1,40}}\))?\s+{adv}(?:runs|ran|operates|administers|manages|co-runs|"
                              r"coordinates|co-manages)\s+(?:the\s+)?", re.I),
        "by_gap": re.compile(rf"\s*(?:\([^()]{{1,40}}\))?\s*,?\s+(?:is|are|was|were|has\s+been|will\s+be)\s+{adv}"
                             rf"(?:{_alt('run_participles')})\s+by\s+(?:the\s+)?", re.I),
        "with": re.compile(r"\s*(?:\([^()]{1,40}\))?\s+(?:together\s+|jointly\s+)?with\s+(?:the\s+)?$", re.I),
        "also_runs": re.compile(r"\s*(?:\([^()]{1,40}\))?(?:\s*,\s*(?:an?|the)\s+[^,;()]{1,80}?)?\s*,\s*which\s+"
                                rf"(?:(?:also|now|still)\s+)+(?:{_alt('run_verbs')})\s+(?:it|them)\b", re.I),
        "created_by": re.compile(r"\b(?:created|set\s+up|launched|established|founded|started|introduced)\s+"
                                 r"(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?$", re.I),
    }


def runs_relative(text: str, facts: Any) -> None:
    """Add, in place, the RUNS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_RUNS_RELATIVE", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "RUNS"}
    new: list[RelationCandidate] = []
    for start, end, here in sentences(text, ms):
        if len(here) < 2:
            continue
        runs = [(r.source, r.target) for r in facts.relations + new if r.type == "RUNS" and start <= ms[r.source].start < end]
        found = _relative(text, ms, here, end) + _through(text, ms, here, runs) + _with(text, ms, here) \
            + _also_runs(text, ms, here, start)
        keep_new("RUNS", text, ms, found, have, new, start, end, CONF)
    facts.relations += new


def _at(ms: Sequence[Any], here: list[int], pos: int, types: tuple[str, ...]) -> int | None:
    """The mention of one of ``types`` starting at ``pos``."""
    return next((i for i in here if ms[i].start == pos and ms[i].type in types), None)


def _relative(text: str, ms: Sequence[Any], here: list[int], end: int) -> Found:
    """"P, which A (ACR) runs nationally and which ...", "P, a programme that F will fund and that A will run"."""
    p = _patterns()
    out: Found = []
    for prog in here:
        if ms[prog].type != "Programme" or ms[prog].source == "anaphor":
            continue
        stop = p["clause_end"].search(text, ms[prog].end, end)
        stop_at = stop.start() if stop else end
        first = True
        for hit in p["relative"].finditer(text, ms[prog].end, stop_at):
            if first and (hit.start() - ms[prog].end > 90 or any(ms[prog].end <= ms[i].start < hit.start() for i in here)):
                break  # the first relative clause must be said of P (after at most an apposition)
            if not first and not hit.group(0).lower().lstrip(", ").startswith("and"):
                continue
            first = False
            a = _at(ms, here, hit.end(), RUNNERS)
            if a is not None and p["relative_verb"].match(text, ms[a].end):
                out.append((a, prog, "rule:w20-relative"))
    return out


def _through(text: str, ms: Sequence[Any], here: list[int], runs: list[tuple[int, int]]) -> Found:
    """"a scheme run by A through its Department of Trade": the department runs the scheme too."""
    out: Found = []
    for a, prog in runs:
        hit = _patterns()["through"].match(text, ms[a].end)
        if hit is not None and (d := _at(ms, here, hit.end(), RUNNERS)) is not None:
            out.append((d, prog, "rule:w20-through"))
    return out


def _with(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"A runs P with B", "P is run by A together with B": B runs P too (not "with money from B")."""
    p = _patterns()
    out: Found = []
    for n in range(len(here) - 2):
        x, y, b = here[n], here[n + 1], here[n + 2]
        if ms[b].type not in RUNNERS or not p["with"].fullmatch(text, ms[y].end, ms[b].start):
            continue
        if re.match(r"['’]s?\b", text[ms[b].end:ms[b].end + 2]):
            continue  # "with A's help"
        if ms[x].type in RUNNERS and ms[y].type == "Programme" and p["run_gap"].fullmatch(text, ms[x].end, ms[y].start):
            out.append((b, y, "rule:w20-with"))
        elif ms[x].type == "Programme" and ms[y].type in RUNNERS and p["by_gap"].fullmatch(text, ms[x].end, ms[y].start):
            out.append((b, x, "rule:w20-with"))
    return out


def _also_runs(text: str, ms: Sequence[Any], here: list[int], start: int) -> Found:
    """"It was created in 2023 by A, the state council, which also administers it": A runs the sentence's programme."""
    p = _patterns()
    out: Found = []
    progs = [i for i in here if ms[i].type == "Programme"]
    if not progs or progs[0] != here[0]:
        return out
    for a in here[1:]:
        if ms[a].type not in RUNNERS or not p["created_by"].search(text, max(start, ms[a].start - 40), ms[a].start):
            continue
        if p["also_runs"].match(text, ms[a].end):
            out.append((a, progs[0], "rule:w20-also-runs"))
    return out
