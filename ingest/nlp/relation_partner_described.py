"""A name that only describes the next one is no partner: "the Angra do Heroísmo start-up Terceira Sensing".

Why: published partner lists describe each item by its town and trade before its name ("partners include the
Angra do Heroísmo start-up T, the Funchal-based L and ..."). When the entity pass keeps the town as an organisation
(an unknown multi-word place), every partner rule takes the town as the item and the real partner is lost. Form read
here, after every rule: "the <Name A> <one to three lower-case words, the last a trade noun> <Name B>" where B is an
organisation: A
describes B, so a PARTNERS_WITH edge on A moves to B (annotation guidelines: "the Bergen startup Fjellkode" is the
item). Runs on the resolved mentions, no parse.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data

ORGS = frozenset({"Institute", "Company", "Agency"})
_TRADE = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,3}$")  # " start-up ", " family office ", " software firm "
_THE = re.compile(r"\bthe\s+$", re.I)
#: words that join two items or start a phrase, not a trade: "the A and B", "the A of B", "the A unit at B"
_GLUE = frozenset({"and", "or", "nor", "with", "of", "in", "at", "for", "to", "from", "by", "as", "on", "the", "a", "an",
                   "its", "their", "which", "who", "that", "is", "are", "was", "were", "has", "have", "will", "said",
                   "says", "than", "but", "while", "via", "through", "under", "into", "between", "among"})


@lru_cache(maxsize=1)
def trade_nouns() -> frozenset[str]:
    """The nouns that end a trade description before a name ("start-up", "family office"): relations.json's
    place_org_nouns, the words of "the <Place> <noun> <Name>"."""
    raw = lexicon_data("relations.json")
    return frozenset(w.lower() for w in raw["place_org_nouns"])


def described_items(text: str, facts: Any) -> None:
    """Move, in place, each PARTNERS_WITH end that only describes the organisation named right after it."""
    ments = facts.mentions
    starts: dict[int, int] = {}
    for i, m in enumerate(ments):
        if m.source != "anaphor":
            starts.setdefault(m.start, i)
    ordered = sorted(starts)
    out = []
    for r in facts.relations:
        if r.type == "PARTNERS_WITH":
            src, tgt = _described(text, ments, starts, ordered, r.source), _described(text, ments, starts, ordered, r.target)
            if src == tgt:
                continue
            r = replace(r, source=src, target=tgt)
        out.append(r)
    facts.relations[:] = out


def _described(text: str, ments: Any, starts: dict[int, int], ordered: list[int], i: int) -> int:
    """The organisation mention ``i`` describes ("the <i> start-up <B>"), else ``i``."""
    m = ments[i]
    if m.source == "anaphor" or not _THE.search(text[max(0, m.start - 6):m.start]):
        return i
    nxt = next((s for s in ordered if s > m.end), None)
    if nxt is None or nxt - m.end > 40 or ments[starts[nxt]].type not in ORGS:
        return i
    gap = text[m.end:nxt]
    words = gap.split()
    if not _TRADE.fullmatch(gap) or any(w in _GLUE for w in words) or words[-1] not in trade_nouns():
        return i  # "the Kessel Institute counts A among": a verb, no trade
    return starts[nxt]
