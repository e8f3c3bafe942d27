"""Dateline towns: "TAMPERE, 3 March 2026 --" names the town a later "the city" stands for.

A news story or press release names its town once, in the dateline, often in capitals, and then says "the city"
("... has opened a lab in the city", "the city's robotics scene"). The annotation counts a dateline town only when an
organisation is placed in it; "the city" is how the text places one there, so a dateline town is kept as a place
when the text refers to it by such a noun later (``home_city_nouns`` of ``data/lexicon/entity_typing.json``), and
dropped otherwise as before. Coreference (``context.home_place``) then finds it as the document's city.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate
from aikg.ingest.nlp.token_index import doc_text

#: what may follow a dateline's town before its dash: a bracketed state, a region or country and a date ("AUSTIN,
#: Texas, 3 May 2026 --", "SPRINGFIELD, Ill., March 27, 2026 —", "CHICAGO (IL) -")
_AFTER = re.compile(r"^(?:\s*\([^)\n]{1,20}\))?(?:,[^\n\-–—]{0,40})?\s+(?:--|—|–|-)(?:\s|$)")  # ($: a line break, dateline_breaks.py)
#: a dateline on its own line: "Tampere, 3 March 2026"
_DATE_LINE = re.compile(r"^,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+\d{4}\s*$", re.M)
#: datelines stand in a text's first lines
HEAD_CHARS = 2000


@lru_cache(maxsize=1)
def _nouns() -> re.Pattern[str]:
    words = lexicon_data("entity_typing.json")["home_city_nouns"]
    return re.compile(r"\b(?:the|this)\s+(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def dateline_town(doc: Any, s: Candidate) -> bool:
    """Is ``s`` a dateline's town (at a line's start, then a dash or a date) that the text later calls "the city"?"""
    if s.end > len(doc) or s.start >= len(doc):
        return False
    text = doc_text(doc)
    a = doc[s.start].idx
    if a > HEAD_CHARS or not doc[s.start].text[:1].isupper() or a > 0 and text[:a].rstrip(" \t")[-1:] not in ("", "\n"):
        return False
    b = doc[s.end - 1].idx + len(doc[s.end - 1].text)
    line_end = text.find("\n", b)
    rest = text[b:line_end if line_end >= 0 else len(text)]
    if not (_AFTER.match(rest) or _DATE_LINE.match(rest)):
        return False
    return _nouns().search(text, b) is not None
