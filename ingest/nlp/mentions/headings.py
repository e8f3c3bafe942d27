"""Stage, headings: a name that fills a whole line is a heading ("Research Collaborations"); a table-of-contents
row ("Item 3. | Legal Proceedings | 20", "Risk Factors ........ 12") names sections, not organisations."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.headline_lines import headline_name, session_title
from aikg.ingest.nlp.mentions.list_lines import member_block_line
from aikg.ingest.nlp.token_index import TokenIndex, doc_text

TOC_ROW = re.compile(r"(?:\|\s*|\.{3,}\s*)\d{1,3}\s*$")
#: what opens a line before a bracketed credit: "BERLIN (", "NEW YORK, NY, June 3, 2025 ("
DATELINE_HEAD = re.compile(r"^[A-Z][A-Z.'\- ]+(?:,[A-Za-z0-9.'\- ]+){0,3}\s*\($")
CREDIT_TAIL = re.compile(r"^\)\s*(?:--|[-\u2013\u2014:])")


def drop_headings(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop non-gazetteer candidates alone on their line (an optional "The" before them) or in a contents row, and
    any dateline credit ("BERLIN (Reuters) -")."""
    text = doc_text(doc)
    out = []
    for s in cands:
        if _dateline_credit(doc, s, text):
            continue  # "BERLIN (Reuters) -": the agency that wrote the story, not one it is about
        if _venue(doc, s, env, text) or _dated_venue(doc, s, env, text):
            continue  # "Venue: Kanda Hall, Ochanomizu Institute of Technology": a hall, not a body
        if session_title(doc, s, env, text) or headline_name(doc, s, env, text) == "drop":
            continue  # "Panel: Funding Deep Tech", "Brennmoor Week Returns With a Focus on Robotics"
        if s.source not in ("gazetteer",) and s.acronym_of is None:
            a, b = doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1].text)
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = len(text) if line_end < 0 else line_end
            if text[line_start:a].strip() in ("", "The", "the") and text[b:line_end].strip(" :.") == "" \
                    and not _titled_programme(doc, s, env, text, line_start) and not _legal_name(doc, s) \
                    and not member_block_line(text, line_start):  # "Clinical members" / "Klinikum X" (list_lines.py)
                continue
            if TOC_ROW.search(text[line_start:line_end]):
                continue
            if text[line_start:a].strip() == "" and text[b:b + 1] == ":" and s.type == env.lex.default_org \
                    and s.end - s.start == 1 and env.typer.type_of_name([doc[s.start].text]) is None:
                continue  # "Headquarters: Genoa": a field label
        out.append(s)
    return out


def _legal_name(doc: Any, s: Candidate) -> bool:
    """"Himali Voice Pvt. Ltd." alone on a contact block's line: a firm's full legal name is no section title."""
    from aikg.ingest.nlp.mentions.name_forms import name_form_words

    last = doc[s.end - 1].text
    return s.end - s.start >= 2 and last[:1].isupper() and last.lower() in name_form_words().legal and len(last) > 2


def _titled_programme(doc: Any, s: Candidate, env: Env, text: str, line_start: int) -> bool:
    """"Harrow Robotics Programme" as the page's title (at most one line, "FACT SHEET", above it): a programme
    page names its programme, not a section; its head word must make it a programme."""
    if sum(1 for line in text[:line_start].splitlines() if line.strip()) > 1:
        return False
    return env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) == "Programme"


def _dateline_credit(doc: Any, s: Candidate, text: str) -> bool:
    """A name in brackets between a dateline's upper-case place and its dash."""
    a, b = doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1].text)
    line_start = text.rfind("\n", 0, a) + 1
    return bool(DATELINE_HEAD.match(text[line_start:a])) and bool(CREDIT_TAIL.match(text[b:b + 4]))


def _venue(doc: Any, s: Candidate, env: Env, text: str) -> bool:
    """The first name after a "Venue:" label opening its line, unless its words make it a body or a place."""
    if s.source == "gazetteer" or s.type == "Cluster" or s.start < 2 or doc[s.start - 1].text != ":":
        return False
    a = doc[s.start - 1].idx
    line_start = text.rfind("\n", 0, a) + 1
    if text[line_start:a].strip().lower() not in env.words.venue_labels:
        return False
    return env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) in (None, "Company")


#: a year or a month name on a line before a separator: the line dates a meeting
DATED = re.compile(r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|"
                   r"November|December)\b")
SEPARATORS = frozenset({"|", "·", "•"})


@lru_cache(maxsize=1)
def _venue_heads() -> frozenset[str]:
    data = lexicon_data("mentions.json")
    return frozenset(w.lower() for w in data.get("venue_heads", ()))


def _dated_venue(doc: Any, s: Candidate, env: Env, text: str) -> bool:
    """"Lagos, 9-10 October 2025 | Landmark Centre, Victoria Island": the first name after a separator on a line that
    dates a meeting is its venue when a venue word ends it or nothing in it names a body ("Kings Place")."""
    if s.source == "gazetteer" or s.entry is not None or s.start < 2 or doc[s.start - 1].text not in SEPARATORS \
            or s.type == "Cluster" and doc[s.end - 1].lower_ not in _venue_heads():
        return False
    a = doc[s.start - 1].idx
    line_start = text.rfind("\n", 0, a) + 1
    if not DATED.search(text[line_start:a]):
        return False
    words = TokenIndex.of(doc).text[s.start:s.end]
    return words[-1].lower() in _venue_heads() and env.typer.type_of_name(words) in (None, "Company", "Institute") \
        and not any(w.lower() in env.lex.institute_words and w.lower() not in _venue_heads() for w in words) \
        or env.typer.type_of_name(words) is None and s.end - s.start >= 2
