"""FOUNDED in two more published forms, read from the text and its mentions (no parse; issue 14).

* organisations that open a lab, centre or programme together, named as the subject list before the verb: "Vakwa
  Analytics Ltd, an Ebène-based developer of satellite models, and the Moka Institute of Ocean Data (MIOD) today
  opened the Lagoon Observation Lab", "The university and Kelvara Robotics will open the Kelvara-Orrin Vision Lab",
  "In 2020 the centre opened a satellite lab in Quebec City, the Laval–Lachine Vision Lab" (an apposition after the
  lab noun names it). Each organisation of the list founded it. The parser often loses such a long subject.
* speaker and roster lines whose title holds a founder word: "- Shymkent Soil AI — Aliya Tulegenova, Founder",
  "Altai Vision — Munkh Bayar, Co-founder & CTO (Erdenet)", "- Marc Warner, co-founder and chief executive, Faculty".

A plan or a denial is not read here ("plans to open", "did not open"); "former" in a title keeps the founding (a
founding is a past act). Words: ``data/lexicon/founders_list.json`` (``open_verbs``, ``open_adverbs``,
``founder_words``, ``lab_nouns``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.sentence_spans import sentence_spans

ORG = ("Institute", "Company", "Agency")
OPENED = ("Institute", "Programme")
Rel = tuple[str, int, int, int, int, str]
_ACR = r"(?:\s*\([^()]{1,40}\))?"
_DESC = r"(?:,\s+(?:an?|the|its)\s+[^;()]{1,140}?,)?"
_JOIN = re.compile(_ACR + _DESC + r"\s*(?:,\s*and|and|,)\s+(?:the\s+)?")
_LEAD = re.compile(r"^\s*(?:[-•*]\s+)?(?:.{0,60}?\s(?:--|—|–)\s+)?"  # a dateline
                   r"(?:(?:In|On|Last|This|Earlier|By)\s+(?:early\s+|late\s+)?(?:\d{4}|year|week|month|[A-Z][a-z]+"
                   r"(?:\s+\d{1,2},?)?)(?:\s+\d{4})?,?\s+)?(?:the\s+|The\s+)?$")  # "In 2020", "On 3 March, "
_DASH_LINE = re.compile(r"^\s*(?:[-•*]\s+)?(?P<org>.+?)\s+[—–-]\s+(?P<person>.+?),\s+(?P<title>[^,()]+?)\s*(?:\([^()]*\))?\s*\.?\s*$")
_COMMA_LINE = re.compile(r"^\s*(?:[-•*]\s+)?(?P<person>[^,]+?),\s+(?P<title>[^,()]+?),\s+(?P<org>[^,()]+?)\s*(?:\([^()]*\))?\s*\.?\s*$")
_WORD = re.compile(r"[A-Za-z&][A-Za-z&'-]*")


@dataclass(frozen=True)
class LineWords:
    open_verbs: tuple[str, ...]
    adverbs: tuple[str, ...]
    founder_words: frozenset[str]
    lab_nouns: tuple[str, ...]
    audience: frozenset[str] = frozenset()

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "LineWords":
        d = lexicon_data("founders_list.json")
        return cls(tuple(d["open_verbs"]), tuple(d["open_adverbs"]), frozenset(d["founder_words"]),
                   tuple(d["lab_nouns"]), frozenset(d.get("open_to_audience", ())))


class _Ix:
    """Mentions of the chunk by start and by end (no anaphors)."""

    def __init__(self, off: int, mentions: Sequence[MentionFact]) -> None:
        self.ms = mentions
        self.start: dict[int, int] = {}
        self.end: dict[int, int] = {}
        for i, m in enumerate(mentions):
            if m.source != "anaphor" or m.type in ORG:  # "In 2020 the centre opened ...": an anaphor may open
                self.start.setdefault(m.start, i)
                self.end.setdefault(m.end, i)
        self.off = off
        self.by_start = sorted(self.start.items())  # sorted once: ``inside`` is asked once per sentence
        self.starts = [s for s, _ in self.by_start]

    def inside(self, a: int, b: int, kinds: tuple[str, ...]) -> list[int]:
        rows = self.by_start[bisect_left(self.starts, a):bisect_left(self.starts, b)]
        return [i for _, i in rows if self.ms[i].end <= b and self.ms[i].type in kinds]


def founder_lines(text: str, off: int, mentions: Sequence[MentionFact], words: LineWords | None = None) -> list[Rel]:
    """("FOUNDED", founder, founded, evidence start, evidence end, method) for the forms above in ``text`` at ``off``."""
    words = words or LineWords.load()
    ix = _Ix(off, mentions)
    out: list[Rel] = []
    low = text.lower()
    opens = any(v in low for v in words.open_verbs)
    for a, b, sent in sentence_spans(text, off):
        if opens and len(sent) > 20:
            _opened(ix, sent, a, b, words, out)
        if "\n" not in sent and any(w in sent.lower() for w in words.founder_words):
            _title_line(ix, sent, a, b, words, out)
    return out


def _opened(ix: _Ix, sent: str, a: int, b: int, words: LineWords, out: list[Rel]) -> None:
    """"A, a ..., and B (BB) today opened the X Lab": every organisation of the subject list founded X."""
    for v in _opened_re(words.open_verbs, words.adverbs).finditer(sent):
        founded = _opened_object(ix, sent, a, v.end(), words)
        if founded is None or _opened_to(sent[ix.ms[founded].end - a:], words):
            continue
        orgs = _subject_list(ix, sent, a, a + v.start())
        for o in orgs:
            if o != founded:
                out.append(("FOUNDED", o, founded, a, b, "rule:opened-lab"))
        return


_TO = re.compile(r"\s+(?:\([^()]{1,40}\)\s+)?to\s+(?:the\s+|its\s+|their\s+|all\s+|local\s+)?([a-z-]+)")


def _opened_to(rest: str, words: LineWords) -> bool:
    """"opened its Halvard Centre to visitors", "to the public": access given to a place that exists, no founding."""
    m = _TO.match(rest)
    return m is not None and m.group(1) in words.audience


@lru_cache(maxsize=4)
def _opened_re(open_verbs: tuple[str, ...], adverbs: tuple[str, ...]) -> re.Pattern[str]:
    """Speed: the opening verb pattern compiled once for the word lists, not at every sentence."""
    verbs = "|".join(re.escape(v) for v in open_verbs)
    adv = "|".join(re.escape(v) for v in adverbs)
    return re.compile(r"(?:\s+(?:" + adv + r"))*\s+(?:" + verbs + r")\s+")


@lru_cache(maxsize=4)
def _lab_re(lab_nouns: tuple[str, ...]) -> re.Pattern[str]:
    """Speed: the lab apposition pattern compiled once for the word list."""
    nouns = "|".join(re.escape(n) for n in lab_nouns)
    return re.compile(r"(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:" + nouns + r")\b[^,;.]{0,60},\s+(?:the\s+)?")


def _opened_object(ix: _Ix, sent: str, a: int, k: int, words: LineWords) -> int | None:
    """The lab or programme the verb at ``k`` opens: right after it, or in an apposition after a lab noun."""
    lead = re.match(r"(?:the\s+new\s+|a\s+new\s+|the\s+|its\s+|their\s+)?", sent[k:])
    i = ix.start.get(a + k + lead.end())
    if i is not None:
        return i if ix.ms[i].type in OPENED else None
    m = _lab_re(words.lab_nouns).match(sent[k:])
    if m is None:
        return None
    i = ix.start.get(a + k + m.end())
    return i if i is not None and ix.ms[i].type in OPENED else None


def _subject_list(ix: _Ix, sent: str, a: int, v: int) -> list[int]:
    """The organisations before the verb at ``v`` that the subject lists (and nothing else before them)."""
    orgs = [i for i in ix.inside(a, v, ORG + ("Person",)) if sent[:ix.ms[i].start - a].rstrip()[-1:] != "("]
    if not orgs or ix.ms[orgs[-1]].type == "Person":
        return []
    last = orgs[-1]
    tail = sent[ix.ms[last].end - a:v - a]
    if not re.fullmatch(_ACR + _DESC, tail):
        return []
    got = [last]
    for prev in reversed(orgs[:-1]):
        gap = sent[ix.ms[prev].end - a:ix.ms[got[0]].start - a]
        if ix.ms[prev].type == "Person" or not _JOIN.fullmatch(gap):
            break
        got.insert(0, prev)
    if not _LEAD.match(sent[:ix.ms[got[0]].start - a]):
        return []  # "In partnership with A, B opened ...", "A said B opened ...": A is no subject
    return got


def _title_line(ix: _Ix, sent: str, a: int, b: int, words: LineWords, out: list[Rel]) -> None:
    """"Org — Person, Co-founder & CTO" and "Person, co-founder and chief executive, Org" on a line of their own."""
    for form in (_DASH_LINE, _COMMA_LINE):
        m = form.match(sent)
        if m is None:
            continue
        title = [w.lower() for w in _WORD.findall(m.group("title"))]
        if not title or len(title) > 8 or not any(w in words.founder_words or w.split("-")[-1] in words.founder_words
                                                   for w in title):
            continue
        p = ix.start.get(a + m.start("person") + _honorific(m.group("person")))
        o = ix.start.get(a + m.start("org"))
        if p is None or o is None or ix.ms[p].type != "Person" or ix.ms[o].type not in ORG:
            continue
        if ix.ms[p].end != a + m.end("person") or ix.ms[o].end != a + m.end("org"):
            continue  # the fields are the names, nothing more
        out.append(("FOUNDED", p, o, a, b, "rule:founder-title-line"))
        return


def _honorific(s: str) -> int:
    h = re.match(r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?", s)
    return h.end() if h else 0
