"""Dateline breaks: the space after a dateline's dash becomes a line break before the entity pass.

Why: a news story or press release opens with its town and often a region or country, a wire credit or a date, then a
dash ("DHARAN, Nepal — Kestrel Agronomics said ...", "ST. JOHN'S, NL — ...", "MOSSEL BAY, South Africa, June 2, 2026
/PRNewswire/ -- ..."). Read as one run of text the NER takes the dateline and the opening name for one phrase and
finds neither the town nor the organisation after the dash (unseen press releases of issue 14). A line break in
place of the one space after the dash (same length: every offset stays) makes the dateline a line of its own, as
the NER sees it in most published copies. Only the head of a text is read, and only a line whose part before the
dash is a dateline: an upper-case or title-case town, then at most a few comma parts (a region, a date, a credit).
"""

from __future__ import annotations

import os
import re

#: switch for an A/B measurement in one tree (``AIKG_DATELINE_BREAKS=off``); on by default
ENABLED_ENV = "AIKG_DATELINE_BREAKS"
#: datelines stand in a text's first lines
HEAD_CHARS = 2000
#: a town opening its line (upper-case "ST. JOHN'S", "MOSSEL BAY" or title-case "Dharan", "Bobo-Dioulasso"), at most
#: four comma parts of a region, date or credit, then a dash and one space before a capital
_DATELINE = re.compile(
    r"^(?P<town>[^\W\d_][\w.'’\-]*(?:[ \t][^\W\d_][\w.'’\-]*){0,3})(?:[ \t]*\([^()\n]{1,20}\))?"
    r"(?P<parts>(?:,[ \t]*[^,\n\-–—]{1,40}){0,4})(?:[ \t]*/[A-Za-z ]{2,30}/)?[ \t]+(?:--|—|–|-)(?P<space>[ \n])"
    r"(?=[^\W\d_\s\-–—])", re.M)
#: a date in a dateline's comma parts: a day or a year
_DATE = re.compile(r"\b\d{1,4}\b")
#: small words a town's name may hold ("Bobo-Dioulasso", "Ciudad del Este", "San Pedro de Macorís")
_TOWN_SMALL = frozenset({"de", "del", "do", "da", "du", "la", "el", "am", "an", "of", "upon", "sur"})
_PROSE = re.compile(r"\b(?!de\b|del\b|of\b|and\b|am\b|an\b|la\b|el\b|da\b|do\b|du\b)[a-z]{2,}\b")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each dateline in the head of ``text``: its town to its dash, the space after it."""
    out: list[tuple[int, int]] = []
    for m in _DATELINE.finditer(text[:HEAD_CHARS]):
        if not _PROSE.search(m.group("parts")) and _town_like(m.group("town"), m.group("parts")):
            out.append((m.start(), m.start("space")))
    return out


def break_datelines(text: str) -> str:
    """``text`` with the space after each dateline's dash in its head replaced by a line break (same length)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return text
    cuts = [end for start, end in dateline_spans(text) if not _DATE.search(text[start:end])]  # a dated one reads well
    if not cuts:
        return text
    chars = list(text)
    for k in cuts:
        chars[k] = "\n"
    return "".join(chars)


def _town_like(town: str, parts: str) -> bool:
    """A town as a dateline writes it: all capitals ("MOSSEL BAY"), or title-case words with a date after them
    ("Dharan, Nepal, 3 March 2026"; "Anna Berg, Chief Executive - Kestrel Labs" is a people line, not a dateline)."""
    words = town.split()
    if not words[0][:1].isupper():
        return False
    if town.upper() == town:
        return True
    return bool(_DATE.search(parts)) and all(w[:1].isupper() or w in _TOWN_SMALL for w in words) and len(words) <= 3
