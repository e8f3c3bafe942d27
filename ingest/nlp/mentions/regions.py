"""Stage, regions: a state, province, county or region is not a city cluster, a firm or a person.

"Kerala", "Nordland", "Styria", "Iowa", "Carinthia" were kept as Clusters ("an office in Kerala") or read as firms.
A region is an entity of ours only when the text treats it as a cluster ("the Styria AI cluster", "Flanders'
robotics ecosystem") or names its government ("South Moravian Region" as a funder is typed elsewhere, an Agency).
A name is a region when it is in our list (``data/places/regions.json``, US states; a city of the same name wins),
when a cue word names it so in the document ("the state of Ondera", "the Velka province"), or when its own
last word is such a cue ("Brindle County", "Gyeonggi Province"). The gazetteer's clusters are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex, doc_text
from aikg.ingest.nlp.world_places import WorldPlaces, world_places

#: mention types a region reading replaces; an Agency or Institute named after a region is a body, not a place
REPLACED = ("Cluster", "Company", "Person")


def drop_regions(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop region mentions the text does not treat as a cluster."""
    wp = world_places()
    if not any(s.type in REPLACED and s.entry is None for s in cands):
        return cands
    cued = _cued_names(doc, wp)
    return [s for s in cands if not (s.type in REPLACED and s.entry is None and s.coref is None
                                     and _is_region(doc, s, wp, cued, env) and not _hub(doc, s, env))]


@lru_cache(maxsize=4)
def _cue_patterns(before: frozenset[tuple[str, ...]], after: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    name = r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})"
    after_re = re.compile(name + r" (?:" + "|".join(sorted(map(re.escape, after))) + r")\b")
    before_re = re.compile(r"\b(?:" + "|".join(sorted(re.escape(" ".join(c)) for c in before)) + r") " + name)
    return after_re, before_re


def _cued_names(doc: Any, wp: WorldPlaces) -> set[str]:
    """Names the document marks as regions: "the state of Kerala", "Karnataka state", "the Hervanta district"
    (a regular expression over the text: cheaper than a walk over every token)."""
    after_re, before_re = _cue_patterns(wp.region_cues_before, wp.region_cues_after)
    text = doc_text(doc)
    found = {m.group(1) for m in after_re.finditer(text)} | {m.group(1) for m in before_re.finditer(text)}
    # the run before a cue may start with a sentence's first word ("In Karnataka state"): keep its last words too
    return found | {f.split(" ", 1)[1] for f in found if " " in f}


def _is_region(doc: Any, s: Candidate, wp: WorldPlaces, cued: set[str], env: Env) -> bool:
    text = TokenIndex.of(doc).span_text(s.start, s.end)
    if wp.only_region(text) or text in cued:
        return True
    last = doc[s.end - 1]
    if s.end - s.start < 2 or not last.text[:1].isupper() or last.lower_ not in wp.region_cues_after:
        return False
    nxt = doc[s.end] if s.end < len(doc) else None
    return nxt is None or env.typer.type_of_name([last.text, nxt.text]) is None


def _hub(doc: Any, s: Candidate, env: Env) -> bool:
    """"the Styria AI cluster", "Flanders' robotics ecosystem": the text treats the region as a cluster."""
    k = s.end
    if k < len(doc) and doc[k].lower_ in env.words.possessive:
        k += 1
    window = [doc[i].lower_ for i in range(k, min(len(doc), k + 3))]
    return any(w in env.lex.strong_hub_words for w in window)
