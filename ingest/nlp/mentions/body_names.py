"""Stages body_names: names of public bodies and of an organisation's board, by their form.

* ``municipal_bodies``: "the City of Oakland", "City and County of Honolulu", "County of Kisumu": a capitalised
  municipal head, "of" and a place name is the town's government, an Agency (councils are Agency in the annotation);
  the NER reads only the place ("Honolulu") or the whole as a place the place stage then drops. A lower-case "the
  city of Tampere" is the place and stays one.
* ``board_tails``: "the Kessel Institute Board of Directors includes A and B": the board is no name of its own; the
  name ends at its organisation, so the members attach to the organisation. A board that is itself a body keeps its
  name ("Ghana Cocoa Board", "Rwanda Development Board": no organisation head word before "Board").

Word lists: ``municipal_heads`` and ``board_tails`` of ``data/lexicon/entity_typing.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.type_forms import enabled
from aikg.ingest.nlp.token_index import TokenIndex

#: particles inside a place name ("City of Vila Franca do Campo")
PARTICLES = frozenset({"de", "do", "da", "dos", "das", "del", "di", "du", "la", "le", "upon", "-"})
#: capitalised words of a place name after "of"
MAX_PLACE_WORDS = 4


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    data = lexicon_data("entity_typing.json")
    heads = sorted((tuple(w.split()) for w in data["municipal_heads"]), key=len, reverse=True)
    tails = sorted((tuple(w.split()) for w in data["board_tails"]), key=len, reverse=True)
    return tuple(heads), tuple(tails)


def board_tails(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut "Board of Directors" and the like off an organisation's name that holds a head word before it."""
    if not enabled():
        return cands
    low = TokenIndex.of(doc).lower
    for s in cands:
        if s.source == "gazetteer" or s.acronym_of is not None or s.type == "Person" or s.end - s.start < 3:
            continue
        for tail in _words()[1]:
            cut = s.end - len(tail)
            if cut - s.start < 2 or tuple(low[cut:s.end]) != tail or not doc[cut].text[:1].isupper():
                continue
            typ = env.typer.type_of_name(TokenIndex.of(doc).text[s.start:cut])
            if typ in ("Institute", "Company", "Agency"):
                s.end, s.type = cut, typ
            break
    return cands


def municipal_bodies(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add "City of X" bodies as Agencies, replacing the readings inside them."""
    if not enabled():
        return cands
    found = list(_bodies(doc))
    if not found:
        return cands
    out = [s for s in cands if not any(s.start < b.end and b.start < s.end for b in found)]
    return sorted(out + found, key=lambda s: (s.start, s.end))


def _bodies(doc: Any):
    """"City of X" spans in the doc: a capitalised head not inside a longer name, "of", a capitalised place."""
    low = TokenIndex.of(doc).lower
    n = len(doc)
    heads = _words()[0]
    for i in range(n):
        if not doc[i].text[:1].isupper() or i > 0 and _name_word(doc[i - 1]):
            continue
        head = next((h for h in heads if tuple(low[i:i + len(h)]) == h), None)
        if head is None:
            continue
        of = i + len(head)
        if of + 1 >= n or low[of] != "of" or not all(doc[k].text[:1].isupper() for k in range(i, of) if low[k] != "and"):
            continue
        end = of + 1
        while end < n and end - of <= MAX_PLACE_WORDS and (doc[end].text[:1].isupper() and doc[end].is_alpha
                                                           or doc[end].lower_ in PARTICLES and end + 1 < n
                                                           and doc[end + 1].text[:1].isupper()):
            if "\n" in doc[end - 1].whitespace_:
                break
            end += 1
        if end > of + 1 and doc[end - 1].text[:1].isupper():
            yield Candidate(i, end, "Agency", "rule", label="ORG", ctx_typed=True)


def _name_word(tok: Any) -> bool:
    """A capitalised word that is no sentence opener ("University of the City of London" is another body)."""
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start


@lru_cache(maxsize=1)
def _portfolio() -> frozenset[str]:
    data = lexicon_data("entity_typing.json")
    return frozenset(data["portfolio_words"])


#: words that join a portfolio's fields
JOINERS = frozenset({"and", "&", ","})


def portfolio_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop "Research and Innovation" (a field, no body); give "Innovation, Science and Economic Development Canada"
    the fields the NER cut off at a comma."""
    if not enabled():
        return cands
    fields = _portfolio()
    low = TokenIndex.of(doc).lower
    out: list[Candidate] = []
    for s in cands:
        if s.source not in ("ner", "rule") or s.entry is not None or s.acronym_of is not None or s.type == "Person":
            out.append(s)
            continue
        words = low[s.start:s.end]
        if len(words) >= 3 and any(w in ("and", "&") for w in words) and all(w in fields or w in JOINERS for w in words):
            continue  # "Vice-President, Research and Innovation": the post's field
        _fields_before(doc, s, env, fields)
        out.append(s)
    return out


def _fields_before(doc: Any, s: Candidate, env: Env, fields: frozenset[str]) -> None:
    """"Innovation, | Science and Economic Development Canada": capitalised field words, each then a comma, right
    before a name that opens with a field word and holds "and", are the name's first items."""
    low = TokenIndex.of(doc).lower
    if low[s.start] not in fields or "and" not in low[s.start:s.end]:
        return
    k = s.start
    while k >= 2 and doc[k - 1].text == "," and low[k - 2] in fields and doc[k - 2].text[:1].isupper():
        k -= 2
    if k == s.start or k > 0 and _name_word(doc[k - 1]):
        return
    typ = env.typer.type_of_name(TokenIndex.of(doc).text[k:s.end])
    if low[s.end - 1] in env.lex.countries:
        typ = "Agency"  # "... Economic Development Canada": a national department named by its fields
    if typ in ("Agency", "Institute", "Programme"):
        s.start, s.type = k, typ
