"""spaCy extraction: documents in, typed mentions and relation candidates out, then resolution.

Public API (importing this package does not import spaCy; the model loads on first use)::

    from aikg.ingest.nlp import Extractor, ExtractConfig, DocFacts, merge_mentions, KnownEntity, load_decisions

    ex = Extractor()
    facts = list(ex.extract_many(docs, n_process=2))
    records = merge_mentions(facts, known=store_entities, decisions=load_decisions(path))
"""

from __future__ import annotations

from aikg.ingest.nlp.config import ExtractConfig
from aikg.ingest.nlp.extractor import Extractor
from aikg.ingest.nlp.records import DocFacts, MentionFact, RelationCandidate
from aikg.ingest.nlp.resolve import Decisions, KnownEntity, load_decisions, merge_mentions, resolve

__all__ = [
    "Decisions",
    "DocFacts",
    "ExtractConfig",
    "Extractor",
    "KnownEntity",
    "MentionFact",
    "RelationCandidate",
    "load_decisions",
    "merge_mentions",
    "resolve",
]
