"""Stage: a town named only as the place of a planned site is no Cluster (issue 14, entity precision).

``docs/annotation.md``: "plans to open an office in Oslo" -- Oslo is not a Cluster. The form: a plan word, then (in
the same clause) a site noun, "in"/"near" and the town ("The company plans to open a sales office in Lisbon in 2027",
"It is evaluating a second site in Hilo", "We hope to open an office in Abidjan next year"), or a site and its town
then "is planned"/"under consideration" ("A third office in Artigas is planned for 2027").
Only the mention in that slot is dropped; the town stays a Cluster where another sentence places a body in it.
Known places are judged the same way (the plan, not the name, decides). Word lists: ``data/lexicon/planned_places.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

BACK = 14  # tokens from a site noun back to its plan word
AFTER = 6  # tokens from the town on to a plan word after it


@dataclass(frozen=True)
class PlanWords:
    plans: frozenset[str]
    sites: frozenset[str]
    preps: frozenset[str]
    after: frozenset[str]
    stops: frozenset[str]


@lru_cache(maxsize=1)
def plan_words() -> PlanWords:
    """The word lists of ``planned_places.json`` (read once)."""
    return PlanWords(*lexicon_sets("planned_places.json", ("plan_words", "site_nouns", "slot_preps", "plan_after",
                                                           "stops")))


def planned_places(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop Cluster mentions that name only where a site is planned."""
    w = plan_words()
    spans = sorted(cands, key=lambda s: s.start)
    return [s for s in spans if s.type != "Cluster" or not _planned(doc, s, spans, w)]


def _site_before(doc: Any, s: Candidate, spans: list[Candidate], w: PlanWords) -> int | None:
    """The index of the site noun before "in"/"near" and the town, over a list of towns ("in A and B"), or None."""
    k = s.start - 1
    while k > 0 and (doc[k].text in (",", "and", "or") or any(o.start <= k < o.end and o.type == "Cluster" for o in spans)):
        k -= 1  # "building sites in San Francisco and Sacramento"
    if k < 1 or doc[k].lower_ not in w.preps:
        return None
    j = k - 1
    return j if doc[j].lower_ in w.sites else None


def _stop(tok: Any, w: PlanWords) -> bool:
    return tok.lower_ in w.stops or "\n" in tok.text or "\n" in tok.whitespace_


def _planned(doc: Any, s: Candidate, spans: list[Candidate], w: PlanWords) -> bool:
    """A plan word before the site in the same clause, or a plan word after the town."""
    site = _site_before(doc, s, spans, w)
    if site is None:
        return False
    for k in range(site - 1, max(-1, site - BACK), -1):
        if _stop(doc[k], w):
            break
        if doc[k].lower_ in w.plans:
            return True
    for k in range(s.end, min(len(doc), s.end + AFTER)):
        if _stop(doc[k], w):
            break
        if doc[k].lower_ in w.after:
            return True
    return False
