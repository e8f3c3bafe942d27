"""Stages list_sibling_items and list_item_towns: the items of a list block whose siblings are organisations.

Member pages, cohort announcements, grant tables and programme sheets list organisations one a line, under a
heading ("Industrial members", "The following firms were selected:") that names no list label logo_lines knows:
"- Tamesna Logiciels (joined 2025), Kenitra", "Frantoio Digitale Rizzi & Figli — Andria — 2024", "Turbo Seed
Stockists". When most items of a block (three lines at least, no blank line between) open with a name already
read as an organisation, an item whose opening name was read as nothing is one too: lists hold one kind of thing.
Its type comes from its head words, else from the type most of its siblings have, else the default
organisation type. A place in the item's next cell
("— Andria —", "(Wardha)", "| Pannala |") is that organisation's town and is kept as a Cluster; so is the known town
opening each item of a block of "Town: body or site" lines ("- Manchester: the Irwell Centre for Industrial AI").

Near-misses left alone: a block whose items are people, places or nothing known (a product list, a list of
sectors, a job title a line), a table's header row ("Unit — Town — Sector"), a line that reads on as a sentence,
a one-word item that is no proper noun, an item with a number ("Box 2", "Updated October 2026") or opening with a
verb. Word lists: ``data/lexicon/list_sibling_items.json``; name connectors of
``entity_forms.json``. Off switch: ``AIKG_LIST_SIBLING_ITEMS=off``.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_LIST_SIBLING_ITEMS=off``); on by default
ENABLED_ENV = "AIKG_LIST_SIBLING_ITEMS"
MIN_ITEMS = 3  # lines of one block
MIN_KNOWN = 2  # items already read as organisations
MAX_LEAD = 8  # tokens of an item's name
ELIDED = re.compile(r"^[a-z]{1,4}['’][A-Z]")  # "Papeteries de l'Ill", "Laboratoire d'Informatique"


@dataclass(frozen=True)
class _Words:
    bullets: frozenset[str]
    seps: frozenset[str]
    inner: frozenset[str]
    connectors: frozenset[str]
    not_leads: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = lexicon_data("list_sibling_items.json")
    forms = lexicon_data("entity_forms.json")
    return _Words(frozenset(data["bullets"]), frozenset(data["cell_separators"]), frozenset(data["inner"]),
                  frozenset(w.lower() for w in forms["name_connectors"]), frozenset(data["not_leads"]))


@dataclass(frozen=True)
class _Item:
    start: int  # first token of the opening name
    end: int  # end of the opening name
    sep: str  # the token after it ("" at the line's end)
    line_end: int


def _enabled() -> bool:
    return os.environ.get(ENABLED_ENV, "on") != "off"


def list_siblings(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """An unread opening name of a list item is an organisation when most of its siblings' are (module docstring)."""
    if not _enabled():
        return cands
    for block in _blocks(doc):
        if not _org_block(block, cands):
            continue
        for it in block:
            if _status(it, cands) == "open" and _name_like(doc, it, env):
                typ = env.typer.type_of_name(TokenIndex.of(doc).text[it.start:it.end]) or _siblings_type(block, cands, env)
                if typ in ORG_OR_PROGRAMME:
                    cands = [c for c in cands if not (c.start < it.end and c.end > it.start)]
                    cands.append(Candidate(it.start, it.end, typ, "rule", label="ORG", ctx_typed=True))
    return sorted(cands, key=lambda c: (c.start, c.end))


