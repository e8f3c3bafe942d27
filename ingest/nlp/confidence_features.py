"""What a relation candidate's own circumstances say about how likely it is right, as numbers.

Why: the (type, method) table of :mod:`calibration` puts confidence at the right level but cannot rank
(on dev every kind of evidence is about equally reliable). What does separate right from wrong is the
candidate's circumstances: an end that is a pronoun or "the company", a one-word or all-capitals name
nobody listed, a pair that two rules, two sentences or two relation types agree on, a long sentence
with many names of the same type. All of it is read from :class:`DocFacts` alone (the mentions and
the candidates of the whole document), so the extractor's last step and the calibration script
compute the same numbers. Candidates of the pair classifier (``model:*``) are left out of the counts:
the table is built without them.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Sequence

from aikg.core.schema import SCHEMA
from aikg.ingest.nlp.records import DocFacts, MentionFact, RelationCandidate

#: the features, in the order of a vector (the model file names them too)
NAMES = (
    "anaphor_end",          # an end is a pronoun or a definite description ("its", "the centre")
    "one_word_end",         # an end is one word from NER or a rule (not the gazetteer, not an anaphor)
    "capitals_end",         # an end is an all-capitals NER name ("CURITIBA", a dateline)
    "same_sentence_rules",  # other rules give the same pair and type in the same sentence
    "other_sentences",      # log(1 + other sentences of the document giving the pair and type)
    "other_type",           # the same sentence gives the pair another relation type ("the anchor of X's cluster")
    "words_between",        # log(1 + words between the two ends)
    "sentence_words",       # log(1 + words in the evidence)
    "target_type_names",    # log(1 + names of the target's type in the evidence): lists, enumerations
    "places_in_sentence",   # log(1 + places named in the evidence): "X of Hamburg, the Valencia-based Y"
)
KEEP_FAMILIES = frozenset({"model"})
_WORD = re.compile(r"[\w'’-]+")


def _root(mentions: Sequence[MentionFact], i: int) -> int:
    """The mention an anaphor or apposition stands for (following ``coref`` links, never round a loop)."""
    seen = {i}
    while (j := mentions[i].coref) is not None and 0 <= j < len(mentions) and j not in seen:
        i = j
        seen.add(i)
    return i


def entity_key(mentions: Sequence[MentionFact], i: int) -> str:
    """A name for the entity a mention refers to within its document (resolution comes later)."""
    m = mentions[_root(mentions, i)]
    return f"{m.type}:{(m.gazetteer or m.canonical or m.text).casefold()}"


def _pair(r: RelationCandidate, mentions: Sequence[MentionFact]) -> tuple[str, str]:
    a, b = entity_key(mentions, r.source), entity_key(mentions, r.target)
    rel = SCHEMA.relation_types.get(r.type)
    return (min(a, b), max(a, b)) if rel is not None and rel.symmetric else (a, b)


def _one_word(m: MentionFact) -> bool:
    return m.source not in ("gazetteer", "anaphor") and len(m.text.split()) == 1


def _capitals(m: MentionFact) -> bool:
    return m.source == "ner" and len(m.text) > 5 and m.text.isupper()


def _log_count(n: int) -> float:
    return math.log1p(max(n, 0))


def candidate_features(facts: DocFacts) -> list[tuple[float, ...]]:
    """One vector (in :data:`NAMES` order) per candidate of ``facts.relations``."""
    ments, rels = facts.mentions, facts.relations
    counted = [r.method.split(":", 1)[0] not in KEEP_FAMILIES for r in rels]
    pairs = [_pair(r, ments) for r in rels]
    sentences: dict[tuple, set[int]] = {}
    methods: dict[tuple, set[str]] = {}
    types: dict[tuple, set[str]] = {}
    for ok, p, r in zip(counted, pairs, rels):
        if ok:
            sentences.setdefault((r.type, p), set()).add(r.sent_end)
            methods.setdefault((r.type, p, r.sent_end), set()).add(r.method)
            types.setdefault((frozenset(p), r.sent_end), set()).add(r.type)
    order = sorted(range(len(ments)), key=lambda i: ments[i].start)
    starts = [ments[i].start for i in order]
    out: list[tuple[float, ...]] = []
    for p, r in zip(pairs, rels):
        a, b = ments[r.source], ments[r.target]
        inside = [ments[i] for i in order[bisect.bisect_left(starts, r.sent_start):bisect.bisect_left(starts, r.sent_end)]]
        lo, hi = sorted((a, b), key=lambda m: m.start)
        between = r.sentence[max(0, lo.end - r.sent_start):max(0, hi.start - r.sent_start)]
        out.append((
            float(a.source == "anaphor" or b.source == "anaphor"),
            float(_one_word(a) or _one_word(b)),
            float(_capitals(a) or _capitals(b)),
            float(len(methods.get((r.type, p, r.sent_end), ())) > 1),
            _log_count(len(sentences.get((r.type, p), ())) - 1),
            float(len(types.get((frozenset(p), r.sent_end), ())) > 1),
            _log_count(len(_WORD.findall(between))),
            _log_count(len(_WORD.findall(r.sentence))),
            _log_count(sum(1 for m in inside if m.type == b.type)),
            _log_count(sum(1 for m in inside if m.type == "Cluster")),
        ))
    return out
