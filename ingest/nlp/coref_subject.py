"""Which name a sentence is about when its subject is a description, not a name (document context, issue 14).

``coreference.Resolver.subject`` takes a sentence's first organisation outside a prepositional phrase as its
subject; "It" and "the programme" in the next sentence then stand for it. Two sentence openings break that:

* the subject is a description the text names in an apposition ("CCDA's flagship programme, Semilla de Datos,
  trains ...", "The most visible initiative, the Programa X, is run by ..."): the subject is the apposed name;
* the subject is a description nothing resolved ("The project is financed by A through its fund B, with support
  from the cloud company C"): the sentence has no named subject, so A, B and C are not "It" in the next one.

And a name after a preposition may stand behind a descriptive noun phrase ("from the San-Pédro cloud company C",
"through its fund B"): it is still inside the phrase, not a subject. All checks read tokens (no parse).
"""

from __future__ import annotations

import re
from typing import Any, Callable

_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")

POSSESSIVE = ("'s", "’s")
DETERMINERS = ("the", "this", "that", "a", "an")
OWNERS = ("its", "their")
MAX_DESC = 4  # words between a determiner and its noun ("the San-Pédro cloud company")


def _head_noun(low: str, nouns: Any) -> bool:
    """Can the word right before a name be the noun describing it ("company", "group", "operator", "maker")?"""
    return low in nouns or (len(low) > 4 and low.endswith(("er", "or", "ist")))


def descriptive_run(doc: Any, a: int, start: int, covered: set[int], nouns: Any = ()) -> int | None:
    """The determiner's token when the name at ``a`` follows a descriptive phrase opened by one ("the Tirana group
    X", "its fund X", "the San-Pédro cloud company X"), else None. The word before the name is a describing noun
    (``nouns`` or an agent noun, never a verb: "Members of the cluster include X" is no phrase); the words before
    it are words, hyphens and names (a place in the phrase)."""
    if a - 1 >= start and doc[a - 1].lower_ not in OWNERS and not _head_noun(doc[a - 1].lower_, nouns):
        return None
    p, words = a - 1, 0
    while p >= start and words <= MAX_DESC:
        t = doc[p]
        low = t.lower_
        if low in OWNERS or low in DETERMINERS and p < a - 1:
            return p  # "the" right before the name is read by the caller's own walk
        if low in DETERMINERS or not (t.is_alpha or t.text in ("-", "–") or low in POSSESSIVE or p in covered):
            return None  # words, hyphens, a possessive ("the province's Crown investor B"), names
        p -= 1
        words += 1
    return None


def opening_description(doc: Any, start: int, end: int, nouns: dict[str, Any], covered: set[int],
                        word_at: Callable[[int], tuple[str, int]]) -> tuple[int, int] | None:
    """(determiner token, token after the noun) when the sentence opens with "The/This [words] <noun>" that no
    name covers ("The project is financed by ...", "The most visible initiative, the X, ..."), else None."""
    p = start
    if p < end and doc[p].is_quote:
        p += 1
    if p >= end or doc[p].lower_ not in ("the", "this", "a", "an"):
        return None
    for j in range(p + 1, min(end, p + 2 + MAX_DESC)):
        t = doc[j]
        if j in covered or not (t.is_alpha or t.text == "-"):
            return None
        low, after = word_at(j)
        if low in nouns and t.is_lower:
            if after < end and (doc[after].text[:1].isupper() or doc[after].lower_ in POSSESSIVE):
                return None  # "The fund Kvist Capital", "The company's partners": not an opening description
            return p, after
        if not t.is_lower:
            return None
    return None


def apposed_after(doc: Any, after: int, end: int, at: dict[int, int]) -> int | None:
    """The mention apposed right after a description ending before token ``after``: ", [the] NAME" (the caller
    checks that it is closed by a comma or a verb), else None."""
    if after >= end or doc[after].text != ",":
        return None
    q = after + 1
    if q < end and doc[q].lower_ in ("the", "a", "an"):
        q += 1
    return at.get(q)


def possessed_description(doc: Any, b: int, end: int, covered: set[int]) -> int | None:
    """The token after "X's [words] noun" when the name ending at ``b`` owns a lower-case description
    ("CCDA's flagship programme"), else None."""
    if b >= end or doc[b].lower_ not in POSSESSIVE:
        return None
    q = b + 1
    while q < end and q - b <= MAX_DESC and doc[q].is_lower and doc[q].is_alpha and q not in covered:
        q += 1
    return q if q > b + 1 else None


def named_as_other(words: Any, noun: str, name_words: set[str]) -> bool:
    """Does the name call itself a body of another kind than an institution noun ("the lab" and "Universidad
    Nacional de San Agustín", "the university" and "Laboratoire Images")? Then salience alone must not link them.
    Only for nouns of institutions (``Institute`` alone): a company's name says little ("the company", "X Labs")."""
    if tuple(words.nouns.get(noun, ())) != ("Institute",):
        return False
    own = {noun} | words.kinds.get(noun, frozenset())
    for w in name_words - own:
        if tuple(words.nouns.get(w, ())) == ("Institute",) and not words.kinds.get(w, frozenset()) & own:
            return True
        if w not in words.nouns and any(tuple(words.nouns.get(x, ())) == ("Institute",) for x in words.kinds.get(w, ())):
            return True  # "laboratoire": of the kind of "lab"
    return False


def heading_named(mentions: Any, heading: str, types: Any) -> int | None:
    """A named mention elsewhere in the text whose name is the heading line's whole text ("Taraboshi Data" as an
    entry heading, then "Taraboshi Data" or its canonical form in the body), of ``types``; else None."""
    key = heading.strip().casefold()
    for i, m in enumerate(mentions):
        if m.source != "anaphor" and m.type in types and key in (m.text.casefold(), m.canonical.casefold()):
            return i
    return None


def venue_after(text: str, end: int, venues: Any) -> bool:
    """Does a venue noun follow the name ending at character ``end`` ("the Delta Centre building")?"""
    m = _NEXT_WORD.match(text, end) if 0 <= end <= len(text) else None
    return m is not None and m.group(1) in venues
