"""Typed records of the extraction interchange format (see docs/schema.md).

Extractors return these; the JSONL writer and reader turn them into lines and back;
the loader turns them into store rows. They are plain data with no I/O.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

Primitive = str | int | float | bool


@dataclass(frozen=True)
class Mention:
    doc: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """One sentence supporting a relation; ``method`` and ``confidence`` are this sentence's own
    (the rules that found it here), so provenance stays per sentence when a relation has several."""

    doc: str
    start: int
    end: int
    sentence: str
    page: int | None = None
    method: str | None = None
    confidence: float | None = None


@dataclass
class DocumentRecord:
    id: str
    source: str
    title: str
    kind: str
    chars: int
    published: str | None = None
    publisher: str | None = None
    pages: list[int] | None = None  # character offset where each page starts (PDF)

    def to_json(self) -> dict[str, Any]:
        data = {"record": "document", **asdict(self)}
        return {k: v for k, v in data.items() if v is not None}


@dataclass
class EntityRecord:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    props: dict[str, Primitive] = field(default_factory=dict)  # external ids and numeric facts

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "record": "entity",
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": [asdict(m) for m in self.mentions],
        }
        if self.props:
            data["props"] = dict(self.props)
        return data


@dataclass
class RelationRecord:
    type: str
    source: str
    target: str
    confidence: float
    method: str
    evidence: list[Evidence] = field(default_factory=list)

    def stamped_evidence(self) -> list[Evidence]:
        """The evidence, each piece naming its rules: pieces that do not get this record's method and confidence,
        so merging records of one relationship keeps who said what."""
        return [e if e.method is not None else replace(e, method=self.method, confidence=self.confidence)
                for e in self.evidence]

    def to_json(self) -> dict[str, Any]:
        return {
            "record": "relation",
            "type": self.type,
            "source": self.source,
            "target": self.target,
            "confidence": self.confidence,
            "method": self.method,
            "evidence": [{k: v for k, v in asdict(e).items() if v is not None} for e in self.evidence],
        }


Record = DocumentRecord | EntityRecord | RelationRecord
