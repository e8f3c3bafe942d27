"""Stage, round funds (wave 19): a fund that leads or joins a funding round is an investor, a Company.

Names ending in "Fund" are typed as programmes (grant schemes, public funds). Funding announcements also name venture
and corporate funds as a round's investors: "a Series A round led by Entoto Capital Partners, with participation from
... the returning investor Tana Growth Fund", "Investors: Hacienda Ventures, Fondo Semilla Querétaro", "Samsung
Catalyst Fund and Austin's Capital Factory also joined the round", "backed by the venture fund Capital Fleuve". A
programme never leads or joins a round, so a Programme reading of a fund name in a round's investor slot (after "led
by", "participation from", "Investors:" in its sentence, or before "joined the round"), or right after an investor noun
("the venture fund", "the pension fund"), becomes a Company. A name the text typed (", a state fund administered by
..."), a public fund's words ("... Innovation Fund", "Ghana ...", "Malaysian ..."), a grant, loan or scheme word between the cue and the name
("a round led by A and a grant from the B Fund"), a limited-partner list, a gazetteer name and a name the text typed
otherwise keep their type. Every mention of the name takes it. Word lists: ``data/lexicon/round_funds.json``.
Switch: ``AIKG_ROUND_FUNDS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_ROUND_FUNDS"
SPAN = 40  # tokens of the sentence read before the name for a round cue
AFTER = 14  # tokens read after it ("A Fund and Austin's Capital Factory also joined the round")


def enabled() -> bool:
    """The stage runs unless ``AIKG_ROUND_FUNDS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class RoundWords:
    fund_words: frozenset[str]
    round_cues: frozenset[str]
    round_needs_money: frozenset[str]
    round_money_words: frozenset[str]
    round_after: frozenset[str]
    breaks: frozenset[str]
    public_words: frozenset[str]
    people_endings: frozenset[str]
    investor_nouns: frozenset[str]


@lru_cache(maxsize=1)
def round_words() -> RoundWords:
    """``data/lexicon/round_funds.json``, read once per process."""
    return RoundWords(*lexicon_sets("round_funds.json",
                                    ("fund_words", "round_cues", "round_needs_money", "round_money_words",
                                     "round_after", "breaks", "public_words", "people_endings",
                                     "investor_nouns")))


def investor_noun_before(low: list[str], start: int, w: RoundWords) -> bool:
    """"the venture fund Capital Fleuve", "the returning investor Tana Growth Fund": an investor noun right before."""
    return any(start >= k and " ".join(low[start - k:start]) in w.investor_nouns for k in (1, 2))


def in_round(doc: Any, low: list[str], start: int, end: int, w: RoundWords) -> bool:
    """The name is in a round's investor slot of its sentence: after a cue with no other money word between, or before
    "joined the round"."""
    sent = doc[start].sent
    after = " ".join(low[end:min(sent.end, end + AFTER)])
    if any(after.startswith(a) or f" {a}" in after for a in w.round_after):
        return True
    money = any(x in w.round_money_words for x in low[sent.start:sent.end])
    for k in range(start - 1, max(sent.start, start - SPAN) - 1, -1):
        if low[k] in w.breaks:
            return False
        cue = low[k] if low[k] in w.round_cues else f"{low[k - 1]} {low[k]}" if k > sent.start else ""
        if cue in w.round_cues:
            return money or cue not in w.round_needs_money
    return False


def _public(words: list[str], env: Env, w: RoundWords) -> bool:
    """"Ghana Cocoa Innovation Fund", "Lao Enterprise Growth Fund": a public fund's words, or a country or a people's
    adjective first."""
    return any(x in w.public_words for x in words) or words[0] in env.lex.countries \
        or words[0].endswith(tuple(w.people_endings)) and len(words[0]) > 5


def round_funds(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Type fund names that lead or join a round (or that an investor noun introduces) as companies."""
    if not enabled():
        return cands
    w = round_words()
    index = TokenIndex.of(doc)
    low = index.lower
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.entry is None and c.acronym_of is None and c.source in ("ner", "rule"):
            groups.setdefault(index.span_text(c.start, c.end), []).append(c)
    for group in groups.values():
        if not all(c.type == "Programme" for c in group) or any(c.ctx_typed for c in group):
            continue  # "the Fondo Semilla X is a provincial seed scheme administered by ...": the text said so
        if _public(low[group[0].start:group[0].end], env, w):
            continue
        fund_name = low[group[0].end - 1] in w.fund_words or low[group[0].start] in w.fund_words  # "Fondo Semilla X"
        if any(investor_noun_before(low, c.start, w) or fund_name and in_round(doc, low, c.start, c.end, w) for c in group):
            for c in group:
                c.type, c.ctx_typed = "Company", True
    return cands
