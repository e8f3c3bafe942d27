"""What the rules read of a spaCy Doc's words, built once per Doc and shared by every pass over it.

spaCy builds a new Python object for every ``doc[i]`` and ``doc[a:b]`` and a new string for every
``.text`` / ``.lower_``, and ``doc.text`` joins every token again at each call. Stages that walk the
whole document, or read the words of many spans, read these lists instead (speed only: the values
are spaCy's own, and slices clamp as spaCy's do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate
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
    """Per token of one Doc: its text, lower-cased form and trailing whitespace.

    ``joined`` is the tokens with their whitespace written out once and ``at`` each token's offset in it, so
    that the text of a run of tokens is one slice (speed only: ``doc.text`` is that same join)."""

    text: list[str]
    lower: list[str]
    ws: list[str]
    joined: str = field(default="", compare=False, repr=False)
    at: list[int] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, doc: Any) -> "TokenIndex":
        """The Doc's index, built on first use and kept in ``doc.user_data`` (a Span's is the slice of its Doc's,
        indexed as the Span is)."""
        try:
            return doc.user_data[_KEY]  # speed: the common case, one lookup (called ~100k times per 50k words)
        except (AttributeError, KeyError):
            pass
        store = getattr(doc, "user_data", None)
        if store is None and hasattr(doc, "doc") and hasattr(doc, "start"):
            whole = cls.of(doc.doc)  # a Span: its tokens are its Doc's (speed: no walk over its tokens)
            a, b = doc.start, doc.end
            return cls(whole.text[a:b], whole.lower[a:b], whole.ws[a:b], whole.joined, whole.at[a:b])
        got = store.get(_KEY) if store is not None else None
        if got is None:
            text, lower, ws = [], [], []
            for t in doc:
                text.append(t.text)
                lower.append(t.lower_)
                ws.append(t.whitespace_)
            joined = "".join(t + w for t, w in zip(text, ws))
            at = list(accumulate((len(t) + len(w) for t, w in zip(text, ws)), initial=0))
            got = cls(text, lower, ws, joined, at)
            if store is not None:
                store[_KEY] = got
        return got

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens with the whitespace between them (indices as a list slice takes them)."""
        a, b, _ = slice(start, end).indices(len(self.text))
        if b <= a:
            return ""
        return self.joined[self.at[a]:self.at[b - 1] + len(self.text[b - 1])]
