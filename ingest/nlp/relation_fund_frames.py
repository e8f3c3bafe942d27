"""FUNDS read by a dependency frame that the words around take back (issue 14, wave 14).

Published news uses the verbs of funding frames for things that are no funding:

* taking part in an event, not a round: "Vantor AI announced a hackathon, with Orrin Labs and Kestrel Partners taking
  part" (a verb of taking part states funding only in a sentence about money: "raised a $5 million seed round, with
  A and B taking part");
* support in advice or time: "X is supported by a network of mentors, including A", "backed by a panel of advisers
  such as A" (a crowd of people between the verb and the name);
* a prize given: "Pellan AI won the Emberline Prize, awarded by the Emberline Foundation" (the prize is what the
  foundation gives, not whom it funds).

Word lists: ``data/lexicon/fund_frames.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.relation_types import Cand

FUNDS = "FUNDS"


@dataclass(frozen=True)
class FundFrameWords:
    """The word sets of this module."""

    take_part: frozenset[str]
    money: frozenset[str]
    crowd: frozenset[str]
    prizes: frozenset[str]
    give: frozenset[str]


@lru_cache(maxsize=1)
def fund_frame_words() -> FundFrameWords:
    """The word lists of ``fund_frames.json``, read once."""
    return FundFrameWords(*lexicon_sets("fund_frames.json", ("take_part_lemmas", "money_words", "crowd_nouns",
                                                             "prize_nouns", "give_lemmas")))


def fund_frames_kept(cands: list[Cand], tok: Any, tok2m: dict[int, int], round_named: bool = False) -> list[Cand]:
    """The candidates of the frame at ``tok`` less the FUNDS its words take back (event participants, advisers,
    prizes); ``round_named``: the sentence before named a round ("Kestrel Partners also took part")."""
    words = fund_frame_words()
    lemma = tok.lemma_.lower()
    if lemma in words.take_part and not round_named and not _money_said(tok, tok2m, words):
        return [c for c in cands if c.type != FUNDS]  # "a hackathon, with A and B taking part"
    return [c for c in cands if c.type != FUNDS or not (_through_crowd(c, tok, tok2m, words)
                                                        or lemma in words.give and _prize(c.tgt, tok, tok2m, words))]


def _money_said(tok: Any, tok2m: dict[int, int], words: FundFrameWords) -> bool:
    """Does the sentence of ``tok`` speak of money outside its names ("round", "$5 million", "investors")?"""
    return any(t.i not in tok2m and (t.lower_ in words.money or t.lemma_.lower() in words.money) for t in tok.sent)


def crowd_between(doc: Any, start: int, end: int, spans: list[tuple[int, int, int]]) -> bool:
    """A crowd noun outside names in ``doc[start:end]``: the words between a window trigger and its funder ("backed by
    a panel of advisers such as A")."""
    crowd = fund_frame_words().crowd
    return any(doc[k].lower_ in crowd and not any(s <= k < e for _i, s, e in spans) for k in range(start, end))


def _tokens_of(m: int, tok2m: dict[int, int]) -> list[int]:
    return sorted(t for t, x in tok2m.items() if x == m)


def _through_crowd(c: Cand, tok: Any, tok2m: dict[int, int], words: FundFrameWords) -> bool:
    """A crowd noun stands between the trigger and the funder after it ("supported by a network of mentors,
    including A")."""
    toks = _tokens_of(c.src, tok2m)
    if not toks or toks[0] <= tok.i:
        return False
    doc = tok.doc
    return any(doc[k].lower_ in words.crowd and k not in tok2m for k in range(tok.i + 1, toks[0]))


def _prize(m: int, tok: Any, tok2m: dict[int, int], words: FundFrameWords) -> bool:
    """The mention ``m`` is a prize ("the Emberline Prize", "the Halvorsen Award")."""
    toks = _tokens_of(m, tok2m)
    return bool(toks) and tok.doc[toks[-1]].lower_ in words.prizes
