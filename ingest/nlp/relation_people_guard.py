"""People's ties the words around them take back, checked on the candidates of one sentence (issue 14).

* a person described by a noun that is no post ("the diaspora investor A", "the angel investor A", "the Oromocto
  investor A"): an investor, donor or customer holds no post at the organisation named before them, nor at one the
  parse hangs on the describing noun ("the Oromocto investor A and B, ... a partner of X"); an organisation after
  the name read by another rule may still be theirs ("the angel investor A, who runs X");
* a post the sentence says has ended, the verb of ending before the organisation ("A stepped down as chief
  executive of X", "A, who retired as director of X", "A resigned from X's board"), unless another verb or
  "now" comes between ("A left X in 2021 to join Y": Y stays);
* a past marker in the person's title before the organisation ("A, former chief executive of X and now a partner
  at Y": the parse shares the partner noun's frame with X), with the same breaks ("now", "and", a verb).

The words are ``data/lexicon/people_scope.json`` (``not_post_nouns``, ``ended_post_words``, ``past_title_words``,
``ended_post_breaks``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.relation_people_past import past_or_no_post
from aikg.ingest.nlp.relation_types import Cand

ARTICLES = frozenset({"the", "a", "an"})
REACH = 12  # tokens between the verb of ending and the organisation


@dataclass(frozen=True)
class GuardWords:
    not_post: frozenset[str]
    ended: frozenset[str]
    breaks: frozenset[str]
    past_titles: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "GuardWords":
        d = json.loads(shipped("lexicon", "people_scope.json").read_text(encoding="utf-8"))
        return cls(frozenset(d["not_post_nouns"]), frozenset(d["ended_post_words"]), frozenset(d["ended_post_breaks"]),
                   frozenset(d["past_title_words"]))


def people_kept(doc: Any, cands: list[Cand], where: dict[int, tuple[int, int]], types: Sequence[str],
                words: GuardWords | None = None) -> list[Cand]:
    """The candidates less AFFILIATED_WITH ties of a person described as an investor (no post) or whose post the
    sentence ends (``where``: mention index -> start, end token)."""
    words = words or GuardWords.load()
    out = []
    for c in cands:
        if c.type == "AFFILIATED_WITH" and types[c.src] == "Person" and c.src in where and c.tgt in where and (
                (where[c.tgt][0] < where[c.src][0] or c.method == "dep:role")
                and _described_not_post(doc, where[c.src][0], words)
                or _ended_before(doc, where[c.src], where[c.tgt], words)
                or past_or_no_post(doc, where[c.src], where[c.tgt])):  # "A, who was a PhD student at X" (relation_people_past)
            continue
        out.append(c)
    return out


def _described_not_post(doc: Any, start: int, words: GuardWords) -> bool:
    """"the diaspora investor A", "angel investor A": the noun right before the name is no post."""
    k = start - 1
    return k >= 0 and doc[k].lower_ in words.not_post and doc[k].lower_ != doc[start].lower_


def _ended_before(doc: Any, person: tuple[int, int], org: tuple[int, int], words: GuardWords) -> bool:
    """A verb of ending between the person and the organisation after it, with no break ("to join", "now", "and")
    between that verb and the organisation: "A stepped down as chief executive of X"."""
    pe, os_ = person[1], org[0]
    if os_ < pe:
        return False
    for k in range(max(pe, os_ - REACH), os_):
        low = doc[k].lower_
        if (low in words.ended or low in words.past_titles) and not any(
                doc[x].lower_ in words.breaks or doc[x].text in (";", ".") or doc[x].pos_ in ("VERB", "AUX")
                for x in range(k + 1, os_)):
            return True
    return False
