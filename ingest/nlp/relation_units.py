"""PART_OF (and group lists) stated by the shape of the words around a unit's name (no parse).

University news, encyclopedia articles and press releases name a unit and its parent in forms the frames of
``relations.py`` miss, mostly because the parent is a list, an anaphor or sits behind a description:

* a joint unit: "VIBAI, a joint institute of UPV and the University of Valencia", "LAVIC, a joint laboratory
  with the mining company Minera Chachani" (also of the name that opened it: "UNSA has opened LAVIC, a joint
  laboratory with X"), "Kàddu Voice, a joint venture set up in 2025 by A and B", "the Grand River Lab, a joint
  lab of the university and Clearpath" (an anaphor stands for its antecedent); the parents partner with each
  other (PARTNERS_WITH(UPV, University of Valencia), PARTNERS_WITH(UNSA, Minera Chachani));
* "whose": "the Fondazione Bruno Kessler in Trento, whose Digital Industry Centre will share ...", "UIA, whose
  School of Computer Science provides mentors": a unit-named organisation after the parent's "whose";
* an academic unit "at" its university: "the School of Ocean Engineering at Amrita Coastal University";
* a group of the owner named before "whose" or "'s" (``group_lists``; ``group_nouns``): "P, whose current cohort
  includes A and the Oslo start-up B" (MEMBER_OF), "X's investors include A and the Bergen fund B" (FUNDS);
* an apposition placing a unit "within" or "under" its parent: "CRLS, a new research centre within the Allen
  School", "NOAC, a statutory board under the Ministry of Trade" (not "a supplier to a lab within X").

Word lists: ``unit_forms`` in ``data/lexicon/relations.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.lexicon import word_sets
from aikg.ingest.nlp.relation_member_along import member_forms
from aikg.ingest.nlp.relation_part_lines import unit_comma_parent
from aikg.ingest.nlp.relation_part_managed import managed_facility
from aikg.ingest.nlp.relation_part_owned import owned_apposition
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index
from aikg.ingest.nlp.relation_unit_nouns import one_of_possessive, possessive_units, unit_noun_of

ORG = ("Institute", "Company", "Agency")
ARTICLES = {"the", "a", "an"}
Emit = Callable[[Iterable[str], int, int, float, str], None]


class UnitWords:
    """The word sets of this module."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        words = word_sets(relations, "unit_forms")
        self.joint_nouns = words.get("joint_nouns", frozenset())  # "a joint lab", "a joint venture"
        self.set_up = words.get("set_up_words", frozenset())  # "a joint venture set up (in 2025) by"
        self.unit_heads = words.get("unit_heads", frozenset())  # "School of ... at University Y"
        self.unit_nouns = words.get("unit_nouns", frozenset())  # "a research centre within", "a board under"
        self.inside = words.get("inside_preps", frozenset())
        self.run_stops = words.get("run_stops", frozenset())
        self.lists = RoundLists(relations)
        self.include_verbs = words.get("include_verbs", frozenset())  # "whose cohort includes A and B"
        self.back_counts = words.get("back_counts", frozenset())  # "a joint centre of the two institutions"
        self.back_nouns = words.get("back_nouns", frozenset())
        self.cohort_nouns = words.get("cohort_nouns", frozenset())  # "X is in the current cohort of P"
        self.lab_tails = words.get("lab_tails", frozenset())  # "the Marine Perception Laboratory at Y University"
        self.academic = words.get("academic_words", frozenset())
        self.kind_nouns = words.get("kind_nouns", frozenset())  # "a research unit of the university"
        self.past_mods = words.get("past_group_mods", frozenset())  # "Among P's former members are"
        self.group_rels = words.get("group_relations", frozenset())  # the group nouns' relations read here
        self.of_units = words.get("of_unit_nouns", frozenset())  # "X, a research institute of the University Y"
        self.not_unit_mods = words.get("not_unit_mods", frozenset())  # "a partner institute of Y" is no unit
        self.unit_name_heads = words.get("unit_name_heads", frozenset())  # "its Facultad de Informática"
        self.unit_plurals = words.get("unit_plurals", frozenset())  # "one of SUT's five faculties"
        self.owned_nouns = words.get("owned_nouns", frozenset())  # "our wholly owned subsidiary X"
        self.groups: dict[str, dict[str, str]] = {**relations.get("group_nouns", {}),
                                                  **relations.get("unit_forms", {}).get("more_group_nouns", {})}


