"""The record every loader returns: plain text with offsets that evidence spans point into."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aikg.core.facts import DocumentRecord, Record
from aikg.core.sources import shareable_source


@dataclass
class LoadedDocument:
    """One ingested document.

    ``text`` is the extracted plain text; every character offset aikg records (mentions,
    evidence) indexes into it. ``facts`` holds structured facts a loader can state
    without NLP (an EDGAR header, table rows); they use this document's id in spans.
    """

    id: str  # sha256 of the raw bytes
    source: str
    title: str
    kind: str  # report|web|filing|table|text
    text: str
    published: str | None = None  # ISO date when the document states one
    publisher: str | None = None
    pages: list[int] | None = None  # offset in ``text`` where each page starts (PDF)
    sections: list[tuple[int, str]] = field(default_factory=list)  # (offset, heading)
    facts: list[Record] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    extract_text: bool = True  # False when the loader's facts are all there is (tables)

    def record(self) -> DocumentRecord:
        """The stored record; its source is a URL when known, else the file name (never a local path)."""
        return DocumentRecord(
            id=self.id,
            source=shareable_source(self.source, self.meta),
            title=self.title,
            kind=self.kind,
            chars=len(self.text),
            published=self.published,
            publisher=self.publisher,
            pages=self.pages,
        )

    def page_of(self, offset: int) -> int | None:
        """1-based page number holding ``offset``, when pages are known."""
        if not self.pages:
            return None
        page = 0
        for i, start in enumerate(self.pages):
            if start <= offset:
                page = i
            else:
                break
        return page + 1
