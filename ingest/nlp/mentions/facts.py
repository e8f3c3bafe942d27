"""Last step, to facts: drop overlaps (longest first) and turn candidates into :class:`MentionFact` records."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, Env
from aikg.ingest.nlp.records import MentionFact


def to_facts(doc: Any, cands: list[Candidate], env: Env, base: int) -> list[MentionFact]:
    """Mentions with character offsets shifted by ``base`` (the chunk's offset in the document)."""
    keep: list[Candidate] = []
    last_end = -1
    for sp in sorted(cands, key=lambda s: (s.start, -s.end, s.source == "anaphor")):
        if sp.start < last_end:
            continue
        keep.append(sp)
        last_end = sp.end
    final: dict[int, int] = {}
    facts: list[MentionFact] = []
    for sp in keep:
        coref = final.get(id(sp.coref)) if sp.coref is not None else None
        if sp.source == "anaphor" and coref is None:
            continue
        span = doc[sp.start:sp.end]
        canonical = env.canonical_of(doc, sp)
        if coref is not None and sp.source == "anaphor":
            canonical = facts[coref].canonical
        final[id(sp)] = len(facts)
        facts.append(
            MentionFact(
                text=span.text,
                start=base + span.start_char,
                end=base + span.end_char,
                type=sp.type,
                source=sp.source,
                canonical=canonical,
                gazetteer=sp.entry.name if sp.entry else None,
                wikidata=(sp.entry.wikidata or None) if sp.entry else None,
                acronym_of=sp.acronym_of,
                coref=coref,
                ner_label=sp.label,
            )
        )
    return facts
