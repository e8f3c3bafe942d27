"""RUNS in the forms of programme pages, fact sheets and funding news, read from the text and its mentions.

* a programme named by a definite description as the subject of a passive of running: "The programme is
  administered by NOAC and operated day to day by Merlion Compute Services", "The clinic is run by CDU's School
  of Information Technology", "The fellowship is run by X and funded by Y" (the runner after each "run/administered
  ... by"; the programme is the last one named before whose name ends in the description's noun, or for
  "the programme"/"the scheme" the last programme named);
* a programme owned through "its" after the funder: "a grant from Finep, the federal innovation agency, under its
  Mais Inovação programme", "Core funding comes from the Agencia I+D+i, through its PICT grant scheme", "PCETR
  funds two projects through its Regional AI Research Grants" (the owner is the organisation after "from"/"by",
  else the one that opens the sentence);
* a list of runners after a colon: "Two organisations deliver the programme: the Know-Center, ..., and the Smart
  Production Lab", "regional hubs deliver the programme:" over bullets "- London: the Aldgate Institute";
* an organisation described as the runner: "Tamsin Digital Office, the programme's operator, opened ...";
* a programme held by an organisation's possessive or "of": "Smart Capital's fund-of-funds programme Anava",
  "Te Ara Innovation Agency's Venture Runway programme", "the Kick-Start scheme of the Tropical Innovation
  Foundation".

A funder is not a runner: "is funded by Y" gives nothing here. Words: ``data/lexicon/runs_published.json``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_programme_lines import programme_lines
from aikg.ingest.nlp.relation_report_funding import report_funding
from aikg.ingest.nlp.sentence_spans import sentence_spans

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]


@dataclass(frozen=True)
class RunsWords:
    nouns: frozenset[str]  # what a programme is called: programme, scheme, fellowship, clinic
    generic: frozenset[str]  # nouns that stand for any programme: programme, scheme, initiative
    verbs: tuple[str, ...]  # participles of running: run, administered, operated, delivered
    manners: tuple[str, ...]  # words between the participle and "by": day to day, jointly
    owner_preps: tuple[str, ...]  # "under its", "through its"
    stop: frozenset[str]  # words a descriptor between a possessive and the programme never holds
    runner_nouns: tuple[str, ...]  # "X, the programme's operator"

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "RunsWords":
        d = lexicon_data("runs_published.json")
        return cls(frozenset(d["programme_nouns"]), frozenset(d["generic_nouns"]), tuple(d["run_participles"]),
                   tuple(d["manner_words"]), tuple(d["owner_preps"]), frozenset(d["descriptor_stop"]),
                   tuple(d["runner_nouns"]))


class _Doc:
    """The text at ``off`` with its organisation and programme mentions by start."""

    def __init__(self, text: str, off: int, mentions: Sequence[MentionFact]) -> None:
        self.text, self.off, self.ms = text, off, mentions
        self.orgs = {m.start: i for i, m in enumerate(mentions) if m.type in ORG}
        self.progs = {m.start: i for i, m in enumerate(mentions) if m.type == "Programme" and m.source != "anaphor"}
        self.prog_list = sorted((m.start, i) for i, m in enumerate(mentions) if m.type == "Programme" and m.source != "anaphor")
        self.org_list = sorted(self.orgs.items())
        self._org_starts = [s for s, _ in self.org_list]

    def orgs_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """(start, mention index) of the organisations starting in [a, b), by position (bisect, no scan)."""
        return self.org_list[bisect_left(self._org_starts, a):bisect_left(self._org_starts, b)]

    def at(self, pos: int) -> str:
        return self.text[pos - self.off:]

    def org_at(self, pos: int) -> int | None:
        """The organisation mention at ``pos`` (after an optional "the"); for "CDU's School of IT" the unit."""
        lead = re.match(r"the\s+(?:[a-z][\w-]*\s+){0,2}", self.at(pos))  # "by the state Secretaría de ..."
        i = self.orgs.get(pos)
        if i is None and lead is not None:
            i = self.orgs.get(pos + lead.end(), self.orgs.get(pos + 4))
        if i is None:
            return None
        end = self.ms[i].end
        m = re.match(r"['’]s\s+", self.at(end))
        if m and self.orgs.get(end + m.end()) is not None:
            return self.orgs[end + m.end()]
        return i


def runs_published(text: str, off: int, mentions: Sequence[MentionFact], words: RunsWords | None = None) -> list[Rel]:
    """("RUNS", runner, programme, evidence start, evidence end, method) for the forms above in ``text`` at ``off``."""
    words = words or RunsWords.load()
    d = _Doc(text, off, mentions)
    reports = report_funding(text, off, mentions)  # "This report was prepared with support from F" (FUNDS)
    if not d.progs and not any(w in text.lower() for w in words.generic):
        return reports
    out: list[Rel] = []
    _runner_list(d, words, out)
    prev_start = off  # the sentence before's start, for "X runs it" (its antecedent)
    for a, b, sent in sentence_spans(text, off):
        if len(sent) < 12:
            continue
        _passive_description(d, sent, a, b, words, out)
        _its_programme(d, sent, a, b, words, out)
        _possessive_programme(d, sent, a, b, words, out)
        _operator_apposition(d, sent, a, b, words, out)
        _secretariat(d, sent, a, b, words, out)
        _through_unit(d, a, b, out)
        _whose_programme(d, a, b, out)
        _owner_apposition(d, a, b, words, out)
        _runs_it(d, a, b, prev_start, out)
        prev_start = a
    return out + programme_lines(text, off, mentions, out) + reports  # "- Administered by: X", "- Technical partner: Y"


_SECRETARIAT = re.compile(r"(?:,\s+(?:a|an|the|its)\s+[^,;()]{3,80},)?"  # "X, a unit of the university founded in 2021,"
                          r"\s+(?:also\s+|now\s+|currently\s+)?(?:hosts|hosted|houses|runs|provides)\s+the\s+"
                          r"secretariat\s+(?:of|for)\s+(?:the\s+)?")
_THROUGH_UNIT = re.compile(r"(?:\s+\([A-Z][\w&.-]{1,12}\))?\s+(?:through|via)\s+its\s+")


def _secretariat(d: _Doc, sent: str, a: int, b: int, words: RunsWords, out: list[Rel]) -> None:
    """"VUST also hosts the secretariat of the North Bengal Agri-Tech Compact", "It hosts the secretariat of the
    Gyumri Digital Crafts Initiative": the organisation runs the programme (a programme's secretariat is its
    office; a consortium's is not the consortium: only a Programme is taken)."""
    if "secretariat" not in sent:
        return
    for _s, i in d.orgs_in(a, b):
        m = _SECRETARIAT.match(d.at(d.ms[i].end))
        if m is None:
            continue
        prog = d.progs.get(d.ms[i].end + m.end())
        if prog is not None:
            out.append(("RUNS", i, prog, a, b, "rule:hosts-secretariat"))


