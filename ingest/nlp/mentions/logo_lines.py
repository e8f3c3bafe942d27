"""Stage logo_lines: the names of a partner, sponsor or member line, one organisation per item.

Event pages, press releases and project sites end with a line of logos written out as text: "Sponsors: Koolau
Capital · Pacific Rim Data Centers · Hilo Bay Coffee Roasters", "Funders: the Ministry of Digital Economy; the Gulf
Development Fund", "Partners: Golis Pay | Mbeya Agritech | Tarsk Institute of Data". The label says every item is
an organisation, so an item the NER missed ("Golis Pay"), read as a person or cut short becomes one organisation,
typed by its head words (else the default organisation type).

Only a line that opens with a label of ``list_labels`` and a colon; only items of capitalised words (name
connectors and a leading "the" allowed, a town in brackets after the name cut off; an item with anything else in
brackets is a roster line of people, "Awa Ndiaye (Xamle AI)", and left alone); never a gazetteer name, a
known place or an item that holds a lower-case word ("drone imagery from ..."). Word lists: ``list_labels`` and
``list_separators`` of ``data/lexicon/page_forms.json``; name connectors of ``entity_forms.json``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Iterator

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

MAX_ITEM = 8  # tokens of one item
MAX_LABEL = 4  # tokens of a label before its colon
MAX_LINES = 30  # lines of names under one label line
#: switch for an A/B measurement in one tree (``AIKG_LOGO_LINES=off``); on by default
ENABLED_ENV = "AIKG_LOGO_LINES"


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(labels, separators, connectors inside a name)."""
    page = lexicon_data("page_forms.json")
    forms = lexicon_data("entity_forms.json")
    return (frozenset(w.lower() for w in page["list_labels"]), frozenset(page["list_separators"]),
            frozenset(w.lower() for w in forms["name_connectors"]) | {"&", "and"})


def logo_lines(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """One organisation per item of a labelled partner/sponsor/member line (see the module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    for start, end in _items(doc):
        cands = _apply(doc, cands, start, end, env)
    return cands


def _line_starts(doc: Any) -> Iterator[int]:
    yield 0
    for k in range(len(doc) - 1):
        if "\n" in doc[k].whitespace_ or doc[k].text.strip() == "" and "\n" in doc[k].text:
            yield k + 1


def _items(doc: Any) -> Iterator[tuple[int, int]]:
    """(start, end) of each item of every labelled line, and of the lines under a label line of its own."""
    labels, seps, _ = _words()
    n = len(doc)
    for a in _line_starts(doc):
        k = a
        while k < n and doc[k].text in ("-", "•", "*", "–") and k == a:
            k += 1  # a bullet before the label
        end = _line_end(doc, k)
        colon = next((i for i in range(k, min(end, k + MAX_LABEL + 1)) if doc[i].text == ":"), None)
        label_end = colon if colon is not None else end
        if " ".join(t.lower_ for t in doc[k:label_end]) not in labels:
            continue
        if colon is not None and colon + 1 < end:
            yield from _split(doc, colon + 1, end, seps)
        elif end < n and "\n\n" not in doc[end].text:
            yield from _lines_under(doc, end + 1)


def _line_end(doc: Any, k: int) -> int:
    """The index of the line break token ending the line at ``k`` (or the doc's end)."""
    n = len(doc)
    while k < n and not (doc[k].text.strip() == "" and "\n" in doc[k].text) and "\n" not in doc[k].whitespace_:
        k += 1
    return k + 1 if k < n and "\n" in doc[k].whitespace_ else k


def _lines_under(doc: Any, k: int) -> Iterator[tuple[int, int]]:
    """"Our partners" then one name a line: each line's name (before a dash, colon or comma that describes it),
    up to a blank line; two lines at least."""
    items: list[tuple[int, int]] = []
    n = len(doc)
    while k < n and len(items) < MAX_LINES:
        end = _line_end(doc, k)
        a = k + 1 if doc[k].text in ("-", "•", "*", "–") else k
        cut = next((i for i in range(a, end) if doc[i].text in (":", ",", "–", "—") or doc[i].text == "-"
                    and doc[i].whitespace_), end)
        if cut > a:
            items.append((a, cut))
        if end >= n or "\n\n" in doc[end].text or end == k:
            break
        k = end + 1 if doc[end].text.strip() == "" else end
    if len(items) >= 2:
        yield from items


def _split(doc: Any, a: int, b: int, seps: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Items between separators (the last "and" of a comma list too)."""
    comma_list = any(doc[i].text == "," for i in range(a, b))
    cut = a
    for i in range(a, b + 1):
        if i == b or doc[i].text in seps or comma_list and doc[i].lower_ == "and":
            if i > cut:
                yield cut, i
            cut = i + 1


def _bracket_place(doc: Any, a: int, end: int) -> bool:
    """Whether the bracket opening before ``a`` holds a known place ("Tessel Robotics (Kigali)")."""
    b = next((i for i in range(a, end) if doc[i].text == ")"), end)
    return b > a and world_places().kind(TokenIndex.of(doc).span_text(a, b)) is not None


def _joined_names(doc: Any, inside: list[Candidate], start: int, end: int) -> int | None:
    """The "and" between two names found apart in the item, if any ("A Ventures and B Capital", not "Minerals
    and Materials Technology")."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in ("and", "&") and any(c.end <= i for c in inside) and any(c.start > i for c in inside):
            return i
    return None


def _apply(doc: Any, cands: list[Candidate], start: int, end: int, env: Env) -> list[Candidate]:
    """The item ``start:end`` (its "the" and a bracketed town cut off) as one organisation."""
    _, _, inner = _words()
    if doc[start].lower_ == "the":
        start += 1
    for i in range(start, end):
        if doc[i].text == "(":
            if not _bracket_place(doc, i + 1, end):
                return cands  # "Members: Awa Ndiaye (Xamle AI)": a roster of people with their organisations
            end = i
            break
    while end > start and doc[end - 1].text in (".", ",", ";"):
        end -= 1
    if end - start < 1 or end - start > MAX_ITEM or not doc[start].text[:1].isupper() or not doc[end - 1].text[:1].isalnum():
        return cands
    if any(not (t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in inner or t.text in ("-", "'s", "’s", "."))
           for t in doc[start:end]):
        return cands  # "drone imagery from Faso Air Survey": a phrase, not a name
    inside = [c for c in cands if c.start < end and c.end > start]
    joint = _joined_names(doc, inside, start, end)
    if joint is not None:  # "Supported by: Saimaa Ventures and Lumo Capital": two names the NER already split
        return _apply(doc, _apply(doc, cands, joint + 1, end, env), start, joint, env)
    if any(c.entry is not None or c.source == "gazetteer" or c.start < start or c.end > end for c in inside):
        return cands
    text = TokenIndex.of(doc).span_text(start, end)
    if world_places().kind(text) is not None or text.lower() in env.lex.countries:
        return cands
    if len(inside) == 1 and inside[0].start == start and inside[0].end == end and inside[0].type in ORG_OR_PROGRAMME:
        return cands
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) or env.lex.default_org
    if typ not in ORG_OR_PROGRAMME:
        return cands
    keep = [c for c in cands if not (c.start < end and c.end > start)]
    keep.append(Candidate(start, end, typ, "rule", label="ORG", ctx_typed=True))
    return sorted(keep, key=lambda c: (c.start, c.end))
