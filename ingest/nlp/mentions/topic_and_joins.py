"""Stage, topic joins (wave 20): one name whose subject list has "and" in it, read as two names.

Government pages, staff lines and university news name departments by their subjects: "the Mombasa County
Department of ICT and Digital Economy", "the School of Ocean and Antarctic Computing", "Pacific Climate and Health Data
Centre", "the Romanian Private Equity and Venture Association", "Derry and Strabane District Council". The NER reads
the two halves as two names (or only one of them), so the body is lost and a fragment ("Digital Economy", "Pacific
Climate") takes its relations. Two forms are joined back:

* head first: a name "<Head> of|for <Subject>" then "and" and a short run of capitalised words that ends in a subject
  word (``topics`` of ``page_forms.json``) with only adjectives or generic words before it ("Digital Economy",
  "Antarctic Computing", "Virtual Education"); nothing capitalised after it. "the University of Tarsk and Hargeisa
  Digital" (no subject word at the end) and "the Department of Energy and Kestrel Analytics" (a name of its own before
  the subject word) stay two.
* head last: a run with no head of its own ending in a subject word ("Pacific Climate", "Romanian Private Equity"),
  then "and" and a headed body's name that opens with a subject or generic word ("Health Data Centre", "Venture
  Association"); or towns joined by "and" before a council ("Derry and Strabane District Council"). A subject run the
  text writes elsewhere on its own ("Eneza Health ... Eneza Health and Moi Teaching Hospital") stays a name.

Off switch: ``AIKG_TOPIC_AND_JOINS=off``.
"""

from __future__ import annotations

import os
from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.page_forms import page_words
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree; on by default
ENABLED_ENV = "AIKG_TOPIC_AND_JOINS"
#: endings of English adjectives inside a subject ("Antarctic", "Virtual", "Agricultural")
ADJECTIVE_ENDINGS = ("al", "ic", "ical", "ive", "ary", "ory", "ian")
#: most words of a subject run after "and"
MAX_SUBJECT = 3
#: last words of a council named after the towns it serves ("Derry and Strabane District Council")
COUNCIL_HEADS = frozenset({"council", "borough"})


def topic_joins(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Join a headed name and its "and"-subject, or a subject run and the headed name after "and"."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    by_start = {c.start: c for c in cands}
    dropped: set[int] = set()
    for c in sorted(cands, key=lambda s: s.start):
        if id(c) in dropped or c.type not in ORG_OR_PROGRAMME and c.type != "Cluster" or c.source == "gazetteer" \
                or c.entry is not None or c.end + 2 >= len(doc) or doc[c.end].lower_ != "and" \
                or "\n" in doc[c.end - 1].whitespace_ + doc[c.end].whitespace_:
            continue
        nxt = by_start.get(c.end + 1)
        if nxt is not None and (nxt.entry is not None or nxt.source == "gazetteer"):
            continue
        end = _subject_end(doc, c, env) if c.type in ORG_OR_PROGRAMME else None
        typ = None
        if end is None:
            end, typ = _headed_end(doc, c, cands, env) or (None, None)
        if end is None:
            continue
        inside = [o for o in cands if o is not c and c.end < o.end and o.start < end]
        if any(o.start < c.end + 1 or o.end > end for o in inside):
            continue  # a mention across the edge
        dropped.update(id(o) for o in inside)
        c.end, c.canonical, c.acronym_of = end, None, None
        if typ is not None:
            c.type, c.label, c.place = typ, "ORG", False
    return [c for c in cands if id(c) not in dropped] if dropped else cands


def _run_end(doc: Any, k: int) -> int:
    """The end of the capitalised words from ``k`` on one line."""
    j = k
    while j < len(doc) and j - k <= MAX_SUBJECT + 2 and doc[j].text[:1].isupper() and doc[j].is_alpha \
            and (j == k or "\n" not in doc[j - 1].whitespace_):
        j += 1
    return j


def _subject_end(doc: Any, c: Candidate, env: Env) -> int | None:
    """"Department of ICT | and Digital Economy": the end of the subject run after "and", else None."""
    low = TokenIndex.of(doc).lower[c.start:c.end]
    if not any(w in ("of", "for") for w in low[1:-1]) or world_places().kind(doc[c.end - 1].text) is not None:
        return None
    k = c.end + 1
    end = _run_end(doc, k)
    if not 1 <= end - k <= MAX_SUBJECT or doc[end - 1].lower_ not in page_words().topics:
        return None
    if end - k == 1 and doc[end - 1].lower_ in page_words().topics and doc[c.end - 1].lower_ in page_words().topics:
        return None  # "Institute for Data and Society": join_topic_names' form, already judged
    if not all(_subject_word(doc[j].lower_, env) for j in range(k, end - 1)):
        return None
    return end


def _subject_word(low: str, env: Env) -> bool:
    return low in page_words().topics or low in env.generic_words or len(low) > 4 and low.endswith(ADJECTIVE_ENDINGS)


def _headed_end(doc: Any, c: Candidate, cands: list[Candidate], env: Env) -> tuple[int, str] | None:
    """"Pacific Climate | and Health Data Centre", "Derry | and Strabane District Council": (end, type) or None."""
    words = TokenIndex.of(doc).text[c.start:c.end]
    if not all(w[:1].isupper() and w.isalpha() for w in words) or env.typer.type_of_name(words) is not None:
        return None
    k = c.end + 1
    end = _run_end(doc, k)
    if end - k < 2 or end < len(doc) and doc[end].text[:1].isupper():
        return None
    right = TokenIndex.of(doc).text[k:end]
    typ = env.typer.type_of_name(right)
    if typ not in ("Institute", "Agency"):
        return None
    towns = all(world_places().kind(w) is not None for w in words) and right[-1].lower() in COUNCIL_HEADS \
        and right[0].lower() not in env.generic_words
    subject = doc[c.end - 1].lower_ in page_words().topics and _subject_word(right[0].lower(), env) \
        and right[0].lower() not in env.lex.institute_words
    if not (towns or subject and not _named_alone(doc, c, cands)):
        return None
    return end, typ


def _named_alone(doc: Any, c: Candidate, cands: list[Candidate]) -> bool:
    """The text writes the run elsewhere with no "and" after it ("Eneza Health, a start-up, ...")."""
    text = doc[c.start:c.end].text
    return any(o is not c and doc[o.start:o.end].text == text and (o.end >= len(doc) or doc[o.end].lower_ != "and")
               for o in cands)
