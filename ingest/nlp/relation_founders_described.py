"""FOUNDED in five more forms of profiles, interviews, annual reports and encyclopedia articles (issue 14).

Read from the text and its mentions (no parse), as ``relation_founding_forms.py`` does:

* a relative clause with a pronoun founder and partners after "with": "She is chief executive of Varnek Grid, a
  Tulsa-based company ..., which she co-founded in 2020 with Oskar Lindqvist" (she and Oskar Lindqvist);
* a pronoun (or a person) founding a described company: "... moved to Lyon, where he founded the irrigation
  start-up Gravel Flow", "she later set up the consultancy Orrin Data";
* a founder list broken by appositions: "We were founded in 2016 by Dr. A, our Chief Executive Officer, and B, who
  left the Company in 2021", "Kestrel was founded by A, its chief executive, and B, its chief scientist";
* partners after an apposition: "Ana Meladze co-founded Narikala Voice, a Tbilisi start-up that builds speech
  recognition, with Luka Abashidze in 2020";
* a fronted gerund: "Before founding Guayacan in 2019, Valentina Restrepo was an investment officer at ...";
* a possessive founder noun in apposition: "Its co-founder and chief executive, Ixchel Tzul, also teaches ...",
  "Sorgho Data's co-founders, Halima Diallo and Kofi Mensah, met at ...".

A pronoun stands for the one person the sentence (before it) or the sentence before names. Near-misses that must
not fire: "which she joined in 2020 with B", "where he advised the start-up X", "Before joining X, A ...", "Its
chief executive, A", investors after "with funding from". Words: ``data/lexicon/founders_described.json``.
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.sentence_spans import TITLED_SENTENCE_BREAK, sentence_spans

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
WORDS = "founders_described.json"  # the founder forms' word lists
_YEAR = r"(?:\s+(?:in|back\s+in)\s+(?:[A-Z][a-z]+\s+)?\d{4})?"
_HONORIFIC = re.compile(r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?")
_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s+")
_PRONOUNS = ("she", "he")


def _alts(key: str) -> str:
    return alternation(lexicon_data(WORDS)[key])


class _Ix:
    """Mentions by start and end offset, and the text around them."""

    def __init__(self, text: str, off: int, mentions: Sequence[MentionFact]) -> None:
        self.text, self.off, self.ms = text, off, mentions
        self.at: dict[int, int] = {}
        self.ends: dict[int, int] = {}
        for i, m in enumerate(mentions):
            if m.source != "anaphor":
                self.at.setdefault(m.start, i)
                self.ends[m.end] = i

    def rest(self, pos: int) -> str:
        return self.text[pos - self.off:]

    def person_at(self, pos: int) -> int | None:
        pos += _HONORIFIC.match(self.rest(pos)).end()
        i = self.at.get(pos)
        return i if i is not None and self.ms[i].type == "Person" else None

    def org_at(self, pos: int) -> int | None:
        i = self.at.get(pos)
        return i if i is not None and self.ms[i].type in ORG else None

    def people(self, pos: int, end: int, apposed: bool = False) -> list[int]:
        """Persons listed from ``pos`` ("A and B", "A, B and C"); with ``apposed`` each may carry an apposition
        without names ("A, our Chief Executive Officer, and B")."""
        out: list[int] = []
        while pos < end:
            p = self.person_at(pos)
            if p is None:
                break
            out.append(p)
            k = self.ms[p].end
            if apposed:
                app = re.match(r",\s+(?:our|its|their|the|his|her|a|an)\s+[^,;()]{2,60}?(?=,\s*and\s|\s+and\s)",
                               self.rest(k))
                if app is not None and not self.names_in(k, k + app.end()):
                    k += app.end()
            glue = _JOIN.match(self.rest(k))
            if glue is None:
                break
            pos = k + glue.end()
        return out

    def names_in(self, a: int, b: int) -> bool:
        return any(a <= m.start < b for m in self.ms if m.source != "anaphor" and m.type != "Cluster")

    def one_person(self, a: int, b: int) -> int | None:
        """The one person named in [a, b) (a pronoun mention counts as its antecedent)."""
        found = [(i, m) for i, m in enumerate(self.ms) if a <= m.start < b and m.type == "Person"]
        names = {m.canonical for _, m in found}
        return found[-1][0] if len(names) == 1 else None

    def one_org(self, a: int, b: int) -> int | None:
        found = [(i, m) for i, m in enumerate(self.ms) if a <= m.start < b and m.type in ORG and m.source != "anaphor"]
        return found[0][0] if len({m.canonical for _, m in found}) == 1 else None


def founders_described(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """("FOUNDED", founder, founded, evidence start, evidence end, method) for the forms above."""
    low = text.lower()
    if not any(w in low for w in ("found", "set up", "started", "spun", "establish", "launch")):
        return []
    ix = _Ix(text, off, mentions)
    out: list[Rel] = []
    prev = None
    for a, b, sent in sentence_spans(text, off, TITLED_SENTENCE_BREAK):
        if b - a >= 12:
            _relative_pronoun(ix, sent, a, b, prev, out)
            _with_after_apposition(ix, sent, a, b, prev, out)
            _pronoun_founds(ix, sent, a, b, prev, out)
            _apposed_list(ix, sent, a, b, out)
            _gerund(ix, sent, a, b, out)
            _possessive_founders(ix, sent, a, b, prev, out)
        prev = (a, b)
    return out


def _antecedent(ix: _Ix, a: int, at: int, prev: tuple[int, int] | None) -> int | None:
    """The person "she"/"he" at ``at`` stands for: the one person before it in its sentence, else in the one before."""
    p = ix.one_person(a, at)
    if p is None and prev is not None and not any(
            a <= m.start < at and m.type == "Person" for m in ix.ms):
        p = ix.one_person(*prev)
    return p


def _founder_before(ix: _Ix, sent: str, a: int, k: int, prev: tuple[int, int] | None) -> int | None:
    """The founder ending at sentence offset ``k``: a person's name, or "she"/"he" standing for one."""
    i = ix.ends.get(a + k)
    if i is not None and ix.ms[i].type == "Person":
        return i
    pro = re.search(r"\b(she|he)$", sent[:k], flags=re.I)
    return _antecedent(ix, a, a + pro.start(), prev) if pro else None


