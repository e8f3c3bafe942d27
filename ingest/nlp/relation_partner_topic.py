"""A partner list with no owner of its own belongs to the unit the passage is about, not to the page's parent.

Why: "Industry partners include A, B and C" names no owner, so the frames give the list to the page's organisation
(its title: "University news | Susquehanna State University"). When the passage is about a unit that organisation
opened, runs or holds ("Susquehanna State University has opened the Southern Tier Center ... STCBI will be directed
by ... Industry partners include ..."), the partners are the unit's: a partnership of a subsidiary must not be given
to its parent. The unit is the organisation that opens the latest sentence before the list (a sentence-initial
name, or "The center" resolved to it), and only when the facts already tie it below the owner (PART_OF, FOUNDED or
RUNS from the owner), so a passage that moved on to another organisation changes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

ORGS = frozenset({"Institute", "Company", "Agency"})
REACH = 900  # characters before the list searched for the passage's subject
OPENERS = frozenset({"the", "its", "this"})
HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "st", "no"})
LISTS = ("form:group-subject-partner", "rule:partners-include")


def partners_of_topic(text: str, facts: Any) -> None:
    """Move, in place, an owner-less partner list from the page's organisation to the unit the passage is about,
    and drop a partnership between a unit and its own parent ("X, a subsidiary of P, and Y launch a joint centre":
    P is X's owner, not its partner)."""
    ments = facts.mentions
    below = _below(facts.relations, ments, ("PART_OF", "FOUNDED", "RUNS"))
    parts = _below(facts.relations, ments, ("PART_OF",))
    out = []
    seen = set()
    for r in facts.relations:
        if r.type == "PARTNERS_WITH" and any(m in r.method for m in LISTS):
            r = _to_topic(r, text, ments, below)
        if r.type == "PARTNERS_WITH" and _held(r, ments, parts):
            continue
        key = (r.type, r.source, r.target, r.method)
        if key not in seen:
            seen.add(key)
            out.append(r)
    facts.relations[:] = out


def _root(ments: list[Any], m: int) -> int:
    steps = 0
    while ments[m].coref is not None and steps < 8:
        m, steps = ments[m].coref, steps + 1
    return m


def _below(relations: list[Any], ments: list[Any], types: tuple[str, ...]) -> dict[str, set[str]]:
    """Organisation name -> the names of units it holds (PART_OF), opened or runs, as ``types`` allow (transitively)."""
    down: dict[str, set[str]] = {}
    for r in relations:
        if r.type not in types:
            continue
        a, b = ments[_root(ments, r.source)].canonical, ments[_root(ments, r.target)].canonical
        if r.type == "PART_OF":
            down.setdefault(b, set()).add(a)
        elif ments[r.source].type in ORGS:
            down.setdefault(a, set()).add(b)
    for _ in range(3):
        for k in list(down):
            for v in list(down[k]):
                down[k] |= down.get(v, set())
    return down


def _held(r: Any, ments: list[Any], parts: dict[str, set[str]]) -> bool:
    """Is one end of the partnership a unit the other holds (PART_OF, directly or through units)?"""
    a, b = ments[_root(ments, r.source)].canonical, ments[_root(ments, r.target)].canonical
    return b in parts.get(a, set()) or a in parts.get(b, set())


def _to_topic(r: Any, text: str, ments: list[Any], below: dict[str, set[str]]) -> Any:
    owner_is_src = ments[r.source].start < r.sent_start
    owner = r.source if owner_is_src else r.target
    if ments[owner].start >= r.sent_start:
        return r  # the owner is named in the sentence ("X's partners include"): its own list
    topic = _topic(text, ments, r.sent_start)
    if topic is None:
        return r
    name, other = ments[topic].canonical, ments[r.target if owner_is_src else r.source].canonical
    if name in (ments[_root(ments, owner)].canonical, other) or name not in below.get(
            ments[_root(ments, owner)].canonical, set()):
        return r
    return replace(r, source=topic) if owner_is_src else replace(r, target=topic)


def _topic(text: str, ments: list[Any], before: int) -> int | None:
    """The organisation that opens the latest sentence before offset ``before`` (within ``REACH``)."""
    for k in range(len(ments) - 1, -1, -1):
        m = ments[k]
        if m.start >= before:
            continue
        if m.start < before - REACH:
            return None
        if _opens_sentence(text, m.start):
            root = _root(ments, k)
            return root if ments[root].type in ORGS else None
    return None


def _opens_sentence(text: str, start: int) -> bool:
    """Does a sentence start at ``start``, perhaps after "The"/"Its"?"""
    head = text[max(0, start - 12):start].rstrip()
    words = head.split()
    if words and words[-1].lower() in OPENERS:
        head = head[:len(head) - len(words[-1])].rstrip()
    if head.endswith(".") and head[:-1].split()[-1:] and head[:-1].split()[-1].lower() in HONORIFICS:
        return False  # "directed by Dr. Marta Ilves"
    return not head or head[-1] in ".!?\n"
