"""Stage programme_units: programme and unit names the NER misses, cuts or reads as firms (issue 14, entity ends).

Published programme pages, accelerator pages and university lab pages name a scheme or a unit as a capitalised run
that ends in a head word, after an article or an owner's possessive:

* "... through the Kpalsi Start-up Window, which ...", "Verdal was selected for the Orvik Start-up Fellowship, run by
  ...", "The Styrian AI Test Bed is a programme that ..." (a programme head: Window, Fellowship, Test Bed, Scheme ...);
* "the Marine Robotics Laboratory of Adjara Technical University", "UIA's Marine Robotics Group", "Head, Remote
  Sensing Unit, Tamale Institute ..." (a unit head: the unit is an Institute of its own, its parent named after "of"
  or "at", or before it as a possessive).

A run found nowhere becomes a candidate; a run the NER read as a person or as a firm is retyped (a fund already typed
stays: venture funds are firms); a unit run inside a longer reading "X Laboratory of Y University" is split from its
parent; "Vakwa's Coral Vision Unit" loses its owner. "Group" names a firm ("Sony Group") unless a research word comes
before it and an owner or a parent is named. Never a gazetteer name; never a heading line ("Fellowship Programme").
Word lists: ``data/lexicon/programme_units.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

_POSSESSIVE = frozenset({"'s", "’s"})
_REACH = 8  # words of a name before its head


@dataclass(frozen=True)
class UnitWords:
    programme_heads: frozenset[str]
    programme_heads_two: frozenset[tuple[str, str]]
    retype_skip: frozenset[str]
    surnames: frozenset[str]
    unit_heads: frozenset[str]
    unit_only: frozenset[str]
    unit_first: frozenset[str]
    group_heads: frozenset[str]
    research_words: frozenset[str]
    connectors: frozenset[str]
    openers: frozenset[str]
    parent_preps: frozenset[str]
    hyphen_descriptors: frozenset[str]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def unit_words() -> UnitWords:
    """``data/lexicon/programme_units.json``, read once per process."""
    name = "programme_units.json"
    two = frozenset(tuple(p.lower().replace("-", " ").split()[:2]) for p in lexicon_data(name)["programme_heads_two"])
    heads, *rest = lexicon_sets(name, (
        "programme_heads", "retype_skip_heads", "surname_heads", "unit_heads", "unit_only_heads", "unit_first_heads",
        "group_heads", "research_words", "connectors", "openers", "parent_preps", "hyphen_descriptors", "generic_words"))
    return UnitWords(heads, two, *rest)


@dataclass
class _Run:
    start: int
    end: int
    kind: str  # "programme", "unit" or "group"
    owned: bool  # an owner's possessive before it


def programme_units(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add, retype, split or trim the programme and unit runs a head word and an article or owner mark."""
    words = unit_words()
    low = TokenIndex.of(doc).lower
    runs = _runs(doc, low, words)
    for run in runs:
        cands = _apply(doc, run, cands, env, words, low, ctx)
    for c in cands:  # "the Department of Geography at Arctic Circle University": a university's department
        if c.type in ("Agency", "Company") and c.entry is None and not c.ctx_typed and low[c.start] in words.unit_first \
                and c.end - c.start >= 3 and low[c.start + 1] in ("of", "for") and _parent_after(
                    doc, c.end, words, low, [p for p in cands if p.type == "Institute"]) is not None:
            c.type, c.label, c.place = "Institute", "ORG", False
    tails = {tuple(low[r.end - k:r.end]) for r in runs if r.kind == "programme" for k in range(1, r.end - r.start)}
    for c in cands:  # "The Launchpad is run with ...": the programme's short form read as a surname
        if c.type == "Person" and c.entry is None and not c.ctx_typed and tuple(low[c.start:c.end]) in tails \
                and low[c.end - 1] not in words.surnames:
            c.type, c.label, c.place = "Programme", "ORG", False
    for c in cands:  # "Head, Remote Sensing Unit, Tamale Institute ...": a unit word no firm name ends in
        if c.type == "Company" and c.entry is None and not c.ctx_typed and c.end - c.start >= 2 \
                and low[c.end - 1] in words.unit_only and doc[c.end - 1].text[:1].isupper():
            c.type, c.label, c.place = "Institute", "ORG", False
    return cands


