"""PART_OF of a subsidiary described as "a wholly owned subsidiary" with no parent named (issue 14, wave 14).

Annual reports (10-K Item 1) name the filer as "we" and describe its subsidiaries in an apposition without "of":
"We conduct our Canadian operations through Susitna Systems Canada ULC, a wholly owned subsidiary in Whitehorse",
"most of our research through X LLC, a wholly owned subsidiary based in Fairbanks", "X Pty Ltd, an indirect
subsidiary, employs our staff". The subsidiary is PART_OF what the sentence's "we"/"our" stands for (the nearest one
before it, else the first after it); "a subsidiary of Y" is read elsewhere, and a sentence with no "we" says nothing.

Word lists: ``owned_mods``, ``subsidiary_nouns``, ``owner_pronouns`` of ``data/lexicon/part_lines.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.lexicon import lexicon_sets

ORG = ("Institute", "Company", "Agency")
MODS = 4  # words between the article and "subsidiary" ("a wholly owned operating subsidiary")
Emit = Callable[[Iterable[str], int, int, float, str], None]


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    return lexicon_sets("part_lines.json", ("owned_mods", "subsidiary_nouns", "owner_pronouns"))


def owned_apposition(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit,
                     conf: float) -> None:
    """PART_OF(X, we) of "X, a wholly owned subsidiary ..." in a sentence whose "we"/"our" is the filer."""
    mods, subs, pronouns = _words()
    owners = [(i, s) for i, s, e in spans if e == s + 1 and doc[s].lower_ in pronouns and types[i] in ORG]
    if not owners:
        return
    for i, s, e in spans:
        if types[i] not in ORG or any(i == o for o, _ in owners) or not _owned_after(doc, sent, e, mods, subs):
            continue
        before = [o for o, os in owners if os < s]
        emit(["PART_OF"], i, before[-1] if before else owners[0][0], conf, "rule:owned-apposition")


def _owned_after(doc: Any, sent: Any, e: int, mods: frozenset[str], subs: frozenset[str]) -> bool:
    """", a wholly owned subsidiary" follows the name ending at ``e``, with no "of"/"to" after the noun."""
    if e + 3 >= sent.end or doc[e].text != "," or doc[e + 1].lower_ not in ("a", "an"):
        return False
    k, owned = e + 2, False
    while k < min(sent.end, e + 2 + MODS) and doc[k].lower_ not in subs:
        if doc[k].lower_ not in mods and doc[k].text != "-":
            return False
        owned = True
        k += 1
    if not owned or k >= sent.end or doc[k].lower_ not in subs:
        return False
    return k + 1 >= sent.end or doc[k + 1].lower_ not in ("of", "to", "for")
