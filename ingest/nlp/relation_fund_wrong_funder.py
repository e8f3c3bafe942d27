"""FUNDS edges read from the wrong funder, settled after every rule has run (issue 14, wave 15; no parse).

Two causes shared by false FUNDS on unseen published pages:

* a person "funds" a company named on another line: on a programme page a parse runs across speaker lines
  ("Moderator: A, Senior Correspondent, X / B, Programme Manager, Fund F / Note: F has backed C and D") and reads the
  people as the subject of "backed". A person is a funder only when the text says so in the line that names the
  recipient ("angel investor A joined the round", "backed by ... and by angel investor A"), so a person's FUNDS from a
  sentence rule whose ends lie on different lines is dropped;
* a list rule (``rule:member-list``, ``rule:member-section``) gives every item of "Among the first grantees were A
  and B" or "Among the first companies funded by the window are: - A - B" the page's organisation, or the line's last
  one, as funder. When the list's intro says "by the <noun>" and an earlier name ends in that noun ("the Kpalsi
  Start-up Window"), that name is the funder; otherwise, when a sentence rule gave the same item another funder
  ("the X Challenge, which awards small grants ...  Among the first grantees were A and B"), the list's guess goes.

Two forms of funding news that no rule read (recall):

* a co-investor after a round led by X that joins "it": "X also led Q's seed round last year; L, a Talcahuano angel
  group, joined it", "The round was led by K, with the Armenian fund S joining it" (``rule:joined-it``);
* a funder that "contributes" money or kind with no recipient in its sentence: "The A Fund, a federal-provincial
  programme ..., contributed a further $1.5 million as a repayable loan" after "The round was led by S ...", "The B
  Company, the Corner Brook paper maker, contributes access to 40,000 hectares ..., valued at about $600,000" after
  "L is funded through an award from P": the recipient of the sentence before, in the same paragraph
  (``rule:contributed-after``). "will contribute" (a plan) and "contributed to the report" (no value) do not count.

Word lists: ``data/lexicon/fund_wrong_funder.json``.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any, Mapping

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_types import allowed

FUNDER_TYPES = ("Institute", "Company", "Agency", "Programme")
CONF = 0.7
SENTENCE = re.compile(r"[^\s].*?(?:[.!?](?=\s+[A-Z\"“]|\s*$)|(?=\n)|$)", re.M)


def _words() -> Mapping[str, Any]:
    return lexicon_data("fund_wrong_funder.json")


def _alt(key: str) -> str:
    return "|".join(sorted((re.escape(w) for w in _words()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _joined() -> re.Pattern[str]:
    return re.compile(rf"^(?:\s*,[^,;.]{{1,90}},)?\s+(?:also\s+|later\s+|then\s+)?(?:{_alt('join_verbs')})"
                      rf"(?:\s+(?:{_alt('join_objects')}))?\s*(?:[.;,]|$)", re.I)


@lru_cache(maxsize=1)
def _contributed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    verb = re.compile(rf"^(?:\s*\([^)]{{1,40}}\))?(?:\s*,[^;]{{1,120}}?,)?\s+(?:also\s+|has\s+|have\s+|had\s+)?"
                      rf"(?:{_alt('contribute_verbs')})\b(?!\s+to\b)", re.I)
    words = sorted(_words()["value_words"], key=len, reverse=True)
    value = re.compile("|".join(rf"\b{re.escape(w)}\b" if w[0].isalpha() else re.escape(w) for w in words), re.I)
    return verb, value


@lru_cache(maxsize=1)
def _by_the() -> re.Pattern[str]:
    verbs = "|".join(sorted((re.escape(w) for w in _words()["by_the_verbs"]), key=len, reverse=True))
    return re.compile(rf"\b(?:{verbs})\s+(?:\w+\s+)?by\s+the\s+([A-Za-z][\w-]*)\b(?!\s+(?-i:[A-Z]))", re.I)


def fund_wrong_funder(text: str, facts: Any) -> None:
    """Drop or re-point, in place, the FUNDS edges of ``facts`` whose funder a rule read from the wrong name."""
    if os.environ.get("AIKG_WRONG_ENDS", "on") == "off":
        return  # off: for the paired A/B of this wave only
    words = _words()
    ms = facts.mentions
    person_methods = tuple(words["person_methods"])
    list_methods = frozenset(words["list_methods"])
    said: dict[str, set[str]] = {}  # recipient -> funders a sentence rule gave
    for r in facts.relations:
        if r.type == "FUNDS" and r.method not in list_methods:
            said.setdefault(_name(ms, r.target), set()).add(_name(ms, r.source))
    kept = []
    for r in facts.relations:
        if r.type != "FUNDS":
            kept.append(r)
        elif ms[r.source].type == "Person" and r.method.startswith(person_methods) and _across_lines(text, ms, r):
            continue  # "Moderator: A, ... / B, Programme Manager, F / Note: F has backed C": not A's, not B's
        elif r.method in list_methods:
            moved = _named_funder(text, ms, r)
            if moved is not None and moved >= 0:
                kept.append(replace(r, source=moved))
            elif moved is None and not said.get(_name(ms, r.target), set()) - {_name(ms, r.source)}:
                kept.append(r)
        else:
            kept.append(r)
    facts.relations[:] = kept + _joined_it(text, facts, kept) + _contributed_after(text, facts, kept) \
        + _fund_backers(text, facts) + _portfolio_lines(text, facts)


@lru_cache(maxsize=1)
def _backers() -> re.Pattern[str]:
    return re.compile(rf"\b(?:(its|their)|(['’]s?)|(whose))\s+(?:{_alt('backer_nouns')})\s+(?:{_alt('list_verbs')})\b\s*:?",
                      re.I)


WHOSE_GAP = re.compile(r"^\s*(?:,[^,;()]{0,80}?)?\s*$")  # "F whose", "F, a seed fund whose"
LIST_GLUE = re.compile(r"(?:^|,|\band|\bor|:)\s*(?:the\s+)?$", re.I)


def _fund_backers(text: str, facts: Any) -> list[RelationCandidate]:
    """FUNDS(A, F) for "F's (Its) limited partners include A, ..., and B" (see ``backer_nouns``)."""
    ms = facts.mentions
    out: list[RelationCandidate] = []
    sents = [(p.start(), p.end()) for p in SENTENCE.finditer(text)]
    for k, (start, end) in enumerate(sents):
        hit = _backers().search(text, start, end)
        if hit is None:
            continue
        if hit.group(1):  # "Its": the first name of the sentence before, on the same line
            if k == 0 or "\n" in text[sents[k - 1][1]:start]:
                continue
            owner = next((i for i, m in enumerate(ms) if sents[k - 1][0] <= m.start < sents[k - 1][1]
                          and m.source != "anaphor"), None)
        elif hit.group(3):  # "F, a Sherbrooke-based seed fund whose limited partners include": the name apposed
            owner = max((i for i, m in enumerate(ms) if start <= m.start and m.end <= hit.start()
                         and m.source != "anaphor" and WHOSE_GAP.match(text[m.end:hit.start()])), default=None)
        else:
            owner = next((i for i, m in enumerate(ms) if m.end == hit.start() and m.source != "anaphor"), None)
        if owner is None:
            continue
        prev = hit.end()
        for i, m in sorted(((i, m) for i, m in enumerate(ms) if hit.end() <= m.start < end), key=lambda x: x[1].start):
            glue = text[prev:m.start]
            if (prev == hit.end() and not glue.strip(" the")) or LIST_GLUE.search(_apposition_cut(glue)):
                if allowed(["FUNDS"], m.type, ms[owner].type) is not None and m.source != "anaphor":
                    out.append(RelationCandidate("FUNDS", i, owner, CONF, "rule:fund-backers", start, end,
                                                 text[start:end], None))
            prev = m.end
    return out


def _apposition_cut(glue: str) -> str:
    """The words between two names once an apposition ("…, a public fund administered by X,") is passed: only a list
    joiner right before the next name counts."""
    return glue if glue.count(",") <= 1 else glue[glue.rfind(","):]


@lru_cache(maxsize=1)
def _portfolio_line() -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*(?:{_alt('portfolio_labels')})[ \t]*:", re.I | re.M)


def _portfolio_lines(text: str, facts: Any) -> list[RelationCandidate]:
    """FUNDS(X, A) for each name on a "Portfolio: A, B, C" line under an "About X" heading (no blank line between)."""
    ms = facts.mentions
    out: list[RelationCandidate] = []
    about = tuple(w.lower() for w in _words()["about_words"])
    for hit in _portfolio_line().finditer(text):
        start = hit.start()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        block_start = text.rfind("\n\n", 0, start)
        owner = None
        for line_start in _line_starts(text, max(block_start, 0), start):
            line = text[line_start:text.find("\n", line_start)].strip()
            if line.lower().startswith(about) and len(line) < 90:
                owner = next((i for i, m in enumerate(ms) if line_start <= m.start < line_start + len(line) + 2
                              and m.source != "anaphor"), owner)
        if owner is None:
            continue
        for i, m in enumerate(ms):
            if hit.end() <= m.start < end and m.source != "anaphor" and i != owner \
                    and allowed(["FUNDS"], ms[owner].type, m.type) is not None:
                out.append(RelationCandidate("FUNDS", owner, i, CONF, "rule:portfolio-line", start, end,
                                             text[start:end], None))
    return out


def _line_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where the lines between ``lo`` and ``hi`` start."""
    out = [lo + 2 if text.startswith("\n\n", lo) else lo]
    at = text.find("\n", out[0])
    while 0 <= at < hi:
        out.append(at + 1)
        at = text.find("\n", at + 1)
    return [p for p in out if p < hi]


