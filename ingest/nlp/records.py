"""What extraction returns for one document: mentions and relation candidates (picklable)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MentionFact:
    """One typed mention in a document's text.

    ``source`` is how the type was decided: ``gazetteer``, ``ner``, ``rule`` (head-noun,
    acronym, possessive split and other rules) or ``anaphor`` (a pronoun or "the company"
    standing for an earlier mention; its ``coref`` points at that mention).
    """

    text: str
    start: int
    end: int
    type: str
    source: str
    canonical: str  # best name hint: gazetteer name, acronym expansion or the cleaned surface
    gazetteer: str | None = None  # gazetteer entry name when matched
    wikidata: str | None = None
    acronym_of: str | None = None  # expansion when the surface is an acronym defined in this doc
    coref: int | None = None  # index of the mention this one stands for (apposition, anaphor)
    ner_label: str | None = None


@dataclass(frozen=True)
class RelationCandidate:
    type: str
    source: int  # index into DocFacts.mentions
    target: int
    confidence: float
    method: str
    sent_start: int
    sent_end: int
    sentence: str
    page: int | None = None


@dataclass
class DocFacts:
    doc_id: str
    mentions: list[MentionFact] = field(default_factory=list)
    relations: list[RelationCandidate] = field(default_factory=list)
    words: int = 0
