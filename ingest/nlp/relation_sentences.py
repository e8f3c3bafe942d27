"""The sentence loop and the "keep a new relation" step shared by the document-level relation rules (no parse).

The rules that run once per document after the others (``relation_fund_posts_grants``, ``relation_runs_runner_lines``,
``relation_fund_further_sources``, ``relation_member_whose_cohort``,
``relation_runs_relative``, ``relation_anchor_drawn``)
walk the text sentence by sentence (``SENTENCE``) over the mentions not nested in a longer one, sorted by
start, and keep each (source, target, method) reading the schema allows that no rule gave already, with the sentence
as its evidence; ``relation_fund_gifts`` and ``relation_role_lines`` (a line as the evidence) keep theirs the same way.
This is the one definition of both steps.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Iterator, Sequence

from aikg.ingest.nlp.mention_index import nested
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_fund_wrong_funder import SENTENCE
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_types import allowed

Found = list[tuple[int, int, str]]  # (source mention, target mention, method)


def reading_order(ms: Sequence[Any], types: Sequence[str] | None = None) -> list[int]:
    """The mentions not nested in a longer one (of ``types`` when given), by start: what the sentence rules read."""
    inside = nested(ms)  # speed: one sweep, not every mention against every other
    return sorted((i for i in range(len(ms)) if i not in inside and (types is None or ms[i].type in types)),
                  key=lambda i: ms[i].start)


def sentences(text: str, ms: Sequence[Any], order: list[int] | None = None) -> Iterator[tuple[int, int, list[int]]]:
    """``(start, end, here)`` per sentence of ``text``, ``here`` the mentions of ``order`` (default
    ``reading_order(ms)``) that lie wholly inside it: one bisect per sentence, not a scan of every mention."""
    order = reading_order(ms) if order is None else order
    starts = [ms[i].start for i in order]
    for p in SENTENCE.finditer(text):
        start, end = p.start(), p.end()
        yield start, end, [i for i in order[bisect_left(starts, start):bisect_left(starts, end)] if ms[i].end <= end]


def keep_new(rel_type: str, text: str, ms: Sequence[Any], found: Found, have: set[tuple[str, str]],
             new: list[RelationCandidate], start: int, end: int, conf: float) -> None:
    """Append to ``new`` the readings the schema allows and no rule gave already (``have``: pairs of names, updated),
    with ``text[start:end]`` (the sentence) as evidence; a self-pair (one name twice) is no relation."""
    for src, tgt, method in found:
        key = (_name(ms, src), _name(ms, tgt))
        if key in have or key[0] == key[1] or allowed([rel_type], ms[src].type, ms[tgt].type) is None:
            continue
        have.add(key)
        new.append(RelationCandidate(rel_type, src, tgt, conf, method, start, end, text[start:end], None))
