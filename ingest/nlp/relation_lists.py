"""Lists of mentions ("Google, Microsoft and Meta") and the relations their members share.

The entity pass groups mentions joined by commas and conjunctions (no parse yet); when a
sentence is parsed, a group is kept only where the parse agrees that its members are
coordinated, so "X is run by A, and B partners with C" does not make A and B one list.
A relation one member takes part in is then given to every member of its list.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_types import Cand, allowed

ORG = ("Institute", "Company", "Agency")
CONNECTORS = {",", "and", "or", "&", "as", "well", "the", "both", "also", "plus", "alongside", "with", "along", "together",
              "(", ")"}
# "alongside" is no list word: "invested in X alongside Y" makes Y a co-investor, not a second X (relation_forms.py)
REAL_CONNECTORS = {",", "and", "or", "&", "well", "plus"}
LINK_DEPS = {"conj", "appos"}
POSSESSIVES = {"'s", "’s", "'", "’"}


def list_groups(doc: Any, spans: list[tuple[int, int, int]], types: list[str]) -> dict[int, int]:
    """Mentions joined by "," / "and" / "or" / "as well as" form one list (same broad class)."""
    group: dict[int, int] = {}
    joined: set[int] = set()  # groups with a conjunction ("and", "or", "as well as") between two members
    group_start: dict[int, int] = {}  # group -> first token of its first member
    anded: set[int] = set()  # groups that had their last conjunction already ("A and B")

    def cls(t: str) -> str:
        return "org" if t in ORG else t

    places = {t for i, s, e in spans if types[i] == "Cluster" for t in range(s, e)}
    ends = {e for _, _, e in spans}
    for a, b in _neighbours(doc, spans, types):
        ia, sa, ea = a
        ib, sb, eb = b
        if doc[sa].text[:1].islower() or doc[sb].text[:1].islower():
            continue  # pronouns and "the company" are not list members
        if eb < len(doc) and doc[eb].text in POSSESSIVES:
            continue  # "NVentures, Nvidia's venture arm": a possessor is no list member
        gap = [t.lower_ for t in doc[ea:sb]]
        if not gap or sb <= ea or cls(types[ia]) != cls(types[ib]):
            continue
        gap = _without_description(doc, ea, sb, gap, places)  # "A and the Bergen start-up B": the words describe B
        if _inside_apposition(doc, sa, ends):
            continue  # "X, a start-up spun out of A, and B": A belongs to X's description, not to X's list
        if all(g in CONNECTORS for g in gap) and any(g in REAL_CONNECTORS for g in gap):
            g = group.get(ia, ia)
            if g in anded and any(x in ("and", "or") for x in gap):
                continue  # "include A and B, and the Faculty has ...": a list has one last conjunction; C opens a clause
            if any(x in ("and", "or") for x in gap):
                anded.add(g)
            group[ia] = g
            group[ib] = g
            if any(x in REAL_CONNECTORS and x != "," for x in gap) or _list_goes_on(doc, eb) \
                    or _inclusive_before(doc, group_start.setdefault(g, sa)):
                joined.add(g)
    return _without_comma_pairs(group, joined)


ARTICLES = {"the", "a", "an"}
DESCRIPTION_WORDS = 4  # at most this many words describe a list item ("the Mi'kmaw-owned data firm B")


@lru_cache(maxsize=1)
def _org_nouns() -> frozenset[str]:
    """Nouns that end a description of an organisation ("start-up", "maker", "group"): ``place_org_nouns``."""
    raw = lexicon_data("relations.json")
    return frozenset(w.lower() for w in raw.get("place_org_nouns", ()))


def _neighbours(doc: Any, spans: list[tuple[int, int, int]], types: list[str]) -> list[tuple[Any, Any]]:
    """Adjacent mentions, passing over a place that only describes the next one ("and the Bergen start-up B")."""
    kept = [x for n, x in enumerate(spans) if not (
        types[x[0]] == "Cluster" and 0 < n < len(spans) - 1 and doc[x[1] - 1].lower_ in ARTICLES
        and _describes(doc, x[2], spans[n + 1][1]))]
    return list(zip(kept, kept[1:]))


def first_named(doc: Any, spans: list[tuple[int, int, int]], types: list[str], right: list[int]) -> int:
    """The first of the mentions ``right`` that a trigger phrase points to, past a place that only describes the next
    one ("collaborates with the Bergen hospital group Haukeland Health")."""
    if len(right) > 1 and types[right[0]] == "Cluster":
        at = {i: (s, e) for i, s, e in spans}
        (s0, e0), (s1, _) = at[right[0]], at[right[1]]
        if s0 > 0 and doc[s0 - 1].lower_ in ARTICLES and _describes(doc, e0, s1):
            return right[1]
    return right[0]


def _describes(doc: Any, k: int, end: int) -> bool:
    """Are the words from ``k`` to ``end`` a short description ending in an organisation noun ("hospital group")?"""
    return _description(list(doc[k:end]))


def _description(tokens: list[Any]) -> bool:
    words = "".join(t.text_with_ws for t in tokens).split()  # "start-up" is three tokens, one word
    return 0 < len(words) <= DESCRIPTION_WORDS and all(w == w.lower() for w in words) and words[-1] in _org_nouns()


def _without_description(doc: Any, ea: int, sb: int, gap: list[str], places: set[int]) -> list[str]:
    """The gap between two list items without the description of the second: "and the crane maker B", "and the
    Bergen start-up B" (the place is a mention of its own: it sits between the two); only after a conjunction."""
    k = next((x for x, g in enumerate(gap) if g in ARTICLES), -1)
    if k < 1 or not any(g in ("and", "or", "&") for g in gap[:k]) or not all(g in CONNECTORS for g in gap[:k]):
        return gap
    rest = [t for t in doc[ea + k + 1:sb] if t.i not in places]  # a place's own words describe the item too
    return gap[:k] if _description(rest) else gap