def unit_rules(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: UnitWords,
               emit: Emit, conf: float) -> None:
    """PART_OF(unit -> parent) from the forms above, in one sentence (``spans`` sorted by start)."""
    if not words.joint_nouns:
        return
    idx = token_index(doc, spans, types)
    by_start = {s: (i, e) for i, s, e in spans}
    for n, (i, s, e) in enumerate(spans):
        if types[i] not in ORG:
            continue
        c = e + 3 if e + 2 < sent.end and doc[e].text == "(" and doc[e + 2].text.startswith(")") else e  # "(LAVIC)"
        if c == e and s > sent.start and doc[s - 1].text == "(" and e < sent.end and doc[e].text == ")":
            c = e + 1  # the acronym is the mention: "the Centre X (CIAA), the AI centre of U"
        if c + 2 < sent.end and doc[c].text == "," and doc[c + 1].lower_ in ARTICLES:
            _joint(doc, sent, spans[:n], i, c + 2, idx, words, emit, conf, unit_span=(s, e), orgs_before=[x for x in spans[:n] if types[x[0]] in ORG])
            _within(doc, sent, by_start, types, i, c + 2, words, emit, conf)
            _unit_of_the_kind(doc, sent, spans[:n], types, i, c + 2, words, emit, conf)
            unit_noun_of(doc, sent, by_start, types, i, c + 2, words, emit, conf)
        elif c + 2 < sent.end and doc[c].lower_ in _COPULAS and doc[c + 1].lower_ in ARTICLES:
            _joint(doc, sent, [], i, c + 2, idx, words, emit, conf)  # "U is a joint venture of A and B"
            unit_noun_of(doc, sent, by_start, types, i, c + 2, words, emit, conf)  # "U is a research lab at Y"
        if c + 3 < sent.end and doc[c].lower_ in (",", "is") and doc[c + 1].lower_ == "one" and doc[c + 2].lower_ == "of":
            one_of_possessive(doc, sent, by_start, types, i, c + 3, words, emit, conf)
        if s > sent.start and doc[s - 1].lower_ == "whose" and s - 2 > sent.start and _unit_named(doc, s, e, words):
            parent = _before_comma(doc, sent, spans[:n], types, s - 2)
            if parent is not None:
                emit(["PART_OF"], i, parent, conf, "rule:whose-unit")
        if doc[s].lower_ in words.unit_heads and e + 1 < sent.end and doc[e].lower_ == "at" \
                and (e + 1) in by_start and types[by_start[e + 1][0]] == "Institute":
            emit(["PART_OF"], i, by_start[e + 1][0], conf, "rule:unit-at")
        elif doc[e - 1].lower_ in words.lab_tails and e + 1 < sent.end and doc[e].lower_ == "at":
            _lab_at(doc, sent, by_start, types, i, e + 1, words, emit, conf)
    if any(doc[s].lower_ in ("its", "their", "our") for _i, s, _e in spans):
        possessive_units(doc, sent, spans, types, words, emit, conf)  # "our wholly owned subsidiary X"
    unit_comma_parent(doc, sent, spans, types, emit, conf)  # "A, Dean, School of X, Y University" (relation_part_lines)
    owned_apposition(doc, sent, spans, types, emit, conf)  # "through X LLC, a wholly owned subsidiary" (relation_part_owned)
    managed_facility(doc, sent, spans, types, emit, conf)  # "X, a technology park managed by Y" (relation_part_managed)


#: verbs that say what a unit is ("U is a joint venture of A and B", "U was a joint lab of ...")
_COPULAS = frozenset({"is", "was", "remains", "became"})


#: verbs of holding units before a colon list ("BITC hosts three labs: A; B; and C")
_HOLD_VERBS = frozenset({"hosts", "has", "houses", "comprises", "includes", "runs", "operates", "contains"})
_UNIT_PLURALS = frozenset({"labs", "laboratories", "centres", "centers", "institutes", "units", "divisions",
                           "schools", "faculties", "departments", "subsidiaries"})


