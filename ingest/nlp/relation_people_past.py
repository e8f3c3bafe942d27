"""Person-organisation ties the sentence states as past or as no post (issue 14, AFFILIATED_WITH precision).

* a copula in the past before a role noun: "A, who was a PhD student at X, now runs ...", "A was chief executive
  of X until 2020", "A, who were then postdocs at X": a post that has ended (``docs/annotation.md``: former ties
  are no AFFILIATED_WITH); a participle after the copula states a current post and stays ("A, who was appointed
  chief executive of X", "A was named director of X"), and so does a break between them ("now", "is");
* a describing noun that is no post after the name, the organisation before it: "Orsolo Robotics — A, investor",
  "X | A (angel investor)": an investor named on an organisation's line holds no post there.

Words: ``data/lexicon/people_past.json`` and ``people_scope.json`` (``not_post_nouns``). ``AIKG_PEOPLE_PAST=off``
turns the checks off (for A/B runs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets

ENABLED_ENV = "AIKG_PEOPLE_PAST"
REACH = 14  # tokens between the person's end and the organisation


@dataclass(frozen=True)
class PastWords:
    copulas: frozenset[str]
    breaks: frozenset[str]
    not_post: frozenset[str]
    closers: frozenset[str]
    modifiers: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> PastWords:
    """``people_past.json`` and the guard's ``not_post_nouns``, read once per process."""
    copulas, breaks, closers, modifiers = lexicon_sets(
        "people_past.json", ("past_copulas", "breaks", "closers", "not_post_modifiers"))
    return PastWords(copulas, breaks, lexicon_sets("people_scope.json", ("not_post_nouns",))[0], closers, modifiers)


def past_or_no_post(doc: Any, person: tuple[int, int], org: tuple[int, int]) -> bool:
    """True when the sentence states the person's tie to the organisation as ended or as no post."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return False
    w = _words()
    return _past_copula(doc, person, org, w) or _no_post_after(doc, person, org, w)


def no_post_title(text: str) -> bool:
    """"investor", "an angel investor": a line's title field that names no post (``X — A, investor``)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return False
    w = _words()
    words = text.lower().split()
    return bool(words) and words[-1].strip(".;") in w.not_post and all(x in w.modifiers for x in words[:-1])


def _past_copula(doc: Any, person: tuple[int, int], org: tuple[int, int], w: PastWords) -> bool:
    """"A, who was a PhD student at X": "was" right after the person (or "who"), a noun phrase, then the organisation."""
    k, os_ = person[1], org[0]
    if os_ < k or os_ - k > REACH:
        return False
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k < len(doc) and doc[k].lower_ == "who":
        k += 1
    if k >= os_ or doc[k].lower_ not in w.copulas:
        return False
    k += 1
    if k < os_ and doc[k].lower_ == "been":  # "who had been a researcher at X"
        k += 1
    if k >= os_ or doc[k].tag_ in ("VBN", "VBG") or doc[k].pos_ in ("VERB", "AUX") or _untagged_participle(doc[k]):
        return False  # "who was appointed chief executive of X": a post taken, still held
    return not any(doc[x].lower_ in w.breaks or doc[x].text in (";", ".") or doc[x].pos_ in ("VERB", "AUX")
                   for x in range(k, os_))


def _untagged_participle(tok: Any) -> bool:
    """A participle in a sentence the light pass did not tag ("was appointed X's head"): no tag, an -ed/-en form."""
    return not tok.tag_ and tok.lower_.endswith(("ed", "en"))


def _no_post_after(doc: Any, person: tuple[int, int], org: tuple[int, int], w: PastWords) -> bool:
    """"Orsolo Robotics — A, investor": the organisation before the person, a no-post noun right after the name."""
    if org[1] > person[0]:
        return False
    k = person[1]
    if k >= len(doc) or doc[k].text not in (",", "("):
        return False
    k += 1
    while k < len(doc) and doc[k].lower_ in w.modifiers:
        k += 1
    if k >= len(doc) or doc[k].lower_ not in w.not_post:
        return False
    return k + 1 >= len(doc) or doc[k + 1].text in w.closers or "\n" in doc[k].whitespace_
