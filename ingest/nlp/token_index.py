"""What the rules read of a spaCy Doc's words, built once per Doc and shared by every pass over it.

spaCy builds a new Python object for every ``doc[i]`` and ``doc[a:b]`` and a new string for every
``.text`` / ``.lower_``, and ``doc.text`` joins every token again at each call. Stages that walk the
whole document, or read the words of many spans, read these lists instead (speed only: the values
are spaCy's own, and slices clamp as spaCy's do).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_KEY = "aikg.token_index"
_TEXT = "aikg.doc_text"


def doc_text(doc: Any) -> str:
    """``doc.text``, joined once per Doc (the tokens of a Doc never change after the entity pass)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


@dataclass(frozen=True)
class TokenIndex:
    """Per token of one Doc: its text, lower-cased form and trailing whitespace."""

    text: list[str]
    lower: list[str]
    ws: list[str]

    @classmethod
    def of(cls, doc: Any) -> "TokenIndex":
        """The Doc's index, built on first use and kept in ``doc.user_data`` (a Span's is built each time,
        indexed as the Span is)."""
        try:
            return doc.user_data[_KEY]  # speed: the common case, one lookup (called ~100k times per 50k words)
        except (AttributeError, KeyError):
            pass
        store = getattr(doc, "user_data", None)
        got = store.get(_KEY) if store is not None else None
        if got is None:
            text, lower, ws = [], [], []
            for t in doc:
                text.append(t.text)
                lower.append(t.lower_)
                ws.append(t.whitespace_)
            got = cls(text, lower, ws)
            if store is not None:
                store[_KEY] = got
        return got

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens with the whitespace between them."""
        texts, spaces = self.text[start:end], self.ws[start:end]
        if not texts:
            return ""
        return "".join(t + w for t, w in zip(texts[:-1], spaces[:-1])) + texts[-1]