def unit_colon_list(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit,
                    conf: float) -> None:
    """"BITC hosts three labs: the Tremont Lab, led by ...; the Longwood Lab; and the Harbourline Lab": each item
    that opens a list item after the colon is PART_OF the organisation that opens the sentence."""
    colon = next((t.i for t in doc[sent.start:sent.end] if t.text == ":"), None)
    if colon is None or colon < sent.start + 3 or doc[colon - 1].lower_ not in _UNIT_PLURALS:
        return
    k = colon - 2
    while k > sent.start and (doc[k].is_lower and doc[k].lower_ not in _HOLD_VERBS or doc[k].like_num):
        k -= 1  # "hosts three research labs:"
    if doc[k].lower_ not in _HOLD_VERBS:
        return
    owner = next((i for i, s, e in spans if e == k and types[i] in ORG), None)
    if owner is None:
        return
    for i, s, _e in spans:
        if s <= colon or types[i] not in ORG or i == owner:
            continue
        j = s - 1
        while j > colon and doc[j].lower_ in ARTICLES | {"and"}:
            j -= 1
        semicolons = any(doc[x].text == ";" for x in range(colon, sent.end))
        if j == colon or doc[j].text == ";" or doc[j].text == "," and not semicolons:
            emit(["PART_OF"], i, owner, conf, "rule:unit-colon-list")  # an item's own start, not its description


_PART_WORDS = {"part": "PART_OF", "unit": "PART_OF", "subsidiary": "PART_OF", "division": "PART_OF", "arm": "PART_OF",
               "member": "MEMBER_OF"}


def of_which(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit,
             conf: float) -> None:
    """"UK Research and Innovation (UKRI), of which EPSRC is a part": PART_OF(EPSRC, UKRI) ("a member": MEMBER_OF)."""
    by_start = {s: (i, e) for i, s, e in spans}
    for i, _s, e in spans:
        k = e + 3 if e + 2 < sent.end and doc[e].text == "(" and doc[e + 2].text == ")" else e  # "X (ACR), of which"
        if k + 3 >= sent.end or doc[k].text != "," or doc[k + 1].lower_ != "of" or doc[k + 2].lower_ != "which":
            continue
        k += 3
        if doc[k].lower_ == "the":
            k += 1
        if k not in by_start or types[i] not in ORG:
            continue
        j, je = by_start[k]
        words = [t.lower_ for t in doc[je:min(sent.end, je + 5)]]
        while words and words[0] in ("is", "are", "was", "has", "been", "became", "now", "also", "a", "an"):
            words.pop(0)
        rel = _PART_WORDS.get(words[0]) if words else None
        if rel is not None and types[j] in ORG and j != i and not (doc[je].lower_ == "was" and "now" not in words):
            emit([rel], j, i, conf, "rule:of-which")


def _unit_named(doc: Any, s: int, e: int, words: UnitWords) -> bool:
    return any(doc[k].lower_ in words.unit_heads or doc[k].lower_ in words.unit_nouns for k in range(s, e))


def _before_comma(doc: Any, sent: Any, before: list[tuple[int, int, int]], types: list[str], k: int,
                  kinds: tuple[str, ...] = ORG) -> int | None:
    """The organisation a ", whose" clause hangs on: right before the comma, or before its "(ACR)" or "in Town"."""
    if doc[k].text != ",":
        return None
    for j, s, e in reversed(before):
        if e == k and types[j] == "Cluster":
            k = s - 1 if doc[s - 1].lower_ == "in" else k  # "the Fondazione Bruno Kessler in Trento, whose"
            continue
        if e == k or e + 3 in (k, k + 1) and doc[e].text == "(" or e + 1 == k and doc[e].text == ")":  # "Y (ACR), whose"
            return j if types[j] in kinds else None
    return None