def _runs(doc: Any, low: list[str], words: UnitWords) -> list[_Run]:
    """Each capitalised run ending in a head word, opened by an article, a possessive or a sentence start."""
    out: list[_Run] = []
    n = len(doc)
    for i in range(1, n):
        tok = doc[i]
        if not tok.text[:1].isupper():
            continue
        kind = _head_kind(low, i, words)
        if kind is None or i + 1 < n and _name_word(doc[i + 1]) and not doc[i + 1].is_sent_start:
            continue  # "Challenge Bank", "the Fund Managers Association": the head word is not last
        head = i - 1 if (low[i - 1], low[i]) in words.programme_heads_two else i
        start = _left_edge(doc, head, low, words)
        if start is None:
            continue
        opened, owned = _opened(doc, start, i + 1, low, words)
        if not opened or _heading_line(doc, start, i + 1, low, words):
            continue
        if kind == "programme" and all(w in words.generic for w in low[start:i + 1]):
            continue  # "the Seed Fund", "the Fellowship Programme": a description
        out.append(_Run(start, i + 1, kind, owned))
    return out


def _head_kind(low: list[str], i: int, words: UnitWords) -> str | None:
    """"programme", "unit" or "group" for a head word (a two-word head such as "Test Bed" too)."""
    if low[i] in words.programme_heads or (low[i - 1], low[i]) in words.programme_heads_two:
        return "programme"
    if low[i] in words.unit_heads:
        return "unit"
    return "group" if low[i] in words.group_heads else None


def _name_word(tok: Any) -> bool:
    """A capitalised word of a name (letters, digits, dots; "AI", "4.0")."""
    t = tok.text
    return bool(t[:1].isupper() or t[:1].isdigit() and any(c.isalpha() for c in t)) and not tok.is_punct


def _left_edge(doc: Any, head: int, low: list[str], words: UnitWords) -> int | None:
    """The first word of the name ending at ``head``: capitalised words, lowercase connectors between two of them and
    hyphened compounds ("Start-up"); None when no word comes before the head."""
    j = head - 1
    start = head
    while j >= 0 and head - j <= _REACH:
        tok = doc[j]
        if tok.is_sent_start and not _name_word(tok):
            break
        if _name_word(tok) and low[j] not in words.openers:
            start = j
            j -= 1
        elif j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_ \
                and tok.is_alpha and _name_word(doc[j - 2]) and not _descriptor(low[j], words):
            start = j - 2  # "Start-up", "Co-op": the lowercase half of a hyphened word
            j -= 3
        elif low[j] in words.connectors and j >= 1 and _name_word(doc[j - 1]) and low[j - 1] not in words.openers:
            j -= 1
        else:
            break
        if doc[start].is_sent_start:
            break
    return start if start < head else None


def _descriptor(half: str, words: UnitWords) -> bool:
    """"Belfast-based", "Australian-funded": the hyphened word describes the name, it is no part of it."""
    return half.endswith("ed") or half in words.hyphen_descriptors


def _opened(doc: Any, start: int, end: int, low: list[str], words: UnitWords) -> tuple[bool, bool]:
    """(opened, owned): an article or an owner's possessive right before the name, or the name opens its sentence and
    a verb follows it ("The ... Test Bed is a programme")."""
    k = start - 1
    if k >= 0 and doc[k].text in _POSSESSIVE:
        return True, True
    if k >= 0 and low[k] in words.openers:
        return True, False
    if doc[start].is_sent_start or k >= 0 and doc[k].is_sent_start and low[k] in words.openers:
        return end < len(doc) and doc[end].pos_ in ("VERB", "AUX"), False
    return False, False


def _heading_line(doc: Any, start: int, end: int, low: list[str], words: UnitWords) -> bool:
    """The name (and an article) fills its line: a heading, not a sentence."""
    a = start - 1
    while a >= 0 and "\n" not in doc[a].whitespace_ and "\n" not in doc[a].text:
        if low[a] not in words.openers and not doc[a].is_punct:
            return False
        a -= 1
    b = end
    while b < len(doc) and "\n" not in doc[b - 1].whitespace_ and "\n" not in doc[b].text:
        if not doc[b].is_punct:
            return False
        b += 1
    return True


