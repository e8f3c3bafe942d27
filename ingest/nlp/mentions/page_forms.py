"""Stages for the furniture of published pages: captions, datelines, headings and names joined by 'and'.

* "(Courtesy of Veltro Dynamics)", "Photo: ...": a caption word and its "of"/":" are no part of the name.
* "OSLO, Norway--(BUSINESS WIRE)--Fjordline Compute AS": a dateline glued to the first name by dashes; the
  mention keeps the name after the last dash.
* "Inside the Lab", "About the Institute": an article and a head word alone name nothing ("the Lab").
* "Institute for Data and Society": a name whose "for"/"of" part ends in "<topic> and <Topic>" is one name,
  where the NER read "Society" as a second organisation (``join_topic_names``, before fragments are dropped).
Word lists: ``data/lexicon/page_forms.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env


@dataclass(frozen=True)
class PageWords:
    captions: frozenset[str]
    dashes: frozenset[str]
    topics: frozenset[str]


@lru_cache(maxsize=1)
def page_words() -> PageWords:
    node = shipped("lexicon", "page_forms.json")
    try:
        d = json.loads(node.read_text(encoding="utf-8"))
        return PageWords(frozenset(d["caption_words"]), frozenset(d["dateline_dashes"]), frozenset(d["topic_words"]))
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"cannot read the page forms: {e}", source=str(node)) from e


def page_furniture(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut captions and datelines off names; drop an article with a bare head word."""
    pw = page_words()
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of:
            out.append(s)
            continue
        _cut_caption(doc, s, pw)
        _cut_dateline(doc, s, pw)
        if s.end > s.start and not _bare_head(doc, s, env):
            out.append(s)
    return out


def _cut_caption(doc: Any, s: Candidate, pw: PageWords) -> None:
    k = s.start
    while k < s.end - 2 and doc[k].lower_ in pw.captions:
        k += 1
    if k > s.start and doc[k].lower_ in ("of", ":", "by"):
        s.start = k + 1


def _cut_dateline(doc: Any, s: Candidate, pw: PageWords) -> None:
    """The tokeniser keeps "Norway--(BUSINESS" and "WIRE)--Fjordline" whole: cut by characters, and when the name
    starts inside a token, the mention keeps that token and names the rest as its canonical form."""
    span = doc[s.start:s.end]
    text = span.text
    cut = max((text.rfind(d) + len(d) for d in pw.dashes if d in text), default=-1)
    if cut <= 0:
        return
    while cut < len(text) and not text[cut].isalnum():
        cut += 1
    if cut >= len(text) or not text[cut].isupper():
        return
    at = span.start_char + cut
    k = next(i for i in range(s.start, s.end) if doc[i].idx + len(doc[i].text) > at)
    if doc[k].idx < at:
        s.canonical = doc.text[at:span.end_char]
    s.start = k


def _bare_head(doc: Any, s: Candidate, env: Env) -> bool:
    """"the Lab", "The Institute": an article and one head word (what anaphors resolve, not a name)."""
    words = [t for t in doc[s.start:s.end] if t.lower_ not in env.words.articles]
    if len(words) != 1 or len(words) == s.end - s.start or s.type not in ORG_OR_PROGRAMME:
        return False
    low = words[0].lower_
    return low in env.lex.institute_words or low in env.generic_words


def join_topic_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """"Institute for Data" + "and" + "Society": one name when the second part is a single topic word."""
    topics = page_words().topics
    starts = {s.start: s for s in cands}
    dropped: set[int] = set()
    for s in cands:
        if id(s) in dropped or s.type not in ORG_OR_PROGRAMME or s.source == "gazetteer" or s.end + 1 >= len(doc):
            continue
        if doc[s.end].lower_ not in ("and", "&") or doc[s.end - 1].lower_ not in topics:
            continue
        if not any(doc[k].lower_ in ("for", "of") for k in range(s.start + 1, s.end - 1)):
            continue
        nxt = starts.get(s.end + 1)
        if nxt is None or nxt.end - nxt.start != 1 or doc[nxt.start].lower_ not in topics or nxt.entry is not None:
            continue
        if nxt.end < len(doc) and doc[nxt.end].text[:1].isupper() and doc[nxt.end].is_alpha:
            continue  # "Institute for Data and Society Press": the next name goes on
        s.end = nxt.end
        dropped.add(id(nxt))
    return [s for s in cands if id(s) not in dropped]