def _relative_pronoun(ix: _Ix, sent: str, a: int, b: int, prev: tuple[int, int] | None, out: list[Rel]) -> None:
    """"ORG[, a ... company], which she co-founded in 2020 with B": she and B founded ORG."""
    for m in re.finditer(r",\s+(?:which|that)\s+(she|he)\s+(?:" + _alts("verbs") + r")\b" + _YEAR, sent):
        orgs = [i for i, x in enumerate(ix.ms) if a <= x.start and x.end <= a + m.start() and x.type in ORG
                and x.source != "anaphor"]
        if not orgs:
            continue
        org = orgs[-1]
        founder = _antecedent(ix, a, a + m.start(1), prev)
        if founder is not None:
            out.append(("FOUNDED", founder, org, a, b, "rule:w15-relative-pronoun"))
        w = re.match(r"\s+with\s+", sent[m.end():])
        if w is not None:
            for p in ix.people(a + m.end() + w.end(), b):
                out.append(("FOUNDED", p, org, a, b, "rule:w15-relative-pronoun"))


def _pronoun_founds(ix: _Ix, sent: str, a: int, b: int, prev: tuple[int, int] | None, out: list[Rel]) -> None:
    """"where he founded the irrigation start-up Gravel Flow": a founder, the verb, a described organisation."""
    pat = r"\s+(?:later\s+|also\s+|then\s+)?(?:" + _alts("verbs") + r")\s+(?:the|a|an|her|his)\s+((?:[a-z][\w-]*\s+){1,4})"
    for m in re.finditer(pat, sent):
        if not any(w in lexicon_data(WORDS)["org_nouns"] for w in m.group(1).split()):
            continue
        org = ix.org_at(a + m.end())
        founder = _founder_before(ix, sent, a, m.start(), prev)
        if org is not None and founder is not None:
            out.append(("FOUNDED", founder, org, a, b, "rule:w15-founded-described"))


