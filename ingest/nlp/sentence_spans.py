"""Sentences of a text by a break pattern: the one split the regex rule modules share.

A rule module that reads sentence by sentence without spaCy cuts the text at a break (``. `` before a capital or an
opening quote, or a line end) and works on each piece with document offsets. ``SENTENCE_BREAK`` is that break;
``TITLED_SENTENCE_BREAK`` does not break after a title ("Dr. Amara Oyelaran").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n")
TITLED_SENTENCE_BREAK = re.compile(
    r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)(?<=[.!?])\s+(?=[A-Z\"“])|\n")


def sentence_spans(text: str, off: int = 0, pattern: re.Pattern[str] = SENTENCE_BREAK) -> Iterator[tuple[int, int, str]]:
    """``(start, end, sentence)`` of every piece of ``text`` between breaks, offsets plus ``off`` (the text's place in
    the document), the last piece ending at the text's end; pieces may be short or empty, callers skip those."""
    return iter(_pieces(text, off, pattern))


@lru_cache(maxsize=8)
def _pieces(text: str, off: int, pattern: re.Pattern[str]) -> tuple[tuple[int, int, str], ...]:
    """The pieces of one text, split once: several rule modules split the same chunk (speed only)."""
    out = []
    pos = 0
    for m in pattern.finditer(text + "\n"):
        out.append((off + pos, off + m.start(), text[pos:m.start()]))
        pos = m.end()
    return tuple(out)