def _joint(doc: Any, sent: Any, before: list[tuple[int, int, int]], unit: int, k: int, idx: Any, words: UnitWords,
           emit: Emit, conf: float, unit_span: tuple[int, int] | None = None,
           orgs_before: list[tuple[int, int, int]] | None = None) -> None:
    """"U, a joint lab of A and B", "U, a joint laboratory with X" (and the subject that opened U), "U, a joint
    venture set up in 2025 by A and B"."""
    while k < sent.end and doc[k].is_lower and doc[k].lower_ != "joint" and doc[k].lower_ not in words.run_stops:
        k += 1  # "a new joint", "the first joint"
    if k + 2 >= sent.end or doc[k].lower_ != "joint":
        return
    k += 1
    while k < sent.end and doc[k].is_lower and doc[k].lower_ not in words.joint_nouns and doc[k].lower_ not in words.run_stops:
        k += 1  # "a joint research lab"
    if k + 1 >= sent.end or doc[k].lower_ not in words.joint_nouns:
        return
    k += 1
    opener: list[int] = []
    if doc[k].lower_ == "with":
        opener = [j for j, s, e in before if e <= k and s == _subject_start(doc, sent, before)]
    elif doc[k].lower_ == "of" and unit_span is not None and _of_the_two(doc, sent, k + 1, words):
        opener = _makers(doc, sent, orgs_before or [], unit_span, idx, words)  # "A and B opened U, a joint centre of the two institutions"
        if len(opener) < 2 or "two" in (doc[k + 1].lower_, doc[k + 2].lower_) and len(opener) != 2:
            return
    elif doc[k].lower_ not in ("of", "between"):  # "a joint venture between A and B"
        while k < sent.end and (doc[k].lower_ in words.set_up or doc[k].like_num or doc[k].lower_ in ("in", "jointly")):
            k += 1  # "set up in 2025 by"
        if k >= sent.end or doc[k].lower_ != "by":
            opener = _formed_by_makers(doc, sent, orgs_before or [], unit_span, idx, words)
            if len(opener) < 2:
                return
            k = sent.end  # "A and the insurer B formed U, a joint venture that ...": the makers alone
    parents = [p for p in dict.fromkeys(opener + (words.lists.read_list(idx, k + 1, ORG, sent.end) if k < sent.end else []))
               if p != unit]
    for p in parents:
        emit(["PART_OF"], unit, p, conf, "rule:joint-unit")
    for x, a in enumerate(parents):  # the parents of a joint unit work together (annotation guidelines)
        for b in parents[x + 1:]:
            emit(["PARTNERS_WITH"], a, b, conf, "rule:joint-unit-parents")


def _unit_of_the_kind(doc: Any, sent: Any, before: list[tuple[int, int, int]], types: list[str], unit: int, k: int,
                      words: UnitWords, emit: Emit, conf: float) -> None:
    """"EVU has opened the S Laboratory, a research unit of the university that will ...": the unit noun's "of the
    <kind>" means the organisation named earlier in the sentence whose name holds that word (the resolver leaves a
    description with a relative clause after it alone)."""
    start = k
    while k < min(sent.end, start + 4) and doc[k].is_lower and doc[k].lower_ not in words.unit_nouns \
            and doc[k].lower_ not in words.run_stops:
        k += 1
    if k + 3 >= sent.end or doc[k].lower_ not in words.unit_nouns or doc[k + 1].lower_ != "of" \
            or doc[k + 2].lower_ != "the":
        return
    kind = doc[k + 3].lower_
    if kind not in words.kind_nouns or k + 4 < sent.end and not (doc[k + 4].is_lower or doc[k + 4].is_punct):
        return  # "a unit of the group Tejo Industrial" names its parent
    for j, s, e in reversed(before):
        if j != unit and types[j] in ORG and any(t.lower_ == kind for t in doc[s:e]):
            emit(["PART_OF"], unit, j, conf, "rule:unit-of-the-kind")
            return


def _lab_at(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], lab: int, k: int,
            words: UnitWords, emit: Emit, conf: float) -> None:
    """"the Marine Perception Laboratory at (the) Harwick University of Technology": a named lab at a university or
    college is its unit (not "at Harwick University's campus", not a lab at a company or a place)."""
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    parent = by_start.get(k)
    if parent is None or types[parent[0]] != "Institute" or parent[0] == lab:
        return
    pe = parent[1]
    if pe < sent.end and doc[pe].lower_ in ("'s", "’s"):
        return
    if any(t.lower_ in words.academic for t in doc[k:pe]):
        emit(["PART_OF"], lab, parent[0], conf, "rule:lab-at")


def _of_the_two(doc: Any, sent: Any, k: int, words: UnitWords) -> bool:
    """"of the two institutions", "of both organisations": the joint unit's parents are named before it."""
    if k < sent.end and doc[k].lower_ == "the":
        k += 1
    return k + 1 < sent.end and doc[k].lower_ in words.back_counts and doc[k + 1].lower_ in words.back_nouns


