"""What every mention stage shares: the candidate mention, the per-document context and the environment.

A stage is a function ``stage(doc, cands, env, ctx) -> cands`` over token spans of one spaCy
Doc (one chunk of a document); :mod:`aikg.ingest.nlp.entities` runs them in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from aikg.core.ids import clean_surface
from aikg.core.schema import SCHEMA
from aikg.ingest.nlp.gazetteer import Gazetteer, GazetteerEntry
from aikg.ingest.nlp.lexicon import Lexicon, MentionWords
from aikg.ingest.nlp.token_index import TokenIndex

#: organisations (the schema's ``organisation_types``) and, for rules that treat them alike, programmes
ORG_TYPES: tuple[str, ...] = SCHEMA.organisation_types
ORG_OR_PROGRAMME: tuple[str, ...] = ORG_TYPES + ("Programme",)
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9*&.\-!/]{1,11}$|^[A-Z][a-z]{2,5}$")
ACRONYM_HEAD = re.compile(r"^[A-Z]{2,5}$")


@dataclass
class Candidate:
    """A mention under construction, in token offsets of the spaCy doc (not a spaCy ``Span``)."""

    start: int
    end: int
    type: str
    source: str
    label: str | None = None
    entry: GazetteerEntry | None = None
    acronym_of: str | None = None
    canonical: str | None = None
    coref: "Candidate | None" = None  # the mention this one stands for
    place: bool = False  # a place still waiting for context
    ctx_typed: bool = False  # typed by what the text says about it ("X, the ... company")


@dataclass
class DocContext:
    """Per-document state shared by the chunks of one document."""

    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym -> (type, expansion)
    self_name: str | None = None
    self_type: str | None = None
    home: int | None = None  # the document's own city (a mention index), found in its first chunk ("the city")


@dataclass
class Env:
    """Read-only helpers every stage may use: gazetteer, lexicon, its word lists and the name typer."""

    gaz: Gazetteer
    lex: Lexicon
    typer: Any  # aikg.ingest.nlp.mentions.typing.NameTyper (typed loosely to keep imports one way)
    learned_types: str = "default"  # ExtractConfig.learned_types: the entity typer's model (learned_types.py)

    @property
    def words(self) -> MentionWords:
        return self.lex.words

    @property
    def titles(self) -> frozenset[str]:
        return self.typer.titles

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word a job title may consist of (titles, their modifiers, functions, connectors, brackets)."""
        w = self.lex.words
        return w.job_title_words | w.job_title_modifiers | w.job_function_words | w.job_title_punctuation

    @cached_property
    def generic_words(self) -> frozenset[str]:
        """Words that name nothing on their own ("AI", "Regional", "Clusters")."""
        w = self.lex.words
        return self.lex.generic_name_words | self.lex.generic_modifiers | w.generic_plurals | {"ai", "ml"}

    def canonical_of(self, doc: Any, s: Candidate) -> str:
        """The name a mention stands for: set explicitly, the gazetteer's, the acronym's expansion, or its text."""
        if s.canonical:
            return s.canonical
        if s.entry is not None:
            return s.entry.name
        if s.acronym_of:
            return s.acronym_of
        return clean_surface(TokenIndex.of(doc).span_text(s.start, s.end))


Stage = Callable[[Any, list[Candidate], Env, DocContext], list[Candidate]]


def is_name_token(tok: Any) -> bool:
    """Capitalised, a digit, "&"/"!" or "iPhone"-style: a word that may be part of a name."""
    return is_name_text(tok.text)


def is_name_text(t: str) -> bool:
    """``is_name_token`` of a token's text."""
    return bool(t) and (t[0].isupper() or t[0].isdigit() or t in {"&", "!"}
                        or (t[0] == "i" and len(t) > 1 and t[1].isupper()))


def taken_tokens(cands: list[Candidate]) -> set[int]:
    """Token indices covered by any candidate."""
    taken: set[int] = set()
    for s in cands:
        taken.update(range(s.start, s.end))
    return taken
