"""Readings the rules make that the annotation guideline does not count (issue 14, precision, wave 20).

* an acquisition alone: "In 2022 we acquired Redfork Analytics", "X, which was acquired by Y last year" give no
  PART_OF (docs/annotation.md, FOUNDED: "acquisitions ... give PART_OF only when the text says it is now a
  subsidiary"); the parse's ``dep:acquire`` reading is kept only when its sentence says so ("which is now a wholly
  owned subsidiary", "now operates as a division of Y"). Another rule's PART_OF of the same pair is untouched.
* a join in a round: "We are joined in the round by Fondul Seed, by the Vienna-based Danube Angels Syndicate",
  "Y joined on the seed round": the parse's ``dep:join`` MEMBER_OF is an investment, not a membership (FUNDS rules
  read these).
* a cohort read as a parent: "Kañari is part of the 2024 cohort of Fintech Andina Lab" is membership (the cohort
  rules give MEMBER_OF when the programme is typed one), never PART_OF (``dep:part``, ``window:part-of``).

Words: ``data/lexicon/guideline_drops.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import DocFacts

FILE = "guideline_drops.json"
ACQUIRE = "dep:acquire"
JOIN = "dep:join"
PART = frozenset({"dep:part", "window:part-of"})


@lru_cache(maxsize=1)
def _owned_cue() -> re.Pattern[str]:
    """Speed: the cue pattern compiled once."""
    return re.compile(rf"(?<![\w-])(?:{alternation(lexicon_data(FILE)['owned_cues'])})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _round_join() -> re.Pattern[str]:
    """Speed: "joined in the round", "join on this $4m seed round" compiled once."""
    nouns = alternation(lexicon_data(FILE)["round_nouns"])
    return re.compile(rf"\bjoin(?:s|ed|ing)?\s+(?:in|on)\s+(?:the|this|that|our|its|their)\s+(?:[^\s,;.]+\s+){{0,3}}?"
                      rf"(?:{nouns})\b", re.I)


@lru_cache(maxsize=1)
def _part_of_cohort() -> re.Pattern[str]:
    """Speed: "part of the 2024 cohort of", "part of this year's batch of" compiled once."""
    nouns = alternation(lexicon_data("relations.json")["cohort_nouns"])
    return re.compile(rf"\bpart\s+of\s+(?:the|its|this|that|our|their|[\w-]+['’]s)\s+(?:[^\s,;.]+\s+){{0,3}}?(?:{nouns})\b",
                      re.I)


def guideline_drops(text: str, facts: DocFacts) -> None:
    """Drop, in place, the readings above from a document's relation candidates."""
    cue, joined, cohort = _owned_cue(), _round_join(), _part_of_cohort()
    facts.relations = [r for r in facts.relations
                       if not (r.type == "PART_OF" and r.method == ACQUIRE and not cue.search(r.sentence))
                       and not (r.type == "MEMBER_OF" and r.method == JOIN and joined.search(r.sentence))
                       and not (r.type == "PART_OF" and r.method in PART and cohort.search(r.sentence))]
