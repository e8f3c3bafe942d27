"""Document context, wave 17 of issue 14: the first person of a page that speaks for one organisation, and two
names of one body.

Organisation pages, fund blogs and interviews speak as "we": "We are based in Faro and funded by the Algarve
Regional Council. Our members include A and B." (an association's page), "Our venture partner, Dr A, ..." (a fund's
blog under "Posted by B, Managing Partner, Murihiku Ventures"), "We also joined the X Alliance in 2024" (an
interview "with A of Kuukkeli Data", in its answers). The voice is the one organisation a header line names for the
author or the interviewee, else the page's subject (its title, named again in the body: ``context.doc_subject``).
Each "we"/"our"/"us" of a prose line outside quotations and reported speech then becomes an ``anaphor`` mention of
it, which the relation rules read as they read a 10-K's "we" (``mentions/self_reference.py``, left to that stage
when it found a filer). In an interview only the answers speak for it (not the introduction, not the questions).
Precision first: no voice when a header line names two organisations; "we at Y" is Y's.

``same_body`` says when two names are one organisation written with and without its legal form ("Selam Speech
Technologies" / "Selam Speech Technologies PLC"): coreference does not count one as the other's rival.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from aikg.ingest.nlp.context import doc_subject
from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.token_index import TokenIndex

FILE = "context_voice.json"
ORG_TYPES = ("Company", "Institute", "Agency", "Programme")
_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*[:.]")
_ANSWER = re.compile(r"^\s*(?:A|Answer)\s*[:.]")
_END = (".", "!", "?", ";", ":", '"', "”", ")")
_OPENING, _CLOSING, _STRAIGHT = "“«", "”»", '"'
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True)
class VoiceWords:
    """The lists of ``context_voice.json``."""

    first_person: frozenset[str]
    byline: re.Pattern[str]
    interview: re.Pattern[str]
    speech: frozenset[str]
    not_after: frozenset[str]
    header_lines: int
    legal: frozenset[str]
    stance: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()


def _phrases(words: Sequence[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


@lru_cache(maxsize=1)
def voice_words() -> VoiceWords:
    """The shipped word lists (read once per process)."""
    d = lexicon_data(FILE)
    return VoiceWords(frozenset(d["first_person"]), _phrases(d["byline_words"]), _phrases(d["interview_words"]),
                      frozenset(d["speech_words"]), frozenset(d["not_after"]), int(d["header_lines"]),
                      frozenset(d["legal_forms"]), frozenset(d["stance_verbs"]), frozenset(d["adverbs"]),
                      frozenset(d["hedge_words"]))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, line) of every line of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _orgs_on(mentions: Sequence[MentionFact], a: int, b: int) -> dict[str, int]:
    """The organisations named between characters ``a`` and ``b``: canonical name -> its first mention."""
    out: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if a <= m.start < b and m.type in ORG_TYPES and m.source != "anaphor":
            out.setdefault(m.canonical, i)
    return out


def _named_on(text: str, mentions: Sequence[MentionFact], a: int, b: int) -> dict[str, int]:
    """The organisations named between ``a`` and ``b``: by their mentions there, else (a title line holds no mentions)
    by the names the text uses elsewhere, the longest where two overlap ("of Kuukkeli Data": not "Kuukkeli")."""
    found = _orgs_on(mentions, a, b)
    if found:
        return found
    seg = text[a:b]
    hits: list[tuple[int, int, int]] = []
    for i, m in enumerate(mentions):
        if m.type in ORG_TYPES and m.source != "anaphor" and len(m.text) >= 3 and m.text in seg:
            hit = re.search(rf"(?<!\w){re.escape(m.text)}(?!\w)", seg)
            if hit is not None:
                hits.append((hit.start(), hit.end(), i))
    kept = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)]
    out: dict[str, int] = {}
    for _s, _e, i in kept:
        out.setdefault(mentions[i].canonical, i)
    return out


def voice_owner(text: str, mentions: Sequence[MentionFact], words: VoiceWords | None = None) -> tuple[int | None, bool]:
    """Whose "we" a page speaks in (a mention index, or None) and whether it is an interview: the one organisation a
    header line names after "interview with" or on a byline ("Posted by A, Partner, X"), else the page's subject."""
    w = words or voice_words()
    interview = any(_QUESTION.match(ln) for _a, _b, ln in _lines(text[:20_000]))
    seen = 0
    for a, b, line in _lines(text[:3000]):
        if not line.strip():
            continue
        seen += 1
        if seen > w.header_lines:
            break
        asked = w.interview.search(line)
        if asked is not None:
            interview = True
            orgs = _named_on(text, mentions, a + asked.end(), b)
            if len(orgs) == 1:
                return next(iter(orgs.values())), True
            continue
        if w.byline.search(line):
            orgs = _named_on(text, mentions, a, b)
            if len(orgs) == 1:
                return next(iter(orgs.values())), interview
    return doc_subject(text, mentions), interview