def _joined_it(text: str, facts: Any, rels: list[Any]) -> list[RelationCandidate]:
    """FUNDS(B, R) for "X led R's round; B joined it" in the sentence of a round X leads (see the module's doc)."""
    ms = facts.mentions
    methods = tuple(_words()["round_methods"])
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in rels if r.type == "FUNDS"}
    out: list[RelationCandidate] = []
    for r in rels:
        if r.type != "FUNDS" or not any(w in r.method for w in methods):
            continue
        for i, m in enumerate(ms):
            if not r.sent_start <= m.start < r.sent_end or m.source == "anaphor" or i in (r.source, r.target):
                continue
            if (_name(ms, i), _name(ms, r.target)) in have or allowed(["FUNDS"], m.type, ms[r.target].type) is None:
                continue
            if _joined().match(text[m.end:r.sent_end]) and not _inside_other(ms, i):
                have.add((_name(ms, i), _name(ms, r.target)))
                out.append(RelationCandidate("FUNDS", i, r.target, CONF, "rule:joined-it", r.sent_start, r.sent_end,
                                             r.sentence, r.page))
    return out


def _inside_other(ms: Any, i: int) -> bool:
    """Is mention ``i`` part of a longer mention (a unit inside a name)?"""
    m = ms[i]
    return any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in ms)


