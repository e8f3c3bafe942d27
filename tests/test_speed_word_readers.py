"""The sped-up word readers of the funding forms (issue #14/#18 speed, wave 2) answer as the plain readings did.

Why: ``_Sent.at``, ``_connector_at`` and ``_Words.index_at`` now read slices and bisect instead of building a tuple
of words at every position or scanning the words; these tests compare them with the plain readings, word by word,
including positions before the first word and past the last one, on invented sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from aikg.ingest.nlp.relation_fund_clauses import _Sent, clause_words
from aikg.ingest.nlp.relation_funding_spread import _connector_at, _cue_re, _Words, spread_words

TEXTS = (
    "The Korvath Fund, together with Melsen Capital and the Brisk angel network, backed Tillo Robotics.",
    "Ostrana Labs raised $4 million in a round led by Vennick Partners, with participation from Quorra Ventures.",
    "Funding came from the Dallow Trust, alongside support from the city of Pelmar, and from Rask Bank.",
    "A grant scheme that Halden Foundation pays for, with money from Ivers Capital.",
)


@dataclass
class _M:
    start: int
    end: int
    source: str = "ner"
    type: str = "Company"


def _plain_low(s: _Sent, k: int) -> str:
    word = s.w.items[k][2] if 0 <= k < len(s.w.items) else ""
    return word[:-1] if len(word) > 1 and word.endswith(".") else word


def _plain_at(s: _Sent, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    for p in phrases:
        if tuple(_plain_low(s, k + x) for x in range(len(p))) == p:
            return len(p)
    return 0


def _sent(text: str) -> _Sent:
    mentions = [_M(text.index("Korvath"), text.index("Korvath") + 12)] if "Korvath" in text else []
    starts = {m.start: i for i, m in enumerate(mentions)}
    return _Sent(_Words, text, 0, len(text), mentions, starts)


def test_sentence_words_and_phrases_as_the_plain_reading() -> None:
    cw = clause_words()
    phrase_lists = [cw.participles, cw.raise_words, cw.group_openers, cw.invest_phrases, cw.with_words,
                    cw.portfolio_openers, cw.portfolio_nouns]
    for text in TEXTS:
        s = _sent(text)
        for k in range(-3, s.n + 3):
            assert s.low(k) == _plain_low(s, k)
            for phrases in phrase_lists:
                assert s.at(k, phrases) == _plain_at(s, k, phrases)


def test_connectors_and_word_index_as_the_plain_reading() -> None:
    w = spread_words()
    for text in TEXTS:
        s = _Words(text, 0, len(text), {})
        for k in range(-3, len(s.items) + 3):
            plain = next((len(c) for c in w.connectors
                          if tuple(s.items[k + x][2] if 0 <= k + x < len(s.items) else "" for x in range(len(c))) == c), 0)
            assert _connector_at(s, k, w) == plain
        for char in range(-1, len(text) + 2):
            assert s.index_at(char) == next((k for k, (st, _e, _w) in enumerate(s.items) if st >= char), None)


def test_one_cue_search_as_the_word_by_word_checks() -> None:
    w = spread_words()
    cue = _cue_re(w.pay_verbs, w.money_nouns).search
    for text in TEXTS + ("Nothing here at all.", "It runs with funding from Ivers.", "paid"):
        low = text.lower()
        plain = any(v in low for v in w.pay_verbs) or any(f" {n} from " in low for n in w.money_nouns)
        assert bool(cue(low)) == plain
