"""AFFILIATED_WITH on name lines that open with a word the roster rules do not skip (issue 14, wave 19; no parse).

Programme, credit and welcome lines of conference pages and news sites put a participle with "by" or a title of
office before the person; the roster rules (``relation_people.py``) skip only honorifics and "By". Once per document,
line by line, from the text and its mentions:

* "Presented by Nadia Rahimi, Oklahoma Office of Workforce Innovation (OOWI)", "Moderated by A, Prairie Data Review",
  "Photo by A, Org" (``rule:w19-by-label-line``);
* "Councillor James Tiger, Tulsa City Council", "- Mayor Ruth Ames, City of Salina", "Senator A, Chair, Senate
  Committee on X" (``rule:w19-office-title-line``).

After every rule, a post the words right after the person end takes the tie back: "Freshline co-founder and CTO A
resigned in March", "X's chief executive, A, stepped down last week", "A has left the company" (``_post_ended``; the
founding stays; "A left Lisbon for Porto" and "A will step down in 2027" end nothing).

The line holds the person, at most one title field (no name in it, no past word: "former Head of Analytics"), and the
organisation, which ends the line (a bracketed acronym or ", Town" may follow). Near-misses: "Hosted by the Riverbend
Institute in partnership with A" (no person), "Presented by A and B" (no organisation), "Councillor A, former chair,
X", "Moderated by A, who leads X" (a clause, not a line form), a person in running prose. Word lists:
``data/lexicon/people_label_lines.json``. ``AIKG_PEOPLE_LABEL_LINES=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _inside_other, _name
from aikg.ingest.nlp.relation_types import allowed

CONF = 0.7
ORGS = ("Company", "Institute", "Agency")
ENABLED_ENV = "AIKG_PEOPLE_LABEL_LINES"
LINE = re.compile(r"[^\n]+")


def _w() -> Mapping[str, Any]:
    return lexicon_data("people_label_lines.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once)."""
    w = _w()
    honor = r"(?:(?:" + alternation(w["honorifics"]) + r")\s+)?"
    return {
        "bullet": re.compile(r"\s*(?:[-•*–—·]\s+|\d{1,2}[:.]\d{2}\s+(?:[-–—]\s+)?)?"),
        "by_label": re.compile(r"(?:" + alternation(w["by_labels"]) + r")\s+by\s+" + honor, re.I),
        "office": re.compile(r"(?:" + alternation(w["office_titles"]) + r")\s+" + honor, re.I),
        "title_field": re.compile(r",\s+([^,;()\n@\d]{2,60}?)(?=,\s+)"),
        "sep": re.compile(r",\s+"),
        "tail": re.compile(r"(?:\s*\([^()\n]{1,40}\))?(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*[.;]?\s*$"),
        "ended_after": re.compile(r"(?:\s*,[^,;()]{1,60},|\s*,)?\s+(?:(?:has|had|have|then|later|also|recently|abruptly|"
                                  r"quietly)\s+){0,2}(?:" + alternation(w["ended_verbs"]) + r")\b(?:\s+(?:the\s+)?(?:"
                                  + alternation(w["ended_objects"]) + r")\b)?", re.I),
        "not_current": re.compile(r"(?:^|\b)(?:" + alternation(w["not_current"]) + r")(?:\b|$)", re.I),
    }


def people_label_lines(text: str, facts: Any) -> None:
    """Add, in place, the AFFILIATED_WITH of the line forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    have = {(r.type, _name(ms, r.source), _name(ms, r.target)) for r in facts.relations}
    named = sorted((i for i in range(len(ms)) if not _inside_other(ms, i) and ms[i].source != "anaphor"),
                   key=lambda i: ms[i].start)
    new: list[RelationCandidate] = []
    for line in LINE.finditer(text):
        found = _line_tie(text, ms, named, line.start(), line.end())
        if found is None:
            continue
        person, org, method = found
        key = ("AFFILIATED_WITH", _name(ms, person), _name(ms, org))
        if key[1] == key[2] or key in have or allowed(["AFFILIATED_WITH"], ms[person].type, ms[org].type) is None:
            continue
        have.add(key)
        new.append(RelationCandidate("AFFILIATED_WITH", person, org, CONF, method, line.start(), line.end(),
                                     text[line.start():line.end()], None))
    facts.relations += new
    facts.relations = [r for r in facts.relations if not _post_ended(text, ms, r)]


def _post_ended(text: str, ms: Sequence[Any], r: Any) -> bool:
    """"Freshline co-founder and CTO A resigned in March", "X's chief executive, A, stepped down last week": a
    verb of ending right after the person takes back the post at an organisation named before that verb (the
    founding stays; "A left Lisbon for Porto" and "A will step down in 2027" end nothing)."""
    if r.type != "AFFILIATED_WITH" or ms[r.source].source == "anaphor":
        return False
    person, org = ms[r.source], ms[r.target]
    if not r.sent_start <= person.start < r.sent_end:
        return False
    m = _patterns()["ended_after"].match(text, person.end, r.sent_end)
    if m is None:
        return False
    verb = m.group(0).lower()
    if re.search(r"\bleft\b", verb) and not re.search(r"\bleft\s+(?:the\s+)?\w", verb):
        return False  # "left" alone is a place left or a remainder, not a post: only "left the company/board"
    return org.end <= m.end()  # the organisation named before the verb of ending (or in the apposition before it)


def _line_tie(text: str, ms: Sequence[Any], named: list[int], start: int, end: int) -> tuple[int, int, str] | None:
    """(person, organisation, method) of one line in the forms above, or None."""
    pos = _patterns()["bullet"].match(text, start, end).end()
    lead = _patterns()["by_label"].match(text, pos, end)
    method = "rule:w19-by-label-line"
    if lead is None:
        lead, method = _patterns()["office"].match(text, pos, end), "rule:w19-office-title-line"
    if lead is None:
        return None
    here = [i for i in named if start <= ms[i].start and ms[i].end <= end]
    person = next((i for i in here if ms[i].start == lead.end()), None)
    if person is None or ms[person].type != "Person":
        return None
    rest = [i for i in here if ms[i].start >= ms[person].end]
    if not rest or ms[rest[0]].type not in ORGS:
        return None
    org = rest[0]
    gap = text[ms[person].end:ms[org].start]
    if not _patterns()["sep"].fullmatch(gap):
        title = _patterns()["title_field"].match(gap)
        if title is None or title.end() + len(_patterns()["sep"].match(gap, title.end()).group(0)) != len(gap):
            return None
        if _patterns()["not_current"].search(title.group(1)):
            return None
    if not _patterns()["tail"].fullmatch(text, ms[org].end, end):
        return None
    bracket = re.match(r"\s*\([^()\n]{1,40}\)", text[ms[org].end:end])
    after = ms[org].end + (bracket.end() if bracket else 0)
    if any(ms[i].start >= after and ms[i].type in ORGS + ("Person",) for i in rest[1:]):
        return None  # another body or person after the organisation (its acronym aside): a longer line
    return person, org, method
