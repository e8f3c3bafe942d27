"""RUNS and FOUNDED in three published forms no earlier rule reads (issue 14, wave 18; no parse).

Once per document after the rules, from the words of the text, its mentions and the candidates found so far:

* an object relative clause whose subject is the runner, with words between it and the verb: "the Psifiako Vima
  voucher scheme, which the Hellenic Agency for Digital Enterprise (HADE) runs nationally", "a regional scheme that
  the Comite de Fomento (CFPB) set up in 2024 and still administers" (RUNS, and FOUNDED for a verb of founding in the
  chain), "a register of canal flows that the institute operates for the water authority" (``rule:w18-object-rel``);
* a programme "run out of" (or "run from") an organisation or its premises: "an accelerator programme run out of the
  Concepcion offices of Pehuen Partners", "The Launchpad is run out of Ostrel University's business school"
  (``rule:w18-run-out-of``);
* a predicative spin-out: "Varnek Grid is an Ebro University spin-out", "X was a spin-off of Y" (``rule:w18-spin-is``).

Near-misses that must not fire: "which the ministry funds", "a programme that the agency plans to run", "which X
formerly ran", "the summit, which the agency runs" (no programme), "run out of money", "grew out of research at Y".
Word lists: ``data/lexicon/structure_clauses.json``. ``AIKG_STRUCTURE_CLAUSES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _inside_other, _name
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
Found = list[tuple[str, int, int, str]]  # (type, source, target, method)


def _w() -> Mapping[str, Any]:
    return lexicon_data("structure_clauses.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    nouns = alternation(_w()["clause_nouns"])
    return {
        # between a programme and its runner: ", which the" / ", a regional scheme that the" / " (CFPB), which"
        "rel_gap": re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,\s*(?:(?:a|an|the|its)\s+(?:[\w'’$.-]+\s+){0,5}?"
                              rf"(?:{nouns})(?:\s+(?:of|for)\s+[^,;()]{{1,60}}?)?\s+)?(?:which|that)\s+(?:the\s+)?",
                              re.I),
        "subject_verb": re.compile(r"\s+(?:(?:also|now|still|jointly|currently)\s+)?(?:runs|operates|manages|administers|"
                                   r"coordinates)\s+(?:the\s+|its\s+)?"),
        "for_by": re.compile(r"\b(?:run|managed|administered|operated|delivered|coordinated)\s+(?:locally\s+)?"
                             r"(?:for|on\s+behalf\s+of)\s+[^,;.()]{1,80}?\s+by\s+", re.I),
        "for_by_lead": re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s*,\s*which\b[^;.]{0,80}?\band\s+which|\s*,\s*which|\s*,\s*"
                                  r"(?:a|an)\s+[^,;()]{1,60}?)?\s+(?:(?:is|are|was|were|has\s+been|have\s+been|will\s+be)\s+)?"
                                  r"(?:\w+ly\s+)?", re.I),
        "desc": re.compile(r"(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?"),
        "abbr": re.compile(r"\s*\([^()]{1,30}\)"),
        "clause_end": re.compile(r"[,.;:()]|\s(?:and|but)\s+(?:which|that|it|is|was|has)\b|$"),
        "run_out": re.compile(r"\brun\s+(?:(?:out\s+of)|from)\s+", re.I),
        "before_run_out": re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:a|an|the)\s+[^,;()]{0,60}?\s+|\s+(?:is|are|was|"
                                     r"were|has\s+been|have\s+been|will\s+be|is\s+now|is\s+still)\s+(?:\w+ly\s+)?)$",
                                     re.I),
        "after_run_out": re.compile(r"(?:the\s+|its\s+)?", re.I),
        "premises": re.compile(r"(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,3}?(?:offices|office|premises|building|campus|"
                               r"headquarters|base)\s+of\s+(?:the\s+)?", re.I),
        "spin_is": re.compile(r"\s+(?:is|was|became|began\s+as|started\s+as|remains)\s+(?:\w+ly\s+)?(?:a|an|the)\s+"
                              r"(?:(?:former|small|young|\d{4})\s+)?$", re.I),
        "spin_after": re.compile(rf"\s+(?:{alternation(_w()['spin_nouns'])})\b", re.I),
        "spin_of": re.compile(r"\s+(?:is|was|became|began\s+as|started\s+as|remains)\s+(?:\w+ly\s+)?(?:a|an)(?:\s+[\w-]+)?\s+"
                             rf"(?:{alternation(_w()['spin_nouns'])})\s+(?:of|from)\s+(?:the\s+)?", re.I),
    }


def structure_clauses(text: str, facts: Any) -> None:
    """Add, in place, the RUNS and FOUNDED of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_STRUCTURE_CLAUSES", "on") == "off":
        return
    ms = facts.mentions
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    order = sorted((i for i in range(len(ms)) if not _inside_other(ms, i) and ms[i].type in ORGS + ("Programme",)
                    and (ms[i].source == "anaphor" or not ms[i].text[:1].islower())), key=lambda i: ms[i].start)
    new: list[RelationCandidate] = []
    for p in SENTENCE.finditer(text):
        start, end = p.start(), p.end()
        here = [i for i in order if start <= ms[i].start and ms[i].end <= end]
        if len(here) < 2:
            continue
        for typ, a, b, method in _object_rel(text, ms, here, end) + _run_out_of(text, ms, here, start) \
                + _spin_is(text, ms, here) + _subject_runs(text, ms, here) + _for_by(text, ms, here, start):
            key = (typ, _name(ms, a), _name(ms, b))
            if key[1] == key[2] or key in have or allowed([typ], ms[a].type, ms[b].type) is None:
                continue
            have.add(key)
            new.append(RelationCandidate(typ, a, b, CONF, method, start, end, text[start:end], None))
    facts.relations += new


