"""Links inside one document: a person's shorter name that opens the one longer name ("Luis Mozombite" of "Luis
Mozombite Rengifo").

Spanish, Portuguese and Latin American pages name a person in full with two surnames once ("Luis Mozombite Rengifo,
38, is the chief executive") and then with the first surname only ("Luis Mozombite said"); a given name alone ("Andrés,
35, runs ...") may then open two written forms of one person. A two-or-more-word person name that every longer person
name opening with it continues in one chain stands for the longest; so does a given name alone when the names it opens form one chain. Two different people who share a given
name and a first surname ("Luis Mozombite Rengifo" and "Luis Mozombite Vela") make no chain and are not linked, nor is
a word alone that ends another person's name (a surname: ``links.surname_edges`` reads it).
Switch: ``AIKG_PERSON_PREFIXES=off``.
"""

from __future__ import annotations

import os

from aikg.ingest.nlp.records import DocFacts
from aikg.ingest.nlp.resolution.names import clean

ENABLED_ENV = "AIKG_PERSON_PREFIXES"

Edge = tuple[int, int]


def enabled() -> bool:
    """The links are made unless ``AIKG_PERSON_PREFIXES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


def person_prefix_edges(f: DocFacts, index: dict[tuple, int]) -> list[Edge]:
    """(shorter name's mention, the longest name's first mention) for the person names of one document."""
    if not enabled():
        return []
    names: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(f.mentions):
        words = tuple(clean(m.canonical or m.text).split())
        if m.type == "Person" and m.source != "anaphor" and len(words) >= 2:
            names.setdefault(words, i)
    edges: list[Edge] = []
    for i, m in enumerate(f.mentions):
        if m.type != "Person" or m.source == "anaphor":
            continue
        words = tuple(clean(m.canonical or m.text).split())
        if not words:
            continue
        longer = [n for n in names if len(n) > len(words) and n[:len(words)] == words]
        if not longer or len(words) == 1 and any(n[-1] == words[0] for n in names):
            continue  # a word that is someone's surname is ``links.surname_edges``'s
        longest = max(longer, key=lambda n: (len(n), n))
        if all(longest[:len(n)] == n for n in longer):
            edges.append((index[(f.doc_id, i)], index[(f.doc_id, names[longest])]))
    return edges