def _makers(doc: Any, sent: Any, before: list[tuple[int, int, int]], unit_span: tuple[int, int], idx: Any,
            words: UnitWords) -> list[int]:
    """The list of organisations that opens the clause before the unit ("A and the agency B set up U", "In 2021 A
    and B opened U"): read from the first organisation of the sentence; the list must end in a lower-case verb
    before the unit (no parse)."""
    first = next((x for x in before if x[2] <= unit_span[0]), None)
    if first is None:
        return []
    k = first[1]
    while k > sent.start and doc[k - 1].lower_ in ARTICLES:
        k -= 1
    if k > sent.start and not (doc[k - 1].text in (",", "--", "—", "–") or doc[k - 1].like_num
                               or doc[k - 1].lower_ in _time_words()[1]):
        return []  # the list opens the sentence or follows "In 2021," / "Last year" / a dateline
    items, last = [first[0]], first[2]
    for j, s, e in before:
        if s <= first[1] or e > unit_span[0]:
            continue
        described = _apposition_end(doc, last, unit_span[0])  # "A, an Inverness-based developer of X for Y, and B"
        if s < described:
            continue  # a name inside the description ("a subsidiary of the group Z")
        gap = [t.lower_ for t in doc[described:s]]
        apposed = len(gap) <= 14 and gap[:2] in ([",", "a"], [",", "an"]) \
            and [",", "and"] in (gap[-3:-1], gap[-2:])  # "A, a Lviv firm, and (the) B"
        if (len(gap) > 7 and not apposed) or not ("and" in gap or "," in gap) \
                or any(w in words.run_stops and w != "and" for w in gap):
            break  # "A and the Finnish port authority B"; not "A, with offices in B"
        items.append(j)
        last = e
    if last + 2 < unit_span[0] and doc[last].text == "(" and doc[last + 2].text == ")":
        last += 3  # "A and B (BB) today opened U"
    if len(items) < 2 or last >= unit_span[0] or not doc[last].is_lower:
        return []
    return items


APPOSITION_REACH = 30  # words a maker's description may take ("A, an Ebène-based developer of ..., and B")
_CLAUSE_WORDS = frozenset({"which", "who", "that", "whose", ";", "--", "—", "–", ":"})


def _apposition_end(doc: Any, k: int, limit: int) -> int:
    """Where a description set off by commas right after a maker's name ends: the comma before ", and" of
    "A, an Inverness-based developer of navigation software, and B" (``k`` itself when there is none or it holds a
    clause)."""
    if k + 2 >= limit or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an"):
        return k
    for x in range(k + 2, min(limit, k + APPOSITION_REACH)):
        if doc[x].lower_ in _CLAUSE_WORDS:
            return k
        if doc[x].text == ",":
            return x if x + 1 < limit and doc[x + 1].lower_ == "and" else k
    return k


def _formed_by_makers(doc: Any, sent: Any, before: list[tuple[int, int, int]], unit_span: tuple[int, int] | None,
                      idx: Any, words: UnitWords) -> list[int]:
    """The makers of a joint unit named before a verb of setting up right before it ("A and B formed U, a joint
    venture that ..."); empty unless that verb is there."""
    if unit_span is None:
        return []
    v = unit_span[0] - 1
    while v > sent.start and doc[v].lower_ in ARTICLES:
        v -= 1
    if doc[v].lower_ not in words.set_up and doc[v].lower_ not in ("opened", "formed", "created"):
        return []
    return _makers(doc, sent, before, unit_span, idx, words)


def _subject_start(doc: Any, sent: Any, before: list[tuple[int, int, int]]) -> int:
    """Where the sentence's first organisation starts, after a dateline ("AREQUIPA, Peru -- The X has opened")."""
    k = sent.start
    for t in range(sent.start, min(sent.end, sent.start + 12)):
        if doc[t].text in ("--", "—", "–") and t + 1 < sent.end:
            k = t + 1
            break
    leads, ends = _time_words()
    if k < sent.end and doc[k].lower_ in leads:  # "In 2024 A opened U, a joint lab with B", "Last year, A formed ..."
        for x in range(k + 1, min(sent.end, k + 5)):
            if doc[x].like_num or doc[x].lower_ in ends:
                k = x + 1 + (x + 1 < sent.end and doc[x + 1].text == ",")
                break
    while k < sent.end and (doc[k].lower_ in ARTICLES or doc[k].is_space):
        k += 1
    return k