_RUN_PASSIVE = re.compile(r",?\s+(?:is|was|are|were|will\s+be|has\s+been)\s+(?:also\s+|jointly\s+)?(?:run|operated|managed|"
                          r"administered|delivered|implemented|coordinated)\s+by\s+(?:the\s+)?")
_RUN_ACTIVE = re.compile(r"\s+(?:also\s+)?(?:runs|operates|manages|administers|delivers|ran|operated|managed|administered|"
                         r"delivered)\s+(?:the\s+)?$")


_RUNS_IT = re.compile(r"\s*(?:\([A-Z][\w&.-]{1,12}\)\s*)?(?:,\s+which\s+|\s+)(?:also\s+|now\s+|still\s+|jointly\s+|currently\s+)?"
                      r"(?:runs|operates|administers|manages|delivers|coordinates|oversees|ran|operated|administered|"
                      r"managed|delivered|coordinated|oversaw)\s+it\b(?!\s*['’]s)")
_IT_WITH = re.compile(r"\s+(?:together\s+with|jointly\s+with|with|alongside)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){0,3}?)")
_IT_MONEY = re.compile(r"\s+with\s+(?:money|funding|financing|support|a\s+grant|grants|a\s+contribution)\s+from\s+(?:the\s+)?"
                       r"(?:(?:[a-z][\w-]*\s+){0,3}?)")
_IT_SUBJECT = re.compile(r"\s+(?:also\s+|now\s+|still\s+|jointly\s+)?[a-z]+s\s+it\b")  # "the municipality funds it"


