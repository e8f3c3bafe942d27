"""ANCHORS the text denies or gives to another clause, and ANCHORS stated by "call X the anchor of Y".

Why: think tanks and news stories weigh who anchors a place and say who does not: "Companies in the corridor include
A, B and C; none of them is an anchor in our sense", "None of them is large enough to anchor anything", "Not every big
name is an anchor". The anchor noun's frame then took the listed firms as holders. And "Officials call X the anchor
of Bălți's scene; the largest employer in Bălți, however, is Y" gave Y, a name across the semicolon. Published prose
also names the anchor as the object of a verb of calling: "Local officials call NTUM the anchor of Bălți's young
technology scene", "Provincial officials describe the CCIA as the anchor of Mendoza's agritech cluster". Words:
``data/lexicon/place_anchor_forms.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Sequence

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.relation_anchor_area import anchored_area
from aikg.ingest.nlp.relation_employer_place import words
from aikg.ingest.nlp.relation_types import Cand
from aikg.ingest.nlp.token_index import TokenIndex

ORG = ("Institute", "Company")
_CLAUSE_ENDS = frozenset({";", ":", ",", "—", "–"})
_REACH = 8  # words before the trigger that may deny it ("none of them is large enough to anchor")


def anchor_kept(cands: Sequence[Cand], tok: Any, tok2m: dict[int, int]) -> list[Cand]:
    """The candidates of one trigger without the ANCHORS its clause denies or whose holder is across a ";"."""
    if _denied(tok):
        return [c for c in cands if c.type != "ANCHORS"]
    doc = tok.doc
    out = []
    for c in cands:
        if c.type == "ANCHORS":
            where = [t for t, m in tok2m.items() if m == c.src]
            lo, hi = (min(where), tok.i) if where and min(where) < tok.i else (tok.i, max(where, default=tok.i))
            if any(doc[k].text == ";" for k in range(lo, hi)):
                continue  # "X is the anchor of Y's scene; the largest employer, however, is Z"
        out.append(c)
    return out


def _denied(tok: Any) -> bool:
    """A denial in the trigger's clause before it: "none of them is an anchor", "not an anchor", "no anchor"."""
    deny = words()["denials"]
    doc = tok.doc
    start = tok.sent.start
    for k in range(tok.i - 1, max(start - 1, tok.i - 1 - _REACH), -1):
        if doc[k].text in _CLAUSE_ENDS:
            break
        if doc[k].lower_ in deny and doc[k + 1].lower_ not in ("only", "just", "least"):
            return True  # "not only the anchor of ...", "not least" deny nothing
    if not doc.has_annotation("DEP"):
        return False  # the entity pass has no parse: its tokens' edges are not a tree and may point past the doc
    return any(c.dep_ == "neg" or c.lower_ in ("no",) and c.dep_ == "det" for c in tok.children)


def called_anchor(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                  emit: Callable[[int, int, str], None]) -> None:
    """"call(s) X the anchor of Y's scene", "describe X as the anchor of the Y cluster", "called X the cornerstone of Y's
    ecosystem": ANCHORS(X, Y) when Y is named in the phrase (a place's possessive or a place before a hub noun)."""
    w = words()
    starts = {s: (i, e) for i, s, e in spans}
    low = TokenIndex.of(doc).lower  # speed only: no spaCy Token per word
    for k in range(sent.start, sent.end - 4):
        if low[k] not in w["call_verbs"]:
            continue
        n = k + 1
        if doc[n].lower_ == "the" and n + 1 not in starts:
            n += 1
        got = starts.get(n)
        if got is None or types[got[0]] not in ORG:
            continue
        org, n = got
        if n < sent.end and doc[n].text == "(" and n + 2 < sent.end and doc[n + 2].text == ")":
            n += 3  # "call the Kysuce Institute (KIT) the anchor of ..."
        if n < sent.end and doc[n].lower_ == "as":
            n += 1
        if n + 2 >= sent.end or doc[n].lower_ != "the" or doc[n + 1].lower_ not in w["anchor_nouns"]:
            continue
        n += 2
        if n < sent.end and doc[n].lower_ in w["anchor_heads"]:
            n += 1  # "the anchor institution of"
        if n + 1 >= sent.end or doc[n].lower_ not in ("of", "for"):
            continue
        place = _place_named(doc, n + 1, sent.end, starts, types)
        if place is not None and not _denied(doc[k]):
            emit(org, place, "rule:called-anchor")
    copula_anchor(doc, sent, spans, types, emit)


def copula_anchor(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                  emit: Callable[[int, int, str], None]) -> None:
    """"X is the anchor of Sapporo's agritech scene; most of our engineers studied there", "X remains the anchor
    institution of the Tartu cluster", "X has become the anchor of Y's scene": ANCHORS(X, Y) read from the words, so
    that a second clause the parse makes the root ("...; our engineers studied there") does not hide it. Present
    copulas only ("X was the anchor" is past), and not denied ("X is not the anchor")."""
    w = words()
    starts = {s: (i, e) for i, s, e in spans}
    for i, _s, e in spans:
        if types[i] not in ORG or e + 4 >= sent.end:
            continue
        n = e
        if doc[n].text == "(" and n + 2 < sent.end and doc[n + 2].text == ")":
            n += 3  # "the Kysuce Institute (KIT) is the anchor of ..."
        if doc[n].lower_ in ("has", "have") and doc[n + 1].lower_ == "become":
            n += 2
        elif doc[n].lower_ in COPULA_NOW:
            n += 1
        else:
            continue
        if n + 2 >= sent.end or doc[n].lower_ != "the" or doc[n + 1].lower_ not in w["anchor_nouns"]:
            continue
        k = n + 2
        if k < sent.end and doc[k].lower_ in w["anchor_heads"]:
            k += 1  # "the anchor institution of"
        if k + 1 >= sent.end or doc[k].lower_ not in ("of", "for"):
            continue
        place = _place_named(doc, k + 1, sent.end, starts, types)
        if place is not None and not _denied(doc[n + 1]):
            emit(i, place, "rule:copula-anchor")
    anchored_area(doc, sent, spans, types, emit)  # "The Vellmar innovation district is anchored by X" (relation_anchor_area)


#: present copulas of "X is the anchor of Y" (past "was" states no current tie)
COPULA_NOW = frozenset({"is", "remains", "'s", "’s"})


def _place_named(doc: Any, k: int, end: int, starts: dict[int, tuple[int, int]], types: list[str]) -> int | None:
    """The place of "Bălți's young technology scene" / "the Mendoza agritech cluster" from token ``k``: a place
    name first (after "the"), then a possessive or lower-case words up to the phrase's end."""
    if k < end and doc[k].lower_ == "the":
        k += 1
    got = starts.get(k)
    if got is None or types[got[0]] != "Cluster":
        return None
    return got[0]


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """The anchoring cues of ``tie_guard.json`` (anchor, drawn, attracted, cornerstone ...) and "around"."""
    raw = lexicon_data("tie_guard.json")
    return frozenset(w.lower() for w in (*raw.get("anchor_triggers", ()), *raw.get("around_verbs", ()), "around"))


def anchor_cue(lows: Sequence[str]) -> bool:
    """Does a sentence hold an anchoring cue, so that one name and the place meant may state ANCHORS ("The institute
    has drawn more than twenty software firms to Montpellier", where the entity pass kept no mention of the town)?"""
    cues = _cue_words()
    return any(w.startswith("anchor") or w in cues for w in lows)