@lru_cache(maxsize=1)
def _time_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words of a time phrase that may open a sentence before its subject (``time_openers`` in member_forms.json)."""
    spec = member_forms()["time_openers"]
    return frozenset(spec["leads"]), frozenset(spec["ends"])


def _within(doc: Any, sent: Any, by_start: dict[int, tuple[int, int]], types: list[str], unit: int, k: int,
            words: UnitWords, emit: Emit, conf: float) -> None:
    """"CRLS, a new research centre within the Allen School", "NOAC, a statutory board under the Ministry"."""
    start = k
    while k < min(sent.end, start + 7) and (doc[k].is_lower or doc[k].text == "-") and doc[k].lower_ not in words.inside \
            and doc[k].lower_ not in words.run_stops:
        k += 1
    if k == start or k + 1 >= sent.end or doc[k].lower_ not in words.inside or doc[k - 1].lower_ not in words.unit_nouns:
        return
    k += 1
    if doc[k].lower_ == "the":
        k += 1
    parent = by_start.get(k)
    if parent is not None and types[parent[0]] in ORG and parent[0] != unit:
        emit(["PART_OF"], unit, parent[0], conf, "rule:unit-within")


def group_lists(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: UnitWords,
                emit: Emit, conf: float) -> None:
    """"P, whose current cohort includes A and the Oslo start-up B", "X's investors include A, the Bergen fund B
    and C": every listed name stands in the group word's relation (``group_nouns``) with the owner named before
    "whose" or "'s" (the verb frames read the first name; descriptions hide the rest)."""
    idx = None
    for k in range(sent.start + 2, sent.end - 1):
        if doc[k].lower_ not in words.include_verbs:
            continue
        g = k - 1
        spec = words.groups.get(doc[g].lower_) or words.groups.get(doc[g].lower_.rstrip("s"))
        if spec is None or spec["rel"].lower() not in words.group_rels:
            continue
        b = g - 1
        while b > sent.start and doc[b].is_lower and doc[b].lower_ not in ("whose", "'s", "’s") and g - b <= 3:
            b -= 1  # "whose current cohort", "X's early investors"
        owner = None
        if doc[b].lower_ == "whose" and b - 1 > sent.start and doc[b - 1].text == ",":
            owner = _before_comma(doc, sent, [x for x in spans if x[2] <= b - 1], types, b - 1, ORG + ("Programme",))
        elif doc[b].lower_ in ("'s", "’s"):
            owner = next((i for i, s, e in spans if e == b and types[i] in ORG + ("Programme",)), None)
        if owner is None:
            continue
        idx = idx or token_index(doc, spans, types)
        for m in words.lists.read_list(idx, k + 1, ORG + ("Person",), sent.end):
            if m != owner:
                src, tgt = (m, owner) if spec["member"] == "src" else (owner, m)
                emit([spec["rel"]], src, tgt, conf, "rule:group-list")


_BE = frozenset({"is", "are", "'s", "’s"})
_BE_ADVERBS = frozenset({"also", "now", "currently", "still", "already"})


def in_cohort(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: UnitWords, emit: Emit,
              conf: float) -> None:
    """"X is (also) in the current cohort of P", "X and Y are in this year's intake of the P accelerator", "X is among
    the eight start-ups in P's new cohort": MEMBER_OF(X, P); present tense only ("was in the 2021 cohort of P")."""
    by_start = {s: i for i, s, e in spans}
    by_end = {e: i for i, s, e in spans}
    for k in range(sent.start + 1, sent.end - 1):
        if doc[k].lower_ not in words.cohort_nouns:
            continue
        group, b = _cohort_group(doc, sent, by_start, by_end, k)
        if group is None or types[group] not in ORG + ("Programme",) or b is None:
            continue
        v = b - 1
        if doc[v].lower_ not in _BE and doc[v].is_lower:  # "is among the eight start-ups in"
            a = v
            while a > sent.start and b - a <= 6 and doc[a].lower_ != "among" \
                    and (doc[a].is_lower or doc[a].like_num or doc[a].text == "-"):
                a -= 1
            v = a - 1 if doc[a].lower_ == "among" else v
        while v > sent.start and doc[v].lower_ in _BE_ADVERBS:
            v -= 1
        if doc[v].lower_ not in _BE:
            continue
        for m in _members_before(doc, sent, spans, types, v):
            if m != group:
                emit(["MEMBER_OF"], m, group, conf, "rule:in-cohort")