def _runs_it(d: _Doc, a: int, b: int, prev: int, out: list[Rel]) -> None:
    """"Bitola Municipality funds it, and PIAI runs it together with the NGO Mladi Inzenjeri", "The agency
    administers it": "it" is the programme named last before (this sentence or the one before) when no other
    organisation stands between; the partner after "together with" runs it too, the source after "with money
    from" funds it."""
    if " it" not in d.text[a - d.off:b - d.off]:
        return
    for _s, i in d.orgs_in(a, b):
        m = _RUNS_IT.match(d.at(d.ms[i].end))
        if m is None:
            continue
        prog = _antecedent_programme(d, prev, d.ms[i].start, i)
        if prog is None:
            continue
        out.append(("RUNS", i, prog, a, b, "rule:runs-it"))
        at = d.ms[i].end + m.end()
        w = _IT_MONEY.match(d.at(at))
        if w is not None and (f := d.org_at(at + w.end())) is not None:
            out.append(("FUNDS", f, prog, a, b, "rule:runs-it-money"))
            continue
        w = _IT_WITH.match(d.at(at))
        if w is not None and (o := d.orgs.get(at + w.end())) is not None and d.ms[o].source != "anaphor":
            out.append(("RUNS", o, prog, a, b, "rule:runs-it"))


def _antecedent_programme(d: _Doc, prev: int, at: int, runner: int) -> int | None:
    """The programme "it" stands for: the last name (organisation or programme) before ``at`` from the sentence
    before on, passing names that are themselves subjects of "<verb>s it" ("the municipality funds it, and X runs
    it"); None when that name is not a programme."""
    names = sorted([(d.ms[i].start, i) for _s, i in d.orgs_in(prev, at) if d.ms[i].source != "anaphor" and i != runner]
                   + [(s, i) for s, i in d.prog_list if prev <= s < at])
    for _s, i in reversed(names):
        if d.ms[i].type != "Programme" and _IT_SUBJECT.match(d.at(d.ms[i].end)):
            continue
        return i if d.ms[i].type == "Programme" else None
    return None


def _through_unit(d: _Doc, a: int, b: int, out: list[Rel]) -> None:
    """"P is operated by the University through its Instituto de Agroinformática", "X runs P through its School of
    Computing": the unit named after "through its" runs the programme as well as its parent."""
    progs = d.prog_list[bisect_left(d.prog_list, (a, -1)):bisect_left(d.prog_list, (b, -1))]
    if not progs or "through its" not in d.text[a - d.off:b - d.off] and "via its" not in d.text[a - d.off:b - d.off]:
        return
    for _s, p in progs:
        for _o, i in d.orgs_in(d.ms[p].end, b):  # passive: "P is operated by X through its U"
            if d.ms[i].source == "anaphor" or not _RUN_PASSIVE.fullmatch(d.text[d.ms[p].end - d.off:d.ms[i].start - d.off]):
                continue
            m = _THROUGH_UNIT.match(d.at(d.ms[i].end))
            unit = d.orgs.get(d.ms[i].end + m.end()) if m else None
            if unit is not None and unit != i:
                out += [("RUNS", i, p, a, b, "rule:through-its-unit"), ("RUNS", unit, p, a, b, "rule:through-its-unit")]
            break
        m = _THROUGH_UNIT.match(d.at(d.ms[p].end))  # active: "X runs P through its U"
        unit = d.orgs.get(d.ms[p].end + m.end()) if m else None
        if unit is None:
            continue
        runner = next((i for _o, i in reversed(d.orgs_in(a, d.ms[p].start)) if d.ms[i].source != "anaphor"
                       and _RUN_ACTIVE.fullmatch(d.text[d.ms[i].end - d.off:d.ms[p].start - d.off])), None)
        if runner is not None and runner != unit:
            out += [("RUNS", runner, p, a, b, "rule:through-its-unit"), ("RUNS", unit, p, a, b, "rule:through-its-unit")]


