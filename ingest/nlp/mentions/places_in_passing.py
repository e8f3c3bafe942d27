"""Stage, passing places (wave 19): a town named only in passing places no organisation, so it is no Cluster.

``docs/annotation.md``: a town is a Cluster when the text places a named organisation in it or treats it as a hub.
Ecosystem reports, interviews and news compare their town with others and say where people came from or went; those
towns name no site of any body. The forms (the town may be a list, "A, B and C"):

* a comparison: "salaries lower than in London", "Compared with start-ups in Cairo, ...", "outside Bengaluru",
  "Beyond Madrid: ...", "in Rovaniemi and not in Helsinki" (a placement verb before the cue keeps the town: "based
  just outside Bergen");
* people moving: "has drawn data scientists to Derry from Belfast, Dublin and Glasgow", "Investors from Addis Ababa
  and Nairobi have visited", "students have left for Paris and Munich", "founders ... considered moving to Montreal";
* a town as the home of unnamed firms: "two Stockholm funds", "We compete with Nairobi firms", "eight years at a
  Singapore e-commerce group" (a name after the noun, an apposition to a name or "the" keep it: "the Bergen start-ups
  Fjellkode and Orsa", "Orsa Labs, a Stornoway start-up", "the Kumasi start-up").

Only the mention in that slot goes; the town stays a Cluster where another sentence places a body in it. Word lists:
``data/lexicon/places_in_passing.json``. Off switch: ``AIKG_PLACES_IN_PASSING=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env

#: switch for an A/B measurement in one tree (``AIKG_PLACES_IN_PASSING=off``); on by default
ENABLED_ENV = "AIKG_PLACES_IN_PASSING"
CUE_GAP = 4  # lower-case words between a comparison cue and the town
FLOW_BACK = 10  # tokens from "from"/"to"/"for" back to a flow word in the same clause
HEAD_GAP = 2  # lower-case words between the town and a generic plural


@dataclass(frozen=True)
class PassingWords:
    compare: frozenset[str]
    links: frozenset[str]
    flows: frozenset[str]
    leaves: frozenset[str]
    moves: frozenset[str]
    plurals: frozenset[str]
    singulars: frozenset[str]
    stops: frozenset[str]
    guards: frozenset[str]
    sites: frozenset[str]
    name_links: frozenset[str]
    gap_stops: frozenset[str]
    slot_preps: frozenset[str]


@lru_cache(maxsize=1)
def passing_words() -> PassingWords:
    """The word lists of ``places_in_passing.json`` (read once)."""
    return PassingWords(*lexicon_sets("places_in_passing.json", (
        "compare_cues", "compare_links", "flow_words", "leave_words", "people_moves", "generic_heads",
        "indefinite_heads", "stops", "place_guards", "site_nouns", "name_links",
        "gap_stops", "slot_preps")))


def passing_places(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop Cluster mentions that only compare, send people or house unnamed firms."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or not any(c.type == "Cluster" for c in cands):
        return cands
    w = passing_words()
    spans = sorted(cands, key=lambda s: s.start)
    places = [s for s in spans if s.type == "Cluster"]
    return [s for s in spans if s.type != "Cluster" or not _passing(doc, s, places, spans, w)]


def _passing(doc: Any, s: Candidate, places: list[Candidate], spans: list[Candidate], w: PassingWords) -> bool:
    if _owned(doc, s, spans) or s.end < len(doc) and doc[s.end].lower_ in w.sites:
        return False  # "engineers from Oslo's Orsa Labs", "than at its Tokyo office": a body is placed
    k = _slot_start(doc, s, places)
    return _compared(doc, k, w) or _people_flow(doc, k, w) or _generic_home(doc, s, spans, w)


def _words_after(doc: Any, j: int, n: int) -> list[tuple[str, int, bool]]:
    """Up to ``n`` words from token ``j`` on, hyphenated tokens joined ("e-commerce", "start-ups"): (lower text, index
    of the word's last token, lower-case)."""
    out: list[tuple[str, int, bool]] = []
    while j < len(doc) and len(out) < n:
        k = j
        while k + 2 < len(doc) and doc[k + 1].text == "-" and not doc[k].whitespace_ and not doc[k + 1].whitespace_:
            k += 2
        text = doc[j:k + 1].text
        out.append((text.lower(), k, text.islower()))
        j = k + 1
    return out


def _owned(doc: Any, s: Candidate, spans: list[Candidate]) -> bool:
    """"Oslo-based", or an organisation's name within three words after the town ("Oslo's Orsa Labs")."""
    if s.end + 1 < len(doc) and doc[s.end].text == "-" and not doc[s.end - 1].whitespace_:
        return True
    return any(o.type in ORG_OR_PROGRAMME and s.end <= o.start <= s.end + 3
               and all(t.is_lower or t.text in ("-", "'s", "\u2019s") for t in doc[s.end:o.start]) for o in spans)


def _slot_start(doc: Any, s: Candidate, places: list[Candidate]) -> int:
    """The first token of the list of towns ``s`` ends or sits in ("from Belfast, Dublin and Glasgow"), over list
    members the NER did not read as places."""
    k = s.start
    while k > 1 and doc[k - 1].lower_ in (",", "and", "or"):
        prev = next((p for p in places if p.end == k - 1), None)
        if prev is not None:
            k = prev.start
        elif doc[k - 2].is_title:
            k -= 2
            while k > 0 and doc[k - 1].is_title and not doc[k - 1].is_sent_start:
                k -= 1  # "Addis Ababa"
        else:
            break
    return k


def _clause_back(doc: Any, k: int, w: PassingWords, n: int) -> list[Any]:
    """Up to ``n`` tokens before ``k`` in the same clause, nearest first."""
    out = []
    for j in range(k - 1, max(-1, k - 1 - n), -1):
        tok = doc[j]
        if tok.lower_ in w.stops or "\n" in tok.text or "\n" in tok.whitespace_:
            break
        out.append(tok)
    return out


def _compared(doc: Any, k: int, w: PassingWords) -> bool:
    """"than in London", "Compared with start-ups in Cairo", "not in Helsinki": a comparison cue before the slot."""
    back = _clause_back(doc, k, w, CUE_GAP + 1)
    for i, tok in enumerate(back):
        if tok.lower_ in w.compare:
            rest = _clause_back(doc, tok.i, w, FLOW_BACK)
            return not any(t.lower_ in w.guards for t in rest)
        if tok.lower_ not in w.links or i >= CUE_GAP:
            return False
    return False


def _people_flow(doc: Any, k: int, w: PassingWords) -> bool:
    """"drawn engineers from A and B", "have left for Paris", "founders ... moving to Montreal"."""
    if k < 1:
        return False
    prep = doc[k - 1].lower_
    back = _clause_back(doc, k - 1, w, FLOW_BACK)
    if prep == "from":
        return any(t.lower_ in w.flows for t in back)
    if prep == "for":
        return bool(back) and back[0].lower_ in w.leaves
    if prep == "to" and back and back[0].lower_ in w.moves:
        return any(t.lower_ in w.flows for t in back[1:])
    return False


def _generic_home(doc: Any, s: Candidate, spans: list[Candidate], w: PassingWords) -> bool:
    """"two Stockholm funds", "Nairobi firms", "at a Singapore e-commerce group": the town of unnamed firms."""
    j = s.end
    if j < len(doc) and doc[j].text in ("'s", "\u2019s"):
        j += 1
    for word, last, lower in _words_after(doc, j, HEAD_GAP + 1):
        if word in w.plurals:
            return not _name_after(doc, last + 1, w)
        if word in w.singulars:
            return _indefinite(doc, s, w) and not _name_after(doc, last + 1, w) and not _apposition(doc, s, spans)
        if not lower or word in w.gap_stops or word.endswith("s") and "-" not in word:
            return False  # "has a campus in Kigali and trains engineers": no modifier of the noun
    return False


def _name_after(doc: Any, j: int, w: PassingWords) -> bool:
    """A capitalised word right after the noun, or after "such as", "including", a comma: the firms are named."""
    while j < len(doc) and doc[j].lower_ in w.name_links:
        j += 1
    return j < len(doc) and doc[j].is_title and not doc[j].is_sent_start


def _indefinite(doc: Any, s: Candidate, w: PassingWords) -> bool:
    """"at a Singapore e-commerce group": a preposition and "a"/"an" (and at most one adjective) open the phrase;
    "Quimbaya is a Bogotá start-up" says where a named firm is."""
    for j in (s.start - 1, s.start - 2):
        if j >= 1 and doc[j].lower_ in ("a", "an"):
            return doc[j - 1].lower_ in w.slot_preps
        if j < 0 or not doc[j].is_lower:
            return False
    return False


def _apposition(doc: Any, s: Candidate, spans: list[Candidate]) -> bool:
    """"Orsa Labs, a Stornoway start-up": a comma and an organisation's name before the phrase."""
    j = s.start - 1
    while j >= 0 and doc[j].is_lower:
        j -= 1
    if j < 1 or doc[j].text != ",":
        return False
    return any(o.end == j and o.type in ORG_OR_PROGRAMME for o in spans)
