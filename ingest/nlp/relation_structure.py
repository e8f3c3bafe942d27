"""RUNS and PART_OF from the shape of a clause, for forms the parser often gets wrong.

* "The X Programme, which the Ministry funds and the Y Centre runs, ...", "a scheme that SPRI runs for the
  Basque Government", "the Aldous Fellowships, five fellowships a year that the foundation will fund and BITC will
  run": a relative clause whose subject is an organisation and whose verb is a verb of running (``runs_verbs``)
  with no object of its own; the programme is the one the clause hangs on. Coordinated relative clauses ("which
  A funds and B runs") are where the parse most often fails, so this reads the words.
* "- AI2ES, an institute on trustworthy AI for weather, led by the University of Oklahoma", "The X Lab is led by
  the University of Y", "the Saulėtekis Supercomputing Centre, which is operated by Vilnius University": a unit
  (an institute whose name or description holds a ``unit_words`` word) that opens its sentence or list item, or
  is followed by ", which is", led, run or operated by an institution is PART_OF that institution (the annotation
  guidelines: an institute led by a university; an organisation run by another is PART_OF). A consortium, network or alliance led by one of its members is not a unit.

The word lists are ``structure_words`` in ``data/lexicon/relations.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.relation_member_along import AlongWords, along_members
from aikg.ingest.nlp.relation_member_among import AmongWords, among_selected, counted_members
from aikg.ingest.nlp.relation_member_housed import HousedWords, housed_units
from aikg.ingest.nlp.relation_member_news import member_news
from aikg.ingest.nlp.relation_org_forms import org_forms, runs_not_chain_funder
from aikg.ingest.nlp.relation_relative import relative_pairs
from aikg.ingest.nlp.relation_units import (
    UnitWords,
    among_group,
    group_lists,
    in_cohort,
    of_which,
    unit_colon_list,
    unit_rules,
)
from aikg.ingest.nlp.token_index import TokenIndex

ORG = ("Institute", "Company", "Agency")
OPENERS = {"-", "–", "—", "•", "*", "·", "▪"}  # list markers a sentence may open with

Emit = Callable[[Iterable[str], int, int, float, str], None]


class StructureWords:
    """The word sets of this module."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        words = relations.get("structure_words", {})
        self.runs_verbs = frozenset(w.lower() for w in words.get("runs_verbs", ()))
        self.between = frozenset(w.lower() for w in words.get("runs_between", ()))
        self.after = frozenset(w.lower() for w in words.get("runs_after", ()))  # what may follow the verb
        self.lead_phrases = tuple(tuple(p.lower().split()) for p in words.get("lead_phrases", ()))
        self.unit_words = frozenset(w.lower() for w in words.get("unit_words", ()))
        self.units = UnitWords(relations)  # joint units, "whose School of X", "a centre within Y" (relation_units.py)
        self.along = AlongWords(relations)  # "one of the members of G, together with A and B" (relation_member_along.py)
        self.among = AmongWords(self.units.lists)  # "A was among the firms selected for P" (relation_member_among.py)
        self.housed = HousedWords(self.units.lists, self.units.unit_nouns, self.units.not_unit_mods,
                                  self.units.unit_name_heads, self.units.academic)  # "U, housed within P", "P houses U" (relation_member_housed.py)


def structure_rules(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: StructureWords,
                    emit: Emit, conf: float) -> None:
    """RUNS from relative clauses of running and PART_OF from a unit led by an institution, in one sentence."""
    spans = sorted(spans, key=lambda x: x[1])
    _relative_runs(doc, sent, spans, types, words, emit, conf)
    _unit_led_by(doc, sent, spans, types, words, emit, conf)
    unit_rules(doc, sent, spans, types, words.units, emit, conf)
    group_lists(doc, sent, spans, types, words.units, emit, conf)  # "P, whose cohort includes A and B"
    lows = TokenIndex.of(doc).lower[sent.start:sent.end]  # speed: the sentence's words read once for the checks below
    present = set(lows)
    if ":" in present:  # a token written ":" (its lower case is ":" too)
        unit_colon_list(doc, sent, spans, types, emit, conf)  # "BITC hosts three labs: A; B; and C"
    if "among" in lows[:3]:
        among_group(doc, sent, spans, types, words.units, emit, conf)  # "Among the X Network's members are A and B"
    if not present.isdisjoint(words.units.cohort_nouns):
        in_cohort(doc, sent, spans, types, words.units, emit, conf)  # "X is in the current cohort of P"
    if "which" in present:
        of_which(doc, sent, spans, types, emit, conf)  # "UKRI, of which EPSRC is a part"
    org_forms(doc, sent, spans, types, emit, conf)  # "X is the implementing agency of P", "a Y subsidiary" (relation_org_forms)
    if not present.isdisjoint(words.along.marker_words):
        along_members(doc, sent, spans, types, words.along, emit, conf)  # "..., together with A and B" (relation_member_along)
    housed_units(doc, sent, spans, types, words.housed, emit, conf)  # "U, housed within P" (relation_member_housed)
    if "among" in present or not present.isdisjoint(words.among.shares):  # "among the", "one of the"
        among_selected(doc, sent, spans, types, words.among, emit, conf)  # "among the firms selected for P" (relation_member_among)
    if not present.isdisjoint(words.among.example_firsts):
        counted_members(doc, sent, spans, types, words.among, emit, conf)  # "G boasts 40 members, including A" (relation_member_among)
    member_news(doc, sent, spans, types, words.units.lists, emit, conf)  # "G welcomed A", "accepted into G", "alliance between A and B"


