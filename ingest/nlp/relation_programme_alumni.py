"""MEMBER_OF of a firm that went through a programme: "X went through the P", "X completed P" (issue 14, sentence
relations; no parse). Alumni and graduates ("X is an alumnus of P", "graduated from P") are not members (docs/annotation.md).

Once per document after the rules, from the words of the text and its mentions: a Company or Institute directly
followed by one of the verbs of ``data/lexicon/relation_programme_alumni.json`` (an adverb allowed: "later went
through") and then a Programme whose name ends in a programme head ("Accelerator", "Incubator", "Programme"): "X went
through the Kaunas Deep Tech Accelerator, which ... runs", "Kestrel Data completed the Harlow Incubator in 2023"
(``rule:programme-alumni``). The programme head keeps a grant scheme out ("completed the X Fund application").
Near-misses that must not fire: "X applied to P", "X mentors start-ups in P", "X sponsors P", "X completed a
product" (no programme), "It went through P" (an anaphor: too often the wrong firm). ``AIKG_PROGRAMME_ALUMNI=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import keep_new, sentences

CONF = 0.7
MEMBERS = ("Company", "Institute")


@lru_cache(maxsize=1)
def _form() -> re.Pattern[str]:
    """The words between the firm and the programme (read once)."""
    w = lexicon_data("relation_programme_alumni.json")
    adv = alternation(w["adverbs"])
    verbs = alternation(w["alumni_verbs"]).replace(r"\ ", r"\s+")
    return re.compile(rf"\s+(?:(?:{adv})\s+)?(?:{verbs})\s+(?:the\s+|its\s+|their\s+)?(?:\d{{4}}\s+)?", re.I)


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(h.lower() for h in lexicon_data("relation_programme_alumni.json")["programme_heads"])


def programme_alumni(text: str, facts: Any) -> None:
    """Add, in place, the MEMBER_OF of the form above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_PROGRAMME_ALUMNI", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "MEMBER_OF"}
    new: list[RelationCandidate] = []
    for start, end, here in sentences(text, ms):
        found = []
        for x, p in zip(here, here[1:]):
            if ms[p].type != "Programme" or ms[p].text.split()[-1].lower() not in _heads():
                continue
            if ms[x].source == "anaphor":
                continue  # "It went through P": which firm "It" is is too often wrong (a firm of the sentence before)
            if ms[x].type in MEMBERS and _form().fullmatch(text, ms[x].end, ms[p].start):
                found.append((x, p, "rule:programme-alumni"))
        keep_new("MEMBER_OF", text, ms, found, have, new, start, end, CONF)
    facts.relations += new

