"""Which place an ANCHORS statement without a named place means ("the city", "the region").

Why: the fallback place of "X anchors the city's research community" is a place named earlier in the
sentence or the document's own city; two shapes make that guess wrong and are read here from the parse:
the phrase names its own place by a name the entity pass missed ("the anchor institution of Lot
Fourteen's AI community"), and a place inside the subject's own phrase ("Samsung's investment in its
Taylor plant has drawn suppliers to the region") is not the region the subject draws people to.
"""

from __future__ import annotations

from typing import Any, Iterable

#: words that head a proper-name possessor but name no place ("the city's AI scene", "the UK's")
_NOT_PLACE = frozenset({"ai", "it", "its", "their", "our", "city", "region", "country"})


def unnamed_owner(doc: Any, phrase: Iterable[int], tok2m: dict[int, int]) -> bool:
    """Does the trigger's phrase hold a proper-name possessor that is no mention ("Lot Fourteen's")?"""
    for i in phrase:
        t = doc[i]
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.i not in tok2m and t.lower_ not in _NOT_PLACE:
            return True
    return False


def subject_phrase(trigger: Any) -> set[int]:
    """Token indices of the trigger verb's subject phrase (empty for a noun trigger)."""
    out: set[int] = set()
    if trigger.pos_ not in ("VERB", "AUX"):
        return out
    for c in trigger.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            out.update(t.i for t in c.subtree)
    return out


#: words before a place that set it aside ("in Kumasi rather than Accra", "instead of Accra", "not Accra")
_CONTRAST = frozenset({"than", "not", "instead"})


def contrasted(doc: Any, start: int) -> bool:
    """Is the name starting at token ``start`` set aside by the words before it ("rather than Accra")?"""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "of":
        k -= 1  # "instead of Accra"
    return k >= 0 and doc[k].lower_ in _CONTRAST