def _relative_runs(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: StructureWords,
                   emit: Emit, conf: float) -> None:
    for runner, programme in relative_pairs(doc, sent, spans, types, verbs=words.runs_verbs, after=words.after,
                                            between=words.between, subjects=ORG, objects=("Programme",)):
        emit(["RUNS"], runner, programme, conf, "rule:relative-runs")


def _unit_led_by(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: StructureWords,
                 emit: Emit, conf: float) -> None:
    if not spans:
        return
    first, fs, fe = spans[0]
    k = sent.start
    while k < fs and (doc[k].text in OPENERS or doc[k].is_space or doc[k].lower_ == "the"):
        k += 1
    if k == fs and types[first] == "Institute":  # the unit opens its sentence or list item
        _led_by_after(doc, sent, spans, types, words, emit, conf, (first, fs, fe), free=True)
    for unit in spans:  # "the Saulėtekis Supercomputing Centre, which is operated by Vilnius University"
        i, s, e = unit
        if types[i] == "Institute" and e + 3 < sent.end and doc[e].text == "," and doc[e + 1].lower_ == "which" \
                and doc[e + 2].lower_ in ("is", "was"):
            _led_by_after(doc, sent, spans, types, words, emit, conf, unit, free=False)


def _led_by_after(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: StructureWords,
                  emit: Emit, conf: float, unit: tuple[int, int, int], free: bool) -> None:
    """PART_OF(unit -> institution) for "<unit> ..., led by <institution>"; ``free``: words may come between."""
    first, fs, fe = unit
    by_start = {s: i for i, s, e in spans}
    low = [t.lower_ for t in doc[sent.start:sent.end]]
    for phrase in words.lead_phrases:
        n = len(phrase)
        xs = range(fe - sent.start, len(low) - n + 1) if free else [fe + 3 - sent.start]
        for x in xs:
            if tuple(low[x:x + n]) != phrase:
                continue
            p = sent.start + x + n
            if p < sent.end and doc[p].lower_ == "the":
                p += 1
            parent = by_start.get(p)
            if parent is None or types[parent] != "Institute" or parent == first:
                continue
            if any(m for m, s, e in spans if fe <= s < sent.start + x and not (s == fe + 1 and doc[fe].text == "(")):
                continue  # another name between ("X, whose lab Y is led by Z" is about Y), not X's "(ACRONYM)"
            described = {t.lower_ for t in doc[fs:sent.start + x]}  # its name and the description up to "led by"
            if described & words.unit_words:
                emit(["PART_OF"], first, parent, conf, "rule:unit-led-by")
            return


#: verbs of funding the tagger reads as plural nouns ("that the Aurora Foundation funds and the Network runs")
_FUND_WORDS = frozenset({"funds", "finances", "backs", "sponsors", "bankrolls", "co-funds", "subsidises", "subsidizes"})


def runs_not_funder(cands: list[Any], ctx: Any) -> list[Any]:
    """Drop RUNS said of a funder the parse folded into the runner's subject: in "a programme that the Aurora
    Foundation funds and the Network runs" the tagger reads "funds" as a noun, so "the Aurora Foundation funds and
    the Network" is one subject of "runs"; a mention that modifies that "funds" funds, it does not run."""
    out = []
    for c in cands:
        toks = ctx.m2toks.get(c.src) if c.type == "RUNS" else None
        if toks:
            last = ctx.sd[max(toks)]
            head = last.head
            if last.dep_ == "compound" and head.i not in toks and head.lower_ in _FUND_WORDS and head.pos_ in ("NOUN", "PROPN"):
                continue
        out.append(c)
    return runs_not_chain_funder(out, ctx)  # "financed by F, administered by A": A does not run F (relation_org_forms)
