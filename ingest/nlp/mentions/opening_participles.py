"""Stage, name openers (wave 18): a participle opening a sentence is no part of the name after it.

Profiles and news open sentences with a participle clause: "Joining Lumora Labs as chief scientist, Dr Ana Ruiz ...",
"Leaving Orsa Robotics in 2021, she ...", "Backing Tamsel Robotics early, the fund ...". The NER reads the
capitalised participle into the name ("Joining Lumora Labs"), so the body is never matched. A mention that opens a
sentence or a line with one of ``opening_gerunds`` (``data/lexicon/entity_openers_units.json``) and has two or more words
after it starts after the participle; the rest keeps its type. Names that open with such a word are left when the rest
is a single word ("Running Tide") or the mention is a gazetteer name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

#: tokens after which a sentence begins
_OPENERS = frozenset({".", "!", "?", ":", ";", "•", "-", "–", "—", '"', "“", "(", "*"})


@lru_cache(maxsize=1)
def _gerunds() -> frozenset[str]:
    return lexicon_sets("entity_openers_units.json", ("opening_gerunds",))[0]


def name_openers(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Start mentions after a sentence-opening participle."""
    for c in cands:
        if c.source != "gazetteer" and c.entry is None and c.end - c.start >= 3 \
                and doc[c.start].lower_ in _gerunds() and _opens(doc, c.start) and doc[c.start + 1].is_title:
            c.start += 1
    return cands


def _opens(doc: Any, k: int) -> bool:
    """The token opens the text, a line or a sentence."""
    if k == 0:
        return True
    prev = doc[k - 1]
    return "\n" in prev.whitespace_ or prev.text in _OPENERS or prev.is_space
