"""Headline lines and programme session titles: capitalised words that name no body (issue 14, unseen text).

* A headline in title case ("Korvath Dynamics Opens Applied Robotics Centre in Tartu", "Brennmoor Week Returns With
  a Focus on Robotics") capitalises its verbs and nouns, so the NER runs a name on into them. A name on such a line
  that the text never writes elsewhere is cut to its longest opening part the text does write on its own
  ("Korvath Dynamics"), or dropped when no head word types it ("Focus on Robotics").
* A session title after a programme label ("Panel: Funding Deep Tech in the Baltics", "09:30 Keynote: Herding data",
  "Demonstration: Twiga Eye") names a talk, not a body: a name there without a head word of a body is dropped, up
  to the first dash or bar (where speakers follow).

Word list: ``session_labels`` of ``data/lexicon/mentions.json``. Never a gazetteer name, a person or an acronym.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, Env
from aikg.ingest.nlp.token_index import TokenIndex

#: a time slot opening a programme line ("09:30", "14:00–14:45", "9.15 -")
TIME_SLOT = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[-–—]\s*\d{1,2}[:.]\d{2})?\s*")
#: what ends a session title on its line: a dash, bar, comma, bracket or full stop before the speakers
TITLE_END = re.compile(r"\s[-–—|]\s|\s[-–—]$|\||,\s|\.\s|\(")
#: marks that make a line a list, a label row, an address or a contact row rather than a headline
NOT_HEADLINE = re.compile(r"[,;:(|•@/]|\.\s|^\s*[-*\d]|^\s*(?:By|Posted|Published|Written|Edited|Photo|Related)\b")
WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@lru_cache(maxsize=1)
def _session_labels() -> frozenset[str]:
    return frozenset(w.lower() for w in _data().get("session_labels", ()))


@lru_cache(maxsize=1)
def _firm_inner() -> frozenset[str]:
    return frozenset(_data().get("firm_inner_words", ()))


def _data() -> Mapping[str, Any]:
    return lexicon_data("mentions.json")


def _line(text: str, a: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, a) + 1
    end = text.find("\n", a)
    return start, len(text) if end < 0 else end


def session_title(doc: Any, s: Candidate, env: Env, text: str) -> bool:
    """Is the name inside a session title after a programme label ("Panel: ...") and typed by no head word?"""
    if s.entry is not None or s.acronym_of or s.type in ("Person", "Cluster") or s.source == "gazetteer":
        return False
    a = doc[s.start].idx
    ls, le = _line(text, a)
    line = text[ls:le]
    slot = TIME_SLOT.match(line)
    colon = line.find(":", slot.end() if slot else 0)
    if colon < 0 or ls + colon >= a:
        return False
    label = line[slot.end() if slot else 0:colon].strip().lower()
    labels = _session_labels()
    if not label or not (label in labels or label.split()[-1] in labels):
        return False
    stop = TITLE_END.search(line, colon + 1)
    if stop is not None and ls + stop.start() < a:
        return False  # after the dash: a speaker and the body they come from
    if doc[s.end - 1].lower_ in env.lex.hub_words:
        return False  # "Lightning talks: start-ups from the Gdynia Software Quarter": a place the title names
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end])
    if typ is None:
        return True
    return typ == "Company" and not _alone(text[:ls] + "\n" + text[le:], TokenIndex.of(doc).span_text(s.start, s.end))


def _inner_lower(doc: Any, s: Candidate, env: Env) -> bool:
    """A lower-case word inside the name that no name joins with ("Focus on Robotics", "Hands-on with Edge")."""
    return any(t.is_lower and t.is_alpha and t.lower_ not in _firm_inner() for t in doc[s.start + 1:s.end - 1])


def headline_line(text: str, ls: int, le: int) -> bool:
    """A line in title case: at least four words, every word of four letters or more capitalised, no final point and
    no commas, brackets, bars or list marks."""
    line = text[ls:le].strip()
    if not line or line.endswith((".", "?", "!")) or NOT_HEADLINE.search(line):
        return False
    words = WORD.findall(line)
    long = [w for w in words if len(w) >= 4]
    return len(words) >= 4 and len(long) >= 3 and all(w[0].isupper() for w in long)


def headline_name(doc: Any, s: Candidate, env: Env, text: str) -> str:
    """What to do with a name on a title-case line: "keep", "cut" (``s`` is cut to the opening part the text writes
    alone) or "drop"."""
    if s.entry is not None or s.acronym_of or s.type in ("Person", "Cluster") or s.source == "gazetteer" \
            or s.end - s.start < 2:
        return "keep"
    a = doc[s.start].idx
    ls, le = _line(text, a)
    if not headline_line(text, ls, le):
        return "keep"
    rest = text[:ls] + "\n" + text[le:]
    words = TokenIndex.of(doc).text[s.start:s.end]
    if _alone(rest, TokenIndex.of(doc).span_text(s.start, s.end)):
        return "keep"
    for k in range(s.end - 1, s.start, -1):
        part = TokenIndex.of(doc).span_text(s.start, k)
        if _alone(rest, part) and (k - s.start >= 2 or env.typer.type_of_name(words[:k - s.start]) is None):
            s.end = k
            return "cut"
    typ = env.typer.type_of_name(words)
    return "drop" if typ is None or typ == "Company" and _inner_lower(doc, s, env) else "keep"


def _alone(text: str, name: str) -> bool:
    """Does the text write ``name`` as a whole name (not followed by another capitalised word)?"""
    pat = re.compile(r"(?<![\w])" + re.escape(name) + r"(?![\w])(?!\s+[A-Z])")
    return pat.search(text) is not None