def _prose(line: str) -> bool:
    """A line of sentences, not a title, heading, menu or question ("Why we keep investing", "Who we are")."""
    s = line.strip()
    return bool(s) and s.endswith(_END) and not s.endswith("?") and len(s.split()) >= 3 or len(s.split()) > 12


def spoken_ranges(text: str, interview: bool) -> list[tuple[int, int]]:
    """The character ranges in which the page's voice speaks: its prose lines; in an interview only the answers (the
    lines after the first question or "A:", not the questions)."""
    out: list[tuple[int, int]] = []
    answering = False
    for a, b, line in _lines(text):
        s = line.strip()
        if not s:
            continue
        if interview:
            if _QUESTION.match(s) or s.endswith("?"):
                answering = True  # the lines after a question answer it (with or without "A:")
                continue
            if not answering and not _ANSWER.match(s):
                continue  # the introduction before the first question
        if _prose(line):
            out.append((a, b))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The character ranges inside quotation marks (a blank line closes an open quotation)."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for i, c in enumerate(text):
        if c == "\n" and text[i + 1:i + 2] == "\n" and start is not None:
            out.append((start, i))
            start = None
        elif c in _OPENING or (c == _STRAIGHT and start is None):
            start = i if start is None else start
        elif (c in _CLOSING or c == _STRAIGHT) and start is not None:
            out.append((start, i + 1))
            start = None
    if start is not None:
        out.append((start, len(text)))
    return out


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def first_person_links(sdoc: Any, off: int, mentions: list[MentionFact], words: VoiceWords | None = None) -> int:
    """Append an ``anaphor`` mention of the page's voice for each first-person pronoun it speaks with (the first chunk
    of a text only, ``off`` 0); returns how many. Not in a sentence that reports speech or holds a quotation."""
    if off != 0:
        return 0
    w = words or voice_words()
    text = sdoc.text
    voice, interview = voice_owner(text, mentions, w)
    if voice is None:
        return 0
    ranges = spoken_ranges(text, interview)
    quotes = quoted_spans(text)
    starts = {m.start for m in mentions}
    owner = mentions[voice]
    added = 0
    ix = TokenIndex.of(sdoc)  # speed: the words as strings; a Token object only for a first-person word
    for sent in sdoc.sents:
        if not any(a <= sent.start_char < b or a < sent.end_char <= b for a, b in ranges):
            continue
        lows = ix.lower[sent.start:sent.end]
        said = ix.span_text(sent.start, sent.end)
        if any(x in w.speech or x in w.hedges for x in lows) or any(c in said for c in _OPENING + _CLOSING + _STRAIGHT):
            continue  # reported speech, a quotation, a belief ("People assume the cooperative owns part of us")
        for k, low in enumerate(lows, sent.start):
            if low not in w.first_person:
                continue
            t = sdoc[k]
            if t.idx in starts or _inside(t.idx, quotes):
                continue
            if t.lower_ == "we" and _not_a_tie(sdoc, t.i + 1, sent.end, w):
                continue
            mentions.append(MentionFact(text=t.text, start=off + t.idx, end=off + t.idx + len(t.text), type=owner.type,
                                        source="anaphor", canonical=owner.canonical, coref=voice))
            added += 1
    return added


def _not_a_tie(doc: Any, k: int, end: int, w: VoiceWords) -> bool:
    """Does "we" before token ``k`` name another body ("we at Tarn Capital") or state a view, plan or meeting ("We also
    see excellent teams in Toronto", "we expect to back", "We spoke with A"), not a tie?"""
    if k < end and doc[k].lower_ in w.not_after:
        return True
    while k < end and doc[k].lower_ in w.adverbs:
        k += 1
    return k < end and doc[k].lower_ in w.stance


def _norm(name: str) -> list[str]:
    return [x.replace(".", "").strip("(),").lower() for x in name.split()]


def same_body(a: str, b: str, words: VoiceWords | None = None) -> bool:
    """Are two names one organisation, one with its legal form added ("Selam Speech Technologies" / "Selam Speech
    Technologies PLC", "Kabah Geoanalytics" / "Kabah Geoanalytics S.A.P.I. de C.V.")?"""
    w = words or voice_words()
    x, y = _norm(a), _norm(b)
    if len(x) > len(y):
        x, y = y, x
    if not x or len(x) == len(y) or y[:len(x)] != x:
        return False
    rest = [r for r in y[len(x):] if r]
    return bool(rest) and all(r in w.legal for r in rest)
