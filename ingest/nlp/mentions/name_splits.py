"""Two names joined by "and" read as one, where the first name has a topic list of its own.

"the Ministry of Trade, Industry and Energy and Kessel Labs", "the Department of Science and Technology and
Orlen Ventures", "the University of Agriculture and Forestry and the Tarsk Seed Fund": a body named head first
("Ministry of ...") closes its topic list with its own "and"; a second "and" followed by a name with a head word
of its own ("Labs", "Fund") starts a second name. ``tidy.split_coordination`` keeps such runs whole because both
sides are long; this stage cuts them at that "and".

Kept whole: one "and" only ("Department of Science and Technology"), a right side with no head word ("Ministry of
Planning, Investment and Economic Development"), a right side that is one word.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

#: switch for an A/B measurement in one tree (``AIKG_NAME_SPLITS=off``); on by default
ENABLED_ENV = "AIKG_NAME_SPLITS"
#: words after the head that open its topic ("Ministry of ...", "Department for ...")
HEAD_LINKS = ("of", "for")


def split_topic_joins(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut a head-first body with a topic list from a second name joined by a further "and"."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    out: list[Candidate] = []
    changed = False
    for c in cands:
        parts = _parts(doc, c, env) if c.source != "gazetteer" and c.type in ORG_OR_PROGRAMME else None
        if parts:
            out.extend(parts)
            changed = True
        else:
            out.append(c)
    return sorted(out, key=lambda s: (s.start, s.end)) if changed else cands


def _parts(doc: Any, c: Candidate, env: Env) -> list[Candidate] | None:
    low = TokenIndex.of(doc).lower[c.start:c.end]
    head = 1 if low and low[0] == "the" else 0
    if len(low) < 6 + head or low[head + 1] not in HEAD_LINKS or low.count("and") < 2:
        return None
    words = TokenIndex.of(doc).text
    for k in range(c.end - 3, c.start + head + 3, -1):  # the last "and" whose right side is a name
        if doc[k].lower_ != "and":
            continue
        right = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        left_words, right_words = words[c.start:k], words[right:c.end]
        if len(right_words) < 2 or not all(w[:1].isupper() or w in ("&", "-") for w in right_words):
            return None
        if "and" not in (w.lower() for w in left_words) and "," not in left_words:
            return None  # the left side has no topic list: the one "and" is the existing stage's to judge
        if env.typer.type_of_name(right_words) is None or env.typer.type_of_name(left_words) is None \
                or right_words[0].lower() in env.generic_words:
            return None
        left_type = env.typer.type_of_name(left_words) or c.type
        return [replace(c, end=k, type=left_type, canonical=None, acronym_of=None),
                replace(c, start=right, type=env.typer.type_of_name(right_words) or c.type, canonical=None,
                        acronym_of=None, label="ORG")]
    return None