def _object_rel(text: str, ms: Sequence[Any], here: list[int], end: int) -> Found:
    """"P, which the R (ABBR) runs nationally", "P, a scheme that R set up in 2024 and still administers"."""
    out: Found = []
    run_v, found_v = set(_w()["run_verbs"]), _w()["found_verbs"]
    chain, stops = set(_w()["chain_words"]), set(_w()["not_running"])
    for k in range(len(here) - 1):
        prog, runner = here[k], here[k + 1]
        if ms[prog].type != "Programme" or ms[runner].type not in ORGS or ms[prog].source == "anaphor":
            continue
        if not _patterns()["rel_gap"].fullmatch(text, ms[prog].end, ms[runner].start):
            continue
        pos = ms[runner].end
        if ab := _patterns()["abbr"].match(text, pos):
            pos = ab.end()
        stop = _patterns()["clause_end"].search(text, pos, end)
        clause = text[pos:stop.start() if stop else end]
        if any(pos <= ms[i].start < pos + len(clause) for i in here):
            continue  # another name inside the clause: not this simple form
        words = re.findall(r"[\w'’-]+", clause.lower())
        if not words or len(words) > 10 or stops & set(words):
            continue
        founded = any(re.search(rf"\b{re.escape(v)}\b", clause.lower()) for v in found_v)
        ran = [w for w in words if w in run_v]
        lead = words[:words.index(ran[0])] if ran else []
        if ran and all(w in chain or w.isdigit() or w in {"set", "up"} or _is_found_word(w, found_v) for w in lead[3:]):
            out.append(("RUNS", runner, prog, "rule:w18-object-rel"))
        if founded and re.match(r"\s*(?:(?:has|have|had|first|jointly)\s+)?(?:" + alternation(found_v) + r")\b",
                                clause, re.I):
            out.append(("FOUNDED", runner, prog, "rule:w18-object-rel"))
    return out


def _subject_runs(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"CCIA runs Becas Cordoba IA, a fellowship ...": the tagger may read "CCIA runs" as one plural noun, so the
    surface form is read here (the organisation is no object of a preposition)."""
    out: Found = []
    for k in range(len(here) - 1):
        org, prog = here[k], here[k + 1]
        if ms[org].type not in ORGS or ms[prog].type != "Programme" or ms[prog].source == "anaphor":
            continue
        before = re.search(r"([\w'’-]+)\s*$", text[max(0, ms[org].start - 30):ms[org].start])
        if before and before.group(1).lower() in ("of", "by", "from", "with", "for", "and", "to", "at", "in"):
            continue
        if _patterns()["subject_verb"].fullmatch(text, ms[org].end, ms[prog].start):
            out.append(("RUNS", org, prog, "rule:w18-subject-runs"))
    return out


def _for_by(text: str, ms: Sequence[Any], here: list[int], start: int) -> Found:
    """"P is managed on behalf of the ministry by R", "P, which S finances and which is managed for N by the Tamale
    accelerator R": the runner follows "by", past the one the programme is run for."""
    out: Found = []
    for m in _patterns()["for_by"].finditer(text, start, ms[here[-1]].start + 1):
        progs = [i for i in here if ms[i].end <= m.start() and ms[i].type == "Programme" and ms[i].source != "anaphor"]
        if not progs or not _patterns()["for_by_lead"].fullmatch(text, ms[progs[-1]].end, m.start()):
            continue
        runner = next((i for i in here if ms[i].start >= m.end() and ms[i].type in ORGS), None)
        if runner is not None and _patterns()["desc"].fullmatch(text, m.end(), ms[runner].start):
            out.append(("RUNS", runner, progs[-1], "rule:w18-for-by"))
    return out


def _is_found_word(word: str, found_v: list[str]) -> bool:
    """Is ``word`` one word of a verb of founding ("set", "up", "launched")?"""
    return any(word in v.split() for v in found_v)


def _run_out_of(text: str, ms: Sequence[Any], here: list[int], start: int) -> Found:
    """"P, an accelerator programme run out of the Concepcion offices of R", "P is run out of R's business school"."""
    out: Found = []
    for m in _patterns()["run_out"].finditer(text, start, ms[here[-1]].start + 1):
        progs = [i for i in here if ms[i].end <= m.start() and ms[i].type == "Programme" and ms[i].source != "anaphor"]
        if not progs or not _patterns()["before_run_out"].search(text, ms[progs[-1]].end, m.start()):
            continue
        if any(ms[progs[-1]].end <= ms[i].start < m.start() for i in here):
            continue
        prem = _patterns()["premises"].match(text, m.end())
        at = prem.end() if prem else m.end()
        for i in here:
            if ms[i].start < at or ms[i].type not in ORGS:
                continue
            gap = text[at:ms[i].start]
            if (prem and not gap) or (not prem and _patterns()["after_run_out"].fullmatch(gap) and "," not in gap):
                out.append(("RUNS", i, progs[-1], "rule:w18-run-out-of"))
            break
    return out


def _spin_is(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """"X is an R spin-out", "X was a spin-off of R": R founded X."""
    out: Found = []
    for k in range(len(here) - 1):
        x, r = here[k], here[k + 1]
        if ms[x].type not in ORGS or ms[r].type not in ORGS or ms[x].source == "anaphor":
            continue
        gap = text[ms[x].end:ms[r].start]
        if _patterns()["spin_is"].fullmatch(gap) and _patterns()["spin_after"].match(text, ms[r].end):
            out.append(("FOUNDED", r, x, "rule:w18-spin-is"))
        elif _patterns()["spin_of"].fullmatch(gap):
            out.append(("FOUNDED", r, x, "rule:w18-spin-is"))
    return out