def _contributed_after(text: str, facts: Any, rels: list[Any]) -> list[RelationCandidate]:
    """FUNDS(A, R) for "A contributed a further $1.5 million" after a sentence that funds R (see the module's doc)."""
    ms = facts.mentions
    funded = [r for r in rels if r.type == "FUNDS"]
    if not funded:
        return []
    verb, value = _contributed()
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in funded}
    out: list[RelationCandidate] = []
    prev: tuple[int, int] | None = None
    for piece in SENTENCE.finditer(text):
        start, end = piece.start(), piece.end()
        if prev is not None and "\n" in text[prev[1]:start]:
            prev = None  # a new line or paragraph: the sentence before is no context
        here = [i for i, m in enumerate(ms) if start <= m.start < end and m.source != "anaphor"]
        hit = next((i for i in here if verb.match(text[ms[i].end:end])), None) if prev is not None else None
        if hit is not None:
            rest = text[ms[hit].end:end]
            later = [i for i in here if ms[i].start > ms[hit].end + (verb.match(rest).end() if verb.match(rest) else 0)]
            recips = {r.target for r in funded if r.sent_start < prev[1] and r.sent_end > prev[0]}
            names = {_name(ms, t) for t in recips}
            if value.search(rest) and not later and len(names) == 1:
                tgt = min(recips)
                key = (_name(ms, hit), _name(ms, tgt))
                if key not in have and key[0] != key[1] and allowed(["FUNDS"], ms[hit].type, ms[tgt].type) is not None:
                    have.add(key)
                    out.append(RelationCandidate("FUNDS", hit, tgt, CONF, "rule:contributed-after", start, end,
                                                 text[start:end], None))
        prev = (start, end)
    return out


def _name(ms: Any, i: int) -> str:
    """The name a mention stands for (an anaphor's antecedent)."""
    seen = 0
    while ms[i].source == "anaphor" and ms[i].coref is not None and seen < 8:
        i, seen = ms[i].coref, seen + 1
    return ms[i].canonical


def _across_lines(text: str, ms: Any, r: Any) -> bool:
    """Do the funder and the recipient of ``r`` sit on different lines of the text?"""
    a, b = ms[r.source], ms[r.target]
    lo, hi = (a.end, b.start) if a.start < b.start else (b.end, a.start)
    return "\n" in text[lo:hi]


def _named_funder(text: str, ms: Any, r: Any) -> int | None:
    """The earlier name ending in the noun of "funded by the <noun>" in the list's intro; -1 when the intro names a
    funder by a noun that neither such a name nor the list's funder ends in (the funder is not named here); None
    when the intro names none."""
    target = ms[r.target]
    intro = text[r.sent_start:min(target.start, r.sent_end)]
    hits = list(_by_the().finditer(intro))
    if not hits:
        return None
    noun = hits[-1].group(1).lower()
    at = r.sent_start + hits[-1].start()
    best = None
    for i, m in enumerate(ms):
        if m.end <= at and m.type in FUNDER_TYPES and m.source != "anaphor" \
                and m.canonical.lower().split()[-1:] == [noun] and (best is None or m.start > ms[best].start):
            best = i
    if best is None:
        return None if _name(ms, r.source).lower().split()[-1:] == [noun] else -1
    return best
