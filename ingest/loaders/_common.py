"""Helpers the loaders share: building text with offsets, whitespace, dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_WS = re.compile(r"\s+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


class TextBuilder:
    """Append text pieces and get their offsets in the final string."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.length = 0
        self.sections: list[tuple[int, str]] = []

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        if piece:
            self._parts.append(piece)
            self.length += len(piece)
        return start, self.length

    def paragraph(self, piece: str) -> tuple[int, int]:
        """Add a block of text followed by a blank line (so sentences never merge across blocks)."""
        span = self.add(piece)
        self.add("\n\n")
        return span

    def heading(self, piece: str) -> tuple[int, int]:
        span = self.paragraph(piece)
        self.sections.append((span[0], piece))
        return span

    def text(self) -> str:
        return "".join(self._parts)


def squash(text: str) -> str:
    """Collapse every whitespace run (newlines included) to one space."""
    return _WS.sub(" ", text).strip()


def iso_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` from a date, datetime or a string holding one; None otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    m = _COMPACT_DATE.match(text)
    if m:
        y, mo, d = m.groups()
    else:
        m = _ISO_DATE.search(text)
        if not m:
            return None
        y, mo, d = m.groups()
    try:
        return dt.date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None


def short_title(text: str, fallback: str, limit: int = 150) -> str:
    """First non-empty line of ``text`` when it is short enough to be a title, else ``fallback``."""
    for line in text.splitlines():
        line = line.strip().strip("#").strip()
        if line:
            return line if len(line) <= limit else fallback
    return fallback
