"""Event sponsors on conference programmes give no FUNDS (issue 14, wave 19; docs/annotation.md, FUNDS ✘).

A programme page (two or more time-slot lines, "09:30 Keynote ...") ends with sponsor lines: "Supported by: A · B · C",
"Event sponsors: A, B", "Sponsors" over "Gold: A, B" / "Silver: C". A list or section rule reads them as funders of
the page's host; events are no entities, so a FUNDS whose funder stands on such a line and whose recipient does not is
taken back (``relation_event_sponsors``). A page without time slots (a programme of grants, a fact sheet) keeps them.

Word list: ``data/lexicon/event_sponsor_labels.json``. ``AIKG_EVENT_SPONSORS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping

from aikg.ingest.nlp.lexicon import lexicon_data

#: a time-slot line of a programme: "09:30", "9.30 -", "14:00–15:00"
SLOT = re.compile(r"^[ \t]*(?:[-•*·][ \t]*)?\d{1,2}[:.]\d{2}\b", re.M)


def _w() -> Mapping[str, Any]:
    return lexicon_data("event_sponsor_labels.json")


@lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    """A sponsor label at a line's start, with its colon (or alone on the line)."""
    words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _w()["sponsor_labels"]), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?:{words})[ \t]*(?::|$)", re.I | re.M)


def event_sponsors(text: str, facts: Any) -> None:
    """Take back, in place, the FUNDS of event sponsors on a programme page."""
    if os.environ.get("AIKG_EVENT_SPONSORS", "on") == "off" or len(SLOT.findall(text)) < 2:
        return
    spans = _sponsor_spans(text)
    if not spans:
        return
    ms = facts.mentions

    def inside(i: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in spans if a <= ms[i].start < b), None)

    keep = []
    for r in facts.relations:
        span = inside(r.source) if r.type == "FUNDS" else None
        if span is not None and not (span[0] <= ms[r.target].start < span[1]):
            continue
        keep.append(r)
    facts.relations[:] = keep


def _sponsor_spans(text: str) -> list[tuple[int, int]]:
    """The sponsor lines: a labelled line, and a bare "Sponsors" heading with the lines under it up to a blank line."""
    out = []
    for m in _label().finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if not text[m.end():end].strip():  # a heading: the block under it
            blank = re.compile(r"\n[ \t]*\n").search(text, end)
            end = blank.start() if blank else len(text)
        out.append((m.start(), end))
    return out