def list_towns(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """A known place in the cell after an organisation item of an organisation list is its town (module docstring)."""
    if not _enabled():
        return cands
    for block in _blocks(doc):
        cands = _town_led(doc, block, cands)
        if not _org_block(block, cands):
            continue
        for it in block:
            if _status(it, cands) != "org":
                continue
            cell = _town_cell(doc, it)
            if cell is None:
                continue
            a, b = cell
            same = [c for c in cands if c.start == a and c.end == b and (c.type == "Cluster" or c.acronym_of)]
            if same:  # "Ejisu Cocoa Processors Ltd. (Ejisu)": the town, not the firm's short form
                for c in same:
                    c.type, c.label, c.acronym_of, c.place, c.ctx_typed = "Cluster", "GPE", None, False, True
                continue
            if any(c.start < b and c.end > a for c in cands):
                continue
            cands.append(Candidate(a, b, "Cluster", "rule", label="GPE", ctx_typed=True))
    return sorted(cands, key=lambda c: (c.start, c.end))


def _town_led(doc: Any, block: list[_Item], cands: list[Candidate]) -> list[Candidate]:
    """"- London: the Aldgate Institute", "- Tehuacán: training centre": a block whose items open with a known town and
    a colon names where each body or site is; those towns are kept as Clusters."""
    places = world_places()
    text = TokenIndex.of(doc).span_text
    towns = [it for it in block if it.sep == ":" and places.kind(text(it.start, it.end)) == "city"]
    plain = [it for it in towns if not places.is_ambiguous(text(it.start, it.end))]
    if len(plain) < 2 or 2 * len(towns) < len(block):
        return cands  # an ambiguous name ("Bristol") only among plain towns
    for it in towns:
        inside = [c for c in cands if c.start < it.end and c.end > it.start]
        if any(c.type != "Cluster" or (c.start, c.end) != (it.start, it.end) for c in inside):
            continue
        for c in inside:
            c.place, c.ctx_typed = False, True
        if not inside:
            cands = [*cands, Candidate(it.start, it.end, "Cluster", "rule", label="GPE", ctx_typed=True)]
    return cands


def _siblings_type(block: list[_Item], cands: list[Candidate], env: Env) -> str:
    """The type most of the block's organisation items have ("Universities and research organisations": Institute);
    the default organisation type on a tie."""
    types = Counter(c.type for it in block for c in cands
                    if c.type in ORG_OR_PROGRAMME and it.start <= c.start < it.end)
    top = types.most_common(2)
    if not top or len(top) == 2 and top[0][1] == top[1][1]:
        return env.lex.default_org
    return top[0][0]


def _town_cell(doc: Any, it: _Item) -> tuple[int, int] | None:
    """The tokens of the cell after the item's name when they are a known place ("— Andria —", "(Wardha)")."""
    if it.sep in ("", ":", ";"):
        return None
    a = it.end + 1
    stop = {")"} if it.sep == "(" else set(_words().seps)
    b = a
    while b < it.line_end and doc[b].text not in stop and not (doc[b].text == "-" and doc[b].whitespace_):
        b += 1
    if b == a or it.sep == "," and b != it.line_end:
        return None  # "Org, Town" only at the line's end
    if not all(t.text[:1].isupper() or t.text == "-" or t.lower_ in _words().connectors for t in doc[a:b]):
        return None
    text = TokenIndex.of(doc).span_text(a, b)
    places = world_places()
    if places.kind(text) is None or places.is_ambiguous(text):
        return None
    return a, b


def _status(it: _Item, cands: list[Candidate]) -> str:
    """What the item's opening name was read as: "org", "person", "place", "other" or "open" (nothing)."""
    inside = [c for c in cands if c.start < it.end and c.end > it.start]
    if any(c.type in ORG_OR_PROGRAMME and c.start >= it.start for c in inside):
        return "org"
    if any(c.type == "Person" for c in inside):
        return "person"
    if any(c.type == "Cluster" and c.start == it.start and c.end == it.end for c in inside):
        return "place"
    if any(c.type != "Cluster" or c.start < it.start or c.end > it.end for c in inside):
        return "other"
    return "open"  # nothing, or only a place inside a longer name ("Wardha" of "Wardha Krishi Producers' Co-operative")


def _org_block(block: list[_Item], cands: list[Candidate]) -> bool:
    """Three items at least, most of them (and two at least) read as organisations, at most one as a person."""
    if len(block) < MIN_ITEMS:
        return False
    kinds = [_status(it, cands) for it in block]
    orgs = kinds.count("org")
    return orgs >= MIN_KNOWN and 2 * orgs >= len(block) and kinds.count("person") <= 1 \
        and kinds.count("open") <= orgs


def _name_like(doc: Any, it: _Item, env: Env) -> bool:
    """A name and not a heading word, table header, stop word, place or generic phrase."""
    w = _words()
    toks = doc[it.start:it.end]
    low = [t.lower_ for t in toks]
    if not 1 <= len(toks) <= MAX_LEAD or toks[0].is_stop or low[0] in w.not_leads or low[0] in w.connectors:
        return False
    if any(t.like_num for t in toks) or toks[0].pos_ in ("VERB", "AUX") \
            or all(x in env.generic_words or x in w.inner for x in low):
        return False  # "Box 2", "Updated October 2026", "Total
    if len(toks) == 1 and not (toks[0].pos_ == "PROPN" or toks[0].text.isupper() and len(toks[0].text) >= 2):
        return False
    text = TokenIndex.of(doc).span_text(it.start, it.end)
    return world_places().kind(text) is None and text.lower() not in env.lex.countries


def _lines(doc: Any) -> Iterator[tuple[int, int, bool]]:
    """(start, end, blank line before) of each line of non-space tokens."""
    start, blank, n = None, False, len(doc)
    for k in range(n):
        t = doc[k]
        if t.is_space:
            if start is not None and "\n" in t.text:
                yield start, k, blank
                start, blank = None, t.text.count("\n") >= 2
            elif "\n" in t.text and t.text.count("\n") >= 2:
                blank = True
            continue
        if start is None:
            start = k
        if "\n" in t.whitespace_:
            yield start, k + 1, blank
            start, blank = None, False
    if start is not None:
        yield start, n, blank


def _item(doc: Any, a: int, b: int) -> _Item | None:
    """The opening name of a list item line and the separator after it, or None for a line of prose or a heading."""
    w = _words()
    k = a + 1 if doc[a].text in w.bullets and a + 1 < b else a
    start = k
    while k < b and _name_part(doc, k, start, w):
        k += 1
    end = k
    while end > start and (doc[end - 1].lower_ in w.connectors or doc[end - 1].text in ("-", "'", "’", "&")):
        end -= 1
    if end == start or not doc[start].text[:1].isupper():
        return None
    if k == b:
        return _Item(start, end, "", b) if end == k else None
    if end == k and k + 3 < b + 1 and doc[k].text == "(" and k + 2 < b and doc[k + 2].text == ")" \
            and doc[k + 1].text[:1].isupper() and k + 3 < b and doc[k + 3].text[:1].isupper():
        k = end = _inner_bracket_end(doc, k + 3, b, w)  # "Pannala Agritech (Pvt) Ltd | Pannala |"
        if k == b:
            return _Item(start, end, "", b)
    tok = doc[k]
    spaced_dash = tok.text == "-" and tok.whitespace_ and doc[k - 1].whitespace_
    if end != k or not (tok.text in w.seps or spaced_dash):
        return None
    return _Item(start, end, "-" if spaced_dash else tok.text, b)


def _inner_bracket_end(doc: Any, k: int, b: int, w: _Words) -> int:
    """The end of the name words that go on after a one-word bracket inside a name ("(Pvt) Ltd")."""
    while k < b and (doc[k].text[:1].isupper() or doc[k].text == "." and not doc[k - 1].whitespace_):
        k += 1
    return k


def _name_part(doc: Any, k: int, start: int, w: _Words) -> bool:
    t = doc[k]
    if t.text[:1].isupper() or t.text[:1].isdigit():
        return True
    if k == start:
        return False
    attached = not doc[k - 1].whitespace_
    if t.text in w.inner:
        return attached or t.text == "&" or t.text in ("'s", "’s")
    if t.is_lower and attached and doc[k - 1].text == "-":
        return True  # "Co-operative"
    return t.lower_ in w.connectors or ELIDED.match(t.text) is not None


def _blocks(doc: Any) -> Iterator[list[_Item]]:
    """Runs of item lines with no blank line or other line between them."""
    block: list[_Item] = []
    for a, b, blank in _lines(doc):
        it = _item(doc, a, b)
        if blank or it is None:
            if block:
                yield block
            block = []
        if it is not None:
            block.append(it)
    if block:
        yield block
