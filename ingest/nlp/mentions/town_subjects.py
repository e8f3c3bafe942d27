"""Towns as sentence subjects: "Kuopio has become a centre for health data", "Joensuu now hosts three start-ups".

A town that opens a sentence whose verb says it hosts organisations, or calls it a hub, is treated as a hub by the
text (the annotation's Cluster), though no hub word stands right after its name. Word lists: ``town_host_verbs``,
``town_become_verbs``, ``town_hub_nouns`` and ``town_openers`` of ``data/lexicon/entity_typing.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate
from aikg.ingest.nlp.mentions.type_forms import enabled
from aikg.ingest.nlp.token_index import TokenIndex

#: tokens after "has become" in which a hub noun may stand ("one of Europe's busiest robotics hubs")
HUB_REACH = 7


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    data = lexicon_data("entity_typing.json")

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(w.split()) for w in data[key]), key=len, reverse=True))

    return phrases("town_host_verbs"), phrases("town_become_verbs"), frozenset(data["town_hub_nouns"]), \
        frozenset(data["town_openers"])


def town_subject(doc: Any, s: Candidate) -> bool:
    """Does the sentence open with the town ``s`` and say it hosts organisations or is a hub?"""
    if not enabled() or s.start >= len(doc) or not (doc[s.start].is_sent_start or s.start == 0
                                                    or "\n" in doc[s.start - 1].whitespace_ or doc[s.start - 1].is_space):
        return False
    hosts, becomes, hubs, openers = _words()
    low = TokenIndex.of(doc).lower
    k = s.end
    while k < len(doc) and low[k] in openers:
        k += 1
    if any(tuple(low[k:k + len(v)]) == v for v in hosts):
        return True
    verb = next((v for v in becomes if tuple(low[k:k + len(v)]) == v), None)
    if verb is None:
        return False
    for i in range(k + len(verb), min(len(doc), k + len(verb) + HUB_REACH)):
        if low[i] in hubs and doc[i].is_lower:
            return True
        if doc[i].is_punct and low[i] not in ("'s", "’s", "-"):
            return False
    return False
