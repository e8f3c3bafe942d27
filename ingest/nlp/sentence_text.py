"""The evidence sentence as a reader sees it: without the opening quote of the next sentence.

spaCy's sentence splitter attaches a quote that opens the following sentence to the end of
the previous one (``... the project. "``); evidence would then end in a stray quote.
"""

from __future__ import annotations

import re

_DANGLING_OPEN = re.compile(r"\s+[\"“‘«]\s*$")
_QUOTES = "\"“”"
_OPENERS = ("\"", "“", "‘", "«")  # the quotes _DANGLING_OPEN looks for


def trim_sentence(start: int, end: int, text: str) -> tuple[int, int, str]:
    """``(start, end, text)`` of a sentence span with a dangling opening quote cut off the end.

    A trailing quote is cut only when it opens nothing inside the sentence (an odd number of
    straight or curly double quotes), so a quotation that really ends the sentence stays."""
    if text.rstrip()[-1:] not in _OPENERS:
        return start, end, text  # speed only: no quote at the end, nothing for the pattern to find
    match = _DANGLING_OPEN.search(text)
    if match is None:
        return start, end, text
    if match.group().strip() in "\"“" and sum(text.count(q) for q in _QUOTES) % 2 == 0:
        return start, end, text  # the quote closes one opened in the sentence
    kept = text[: match.start()]
    return start, end - (len(text) - len(kept)), kept
