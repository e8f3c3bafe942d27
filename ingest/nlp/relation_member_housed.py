"""PART_OF for a unit placed in its parent by the words around its name (no parse).

University news and encyclopedia articles place a lab or centre inside its parent with "house"; the verb frame of
``relations.py`` reads the passive clause ("U is housed within P") but not the participle set off by commas nor the
active verb:

* "The Brenna Vision Lab, housed within the Tarvik Institute, builds cameras" (also "housed in", "housed at");
* "The hub belongs to the university and houses the Laboratório de Visão Agrícola (LAVA)", "The Tarvik Institute
  houses the Brenna Vision Lab and the Orrin Data Centre": each housed name that holds a unit word (lab, centre,
  institute, unit, ...) is PART_OF the subject.

* "the Bayes Centre, the University of Edinburgh's innovation hub in central Edinburgh": an apposition whose
  noun is a unit noun (``unit_forms.unit_nouns``) owned by a named organisation (not a "partner" or "client" one);
* "the Escuela de Agronomía Guaranda of the Universidad Estatal de Bolívar Norte": a name that opens with an
  academic unit word (``unit_forms.unit_name_heads``) "of" a university.

Not: "U, housed in P's incubator" (the incubator holds it), "P houses 40 start-ups", a place that houses a unit
(LOCATED_IN is the place rules' work), "based at" (a tenant, not a unit). Word lists: ``housed`` in
``data/lexicon/member_forms.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from aikg.ingest.nlp.relation_member_along import member_forms
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index

ORG = ("Institute", "Company", "Agency")
#: methods that read their ends themselves: neither end is shared with the names listed beside it (relation_lists.share_lists):
#: "A and the Escuela B of the Universidad C" (B's), "A, a subsidiary of Z, and B opened U, a joint lab" (not Z's)
UNIT_SAID_OF_ONE = frozenset({"rule:unit-of-university", "rule:possessed-unit", "rule:joint-unit",
                              "rule:joint-unit-parents"})
Emit = Callable[[Iterable[str], int, int, float, str], None]


class HousedWords:
    """The word sets of this module (``housed`` in member_forms.json) and the list reader."""

    def __init__(self, lists: RoundLists, unit_nouns: frozenset[str], not_unit_mods: frozenset[str],
                 name_heads: frozenset[str], academic: frozenset[str]) -> None:
        spec = member_forms()["housed"]
        self.unit_nouns, self.not_unit_mods = unit_nouns, not_unit_mods  # "P's innovation hub", not "P's partner firm"
        self.name_heads, self.academic = name_heads, academic  # "Escuela ... of the Universidad ..."
        self.participles = frozenset(spec["participles"])  # "housed"
        self.preps = frozenset(spec["preps"])  # "within", "in", "inside", "at"
        self.verbs = frozenset(spec["verbs"])  # "houses", "house"
        self.unit_words = frozenset(spec["unit_words"])  # what a housed name holds ("Lab", "Centre")
        self.after_unit = frozenset(spec["after_unit"])  # what may follow "P's research centre" ("in", "for", "that")
        self.lists = lists


def housed_units(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: HousedWords,
                 emit: Emit, conf: float) -> None:
    """PART_OF(unit -> parent) for the two forms above in one sentence (``spans`` of the entity pass)."""
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] not in ORG:
            continue
        k = e + 3 if e + 2 < sent.end and doc[e].text == "(" and doc[e + 2].text == ")" else e  # "U (ACR), housed"
        if k + 3 < sent.end and doc[k].text == "," and doc[k + 1].lower_ in words.participles \
                and doc[k + 2].lower_ in words.preps:
            parent = _named_at(doc, sent, by_start, types, k + 3)
            if parent is not None and parent != i:
                emit(["PART_OF"], i, parent, conf, "rule:housed-within")
        if k + 1 < sent.end and doc[k].lower_ in words.verbs:
            _houses(doc, sent, spans, types, i, k + 1, words, emit, conf)
        if k + 3 < sent.end and doc[k].text == ",":
            _possessed_unit(doc, sent, by_start, types, i, k + 1, words, emit, conf)
        if doc[s].lower_ in words.name_heads and e + 1 < sent.end and doc[e].lower_ == "of":
            parent = _named_at(doc, sent, by_start, types, e + 1)
            if parent is not None and parent != i and _academic(doc, by_start, parent, words):
                emit(["PART_OF"], i, parent, conf, "rule:unit-of-university")


def _academic(doc: Any, by_start: dict[int, tuple[int, int]], m: int, words: HousedWords) -> bool:
    s = next(k for k, (j, _e) in by_start.items() if j == m)
    return any(t.lower_ in words.academic for t in doc[s:by_start[s][1]])


def _possessed_unit(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], unit: int, k: int,
                    words: HousedWords, emit: Emit, conf: float) -> None:
    """"U, the P's innovation hub": after the comma, "the"?, P, "'s", a few lower-case words ending in a unit noun."""
    if doc[k].lower_ == "the":
        k += 1
    got = by_start.get(k)
    if got is None or types[got[0]] not in ORG or got[0] == unit:
        return
    p, e = got
    if e + 1 >= sent.end or doc[e].lower_ not in ("'s", "’s"):
        return
    x = e + 1
    while x < min(sent.end, e + 5) and doc[x].is_lower and doc[x].lower_ not in words.unit_nouns:
        if doc[x].lower_ in words.not_unit_mods:
            return
        x += 1
    if x >= sent.end or doc[x].lower_ not in words.unit_nouns:
        return
    nxt = doc[x + 1] if x + 1 < sent.end else None
    if nxt is None or nxt.is_punct or nxt.lower_ in words.after_unit:  # the unit noun heads the apposition:
        emit(["PART_OF"], unit, p, conf, "rule:possessed-unit")  # not "P's lab partner", "P's hub of suppliers"


def _named_at(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], k: int) -> int | None:
    """The organisation named at ``k`` (after "the"), unless a possessive makes it the owner of what is meant."""
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    got = by_start.get(k)
    if got is None or types[got[0]] not in ORG:
        return None
    j, e = got
    return None if e < sent.end and doc[e].lower_ in ("'s", "’s") else j


def _houses(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], parent: int, k: int,
            words: HousedWords, emit: Emit, conf: float) -> None:
    """"P houses U and V": each listed name that holds a unit word."""
    idx = token_index(doc, spans, types)
    where = {i: (s, e) for i, s, e in spans}
    for u in words.lists.read_list(idx, k, ORG, sent.end):
        s, e = where[u]
        if u != parent and any(t.lower_ in words.unit_words for t in doc[s:e]):
            emit(["PART_OF"], u, parent, conf, "rule:houses-unit")
