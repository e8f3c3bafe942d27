"""Names inside a dateline: "ST. JOHN'S, NL —" holds a town and its region, never a person or an organisation.

Why: an upper-case dateline ("ST. JOHN'S, NL, Nov. 10, 2026 /CNW/ -", "MOSSEL BAY, South Africa /PRNewswire/ --")
is read by the NER word by word: "JOHN'S" as a person, "NL" or the wire credit as an organisation (false entities on
unseen press releases, issue 14). The dateline's span is that of ``dateline_spans`` (ingest/nlp/dateline_breaks.py):
a town opening a line in the head of the text, comma parts of a region, date or credit, a dash. Every mention there
that is not a place is dropped; places are left to the place stages (a dateline town counts only when an
organisation is placed in it).
"""

from __future__ import annotations

import os
from typing import Any

from aikg.ingest.nlp.dateline_breaks import dateline_spans
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import doc_text

#: switch for an A/B measurement in one tree (``AIKG_CAPS_DATELINES=off``); on by default
ENABLED_ENV = "AIKG_CAPS_DATELINES"


def caps_datelines(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop the person and organisation mentions that lie inside a dateline."""
    if not cands or os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    spans = dateline_spans(doc_text(doc))
    if not spans:
        return cands

    def inside(c: Candidate) -> bool:
        a = doc[c.start].idx
        return any(s <= a < e for s, e in spans)

    return [c for c in cands if c.type == "Cluster" or not inside(c)]