def _apposed_list(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"X was founded in 2016 by Dr. A, our Chief Executive Officer, and B": each person founded the subject."""
    pat = r"\b(?:was|were)\s+(?:" + _alts("passives") + r")(?:\s+(?:of|from)\s+[^;]{3,90}?)?" + _YEAR + r"\s+by\s+"
    for m in re.finditer(pat, sent):  # "was spun out of the X Laboratory (XL) in 2023 by A, its CEO, and B"
        founders = ix.people(a + m.end(), b, apposed=True)
        if len(founders) < 2:
            continue
        subject = _subject(ix, sent, a, m.start())
        if subject is None:
            continue
        for p in founders:
            out.append(("FOUNDED", p, subject, a, b, "rule:w15-apposed-founders"))


def _subject(ix: _Ix, sent: str, a: int, k: int) -> int | None:
    """The organisation before "was founded": a name ending there, or "We"/"The Company"/"It" standing for one."""
    head = sent[:k].rstrip()
    i = ix.ends.get(a + len(head))
    if i is not None and ix.ms[i].type in ORG:
        return i
    for j, m in enumerate(ix.ms):
        if m.source == "anaphor" and m.type in ORG and a <= m.start and m.end == a + len(head):
            return j
    if re.search(r"(?:^|\s)(?:We|The Company)$", head):  # an annual report's "we": the page's own organisation
        return next((j for j, m in enumerate(ix.ms) if m.type in ORG and m.source != "anaphor"), None)
    return None


def _gerund(ix: _Ix, sent: str, a: int, b: int, out: list[Rel]) -> None:
    """"Before founding Guayacan in 2019, Valentina Restrepo was ...": the main clause's subject founded it."""
    m = re.match(r"\s*(?:Before|After|Since|Shortly\s+after|Soon\s+after)\s+(?:" + _alts("gerunds") + r")\s+(?:the\s+)?",
                 sent)
    if m is None:
        return
    org = ix.org_at(a + m.end())
    if org is None:
        return
    tail = re.match(_YEAR + r"\s*,\s+", ix.rest(ix.ms[org].end))
    if tail is None:
        return
    p = ix.person_at(ix.ms[org].end + tail.end())
    if p is not None:
        out.append(("FOUNDED", p, org, a, b, "rule:w15-gerund"))


def _possessive_founders(ix: _Ix, sent: str, a: int, b: int, prev: tuple[int, int] | None, out: list[Rel]) -> None:
    """"Its co-founder and chief executive, A, ...", "ORG's co-founders, A and B, ..."."""
    nouns = _alts("founder_nouns")
    for m in re.finditer(r"(?:^|(?<=\s))(Its|its|'s|’s)\s+(?:(?:" + nouns + r")(?:\s+and\s+[a-z][\w -]{2,40}?)?)\s*,\s+",
                         sent):
        if m.group(1).lower() == "its":
            if prev is None or ix.one_org(a, a + m.start()) is not None:
                continue
            org = ix.one_org(*prev)
        else:
            org = ix.ends.get(a + m.start(1))
            org = org if org is not None and ix.ms[org].type in ORG else None
        if org is None:
            continue
        for p in ix.people(a + m.end(), b):
            out.append(("FOUNDED", p, org, a, b, "rule:w15-possessive-founder"))


def _with_after_apposition(ix: _Ix, sent: str, a: int, b: int, prev: tuple[int, int] | None, out: list[Rel]) -> None:
    """"A co-founded Narikala Voice, a Tbilisi start-up that builds ..., with B in 2020": B founded it too."""
    for m in re.finditer(r"\b(?:" + _alts("verbs") + r")\s+(?:the\s+)?", sent):
        org = ix.org_at(a + m.end())
        if org is None:
            continue
        app = re.match(r",\s+(?:a|an|the)\s+[^;()]{3,120}?,\s+with\s+", ix.rest(ix.ms[org].end))
        if app is None or ix.names_in(ix.ms[org].end, ix.ms[org].end + app.end()):
            continue
        partners = ix.people(ix.ms[org].end + app.end(), b)
        founder = _founder_before(ix, sent, a, m.start() - 1, prev) if m.start() else None
        for p in partners + ([founder] if founder is not None and partners else []):
            out.append(("FOUNDED", p, org, a, b, "rule:w15-with-after-apposition"))
