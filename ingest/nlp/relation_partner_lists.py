"""PARTNERS_WITH from a partner noun's list, every item read, however each item is described.

Why: directory entries, encyclopedia articles and membership pages state partnerships as a list after a partner
noun, and describe most items before naming them: "ISIA's industrial partners include Salins du Sine, the seed
company Graines du Saloum and the irrigation start-up Djilor Hydro"; "Gbêkê Vision counts the exporters Kapok Noix
Export and Sakassou Agro among its industrial partners". The parser hangs such items on each other as appositions
of the description nouns, so the frames keep only the first name. These rules read the words of the entity pass:

* "OWNER's (industrial | research | pilot ...) partners (in this study) include A, the <description> B and C";
* "OWNER counts A and the <description> B among its (industrial) partners".

Each listed organisation partners with the owner, never with another item (annotation guidelines). Nothing is
read after a partner noun said of a past or a possible tie ("former partners", "prospective partners"), after a
past or denied verb ("included", "do not include"), nor past a relative clause that closes an item ("B, which
provides imagery"). Word lists: ``partner_lists`` in ``data/lexicon/tie_guard.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from aikg.ingest.nlp.relation_partner_described import trade_nouns
from aikg.ingest.nlp.token_index import TokenIndex

ORGS = ("Institute", "Company", "Agency")
POSSESSIVES = ("'s", "’s", "'", "’")
Emit = Callable[[Sequence[str], int, int, float, str], None]


@dataclass(frozen=True)
class ListWords:
    """The word lists of these rules (``partner_lists`` in ``tie_guard.json``)."""

    nouns: frozenset[str]  # partners, collaborators
    verbs: frozenset[str]  # include, includes, are
    count_verbs: frozenset[str]  # counts, count, lists
    not_current: frozenset[str]  # former, prospective, potential
    not_items: frozenset[str]  # customers, rivals: a description that makes an item no partner
    stops: frozenset[str]  # which, who, including: an item's clause or an example list ends the list

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> "ListWords":
        get = lambda k: frozenset(w.lower() for w in raw.get(k, ()))  # noqa: E731
        return cls(get("nouns"), get("verbs"), get("count_verbs"), get("not_current"), get("not_items"), get("stops"))


def partner_lists(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: ListWords,
                  emit: Emit, conf: float) -> None:
    """Every rule of this module over one sentence of the entity pass."""
    if len(spans) < 2 or not w.nouns:
        return
    words = TokenIndex.of(doc).lower[sent.start:sent.end]  # speed only: no cue word, no Token per word
    if w.nouns.isdisjoint(words) and w.count_verbs.isdisjoint(words):
        return
    starts = {s: (i, e) for i, s, e in spans}
    ends = {e: i for i, s, e in spans}
    for t in sent:
        if t.lower_ in w.nouns:
            _include_list(doc, sent, t.i, starts, ends, types, w, emit, conf)
        elif t.lower_ in w.count_verbs:
            _count_among(doc, sent, t.i, starts, ends, types, w, emit, conf)


def _include_list(doc: Any, sent: Any, k: int, starts: dict, ends: dict, types: Sequence[str], w: ListWords,
                  emit: Emit, conf: float) -> None:
    """"OWNER's (mods) partners (qualifier) include LIST"."""
    j = k - 1
    while j > sent.start and doc[j].is_lower and doc[j].is_alpha and doc[j].lower_ not in w.not_current \
            and k - j <= 3:
        j -= 1  # "industrial", "research", "pilot", "delivery"
    if doc[j].lower_ in w.not_current:
        return
    owner = None
    if doc[j].text in POSSESSIVES and j in ends:
        owner = ends[j]
    elif j + 1 in ends and doc[j].lower_ in ("its", "their") and (j + 1) in ends:
        owner = ends[j + 1]  # "its" itself a mention the reference pass resolved
    if owner is None or types[owner] not in ORGS:
        return
    v = k + 1
    if v >= sent.end or doc[v].text in ".;":
        _are_partners_of(doc, sent, k, owner, starts, ends, types, emit, conf)  # "A and B are X's partners."
        return
    while v < sent.end and v < k + 7 and doc[v].lower_ not in w.verbs:
        if not (doc[v].is_lower or doc[v].is_digit) or doc[v].text in ",;:" or v in starts:
            return  # "partners in this study", "partners for the programme"; not across a name or a clause
        v += 1
    if v >= sent.end or doc[v].lower_ not in w.verbs or doc[v - 1].lower_ in ("not", "never"):
        return
    for m in _items(doc, sent, v + 1, starts, types, w):
        if m != owner:
            emit(["PARTNERS_WITH"], owner, m, conf, "rule:partners-include")


def _are_partners_of(doc: Any, sent: Any, k: int, owner: int, starts: dict, ends: dict, types: Sequence[str],
                     emit: Emit, conf: float) -> None:
    """"A, B and C are the X Institute's industrial partners": the names before "are" with the owner."""
    s = next(st for st, (i, _) in starts.items() if i == owner)
    j = s - 1
    if j >= sent.start and doc[j].lower_ == "the":
        j -= 1
    if j <= sent.start or doc[j].lower_ not in ("are", "remain") or k - s > 12:
        return
    for m in _names_before(doc, j, sent.start, starts, ends, types):
        if m != owner:
            emit(["PARTNERS_WITH"], owner, m, conf, "rule:are-partners-of")


def _names_before(doc: Any, k: int, start: int, starts: dict, ends: dict, types: Sequence[str]) -> list[int]:
    """Organisation names ending right before token ``k``, joined by commas and "and" (the list opens the sentence)."""
    out: list[int] = []
    while k > start and k in ends:
        i = ends[k]
        if types[i] not in ORGS:
            return []
        out.append(i)
        k = next(st for st, (x, _) in starts.items() if x == i)
        if k > start and doc[k - 1].lower_ == "the":
            k -= 1
        if k <= start or doc[k - 1].lower_ not in (",", "and", "&"):
            break
        while k > start and doc[k - 1].lower_ in (",", "and", "&"):
            k -= 1
    if k > start and not (k == start + 1 and doc[start].lower_ == "the"):
        return []  # the list must open the sentence: "A and B are ...", not "X says A and B are ..."
    return out


def _count_among(doc: Any, sent: Any, k: int, starts: dict, ends: dict, types: Sequence[str], w: ListWords,
                 emit: Emit, conf: float) -> None:
    """"OWNER counts A and the <description> B among its (industrial) partners"."""
    j = k
    while j > sent.start and doc[j - 1].lower_ in ("also", "now", "today", "currently"):
        j -= 1
    owner = ends.get(j)
    if owner is None or types[owner] not in ORGS:
        return
    among = next((x for x in range(k + 1, sent.end) if doc[x].lower_ == "among"), None)
    if among is None or among + 1 >= sent.end or doc[among + 1].lower_ not in ("its", "their"):
        return
    x = among + 2
    while x < sent.end and x < among + 5 and doc[x].is_lower and doc[x].lower_ not in w.nouns:
        if doc[x].lower_ in w.not_current:
            return
        x += 1
    if x >= sent.end or doc[x].lower_ not in w.nouns:
        return  # "among its customers", "among its former partners"
    for m in _items(doc, sent, k + 1, starts, types, w, stop=among):
        if m != owner:
            emit(["PARTNERS_WITH"], owner, m, conf, "rule:counts-among-partners")


def _items(doc: Any, sent: Any, k: int, starts: dict, types: Sequence[str], w: ListWords,
           stop: int | None = None) -> list[int]:
    """Organisation names from token ``k``, joined by commas and "and", each after an optional description of
    lower-case words and places ("the Chust seed company Chortoq Seeds", "the irrigation start-up Djilor Hydro")."""
    end = sent.end if stop is None else stop
    out: list[int] = []
    while k < end:
        k = _past_description(doc, k, end, starts, types, w)
        if k < 0 or k not in starts or k >= end:
            return out
        i, e = _owned_unit(doc, k, end, starts)
        if out and e < end and doc[e].is_lower and doc[e].lower_ not in ("and", "or"):
            return out  # "include A and B, and the Faculty has an agreement with C": a new clause's subject
        if types[i] in ORGS:
            out.append(i)
        k = e
        if k < end and doc[k].text == "(":  # "the Basque Center for Applied Mathematics (BCAM)"
            while k < end and doc[k].text != ")":
                k += 1
            k += 1
        if k + 1 < end and doc[k].text == "," and doc[k + 1].lower_ in w.stops:
            return out  # "B, which provides imagery at no cost": the list ends with B
        if k >= end or doc[k].lower_ not in (",", "and", "&"):
            return out
        while k < end and doc[k].lower_ in (",", "and", "&"):
            k += 1
    return out


def _past_description(doc: Any, k: int, end: int, starts: dict, types: Sequence[str], w: ListWords) -> int:
    """The first token after an item's description (lower-case words, places that describe it); -1 where the
    description says the item is no partner ("customers such as", "including")."""
    for _ in range(8):
        if k >= end:
            return k
        if k in starts:
            i, e = starts[k]
            if e >= end or not (doc[e].is_lower or doc[e].text in "-–") or types[i] != "Cluster" \
                    and not _describes_next(doc, e, end, starts, w):
                return k
            k = e  # "the Chust seed company Chortoq Seeds", "the Kapan-based X": the place describes the item
            # (a place typed as an organisation too: "the Angra do Heroísmo start-up Terceira Sensing")
        elif doc[k].is_lower or doc[k].text in "-–":
            if doc[k].lower_ in w.not_items or doc[k].lower_ in w.stops:
                return -1
            k += 1
        else:
            town = _town_before_description(doc, k, end, starts)
            if town is None:
                return k
            k = town  # "the Ras Jebel software firm B": a town no mention names, then B's description
    return k


_GLUE = frozenset({"and", "or", "of", "in", "at", "with", "for", "to", "from", "by", "on", "as", "the", "a", "an"})


def _describes_next(doc: Any, e: int, end: int, starts: dict, w: ListWords) -> bool:
    """Do one to three lower-case words after a name, the last a trade noun, end right at another name ("<A> start-up
    <B>")?"""
    j = e
    while j < end and j < e + 3 and (doc[j].is_lower or doc[j].text in "-–") and doc[j].lower_ not in _GLUE \
            and doc[j].lower_ not in w.stops and doc[j].lower_ not in w.not_items:
        j += 1
    return j > e and j in starts and doc[e:j].text.split()[-1].lower() in trade_nouns()  # "start-up": 3 tokens


def _town_before_description(doc: Any, k: int, end: int, starts: dict) -> int | None:
    """The token after one to three capitalised words followed by lower-case words and a name ("Hartlepool steel
    fabricator B"), or None."""
    j = k
    while j < end and j < k + 3 and doc[j].is_title and doc[j].is_alpha and j not in starts:
        j += 1
    if j == k or j >= end or not doc[j].is_lower:
        return None
    n = j
    while n < end and n < j + 4 and (doc[n].is_lower or doc[n].text in "-–") and n not in starts:
        n += 1
    return j if n in starts and n > j else None


def _owned_unit(doc: Any, k: int, end: int, starts: dict) -> tuple[int, int]:
    """The item at ``k`` (mention, end): "the City Council's Digital Services Directorate" is the named unit;
    "the University's fire-science group" (no name) leaves the owner, its words passed over."""
    i, e = starts[k]
    if e >= end or doc[e].text not in POSSESSIVES:
        return i, e
    u = e + 1
    while u < end and u < e + 5 and u not in starts and doc[u].is_lower:
        u += 1
    if u in starts and starts[u][1] <= end:
        return starts[u]
    while e < end and doc[e].lower_ not in ("and", "or") and (
            doc[e].is_lower or doc[e].text in POSSESSIVES or doc[e].text in "-–"):
        e += 1
    return i, e