def _inside_apposition(doc: Any, start: int, ends: set[int]) -> bool:
    """Is the name at ``start`` the object of a preposition inside an apposition that describes the name before it
    (", a start-up spun out of A", ", the research arm of A")? Scans back to the apposition's comma."""
    k = start - 1
    while k > 0 and doc[k].lower_ in ARTICLES:
        k -= 1
    if k <= 0 or doc[k].lower_ not in ("of", "by", "from", "at", "with"):
        return False
    while k > 0 and doc[k].text not in (",", ";", ":", "(") and (doc[k].is_lower or doc[k].text in "-–"):
        k -= 1
    return k > 0 and doc[k].text == "," and doc[k + 1].lower_ in ARTICLES and k in ends


def _list_goes_on(doc: Any, end: int) -> bool:
    """"A, B and companies such as C": the list goes on after its second name."""
    return end < len(doc) and doc[end].lower_ in ("and", "or", "&", ",")


def _inclusive_before(doc: Any, start: int) -> bool:
    """"Together with X, Y is ...", "Alongside X, Y ...": a fronted phrase that adds X to the subject."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 0 and doc[k].lower_ == "alongside":
        return True
    return k >= 1 and doc[k].lower_ == "with" and doc[k - 1].lower_ in ("together", "along")


def _without_comma_pairs(group: dict[int, int], joined: set[int]) -> dict[int, int]:
    """Two names with only a comma between them are no list ("According to X, Y has ...", "Like X, Y ..."):
    a list of two says "and" or "or", goes on after them, or is fronted by "together with"."""
    size: dict[int, int] = {}
    for g in group.values():
        size[g] = size.get(g, 0) + 1
    return {m: g for m, g in group.items() if size[g] > 2 or g in joined}


def _root(pdoc: Any, toks: list[int]) -> Any:
    inside = set(toks)
    for t in toks:
        if pdoc[t].head.i not in inside or pdoc[t].head.i == t:
            return pdoc[t]
    return pdoc[toks[0]]


def _linked(a: Any, b: Any) -> bool:
    """Is ``b`` coordinated with ``a`` in the parse (a conj/appos chain, or two objects of one head)?"""
    for x, y in ((a, b), (b, a)):
        t, steps = y, 0
        while t.dep_ in LINK_DEPS and t.head.i != t.i and steps < 12:
            t = t.head
            steps += 1
            if t.i == x.i:
                return True
    return a.head.i == b.head.i and a.dep_ == b.dep_ and a.dep_ in ("pobj", "dobj")


SUBJECTS = {"nsubj", "nsubjpass"}


def _fronted(a: Any, b: Any) -> bool:
    """"According to X, Y has ...", "Like X, Y sells ...": a phrase before the subject, not a list with it
    (the parse gives one of them the subject and does not coordinate the other with it); "Together with X, Y"
    adds X to the subject."""
    if (a.dep_ in SUBJECTS) == (b.dep_ in SUBJECTS):
        return False
    other = b if a.dep_ in SUBJECTS else a
    return not _inclusive_before(other.doc, other.left_edge.i)


def _clause_break(tok: Any, inside: set[int]) -> int:
    """The first coordinated word above ``tok`` that is no mention: the clause or phrase it belongs to."""
    t, steps = tok, 0
    while t.head.i != t.i and steps < 30:
        if t.dep_ == "conj" and t.i not in inside:
            return t.i
        t = t.head
        steps += 1
    return -1


def confirm_groups(pdoc: Any, tok2m: dict[int, int], groups: dict[int, int]) -> dict[int, int]:
    """The surface lists of one parsed sentence, split where the parse puts members in different clauses."""
    m2toks: dict[int, list[int]] = {}
    for t, m in sorted(tok2m.items()):
        if m in groups:
            m2toks.setdefault(m, []).append(t)
    if len(m2toks) < 2:
        return groups
    roots = {m: _root(pdoc, toks) for m, toks in m2toks.items()}
    inside = set(tok2m)
    brk = {m: _clause_break(r, inside) for m, r in roots.items()}
    out = {m: g for m, g in groups.items() if m not in roots}
    members = sorted(roots, key=lambda m: roots[m].i)
    for x, m in enumerate(members):
        prev = [p for p in members[:x] if groups[p] == groups[m] and (
            _linked(roots[p], roots[m]) or brk[p] == brk[m] and not _fronted(roots[p], roots[m]))]
        out[m] = out[prev[-1]] if prev else m
    return out


def share_lists(cands: list[Cand], groups: dict[int, int], types: list[str]) -> list[Cand]:
    """Every member of a list gets the relation the list takes part in."""
    if not groups:
        return cands
    members: dict[int, list[int]] = {}
    for m, g in groups.items():
        members.setdefault(g, []).append(m)
    out = list(cands)
    seen = {(c.type, c.src, c.tgt) for c in cands}
    for c in cands:
        for side in ("src", "tgt"):
            m = getattr(c, side)
            g = groups.get(m)
            if g is None or m in c.fixed:
                continue
            other = c.tgt if side == "src" else c.src
            if groups.get(other) == g:
                continue
            for x in members[g]:
                new = Cand(c.type, x, c.tgt, c.conf, c.method) if side == "src" else Cand(c.type, c.src, x, c.conf, c.method)
                key = (new.type, new.src, new.tgt)
                if key in seen or new.src == new.tgt or allowed([new.type], types[new.src], types[new.tgt]) is None:
                    continue
                seen.add(key)
                out.append(new)
    return out