def _whose_programme(d: _Doc, a: int, b: int, out: list[Rel]) -> None:
    """"the Ministry of Electronics and Information Technology, whose IndiaAI Mission gave VAAIC a grant": the
    programme named right after "whose" is the organisation's own."""
    for _s, p in d.prog_list[bisect_left(d.prog_list, (a, -1)):bisect_left(d.prog_list, (b, -1))]:
        start = d.ms[p].start
        lead = d.text[max(a, start - 8) - d.off:start - d.off]
        if not re.search(r",\s+whose\s+$", lead):
            continue
        at = start - len(lead) + lead.index(",")
        owner = next((i for s, i in reversed(d.orgs_in(a, at)) if d.ms[i].end in (at, at - 1)), None)
        if owner is None:  # "X (ACR), whose": the name before its acronym
            owner = next((i for s, i in reversed(d.orgs_in(a, at)) if d.text[d.ms[i].end - d.off:at - d.off].startswith(" (")), None)
        if owner is not None:
            out.append(("RUNS", owner, p, a, b, "rule:whose-programme"))


def _owner_apposition(d: _Doc, a: int, b: int, words: RunsWords, out: list[Rel]) -> None:
    """"Velocity, the university's start-up incubator, ...", "the institute's proof-of-concept fund, the IARA
    Maturation Fund": a programme described as an organisation's own programme noun."""
    nouns = "|".join(sorted(words.nouns, key=len, reverse=True))
    for _s, p in d.prog_list[bisect_left(d.prog_list, (a, -1)):bisect_left(d.prog_list, (b, -1))]:
        after = re.match(r",\s+(?:the\s+)?", d.at(d.ms[p].end))  # "P, the X's <noun>"
        if after is not None:
            owner = d.org_at(d.ms[p].end + after.end())
            if owner is not None and _owns(d, owner, nouns):
                out.append(("RUNS", owner, p, a, b, "rule:programme-owner-apposition"))
                continue
        before = re.search(r"['’]s\s+((?:[a-z][\w-]*\s+){0,3})(?:" + nouns + r"),\s+(?:the\s+)?$",
                           d.text[max(a, d.ms[p].start - 80) - d.off:d.ms[p].start - d.off])
        if before is None:  # "the institute's proof-of-concept fund, the IARA Maturation Fund"
            continue
        at = d.ms[p].start - len(before.group(0))
        owner = next((i for s, i in reversed(d.orgs_in(a, at)) if d.ms[i].end == at), None)
        if owner is not None and not any(w in words.stop for w in before.group(1).split()):
            out.append(("RUNS", owner, p, a, b, "rule:programme-owner-apposition"))


def _owns(d: _Doc, owner: int, nouns: str) -> bool:
    """Is the organisation at ``owner`` followed by "'s" and a few descriptor words ending in a programme noun?"""
    m = re.match(r"['’]s\s+((?:[a-z][\w-]*\s+){0,3}?)(?:" + nouns + r")\b", d.at(d.ms[owner].end))
    return m is not None


def _operator_apposition(d: _Doc, sent: str, a: int, b: int, words: RunsWords, out: list[Rel]) -> None:
    """"Tamsin Digital Office, the programme's operator, opened ...": an organisation described as the runner."""
    for _s, i in d.orgs_in(a, b):
        if d.ms[i].source == "anaphor":
            continue
        m = re.match(r",\s+(?:the|its)\s+(?:([a-z]+)['’]s\s+)?(?:day-to-day\s+|delivery\s+)?(" + "|".join(words.runner_nouns)
                     + r")\b", d.at(d.ms[i].end))
        if m is None:
            continue
        noun = (m.group(1) or "programme").lower()
        if noun not in words.nouns:
            continue
        prog = _referent(d, b, noun, words)
        if prog is not None:
            out.append(("RUNS", i, prog, a, b, "rule:programme-operator"))


