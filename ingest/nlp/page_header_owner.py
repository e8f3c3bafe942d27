"""The organisation a page belongs to, named alone on a header line under a breadcrumb (issue 14, people).

Members pages, team pages and interviews copied from the web open with a breadcrumb ("Home / About us / Members",
"Interviews > Research leaders"), sometimes a headline, and the organisation's name on a line of its own
("Southern Taiwan Smart Aquaculture Alliance", with its native name on the next line) before the first running
sentence. The people readers take the page's organisation from the title line (``page_owner``) and miss it there;
this reads the header: the first line that is exactly one organisation's name (an acronym in brackets may follow),
when the body names it again (a name alone on its line the entity pass left out counts when the body writes it so). A headline that only mentions an organisation ("Kaunas start-up raises ...") is no
owner line. Words: ``data/lexicon/page_header_owner.json``. Switch: ``AIKG_PAGE_HEADER_OWNER=off``.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.records import MentionFact

ENABLED_ENV = "AIKG_PAGE_HEADER_OWNER"
ORG_TYPES = ("Institute", "Company", "Agency")
#: what may follow the name on its line: an acronym in brackets
_TAIL = re.compile(r"^\s*(?:\([^()]{1,12}\))?\s*$")


def enabled() -> bool:
    """The reading runs unless ``AIKG_PAGE_HEADER_OWNER=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    return json.loads(Path(str(shipped("lexicon", "page_header_owner.json"))).read_text(encoding="utf-8"))


def _prose(line: str) -> bool:
    return len(line.split()) >= int(_words()["prose_min_words"]) and bool(re.search(r"[.!?](?:\s|$)", line))


def header_owner(text: str, mentions: Sequence[MentionFact]) -> int | None:
    """The mention index of the organisation named alone on a header line and again in the body, else None."""
    if not enabled():
        return None
    pos = seen = 0
    for line in text.split("\n"):
        lo, hi = pos, pos + len(line)
        pos = hi + 1
        if not line.strip():
            continue
        seen += 1
        if seen > int(_words()["header_lines"]) or _prose(line):
            return None
        here = [i for i, m in enumerate(mentions) if lo <= m.start < hi and m.source != "anaphor"]
        if not here:
            named = _named_later(line, pos, mentions)  # a name alone on its line is often no mention (headings.py)
            if named is not None:
                return named
            continue
        if len(here) != 1 or mentions[here[0]].type not in ORG_TYPES:
            continue
        m = mentions[here[0]]
        if line[:m.start - lo].strip() or not _TAIL.match(line[m.end - lo:]):
            continue
        if any(j.canonical == m.canonical and j.start >= pos and j.source != "anaphor" for j in mentions):
            return here[0]
    return None


def _named_later(line: str, pos: int, mentions: Sequence[MentionFact]) -> int | None:
    """The first later organisation mention written exactly as the line ("Kaunas Institute of Machine Perception")."""
    name = re.sub(r"\s*\([^()]{1,12}\)\s*$", "", line.strip())
    if len(name.split()) < 2:
        return None
    return next((i for i, m in enumerate(mentions) if m.start >= pos and m.type in ORG_TYPES
                 and m.source != "anaphor" and m.text == name), None)
