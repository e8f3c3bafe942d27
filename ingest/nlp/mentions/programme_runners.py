"""Stage programme_runners: a name the text says someone runs is a programme (issue 14, RUNS ends).

Programme names are often read as firms ("Bizerte Seed Fund", "Shop Floor Data Apprenticeship", "Indus Seed"), so
the RUNS edge has no Programme end. Published programme pages and news say who runs a scheme in a few forms:

* a relative clause: "The Samarkand Tech Seed Fund, which the Regional Innovation Directorate runs, ...";
* a passive or a participle: "the Bizerte Seed Fund, which is managed by the investment firm Carthage Nord Capital",
  "Digital Vineyards Herzegovina is run by the Neretva Computing Institute", "Indus Seed is run out of the Korangi
  Creek Innovation Centre", "the Kulia Fellowship, run by MIPC";
* an active verb: "CMMP also runs the companion Shop Floor Data Apprenticeship", "it manages the $25 million
  Northern Armenia Seed Fund".

A name with a programme head word ("Fund", "Fellowship", "Apprenticeship") is retyped on any of these forms; a name
with no organisation head word at all only on a passive whose agent is an organisation ("X is run by Y Institute").
A name with an organisation head word ("Kestrel Labs is run by ...", "a technology park managed by ...") is never
retyped: an organisation run by another is a unit (PART_OF). Never a gazetteer name or a person.
Word lists: ``data/lexicon/programme_runners.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

_REACH = 6  # tokens between "which" and the verb closing the relative clause


@dataclass(frozen=True)
class RunnerWords:
    heads: frozenset[str]
    relative_verbs: frozenset[str]
    relative_openers: frozenset[str]
    passive_verbs: frozenset[str]
    passive_no_head_verbs: frozenset[str]
    passive_aux: frozenset[str]
    passive_preps: tuple[tuple[str, ...], ...]
    agent_fillers: frozenset[str]
    active_verbs: frozenset[str]
    active_fillers: frozenset[str]
    org_heads_block: frozenset[str]


@lru_cache(maxsize=1)
def runner_words() -> RunnerWords:
    """``data/lexicon/programme_runners.json``, read once per process."""
    node = shipped("lexicon", "programme_runners.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))

        def low(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data[key])

        return RunnerWords(low("heads"), low("relative_verbs"), low("relative_openers"), low("passive_verbs"),
                           low("passive_no_head_verbs"), low("passive_aux"),
                           tuple(tuple(p) for p in data["passive_preps"]), low("agent_fillers"), low("active_verbs"),
                           low("active_fillers"), low("org_heads_block"))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"cannot read the programme runner words: {e}", source=str(node)) from e


def programme_runners(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype the organisation-typed names a runner form calls a programme (and their other mentions)."""
    words = runner_words()
    low = TokenIndex.of(doc).lower
    orgs = {c.start: c for c in cands if c.type in ORG_TYPES}
    named: set[str] = set()
    for c in cands:
        if c.entry is not None or c.type not in ORG_TYPES or c.ctx_typed:
            continue
        last = low[c.end - 1]
        if last in words.heads or " ".join(low[c.end - 2:c.end]) in words.heads:
            hit = _relative(doc, c, words, low) or _passive(doc, c, words, low, orgs, words.passive_verbs) \
                or _active(doc, c, words, low)
        elif not any(w in words.org_heads_block for w in low[c.start:c.end]) \
                and env.typer.type_of_name([t.text for t in doc[c.start:c.end]]) is None:
            hit = _passive(doc, c, words, low, orgs, words.passive_no_head_verbs, need_agent=True)
        else:
            hit = False
        if hit:
            named.add(doc[c.start:c.end].text)
    for c in cands:
        if c.entry is None and c.type in ORG_TYPES and not c.ctx_typed and doc[c.start:c.end].text in named:
            c.type, c.ctx_typed, c.place, c.label = "Programme", True, False, "ORG"
    return cands


def _after_name(doc: Any, end: int) -> int:
    """The token after the name and an optional "(ACR)"."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return end + 3
    return end


def _relative(doc: Any, c: Candidate, words: RunnerWords, low: list[str]) -> bool:
    """"X, which the Regional Innovation Directorate runs," / "X, which is managed by ..." (comma optional)."""
    k = _after_name(doc, c.end)
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k >= len(doc) or low[k] not in words.relative_openers:
        return False
    reach = k + 1 + _REACH
    i = k
    while i + 1 < min(len(doc), reach):
        i += 1
        if doc[i].text == "(" and _after_name(doc, i) == i + 3:
            reach, i = reach + 3, i + 2  # "X, which the Rajasthan Enterprise Promotion Board (REPB) manages,"
            continue
        if doc[i].is_sent_start or doc[i].text in {",", ";", ":", "(", ")"}:
            return False
        if low[i] in words.relative_verbs and (i + 1 >= len(doc) or not doc[i + 1].is_alpha
                                               or low[i + 1] in {"it", "them", "with", "for", "on", "together"}):
            return True  # "... which the directorate runs," (the verb closes the clause)
        if low[i] in words.passive_verbs and i + 1 < len(doc) and low[i + 1] == "by" and low[i - 1] in {"is", "was"}:
            return True
    return False


def _passive(doc: Any, c: Candidate, words: RunnerWords, low: list[str], orgs: dict[int, Candidate],
             verbs: frozenset[str], need_agent: bool = False) -> bool:
    """"X is run by Y", "X is jointly administered by Y", "X, run by Y", "X is run out of Y"."""
    k = _after_name(doc, c.end)
    n = len(doc)
    if k < n and doc[k].text == ",":
        k += 1
    else:
        if k >= n or low[k] not in {"is", "was", "are", "were", "has", "will"}:
            return False
        k += 1
    while k < n and low[k] in words.passive_aux:
        k += 1
    if k >= n or low[k] not in verbs or doc[k].is_sent_start:
        return False
    k += 1
    for prep in words.passive_preps:
        if tuple(low[k:k + len(prep)]) == prep:
            return not need_agent or _agent(doc, k + len(prep), words, low, orgs)
    return False


def _agent(doc: Any, k: int, words: RunnerWords, low: list[str], orgs: dict[int, Candidate]) -> bool:
    """An organisation's name opens the agent phrase, after an article and a few describing words."""
    for i in range(k, min(len(doc), k + 5)):
        if i in orgs:
            return True
        if low[i] not in words.agent_fillers and not doc[i].is_punct:
            return False
    return False


def _active(doc: Any, c: Candidate, words: RunnerWords, low: list[str]) -> bool:
    """"CMMP also runs the companion X", "it manages the $25 million X": the runner verb right before the name."""
    i = c.start - 1
    while i >= 0 and (low[i] in words.active_fillers or doc[i].like_num) and c.start - i <= 6:
        i -= 1
    return i >= 0 and low[i] in words.active_verbs
