"""Typed mentions from a spaCy Doc that went through the entity pass (ruler + ner).

The work is done by the small named stages of :mod:`aikg.ingest.nlp.mentions`, run in the
order of ``STAGES`` (initial spans, merge adjacent, name runs, split coordination, trim names,
drop fragments, cued names, split place possessives, acronyms, short forms, headings, harmonise
names, place context, harmonise lists, appositions, self-reference, anaphors), then turned into
:class:`MentionFact` records. Word lists live in
``data/lexicon/mentions.json`` and ``types.json``.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.gazetteer import Gazetteer
from aikg.ingest.nlp.lexicon import Lexicon
from aikg.ingest.nlp.mentions import STAGES, Candidate, DocContext, Env, Stage
from aikg.ingest.nlp.mentions.facts import to_facts
from aikg.ingest.nlp.mentions.typing import NameTyper
from aikg.ingest.nlp.records import MentionFact

__all__ = ["Candidate", "DocContext", "EntityFinder"]


class EntityFinder:
    """Runs the mention stages over one chunk of a document."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon,
                 stages: tuple[tuple[str, Stage], ...] = STAGES, learned_types: str = "default") -> None:
        self.env = Env(gazetteer, lexicon, NameTyper(lexicon), learned_types)
        self.stages = stages

    @property
    def stage_names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def type_of_name(self, words: list[str]) -> str | None:
        """Type of an organisation or programme name from its head words, or None if no cue."""
        return self.env.typer.type_of_name(words)

    def find(self, doc: Any, base: int, ctx: DocContext) -> list[MentionFact]:
        cands: list[Candidate] = []
        for _name, stage in self.stages:
            cands = stage(doc, cands, self.env, ctx)
        return to_facts(doc, cands, self.env, base)
