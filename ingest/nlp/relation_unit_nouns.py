"""PART_OF from a unit noun whose parent the words name, where the parse often fails (issue 14).

Published text names a unit and its parent in an apposition or a possessive that the parser hangs wrongly (the
apposition after a long name becomes the sentence's root, or a description sits between "of" and the name):

* "NECI, a research institute of the University of Herzegovina Mostar", "IREQ, the research institute of
  Hydro-Québec", "X, the venture unit of the trading house Dojima Shoji" (an ``of_unit_nouns`` word, a few
  descriptive words before it, and "of (the) <description> <name>"; "a partner institute of Y" and "the former arm
  of Y" are no units: ``not_unit_mods``);
* "the Faculty of Computing, one of SUT's five faculties", "X is one of the six institutes of the Academy Y";
* a possessive pronoun before a unit: "our wholly owned subsidiary, Eureka Pty Ltd", "its Facultad de Informática",
  "through its Instituto de Agroinformática" (a name opening with a ``unit_name_heads`` word or after an
  ``owned_nouns`` word) -> PART_OF(unit, what the pronoun stands for; resolution follows the anaphor);
* ``apposition_holder``: a unit noun in an apposition ("Y, the applied-AI centre of U") is said of the name right
  before its comma; a frame that gave it to another name (the sentence's subject) is dropped.

Word lists: ``unit_forms`` in ``data/lexicon/relations.json``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.relation_org_forms import METHODS as ORG_FORM_METHODS

ORG = ("Institute", "Company", "Agency")
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"its", "their", "our"})
MODS = 5  # lower-case words a description may put before the unit noun ("the applied-AI research centre of")
Emit = Callable[[Iterable[str], int, int, float, str], None]


def _describing(doc: Any, j: int) -> bool:
    """A word of a description: lower-case, a hyphen or a word joined by one ("applied-AI"), a short acronym ("AI")."""
    t = doc[j]
    if t.is_lower or t.text == "-":
        return True
    joined = j > 0 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ \
        or j + 1 < len(doc) and doc[j + 1].text == "-" and not t.whitespace_
    return joined or t.is_upper and t.is_alpha and len(t) <= 4


def _description(doc: Any, k: int, end: int, words: Any, stop: frozenset[str]) -> int | None:
    """The unit noun ending the lower-case description that starts at ``k`` ("research institute"), or None
    when a modifier makes it no unit ("partner institute") or no unit noun comes."""
    j = k
    while j < min(end, k + MODS):
        low = doc[j].lower_
        if low in words.not_unit_mods or low == "joint":
            return None  # "a partner lab of", "a joint lab of A and B" (relation_units._joint)
        if low in words.of_units and j + 1 < end and doc[j + 1].lower_ in stop:
            return j
        if not _describing(doc, j) or low in words.run_stops:
            return None
        j += 1
    return None


def _parent_after(doc: Any, p: int, end: int, by_start: dict[int, tuple[int, int]], types: list[str],
                  words: Any) -> int | None:
    """The organisation after "of": right there or after "the" and a short description ("the telecoms group Y",
    "the Nagoya machine-tool group Y")."""
    if p < end and doc[p].lower_ == "the":
        p += 1
    start = p
    while p < min(end, start + 6) and p not in by_start:
        if not (doc[p].is_lower or doc[p].text == "-") or doc[p].lower_ in words.run_stops:
            return None
        p += 1
    while p in by_start and types[by_start[p][0]] == "Cluster" and p < start + 6:
        p = by_start[p][1]  # "the Nagoya machine-tool group Y"
        while p < min(end, start + 6) and p not in by_start and (doc[p].is_lower or doc[p].text == "-") \
                and doc[p].lower_ not in words.run_stops and doc[p].lower_ not in ARTICLES:
            p += 1  # "of Montreal and the university X" names no parent
    hit = by_start.get(p)
    return hit[0] if hit is not None and types[hit[0]] in ORG else None


def unit_noun_of(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], unit: int, k: int,
                 words: Any, emit: Emit, conf: float) -> None:
    """"U, a research institute of (the) <description> Y" -> PART_OF(U, Y); ``k`` is the word after ", a"."""
    j = _description(doc, k, sent.end, words, frozenset({"of", "at"}))
    if j is None:
        return
    parent = _parent_after(doc, j + 2, sent.end, by_start, types, words)
    if parent is None or parent == unit:
        return
    if doc[j + 1].lower_ == "at":  # "a research laboratory at Y University": a university's or college's only
        ps, pe = next((s, e) for s, (i, e) in by_start.items() if i == parent)
        if not any(t.lower_ in words.academic for t in doc[ps:pe]) or any(
                t.lower_ in ("'s", "’s") for t in doc[ps:min(sent.end, pe + 1)]):
            return  # not "at Y University's Riverside campus" (a site)
    emit(["PART_OF"], unit, parent, conf, "rule:unit-noun-of")


def one_of_possessive(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], unit: int,
                      k: int, words: Any, emit: Emit, conf: float) -> None:
    """"U, one of Y's five faculties", "U is one of the six institutes of Y" -> PART_OF(U, Y); ``k`` follows "of"."""
    hit = by_start.get(k)
    if hit is not None and hit[1] < sent.end and doc[hit[1]].lower_ in ("'s", "’s"):
        j = hit[1] + 1
        while j < min(sent.end, hit[1] + 4) and (doc[j].like_num or doc[j].is_lower) \
                and doc[j].lower_ not in words.unit_plurals and doc[j].lower_ not in words.not_unit_mods:
            j += 1
        if j < sent.end and doc[j].lower_ in words.unit_plurals and types[hit[0]] in ORG and hit[0] != unit:
            emit(["PART_OF"], unit, hit[0], conf, "rule:one-of-units")
        return
    if k < sent.end and doc[k].lower_ == "the":
        j = k + 1
        while j < min(sent.end, k + 5) and (doc[j].like_num or doc[j].is_lower) \
                and doc[j].lower_ not in words.unit_plurals and doc[j].lower_ not in words.not_unit_mods:
            j += 1
        if j + 1 < sent.end and doc[j].lower_ in words.unit_plurals and doc[j + 1].lower_ == "of":
            parent = _parent_after(doc, j + 2, sent.end, by_start, types, words)
            if parent is not None and parent != unit:
                emit(["PART_OF"], unit, parent, conf, "rule:one-of-units")


def possessive_units(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: Any,
                     emit: Emit, conf: float) -> None:
    """"our wholly owned subsidiary(,) X", "its Facultad de Informática" -> PART_OF(X, the pronoun's referent)."""
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if e != s + 1 or doc[s].lower_ not in POSSESSIVES or types[i] not in ORG:
            continue
        k, owned = e, False
        while k < min(sent.end, e + 4) and (doc[k].is_lower or doc[k].text == "-") and k not in by_start:
            low = doc[k].lower_
            if low in words.not_unit_mods:
                break
            if low in words.owned_nouns:
                owned = True
                k += 1
                break
            k += 1
        if owned and k < sent.end and doc[k].text == ",":
            k += 1
        hit = by_start.get(k)
        if hit is None or hit[0] == i or types[hit[0]] not in ORG:
            continue
        if any(doc[x].lower_ in words.not_unit_mods for x in range(e, k)):
            continue
        if owned or doc[k].lower_ in words.unit_name_heads and (k == e or all(doc[x].lower_ in ("own", "new") for x in range(e, k))):
            emit(["PART_OF"], hit[0], i, conf, "rule:possessive-unit")


def _word_holder(sd: Any, tok2m: dict[int, int], n: Any) -> int | None:
    """The name right before ", a/the <description>" that ends in the unit noun ``n`` (None when none)."""
    k = n.i - 1
    while k > 0 and _describing(sd, k) and k not in tok2m and sd[k].lower_ not in ARTICLES and n.i - k <= MODS:
        k -= 1
    if k < 2 or sd[k].lower_ not in ARTICLES or sd[k - 1].text != ",":
        return None
    k -= 2
    if sd[k].text == ")" and k >= 2 and sd[k - 2].text == "(":
        k -= 3  # "the Centre X (CIAA), the applied-AI centre of U"
    return tok2m.get(k)


def apposition_holder(cands: list[Any], ctx: Any, tok: Any, words: Any) -> list[Any]:
    """Drop PART_OF a unit-noun apposition gave to a name other than the one right before its comma."""
    if tok.lower_ not in words.of_units and tok.lower_ not in words.unit_nouns:  # "a statutory board under"
        return cands
    if any(c.dep_ in ("compound", "amod") and c.lower_ in words.not_unit_mods for c in tok.children):
        return [c for c in cands if c.type != "PART_OF"]  # "a partner institute of Y", "its former arm"
    if tok.i + 1 >= len(ctx.sd) or ctx.sd[tok.i + 1].lower_ not in ("of", "under", "within"):
        return cands
    holder = _word_holder(ctx.sd, ctx.tok2m, tok)
    if holder is None:
        return cands
    return [c for c in cands if c.type != "PART_OF" or holder in (c.src, c.tgt)]


#: methods whose unit is the one name its apposition or possessive describes (never shared with a list it stands in)
PINNED = frozenset({"rule:unit-noun-of", "rule:one-of-units", "rule:possessive-unit"}) | ORG_FORM_METHODS


def pin_units(cands: list[Any]) -> list[Any]:
    """Keep the list a unit stands in ("between A and the Centre X (CX), the AI centre of U") from sharing its parent."""
    return [replace(c, fixed=c.fixed | {c.src}) if c.method in PINNED else c for c in cands]