def _cohort_group(doc: Any, sent: Any, by_start: dict[int, int], by_end: dict[int, int],
                  k: int) -> tuple[int | None, int | None]:
    """The group of the cohort noun at ``k`` ("cohort of the P", "P's new cohort") and where its "in" stands."""
    group, b = None, k - 1
    if k + 2 < sent.end and doc[k + 1].lower_ == "of":
        group = by_start.get(k + 2 + (doc[k + 2].lower_ == "the"))
        while b > sent.start and k - b <= 4 and doc[b].lower_ != "in":
            b -= 1  # "in the current", "in this year's", "in the 2026 spring"
        if any(not (doc[x].is_lower or doc[x].like_num or doc[x].lower_ in ("'s", "’s"))
               or doc[x].lower_ in ("with", "to", "for", "from")
               for x in range(b + 1, k)):
            return None, None
    else:
        while b > sent.start and k - b <= 3 and doc[b].is_lower and doc[b].lower_ not in ("'s", "’s"):
            b -= 1  # "P's new cohort"
        if doc[b].lower_ not in ("'s", "’s") or b not in by_end:
            return None, None
        group = by_end[b]
        b = next((s for s, i in by_start.items() if i == group), b)
        b -= 1 + (doc[b - 1].lower_ == "the")
    return (group, b) if doc[b].lower_ == "in" else (None, None)


def _members_before(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], v: int) -> list[int]:
    """The organisations ending right before the verb at ``v``, over "A and B" ("(ACR)" after a name allowed)."""
    out: list[int] = []
    end = v
    for j, s, e in reversed(spans):
        if e == end or e + 3 == end and doc[e].text == "(":
            if types[j] not in ORG:
                break
            out.append(j)
            end = s - 1 if s - 1 >= sent.start and doc[s - 1].lower_ == "and" else -1
            if end > sent.start and doc[end - 1].text == ",":
                end -= 1
        elif e < end:
            break
    return out


def among_group(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: UnitWords, emit: Emit,
                conf: float) -> None:
    """"Among the North Sea Robotics Network's members are A and B", "Among P's other participants is A": each listed
    name stands in the group word's relation (``group_nouns``) with the named possessor."""
    k = sent.start
    while k < sent.end and (doc[k].is_space or doc[k].text in ("-", "•", "*")):
        k += 1
    if k + 4 >= sent.end or doc[k].lower_ != "among":
        return
    k += 1
    owner = next(((i, e) for i, s, e in spans if s in (k, k + 1) and (s == k or doc[k].lower_ == "the")
                  and types[i] in ORG + ("Programme",)), None)  # a mention may or may not hold its "the"
    pronoun = owner is not None and owner[1] == k + 1 and doc[k].lower_ in ("its", "their")  # "Among its signatories are"
    if owner is None or owner[1] >= sent.end or not pronoun and doc[owner[1]].lower_ not in ("'s", "’s"):
        return
    g = owner[1] + (0 if pronoun else 1)
    while g < min(sent.end, owner[1] + 4) and doc[g].is_lower and doc[g + 1].lower_ not in ("are", "is", "were", "was"):
        if doc[g].lower_ in words.past_mods:
            return  # "Among P's former members are A and B"
        g += 1  # "other", "founding", "current"
    spec = words.groups.get(doc[g].lower_) or words.groups.get(doc[g].lower_.rstrip("s"))
    if spec is None or spec["rel"].lower() not in words.group_rels or g + 2 >= sent.end \
            or doc[g + 1].lower_ not in ("are", "is", "were", "was"):
        return
    idx = token_index(doc, spans, types)
    for m in words.lists.read_list(idx, g + 2, ORG, sent.end):
        if m != owner[0]:
            src, tgt = (m, owner[0]) if spec["member"] == "src" else (owner[0], m)
            emit([spec["rel"]], src, tgt, conf, "rule:among-group")
