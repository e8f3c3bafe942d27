"""AFFILIATED_WITH on role field lines of government fact sheets and programme pages (issue 14, wave 19; no parse).

Fact sheets list who leads a body as "label: person" lines. Once per document, line by line, from the text and its
mentions:

* "- Chair of the board: Ilse Varga, Undersecretary for Industry, Ostrel Department of Industry", "Programme lead: Dr
  A, Marrow Innovation Agency": the person and the organisation that ends the line (``rule:w19-role-line-org``);
* "- Director General: Marta Quist", "- Head of the data laboratory: B" with nothing after the person, under a heading
  that names one organisation ("Who leads KCDM?", "KCDM leadership") (``rule:w19-role-line-heading``).

The label holds an office word ("director", "head", "chair", "lead", ...); "Former director: A", "Outgoing chair: A",
"Contact: A" (no office), a programme at the end of the line ("Manager, Tarn Valley Vouchers": a programme is no
employer) and a heading naming two bodies give nothing. Word lists: ``data/lexicon/role_lines.json``;
``AIKG_ROLE_LINES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _inside_other, _name
from aikg.ingest.nlp.relation_sentences import keep_new

CONF = 0.7
ENABLED_ENV = "AIKG_ROLE_LINES"
ORGS = ("Company", "Institute", "Agency")
LINE = re.compile(r"[^\n]+")


def _w() -> Mapping[str, Any]:
    return lexicon_data("role_lines.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w = _w()
    return {
        "label": re.compile(r"[ \t]*(?:[-•*·▪–][ \t]*)?([A-Z][^:\n]{1,60}?)[ \t]*:[ \t]*"
                            rf"(?:(?:{alternation(w['honorifics'])})\s+)?"),
        "role": re.compile(rf"\b(?:{alternation(w['role_words'])})\b", re.I),
        "past": re.compile(rf"\b(?:{alternation(w['not_current'])})\b", re.I),
        "title_org": re.compile(r"(?:\s*\([^()\n]{1,30}\))?,\s+(?:[^,;:()\n@\d]{2,70}?,\s+)?$"),
        "tail": re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*[.;]?\s*$"),
        "bare_tail": re.compile(r"(?:\s*\((?:chair|acting|interim|since\s+\d{4})\))?\s*[.;]?\s*$", re.I),
        "heading": re.compile(rf"\b(?:{alternation(w['lead_headings'])})\b", re.I),
    }


def role_lines(text: str, facts: Any) -> None:
    """Add, in place, the AFFILIATED_WITH of the role lines above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "AFFILIATED_WITH"}
    named = sorted((i for i in range(len(ms)) if not _inside_other(ms, i) and ms[i].source != "anaphor"),
                   key=lambda i: ms[i].start)
    new: list[RelationCandidate] = []
    heading: int | None = None
    for line in LINE.finditer(text):
        a, b = line.start(), line.end()
        on = [i for i in named if a <= ms[i].start and ms[i].end <= b]
        found = _role_line(text, ms, on, a, b, heading)
        if found is None:
            heading = _heading_org(text, ms, on, a, b, heading)
            continue
        keep_new("AFFILIATED_WITH", text, ms, [found], have, new, a, b, CONF)
    facts.relations += new


def _heading_org(text: str, ms: Sequence[Any], on: list[int], a: int, b: int, current: int | None) -> int | None:
    """The organisation a short heading line names ("Who leads KCDM?"); a blank line or another heading ends it."""
    s = text[a:b].strip()
    if not s:
        return current
    if s.endswith((".", ",", ";")) or len(s.split()) > 8 or s.startswith(("-", "•", "*")):
        return None
    orgs = {_name(ms, i) for i in on if ms[i].type in ORGS}
    if len(orgs) == 1 and _patterns()["heading"].search(s):
        return next(i for i in on if ms[i].type in ORGS)
    return None


def _role_line(text: str, ms: Sequence[Any], on: list[int], a: int, b: int,
               heading: int | None) -> tuple[int, int, str] | None:
    """(person, organisation, method) of a role field line, or None."""
    p = _patterns()
    lab = p["label"].match(text, a, b)
    if lab is None or not p["role"].search(lab.group(1)) or p["past"].search(lab.group(1)):
        return None
    person = next((i for i in on if ms[i].start == lab.end()), None)
    if person is None or ms[person].type != "Person":
        return None
    rest = [i for i in on if ms[i].start >= ms[person].end]
    if not rest:
        if heading is not None and p["bare_tail"].fullmatch(text, ms[person].end, b):
            return person, heading, "rule:w19-role-line-heading"
        return None
    org = rest[-1]
    if ms[org].type not in ORGS or any(ms[i].type in ORGS + ("Person", "Programme") for i in rest[:-1]):
        return None
    gap = text[ms[person].end:ms[org].start]
    if not p["title_org"].fullmatch(gap) or p["past"].search(gap) or not p["tail"].fullmatch(text, ms[org].end, b):
        return None
    return person, org, "rule:w19-role-line-org"
