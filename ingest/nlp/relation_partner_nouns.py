"""A partner noun that names no partnership between the two organisations (issue 14, PARTNERS_WITH precision).

Why: the parse frames, the modifier reader and the group forms read every "partner" as a partnership, and published
pages use the noun for two other ties:

* a funding partner funds: "Y has a funding partner, the X Foundation", "X is a financial partner of Y", "X joined as
  funding partner in 2025" (docs/annotation.md: FUNDS; the funding rules read the money); a sentence with any other
  partnership word ("a partnership with", "works with") keeps its reading;
* a job title before a person's name: "Dunmore Ventures partner Orla Brenn", "Kessel Capital general partner Ana
  Ruiz" (venture-firm news): the name after the title is a person (AFFILIATED_WITH, read by the people rules), even
  when the entity pass typed it an organisation; "Dunmore's partner Y" (a possessive) is not this form.

Once per document after the rules, from the words of each reading's sentence (no parse). Words:
``data/lexicon/relation_partner_nouns.json``; ``AIKG_PARTNER_NOUNS=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data

ENABLED_ENV = "AIKG_PARTNER_NOUNS"
FILE = "relation_partner_nouns.json"
_WORD = re.compile(r"[\w'’-]+")


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    d = lexicon_data(FILE)
    return {k: frozenset(w.lower() for w in d[k]) for k in ("funding_modifiers", "partner_nouns", "other_triggers",
                                                             "title_words")}


def partner_nouns(text: str, facts: Any) -> None:
    """Drop, in place, the partnerships a funding partner noun or a partner title states (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return
    ms = facts.mentions
    facts.relations = [r for r in facts.relations if r.type != "PARTNERS_WITH" or not (
        _funding_only(r.sentence) or _title_between(text, ms[r.source], ms[r.target]))]


def _funding_only(sentence: str) -> bool:
    """Every partner noun of the sentence has a funding modifier, and no other partnership word is there."""
    s = _sets()
    words = [w.lower() for w in _WORD.findall(sentence)]
    nouns = [k for k, w in enumerate(words) if w in s["partner_nouns"]]
    if not nouns or any(w in s["other_triggers"] for w in words):
        return False
    return all(k > 0 and words[k - 1] in s["funding_modifiers"] for k in nouns)


def _title_between(text: str, a: Any, b: Any) -> bool:
    """"<Org> [general] partner <Name>": only a partner title stands between the two names, no possessive."""
    first, second = (a, b) if a.start < b.start else (b, a)
    gap = text[first.end:second.start]
    if first.end > second.start or "\n" in gap:
        return False
    words = [w.lower() for w in _WORD.findall(gap)]
    s = _sets()
    return bool(words) and words[-1] in s["partner_nouns"] and all(w in s["title_words"] for w in words[:-1]) \
        and not re.search(r"[,;:()'’]", gap)
