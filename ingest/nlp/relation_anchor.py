"""Which place an ANCHORS statement without a named place means ("the city", "the region").

Why: the fallback place of "X anchors the city's research community" is a place named earlier in the
sentence or the document's own city; two shapes make that guess wrong and are read here from the parse:
the phrase names its own place by a name the entity pass missed ("the anchor institution of Lot
Fourteen's AI community"), and a place inside the subject's own phrase ("Samsung's investment in its
Taylor plant has drawn suppliers to the region") is not the region the subject draws people to.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_types import Cand
from aikg.ingest.nlp.token_index import TokenIndex

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


def subject_owner(ctx: Any, verb: Any, passive: bool) -> set[int]:
    """"Amazon's large development centre has drawn engineers to Cape Town": the organisation that owns the
    subject noun draws the people (the guidelines' own example), when the subject is no name itself."""
    out: set[int] = set()
    for s in ctx.subject_tokens(verb, passive):
        if s.i in ctx.tok2m or s.pos_ not in ("NOUN", "PROPN"):
            continue
        for c in s.children:
            if c.dep_ == "poss" and c.i in ctx.tok2m:
                out |= {m for m in ctx.mentions(c) if ctx.types and ctx.types[m] in ("Institute", "Company")}
    return out


#: words before a place that set it aside ("in Kumasi rather than Accra", "instead of Accra", "not Accra")
_CONTRAST = frozenset({"than", "not", "instead"})


def contrasted(doc: Any, start: int) -> bool:
    """Is the name starting at token ``start`` set aside by the words before it ("rather than Accra")?"""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "of":
        k -= 1  # "instead of Accra"
    return k >= 0 and doc[k].lower_ in _CONTRAST


# ---------------------------------------------------------------------- places named by their words
_MAX_WORDS = 4  # a place name is at most this many tokens ("Viña del Mar", "Kitchener - Waterloo")
#: id(mentions) -> (the list itself, how many were read, lower text -> mention); the list is held so that its
#: address is not given to another document's list while the entry lives (a pool worker frees each batch's facts)
_known: dict[int, tuple[Any, int, dict[str, int]]] = {}


def _known_places(mentions: Sequence[Any]) -> dict[str, int]:
    """The document's places so far by their lower-cased text and canonical name (the latest mention of each)."""
    held, n, table = _known.get(id(mentions), (None, 0, {}))
    if held is not mentions or n > len(mentions):  # another list at the same address
        n, table = 0, {}
    for i in range(n, len(mentions)):
        m = mentions[i]
        if m.type == "Cluster" and m.source != "anaphor":
            table[m.text.lower()] = i
            table.setdefault((m.canonical or m.text).lower(), i)
    if len(_known) > 64:
        _known.clear()
    _known[id(mentions)] = (mentions, len(mentions), table)
    return table


def places_by_words(doc: Any, sent: Any, inside: Iterable[tuple[int, int, int]],
                    mentions: Sequence[Any]) -> list[tuple[int, int]]:
    """Places of the document that this sentence names by their words where the entity pass kept no mention here
    ("Why build this in Kumasi rather than Accra?", "Bogotá has the lawyers; X anchors the city's research
    community", "the anchor institution of Karaganda's industrial-AI cluster"): (token, mention) in text order,
    without a place set aside ("rather than Accra")."""
    table = _known_places(mentions)
    if not table:
        return []
    taken = {t for _, s, e in inside for t in range(s, e)}
    out: list[int] = []
    idx = TokenIndex.of(doc)  # speed: words and span texts from lists, no token objects
    k = sent.start
    while k < sent.end:
        if k in taken or not idx.text[k][:1].isupper():
            k += 1
            continue
        hit = None
        for n in range(min(_MAX_WORDS, sent.end - k), 0, -1):
            if any(x in taken for x in range(k, k + n)):
                continue
            i = table.get(idx.span_text(k, k + n).lower())
            if i is not None and not _glued(doc, k, k + n):
                hit = (i, n)
                break
        if hit is None:
            k += 1
            continue
        if not contrasted(doc, k):
            out.append((k, hit[0]))
        k += hit[1]
    return out


def _glued(doc: Any, start: int, end: int) -> bool:
    """Is the span part of a longer hyphenated word ("Kitchener" of "Kitchener-Waterloo")?"""
    after = end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("-", "–")
    before = start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text in ("-", "–")
    return after or before


#: words that end the phrase of an anchoring cue ("the anchor of a cluster in Zugdidi, where ...")
_PHRASE_END = frozenset({",", ";", ":", "which", "where", "who", "that", "while", "but", "whose", "and"})


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The anchoring words of ``tie_guard.json`` this module reads."""
    raw = lexicon_data("tie_guard.json")
    get = lambda key: frozenset(w.lower() for w in raw.get(key, ()))  # noqa: E731
    return {"cues": get("anchor_triggers") | get("around_verbs"), "around": get("around_verbs"),
            "subjects": get("around_subjects"), "past": get("past") | get("modals") | get("prospect_verbs"),
            "on": get("on_verbs")}


def place_meant(doc: Any, sent: Any, by_words: list[tuple[int, int]]) -> int | None:
    """The place an anchoring cue means among the places named by their words: one inside the cue's own phrase
    ("EVU has become the anchor of a small agri-tech cluster in Zugdidi"), else the last one before the cue
    ("Bogotá has the lawyers; X anchors the city's research community"); None without a cue."""
    if not by_words:
        return None
    cues = _words()["cues"]
    cue = next((t.i for t in doc[sent.start:sent.end] if t.lower_ in cues), None)
    if cue is None:
        return None
    end = next((t.i for t in doc[cue + 1:sent.end] if t.lower_ in _PHRASE_END), sent.end)
    inner = [m for k, m in by_words if cue < k < end]
    if inner:
        return inner[0]
    before = [m for k, m in by_words if k < cue]
    return before[-1] if before else None



#: words between a subject and "built around" ("is built around", "has largely been built around")
_AUX = frozenset({"is", "was", "are", "were", "has", "have", "been", "being", "largely", "mostly", "still", "now",
                  "increasingly", "firmly", "today"})
ORGS = ("Institute", "Company")


def built_around(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], fallback: list[int],
                 conf: float) -> list[Cand]:
    """ANCHORS from "<place's> hub/cluster/scene is built (centred) around X": "The Wayamba agri-AI hub is built
    around KIPI", "In Bogura, the local scene is built around the Karatoa Technical Institute", "The city's AI hub is
    built around SIED", "The Hokuriku area's robotics cluster is centred on X" (``on_verbs``; ``fallback``: the place
    a description means). The subject must be a hub word ("our
    strategy is built around X" states nothing), and a past, modal or prospective word before it takes it back."""
    w = _words()
    starts = {s: i for i, s, e in spans}
    out: list[Cand] = []
    for t in doc[sent.start:sent.end - 1]:
        prep = doc[t.i + 1].lower_
        if t.lower_ not in w["around"] or not (prep == "around" or prep == "on" and t.lower_ in w["on"]):
            continue
        b = t.i - 1
        while b > sent.start and doc[b].lower_ in _AUX:
            b -= 1
        if doc[b].lower_ not in w["subjects"] or b == t.i - 1:
            continue  # "an economy built around X" (no verb of being: a description, often of another place)
        k = t.i + 2
        while k < sent.end and doc[k].lower_ in ("the", "a", "an"):
            k += 1
        src = starts.get(k)
        if src is None or types[src] not in ORGS:
            continue
        clause = b
        while clause > sent.start and doc[clause - 1].text not in (",", ";", ":"):
            clause -= 1  # the subject phrase: "The Wayamba agri-AI hub", "the local scene"
        if any(doc[x].lower_ in w["past"] for x in range(clause, t.i)):
            continue  # "the scene was once built around X", "the hub could be built around X"
        place = _subject_place(spans, types, clause, b, sent.start)
        if place is None and not _unknown_name(doc, clause, b):  # "The city's AI hub": the place meant
            place = next((m for m in fallback if types[m] == "Cluster"), None)
        if place is not None:
            out.append(Cand("ANCHORS", src, place, conf, "rule:built-around"))
    return out


def _unknown_name(doc: Any, start: int, end: int) -> bool:
    """Does the subject phrase hold a name that is no place of the entity pass ("The Wayamba hub" with Wayamba read
    as an agency)? Then the place meant is unknown: no fallback (an acronym such as "AI" is no name)."""
    return any(doc[x].is_alpha and doc[x].text[:1].isupper() and not doc[x].is_upper
               and doc[x].lower_ not in ("the", "a", "an", "its", "our", "their", "this", "in")
               for x in range(start, end))


def _subject_place(spans: list[tuple[int, int, int]], types: list[str], clause: int, head: int, sent_start: int) -> int | None:
    """A place named in the subject phrase, else one fronted before it in the sentence ("In Bogura, the scene ...")."""
    inner = [i for i, s, e in spans if clause <= s < head and types[i] == "Cluster"]
    if inner:
        return inner[0]
    fronted = [i for i, s, e in spans if sent_start <= s < clause and types[i] == "Cluster"]
    return fronted[-1] if fronted else None