@lru_cache(maxsize=4)
def _passive_re(nouns: frozenset[str], verbs: tuple[str, ...],
                manners: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    noun = "|".join(sorted(nouns, key=len, reverse=True))
    verb = "(?:" + "|".join(verbs) + r")\s+(?:(?:" + "|".join(re.escape(w) for w in manners) + r")\s+)?by\s+"
    head = re.compile(r"^\s*(?:[-•*]\s+)?The\s+((?:[a-z][\w-]*\s+){0,2}?)(" + noun + r")\s+(?:is|was|will be|has been|are|were)\s+")
    first = re.compile(r"(?:also\s+|jointly\s+|now\s+|currently\s+)?" + verb)
    more = re.compile(r"(?:\band\s+(?:is\s+|was\s+)?(?:also\s+)?|,\s+(?:and\s+)?)" + verb)
    return head, first, more


def _passive_description(d: _Doc, sent: str, a: int, b: int, words: RunsWords, out: list[Rel]) -> None:
    """"The programme is administered by X and operated day to day by Y"; "is funded by Y and run by X"."""
    head, first, more = _passive_re(words.nouns, words.verbs, words.manners)
    h = head.match(sent)
    if h is None:
        return
    prog = _referent(d, a, h.group(2).lower(), words)
    if prog is None:
        return
    hits = [m for m in [first.match(sent, h.end())] if m is not None] + list(more.finditer(sent, h.end()))
    for m in hits:
        runner = d.org_at(a + m.end())
        if runner is not None:
            out.append(("RUNS", runner, prog, a, b, "rule:programme-run-by"))


def _referent(d: _Doc, before: int, noun: str, words: RunsWords) -> int | None:
    """The programme "the <noun>" stands for: the last one named before whose name ends in the noun ("the clinic":
    "AI Skills Clinic"); for a generic noun ("the programme") else the one named most often before, the page's
    programme rather than a plan named in passing ("financed through France 2030")."""
    named = [(s, i) for s, i in d.prog_list if s < before]
    for _s, i in reversed(named):
        if d.ms[i].text.split()[-1].lower().rstrip("s") == noun.rstrip("s"):
            return i
    if noun not in words.generic or not named:
        return None
    counts: dict[str, int] = {}
    for _s, i in named:
        counts[d.ms[i].text] = counts.get(d.ms[i].text, 0) + 1
    best = max(counts.values())
    return next(i for s, i in reversed(named) if counts[d.ms[i].text] == best)


def _its_programme(d: _Doc, sent: str, a: int, b: int, words: RunsWords, out: list[Rel]) -> None:
    """"a grant from Finep, the federal agency, under its Mais Inovação programme"."""
    for m in re.finditer(r"\b(?:" + "|".join(words.owner_preps) + r")\s+its\s+", sent):
        prog = _programme_after(d, a + m.end(), sent[m.end():], words)
        if prog is None:
            continue
        owner = _owner_before(d, sent, a, a + m.start())
        if owner is not None:
            out.append(("RUNS", owner, prog, a, b, "rule:its-programme"))
    # "a grant from the Regional Authority under the Chytrý Kraj scheme" states no RUNS (docs/annotation.md, FUNDS)


def _programme_after(d: _Doc, pos: int, rest: str, words: RunsWords) -> int | None:
    """The programme mention at ``pos`` or after a few lowercase descriptor words ("PICT grant scheme" is the
    name first; "fund-of-funds programme Anava" the descriptor first)."""
    i = d.progs.get(pos)
    if i is not None:
        return i
    m = re.match(r"((?:[a-z][\w-]*\s+){1,4})", rest)
    if m is None:
        return None
    desc = m.group(1).split()
    if any(w in words.stop for w in desc) or desc[-1].rstrip("s") not in {n.rstrip("s") for n in words.nouns}:
        return None
    return d.progs.get(pos + m.end())


def _owner_before(d: _Doc, sent: str, a: int, at: int) -> int | None:
    """The organisation right before ``at`` when it follows "from"/"by" ("a grant from Finep, the agency, under its
    ..."), else the one that opens the sentence ("PCETR funds two projects through its ...")."""
    found = [(s, i) for s, i in d.orgs_in(a, at) if d.ms[i].source != "anaphor"]
    if not found:
        return None
    s, i = found[-1]
    if len(found) > 1 and d.text[max(a, s - 2) - d.off:s - d.off] == " (" and d.ms[found[-2][1]].end == s - 2:
        s, i = found[-2]  # "a grant from the Armenian Agency for Regional Innovation (AARI) under its ...": the name
    if any(d.ms[i].end <= p < at for p in d.progs):
        return None  # "from UTI and a grant from the Fondo Nacional (a programme here) under its P": not UTI's
    lead = d.text[max(a, s - 40) - d.off:s - d.off]
    if re.search(r"\b(?:from|by)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$", lead):  # "from the national Agencia I+D+i"
        return i
    if _subject_of_verb(d, i, at, lead, len(found) > 1 and found[-2][0] >= s - 40):
        return i  # "that the Agency (ASIA) finances under its P", "by the Peruvian agency X under its P"
    s, i = found[0]
    if re.fullmatch(r"\s*(?:[A-Z][\w-]*:\s*)?(?:the\s+)?", d.text[a - d.off:s - d.off], flags=re.I):
        return i
    return None


_VERB_BEFORE_ITS = re.compile(r"(?:\s*\([A-Z][\w&.-]{1,12}\))?\s+(?:also\s+|now\s+)?[a-z]+(?:s|ed)\s+$")


def _subject_of_verb(d: _Doc, i: int, at: int, lead: str, other_near: bool) -> bool:
    """Is organisation ``i`` what "its" before ``at`` stands for: the subject of the verb right before it ("that
    the Agency (ASIA) finances under its P"), or the name after "by"/"from" and a capitalised adjective ("by the
    Peruvian innovation agency X under its P"; no other name in between)?"""
    if _VERB_BEFORE_ITS.fullmatch(d.text[d.ms[i].end - d.off:at - d.off]):
        return True
    return not other_near and re.search(r"\b(?:from|by)\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+){1,4}$", lead) is not None


def _possessive_programme(d: _Doc, sent: str, a: int, b: int, words: RunsWords, out: list[Rel]) -> None:
    """"Smart Capital's fund-of-funds programme Anava", "the Kick-Start scheme of the Tropical Innovation Foundation"."""
    for _s, i in d.orgs_in(a, b):
        if d.ms[i].source == "anaphor":
            continue
        e = d.ms[i].end
        m = re.match(r"['’]s\s+", d.at(e))
        if m is None:
            continue
        prog = _programme_after(d, e + m.end(), d.at(e + m.end()), words)
        if prog is None or not _named_as_programme(d, prog, e + m.end(), words):
            continue
        out.append(("RUNS", i, prog, a, b, "rule:possessive-programme"))
    for _s, p in d.prog_list[bisect_left(d.prog_list, (a, -1)):bisect_left(d.prog_list, (b, -1))]:
        m = re.match(r"\s+(" + "|".join(words.nouns) + r")\s+of\s+", d.at(d.ms[p].end))
        if m is None:
            continue
        owner = d.org_at(d.ms[p].end + m.end())
        if owner is not None:
            out.append(("RUNS", owner, p, a, b, "rule:programme-of-org"))


def _named_as_programme(d: _Doc, prog: int, pos: int, words: RunsWords) -> bool:
    """A descriptor before the name holds a programme noun, or the name ends in one, or one follows it."""
    if d.ms[prog].start > pos:
        return True  # the descriptor was checked by _programme_after
    last = d.ms[prog].text.split()[-1].lower().rstrip("s")
    after = re.match(r"\s+([a-z]+)", d.at(d.ms[prog].end))
    return last in {n.rstrip("s") for n in words.nouns} or bool(after and after.group(1) in words.nouns)


_BULLET_LINE = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+(?:[A-Z][\w .'-]{0,30}:\s+)?(?:the\s+)?")


def _runner_list(d: _Doc, words: RunsWords, out: list[Rel]) -> None:
    """"Two organisations deliver the programme: the Know-Center, ..., and the Smart Production Lab", "four regional
    hubs, which deliver the programme in their regions:" over bullets "- London: the Aldgate Institute": each listed
    organisation runs the programme."""
    verbs = "|".join(v for v in ("deliver", "delivers", "run", "runs", "operate", "operates", "administer",
                                 "administers", "manage", "manages", "coordinate", "coordinates"))
    nouns = "|".join(sorted(words.nouns, key=len, reverse=True))
    for m in re.finditer(r"\b(?:" + verbs + r")\s+the\s+(" + nouns + r")\b[^.:\n]{0,40}:", d.text):
        at = d.off + m.start()
        prog = _referent(d, at, m.group(1).lower(), words)
        if prog is None:
            continue
        line_end = d.text.find("\n", m.end())
        line_end = len(d.text) if line_end < 0 else line_end
        rest = d.text[m.end():line_end]
        items: list[int] = []
        if rest.strip():  # an inline list: "...: the Know-Center, a Graz centre, and the Smart Production Lab"
            starts = [m.end() + len(rest) - len(rest.lstrip())] + [m.end() + g.end() for g in re.finditer(r",\s+and\s+", rest)]
            items = [i for x in starts if (i := d.org_at(d.off + x)) is not None]
        else:  # bullets on the lines that follow
            col = line_end + 1
            for line in d.text[line_end + 1:line_end + 4000].split("\n"):
                start, col = col, col + len(line) + 1
                if not line.strip():
                    if items:
                        break
                    continue
                b = _BULLET_LINE.match(line)
                if b is None:
                    break
                i = d.orgs.get(d.off + start + b.end())
                if i is not None:
                    items.append(i)
                    line_end = col - 1  # the evidence runs to the last bullet
        for i in items:
            out.append(("RUNS", i, prog, at, d.off + line_end, "rule:runner-list"))


def its_owner_settled(relations: list, mentions: Sequence[MentionFact]) -> list:
    """Drop a RUNS whose runner is an "its" that ``_its_programme`` read as the organisation after "from"/"by": in
    "a grant from Finep, the federal agency, under its Mais Inovação programme" the pronoun stands for Finep, while
    the resolver of references gives it the sentence's subject (the lab that got the grant)."""
    relations = _issuer_who_funds(_runner_not_funded(_operator_as_object(relations, mentions)), mentions)
    owned = [r for r in relations if r.type == "RUNS" and r.method == "rule:its-programme"]
    if not owned:
        return relations

    def misread(r: Any) -> bool:
        m = mentions[r.source]
        return r.type == "RUNS" and r.method != "rule:its-programme" and m.source == "anaphor" \
            and m.text.lower() in ("its", "their") and any(
                o.target == r.target and o.sent_start <= m.start < o.sent_end
                and mentions[o.source].canonical != m.canonical for o in owned)
    return [r for r in relations if not misread(r)]


def _runner_not_funded(relations: list) -> list:
    """"The agency runs it with funding from F": F funds the programme "it" stands for (``_runs_it``), not the
    agency the parse hangs "funding from F" on; drop that FUNDS(F, agency)."""
    money = [r for r in relations if r.method == "rule:runs-it-money"]
    if not money:
        return relations
    runs = {(r.sent_start, r.source, r.target) for r in relations if r.method == "rule:runs-it"}

    def misread(r: Any) -> bool:
        return r.type == "FUNDS" and r.method != "rule:runs-it-money" and any(
            o.source == r.source and o.sent_start <= r.sent_start < o.sent_end
            and (o.sent_start, r.target, o.target) in runs for o in money)
    return [r for r in relations if not misread(r)]


def _issuer_who_funds(relations: list, mentions: Sequence[MentionFact]) -> list:
    """A fact sheet's header "Ministry of X | Updated 3 November 2026" names its publisher (context.issued_programme
    reads RUNS from it); when the page says that publisher funds the programme ("FDAP is funded by the Department")
    and names another runner ("administered by FRIO"), the publisher is the funder, not the runner: drop its RUNS."""
    issued = [r for r in relations if r.type == "RUNS" and r.method == "rule:issuer-line"]
    if not issued:
        return relations

    def name(i: int) -> str:
        return mentions[i].canonical

    funds = {(name(r.source), name(r.target)) for r in relations if r.type == "FUNDS"}
    runners = {(name(r.source), name(r.target)) for r in relations if r.type == "RUNS" and r.method != "rule:issuer-line"}
    gone = {id(r) for r in issued if (name(r.source), name(r.target)) in funds
            and any(t == name(r.target) and s != name(r.source) for s, t in runners)}
    return [r for r in relations if id(r) not in gone]


_OPERATOR_OBJECT = re.compile(r"\b([a-z]+)\s+(?:the|its|their)\s+(?:[a-z-]+\s+)?(?:operator|operators)\s+(?:of|for)\b")
_BE_WORDS = frozenset(("is", "was", "are", "were", "be", "been", "being", "become", "becomes", "became", "remains",
                       "remained", "remain", "as", "named", "appointed", "chosen", "selected", "made", "and", "or"))


def _operator_as_object(relations: list, mentions: Sequence[MentionFact]) -> list:
    """"X praised the operator of P", "X thanked the operator of P": the noun frame's holder is the subject of any
    verb whose object is "the operator"; only a verb of being or naming ("X is/became/was named the operator of P",
    "X serves as the operator of P") makes X the runner. Drop the parse's RUNS read through another verb."""
    def misread(r: Any) -> bool:
        if r.type != "RUNS" or r.method != "dep:operator":
            return False
        m = _OPERATOR_OBJECT.search(r.sentence)
        return m is not None and m.group(1) not in _BE_WORDS and mentions[r.source].end <= r.sent_start + m.start()
    return [r for r in relations if not misread(r)]
