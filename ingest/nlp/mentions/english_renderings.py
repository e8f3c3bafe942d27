"""Stage, translated names (wave 18): a non-English name's English rendering after ", or" is the same body.

Pages that name a body in its own language give the English name after it: "The Kituo cha Teknolojia ya Lugha
(KITELU), or Language Technology Centre, is ...", "the Agence Wallonne du Numérique, known in English as the Walloon
Digital Agency". Read as two names, the English one is a second, false body. When an organisation mention whose words
hold a non-English head (``world_org_words.json``) is followed, after its acronym in brackets at most, by a comma and
one of ``translation_links`` (``data/lexicon/entity_openers_units.json``), and then by an organisation mention of the same type
that closes at punctuation, the second stands for the first (its canonical name). "X, or Y Ltd" between two English
names, and a list ("X, Y or Z") are left alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.world_names import run_type, world_name_words
from aikg.ingest.nlp.token_index import TokenIndex


@lru_cache(maxsize=1)
def _links() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in lexicon_data("entity_openers_units.json")["translation_links"])


def translated_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Give an English rendering the canonical name of the non-English name before it."""
    for n in range(1, len(cands)):
        a, b = cands[n - 1], cands[n]
        if n >= 2 and a.start > 0 and doc[a.start - 1].text == "(":
            a = cands[n - 2]  # "X (ACR), or Y": the name before the bracketed acronym
        if a.type in ORG_TYPES and b.type == a.type and b.canonical is None and b.acronym_of is None \
                and b.source != "gazetteer" and run_type(doc, a.start, a.end, world_name_words()) is not None \
                and run_type(doc, b.start, b.end, world_name_words()) is None and _linked(doc, a.end, b.start, env) \
                and (b.end >= len(doc) or doc[b.end].is_punct):
            b.canonical = env.canonical_of(doc, a)
    return cands


def _linked(doc: Any, k: int, start: int, env: Env) -> bool:
    """Between the names: "(ACR)" at most, a comma, a link phrase and an article at most."""
    low = TokenIndex.of(doc).lower
    if k + 2 < start and low[k] == "(" and low[k + 2] == ")":
        k += 3
    if k >= start or low[k] != ",":
        return False
    gap = tuple(low[k + 1:start])
    if gap and gap[-1] in env.lex.leading_determiners:
        gap = gap[:-1]
    return gap in _links()
