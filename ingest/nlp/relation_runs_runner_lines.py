"""RUNS in three published forms no earlier rule reads (issue 14, wave 19; no parse).

Once per document after the rules, from the words of the text, its mentions and the RUNS found so far:

* every runner on a fact sheet's label line, not only the first: "- Delivered by: the Technical University of the
  Coast (training) and the Pwani Innovation Hub (adoption grants)" under "FACT SHEET: Coast AI Skills Programme"
  (``rule:w19-runner-line``); a name in a description ("A, which partners with B") or in brackets is no runner;
* a relative clause that runs a scheme the sentence has named: "we received a Regional Startup Grant from Te Rohe
  Innovation, the regional development agency, which runs the grant scheme for the Waikato" (``rule:w19-runs-the``);
  "which funds the scheme" or "which runs a hackathon" state nothing;
* a participle of leading around a programme: "Spearheaded by the Tessaly Innovation Agency, the Kiln Accelerator has
  channelled ...", "The Kiln Accelerator, spearheaded by the Tessaly Innovation Agency, has ..."
  (``rule:w19-led-by``); "funded by", "backed by" give no RUNS.

Word lists: ``data/lexicon/runs_runner_lines.json``; ``AIKG_RUNS_RUNNER_LINES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_posts_grants import DESCRIPTION, title_programme
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import keep_new, reading_order, sentences

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
Found = list[tuple[int, int, str]]  # (runner, programme, method)


def _w() -> Mapping[str, Any]:
    return lexicon_data("runs_runner_lines.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); the name-gap forms are matched at a position (no ``^``)."""
    lead = alternation(_w()["lead_participles"])
    return {
        "label": re.compile(rf"^[ \t]*(?:[-•*·▪]\s*)?(?:{alternation(_w()['runner_labels'])})\s*:\s*", re.I | re.M),
        "runs_the": re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*,[^,;()]{1,80},)?\s*,?\s+(?:which|that|who)\s+(?:also\s+|now\s+|"
                               rf"still\s+|currently\s+|jointly\s+)?(?:{alternation(_w()['run_verbs'])})\s+the\s+"
                               rf"(?:[\w'’-]+\s+){{0,2}}?(?:{alternation(_w()['scheme_nouns'])})\b", re.I),
        "fronted": re.compile(rf"\s*(?:{lead})\s+by\s+(?:the\s+)?", re.I),
        "after_runner": re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:for|on\s+behalf\s+of|with|in\s+partnership\s+with)\s+"
                                   r"[^,;]{1,80}?)?\s*,\s+(?:the\s+)?$", re.I),
        "appos_lead": re.compile(rf"(?:\s*\([^()]{{1,30}}\))?\s*,\s+(?:(?:which\s+is|jointly|now|currently)\s+)?"
                                 rf"(?:{lead})\s+by\s+(?:the\s+)?$", re.I),
        "appos_end": re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:for|on\s+behalf\s+of|with|in\s+partnership\s+with)\s+"
                                r"[^,;]{1,80}?)?\s*,", re.I),
    }


def runs_runner_lines(text: str, facts: Any) -> None:
    """Add, in place, the RUNS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_RUNS_RUNNER_LINES", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "RUNS"}
    order = reading_order(ms, ORGS + ("Programme",))
    new: list[RelationCandidate] = []
    for start, end, here in sentences(text, ms, order):
        if len(here) < 2:
            continue
        found = _runs_the(text, ms, here) + _led_by(text, ms, here, start)
        keep_new("RUNS", text, ms, found, have, new, start, end, CONF)
    for runner, prog, a, b in _runner_lines(text, ms, order):
        keep_new("RUNS", text, ms, [(runner, prog, "rule:w19-runner-line")], have, new, a, b, CONF)
    facts.relations += new


def _runs_the(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"... a Regional Startup Grant from R, the regional agency, which runs the grant scheme": R runs the grant."""
    out: Found = []
    for n, r in enumerate(here):
        if ms[r].type not in ORGS or not _patterns()["runs_the"].match(text, ms[r].end):
            continue
        progs = [i for i in here[:n] if ms[i].type == "Programme" and ms[i].source != "anaphor"]
        if len({_name(ms, i) for i in progs}) == 1:
            out.append((r, progs[-1], "rule:w19-runs-the"))
    return out


def _led_by(text: str, ms: Sequence[Any], here: list[int], start: int) -> Found:
    """"Spearheaded by R, the P has ...", "The P, spearheaded by R, has ..."."""
    p = _patterns()
    out: Found = []
    for n in range(len(here) - 1):
        a, b = here[n], here[n + 1]
        if ms[a].type in ORGS and ms[b].type == "Programme" and p["fronted"].fullmatch(text, start, ms[a].start) \
                and p["after_runner"].fullmatch(text, ms[a].end, ms[b].start):
            out.append((a, b, "rule:w19-led-by"))
        elif ms[a].type == "Programme" and ms[b].type in ORGS and ms[a].source != "anaphor" \
                and p["appos_lead"].fullmatch(text, ms[a].end, ms[b].start) and p["appos_end"].match(text, ms[b].end):
            out.append((b, a, "rule:w19-led-by"))
    return out


def _runner_lines(text: str, ms: Sequence[Any], order: list[int]) -> list[tuple[int, int, int, int]]:
    """"- Delivered by: A (training) and B (adoption grants)" under a title naming the programme: A and B run it."""
    out: list[tuple[int, int, int, int]] = []
    for hit in _patterns()["label"].finditer(text):
        b = text.find("\n", hit.end())
        b = len(text) if b < 0 else b
        cut = DESCRIPTION.search(text, hit.end(), b)
        stop = cut.start() if cut else b
        runners = [i for i in order if hit.end() <= ms[i].start < stop and ms[i].type in ORGS
                   and not _in_brackets(text, hit.end(), ms[i].start)]
        if not runners:
            continue
        prog = title_programme(text, ms, order, hit.start())
        if prog is not None:
            out += [(i, prog, hit.start(), b) for i in runners]
    return out


def _in_brackets(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside an open bracket that starts after ``lo``?"""
    seg = text[lo:pos]
    return seg.count("(") > seg.count(")")
