"""FUNDS and RUNS stated in a relative clause with no "that" or "which" after a programme (issue 14; no parse).

Published text drops the relative pronoun after an apposition: "Kelvara took part in the Quorra Accelerator, a programme
Tarvik University runs", "a grant from the Velmora Voucher, a scheme the Halden Council funds and the Halden Innovation
Agency administers", "the Orrin Fellowship, a programme Brenmoor Labs has run since 2020". The parser reads the name
and the verb as a new clause of the sentence (the verb as an object or as the root), so no parse rule links the ends;
the forms with "that"/"which" are ``relation_runs_relative``'s and ``relation_funding``'s.

The form: a programme mention, an optional bracket, ", a|an|the|its" and up to five words ending in a scheme noun
(``scheme_nouns``: "programme", "scheme", "voucher"; not "an event", "a lab"), then a name, optional auxiliaries and
adverbs, and a verb of running (RUNS) or of funding (FUNDS) after which the clause ends (a comma, a stop, or one of
``after_words``: "since 2020", "with the ministry"). A second name after "and" with its own verb counts too.

Near-misses that must not fire: "P, a programme Tarvik University students attend" (no verb after the name), "P, a
scheme Kelvara joined" (no running or funding verb), "the Tarsk Summit, an event U organises" (no scheme noun),
"P, a programme U runs workshops for" (the clause goes on with an object). Words: ``data/lexicon/contact_clauses.json``;
``AIKG_CONTACT_CLAUSES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import Found, keep_new, sentences

ENABLED_ENV = "AIKG_CONTACT_CLAUSES"
FILE = "contact_clauses.json"
CONF = 0.7


def _w() -> Mapping[str, Any]:
    return lexicon_data(FILE)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w = _w()
    bracket = r"(?:[ \t]*\([^()\n]{1,60}\))?"
    aux = rf"(?:(?:{alternation(w['aux_words'])})[ \t]+)*"
    verbs = alternation([*w["run_verbs"], *w["fund_verbs"]])
    after = alternation(w["after_words"])
    return {  # one line: a clause never runs over a line break (a heading or a list below the apposition)
        "opener": re.compile(rf"(?P<bracket>{bracket})[ \t]*,[ \t]*(?:an?|the|its|their)[ \t]+(?:[^\s,;:()]+[ \t]+){{0,5}}?"
                             rf"(?:{alternation(w['scheme_nouns'])})[ \t]+(?:the[ \t]+)?", re.I),
        "verb": re.compile(rf"{bracket}[ \t]+{aux}(?P<verb>{verbs})(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:{after})\b)",
                           re.I | re.M),
        "and": re.compile(r"[ \t]+and[ \t]+(?:the[ \t]+)?", re.I),
    }


def contact_clauses(text: str, facts: Any) -> None:
    """Add, in place, the FUNDS and RUNS of the form above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    have = {t: {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == t}
            for t in ("FUNDS", "RUNS")}
    new: list[RelationCandidate] = []
    for start, end, here in sentences(text, ms):
        if len(here) < 2:
            continue
        found = _clauses(text, ms, here, end)
        for t in ("FUNDS", "RUNS"):
            keep_new(t, text, ms, found[t], have[t], new, start, end, CONF)
    facts.relations += new


def _clauses(text: str, ms: Sequence[Any], here: list[int], end: int) -> dict[str, Found]:
    """The (agent, programme, method) pairs of each relation type the sentence's contact clauses state."""
    p, runs = _patterns(), frozenset(v.lower() for v in _w()["run_verbs"])
    out: dict[str, Found] = {"FUNDS": [], "RUNS": []}
    starts = {ms[i].start: i for i in here}
    for prog in here:
        if ms[prog].type != "Programme" or ms[prog].source == "anaphor":
            continue
        hit = p["opener"].match(text, ms[prog].end, end)
        if hit is None or any(hit.end("bracket") <= ms[i].start < hit.end() for i in here):
            continue  # "P, a programme of X": a name inside the apposition is no agent of a clause
        pos = hit.end()
        while (a := starts.get(pos)) is not None:
            v = p["verb"].match(text, ms[a].end, end)
            if v is None:
                break
            verb = v.group("verb").lower()
            out["RUNS" if verb in runs else "FUNDS"].append((a, prog, f"rule:contact-clause-{verb}"))
            more = p["and"].match(text, v.end(), end)
            if more is None:
                break
            pos = more.end()
    return out
