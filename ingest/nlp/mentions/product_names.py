"""Stage, product names (wave 17): a name the text introduces as a product names no body anywhere in the text.

Published pages introduce a product once and then use its bare name: "to certify the company's IceTrace software ...
IceTrace won the 2025 Startup Award ... Growler will demonstrate IceTrace". The NER reads every later mention as a
firm (or a person). Earlier stages drop the introducing mention only; this one collects the names the text
introduces as products and drops every mention of them. The forms (learned from company boilerplate and infoboxes):

* a possessed name before a product noun: "its IceTrace software", "the company's BerthWise scheduling platform";
* a product noun, a comma or "called"/"named", then the name: "its scheduling system, BerthWise, at ...", "an app
  called Kheti Mitra that ...";
* an infobox or fact-sheet line of products: "Products: SunTrace, DuneCast".

A name with a body's head word ("Tamsel Robotics"), a known place, a gazetteer entry or an acronym is never read as a
product. Word lists: ``data/lexicon/entity_tails_products.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: longest product name in tokens
_MAX_NAME = 4
#: what may close a product's name after a comma ("its system, BerthWise, at ...", "... system, BerthWise.")
_CLOSERS = frozenset({",", ".", ")", ";", ":"})
#: articles that open a description after a body's name
_ARTICLES = frozenset({"a", "an", "the"})


@dataclass(frozen=True)
class ProductWords:
    possessives: frozenset[str]
    product_nouns: frozenset[str]
    product_links: frozenset[str]
    product_labels: frozenset[str]
    compound_heads: frozenset[str]


@lru_cache(maxsize=1)
def product_words() -> ProductWords:
    """The product word lists of ``entity_tails_products.json`` (read once)."""
    return ProductWords(*lexicon_sets("entity_tails_products.json",
                                      ("possessives", "product_nouns", "product_links", "product_labels",
                                       "compound_heads")))


def product_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop every mention of a name the text introduces as a product."""
    w = product_words()
    names = {n for n in _introduced(doc, w) | _label_items(doc, w) if _may_be_product(n, env)}
    if not names:
        return cands
    index = TokenIndex.of(doc)
    return [s for s in cands if not (s.source != "gazetteer" and s.entry is None and not s.acronym_of
                                     and s.end > s.start and index.span_text(s.start, s.end) in names)]


def _may_be_product(name: str, env: Env) -> bool:
    """No body's head word ("Tamsel Robotics"), no known place, no gazetteer name."""
    words = name.split()
    return bool(words) and words[0].lower().rstrip(".") not in env.titles and env.typer.type_of_name(words) is None and world_places().kind(name) is None \
        and not env.gaz.lookup(name)


def _capital(tok: Any) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or tok.text[:1].isupper() and any(c.isdigit() for c in tok.text)


def _introduced(doc: Any, w: ProductWords) -> set[str]:
    """Names in the two sentence forms: "its IceTrace software" and "its system, BerthWise, ..."."""
    out: set[str] = set()
    for i, tok in enumerate(doc):
        if not tok.is_lower or tok.lower_ not in w.product_nouns:
            continue
        if i + 1 < len(doc) and doc[i + 1].lower_ in w.compound_heads:
            continue  # "its Kpalsi software team": the noun modifies another
        before = _name_before(doc, i, w)
        if before:
            out.add(before)
        after = _name_after(doc, i, w)
        if after:
            out.add(after)
    return out


def _name_before(doc: Any, i: int, w: ProductWords) -> str | None:
    """"its IceTrace software", "the company's BerthWise scheduling system": a possessed name, one lower-case
    modifier at most between it and the noun."""
    end = i
    if end - 1 > 0 and doc[end - 1].is_lower and doc[end - 1].is_alpha and _capital(doc[end - 2]):
        end -= 1  # "BerthWise scheduling system"
    start = end
    while start > 0 and end - start < _MAX_NAME and _capital(doc[start - 1]):
        start -= 1
    if start == end or start == 0 or doc[start - 1].lower_ not in w.possessives:
        return None
    return doc[start:end].text


def _name_after(doc: Any, i: int, w: ProductWords) -> str | None:
    """"its scheduling system, BerthWise, at ...", "an app called Kheti Mitra that ...": a name after the noun and a
    comma or naming verb, closed by punctuation (a comma alone) or by any word ("called")."""
    k, links = i + 1, []
    while k < len(doc) and k - i <= 2 and doc[k].lower_ in w.product_links:
        links.append(doc[k].lower_)
        k += 1
    if not links:
        return None
    start = end = k
    while end < len(doc) and end - start < _MAX_NAME and _capital(doc[end]):
        end += 1
    if end == start or end >= len(doc):
        return None
    named = any(link != "," for link in links)
    if not named and doc[end].text not in _CLOSERS:
        return None  # "Across the health system, Kestrel Analytics has ...": a clause's subject
    if not named and end + 1 < len(doc) and doc[end + 1].lower_ in _ARTICLES:
        return None  # "Across the system, Orsa, the Dublin start-up, ...": a body described
    return doc[start:end].text


def _label_items(doc: Any, w: ProductWords) -> set[str]:
    """"Products: SunTrace, DuneCast": the items of a product line of an infobox or fact sheet."""
    out: set[str] = set()
    for m in _label_line(tuple(sorted(w.product_labels))).finditer(doc.text):
        for item in re.split(r",|;|\band\b|\bor\b", re.sub(r"\([^)]*\)", "", m.group(2))):
            item = item.strip(" .")
            if item[:1].isupper():
                out.add(item)
    return out


@lru_cache(maxsize=2)
def _label_line(labels: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(x) for x in labels)
    return re.compile(r"(?im)^[ \t•*\-–]*(" + alt + r")[ \t]*:[ \t]*(.+)$")