def _apply(doc: Any, run: _Run, cands: list[Candidate], env: Env, words: UnitWords, low: list[str],
           ctx: DocContext) -> list[Candidate]:
    """Add the run as a candidate, or retype, split or trim the candidates it meets."""
    over = [c for c in cands if c.start < run.end and c.end > run.start]
    if any(c.entry is not None and c.type != "Cluster" for c in over):
        return cands  # the gazetteer knows the name
    typ = "Programme" if run.kind == "programme" else "Institute"
    exact = [c for c in over if (c.start, c.end) == (run.start, run.end)]
    if exact:
        _retype(exact[0], run, typ, words, low, doc, cands)
        return cands
    longer = [c for c in over if c.start < run.start or c.end > run.end]
    if run.kind == "group" and not (_group_unit(doc, run, words, low, cands) or longer and low[run.end - 2]
                                    in words.research_words and low[run.end] in words.parent_preps):
        return cands
    if longer:
        return _split(doc, run, typ, longer, cands, env, words, low, ctx)
    if any(c.type == "Person" and (c.ctx_typed or low[run.end - 1] in words.surnames) for c in over):
        return cands  # "the Hugh Grant film": a person's name ends in the head word
    kept = [c for c in cands if c not in over]
    return kept + [Candidate(run.start, run.end, typ, "rule", label="ORG", ctx_typed=run.kind == "programme")]


def _retype(c: Candidate, run: _Run, typ: str, words: UnitWords, low: list[str], doc: Any,
            cands: list[Candidate]) -> None:
    """A run the NER read whole: a person or a firm reading of a programme or unit name gives way."""
    if c.entry is not None or c.ctx_typed or c.type == typ or c.type not in ORG_TYPES + ("Person",):
        return
    if run.kind == "programme" and (c.type == "Person" and low[run.end - 1] not in words.surnames or c.type == "Company" and low[run.end - 1] not in words.retype_skip):
        c.type, c.label, c.place, c.ctx_typed = typ, "ORG", False, True
    elif run.kind == "unit" and c.type in ("Company", "Person") \
            or run.kind == "group" and c.type == "Company" and _group_unit(doc, run, words, low, cands):
        c.type, c.label, c.place = typ, "ORG", False


def _group_unit(doc: Any, run: _Run, words: UnitWords, low: list[str], cands: list[Candidate]) -> bool:
    """"CIDI's Materials Modelling Group", "the Marine Robotics Group at X University": a research word before
    "Group" and an owner or parent named (a firm's "Sony Group" has neither)."""
    if run.end - run.start < 2 or low[run.end - 2] not in words.research_words:
        return False
    return run.owned or _parent_after(doc, run.end, words, low, cands) is not None


def _parent_after(doc: Any, end: int, words: UnitWords, low: list[str], cands: list[Candidate]) -> Candidate | None:
    """The organisation named right after "of"/"at" (and "the") behind the run."""
    k = end
    if k >= len(doc) or low[k] not in words.parent_preps:
        return None
    k += 1
    if k < len(doc) and low[k] == "the":
        k += 1
    return next((c for c in cands if c.start == k and c.type in ORG_TYPES), None)


def _split(doc: Any, run: _Run, typ: str, longer: list[Candidate], cands: list[Candidate], env: Env,
           words: UnitWords, low: list[str], ctx: DocContext) -> list[Candidate]:
    """"the Marine Robotics Laboratory of Adjara Technical University" read whole: the unit and its parent, two names;
    "Vakwa's Coral Vision Unit" read whole: the unit without its owner."""
    if len(longer) != 1 or run.kind == "programme":
        return cands
    c = longer[0]
    if c.type == "Person" or c.start > run.start or c.end < run.end:
        return cands
    parts: list[Candidate] = []
    if c.end > run.end:
        k = run.end
        if low[k] not in words.parent_preps:
            return cands
        k += 1 + (low[k + 1] == "the")
        parent = TokenIndex.of(doc).text[k:c.end]
        ptype = env.typer.type_of_name(parent)
        if c.end - k < 2 or ptype not in ("Institute", "Agency", "Company"):
            return cands  # "School of Engineering", "Labs of Kahului": no parent name
        parts.append(Candidate(k, c.end, ptype, "rule", label="ORG"))
        whole, part = env.canonical_of(doc, c), TokenIndex.of(doc).span_text(k, c.end)
        for acr, (_t, expansion) in list(ctx.acronyms.items()):
            if expansion == whole:  # "(ATU)" after the whole reading stands for the parent
                ctx.acronyms[acr] = (ptype, part)
        for a in cands:
            if a.acronym_of == whole:
                a.acronym_of, a.type = part, ptype
    if c.start < run.start:
        if doc[run.start - 1].text not in _POSSESSIVE or run.start - 1 - c.start < 1:
            return cands
        owner = TokenIndex.of(doc).text[c.start:run.start - 1]
        parts.append(Candidate(c.start, run.start - 1, env.typer.type_of_name(owner) or "Company", "rule", label="ORG"))
    parts.append(Candidate(run.start, run.end, typ, "rule", label="ORG"))
    return [x for x in cands if x is not c] + parts
