"""ANCHORS in two published forms whose two ends are found but never linked (issue 14, wave 20; no parse).

Once per document after the rules, from the words of the text and its mentions (annotation guideline: an
organisation described as drawing talent, founders or investment to a place anchors it):

* an organisation whose unit draws talent to a place: "Investors credit X (XU), whose software engineering school has
  drawn young developers to P from Cajamarca and Piura for a decade", "X, whose campus has attracted hundreds of
  engineers to P" (``rule:w20-whose-drawn``);
* a place where talent or a scene has been anchored by an organisation: "We do most of our research in P, where the
  talent base for agricultural engineering has been anchored for decades by X" (``rule:w20-where-anchored``).

Near-misses that must not fire: "X, whose conference drew visitors to P", "X, whose campus will draw engineers to P",
"X, whose founders moved to P", "in P, where the bridge is anchored by steel cables of X" (no scene or talent),
"in P, where the scene could be anchored by X". Word lists: ``data/lexicon/anchor_drawn.json`` and the drawing words
of ``anchor_site_words.json``. ``AIKG_ANCHOR_DRAWN=off`` turns the module off (paired A/B).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import RelationCandidate
from aikg.ingest.nlp.relation_member_groups import _name
from aikg.ingest.nlp.relation_sentences import keep_new, sentences

CONF = 0.7
ORGS = ("Institute", "Company")
Found = list[tuple[int, int, str]]  # (organisation, place, method)


def _w() -> Mapping[str, Any]:
    return lexicon_data("anchor_drawn.json")


def _draw() -> Mapping[str, Any]:
    return lexicon_data("anchor_site_words.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """The compiled forms (read once); each is matched on the text between two names."""
    stance = alternation(_w()["stance_words"])
    things = alternation(_draw()["drawn_things"])
    verbs = alternation(_draw()["draw_verbs"])
    return {
        "whose": re.compile(rf"\s*,\s+whose\s+(?:(?!(?:{stance})\b)[\w'’-]+\s+){{1,5}}?"
                            rf"(?:(?:has|have|had)\s+)?(?:(?:also|long|steadily)\s+)?(?:{verbs})\s+"
                            rf"(?:[\w,'’-]+\s+){{0,4}}?(?:{things})\s+(?:(?:back|home)\s+)?(?:to|into)\s+(?:the\s+)?", re.I),
        "where": re.compile(rf"\s*,\s+where\s+(?:the\s+|its\s+)?(?:(?!(?:{stance})\b)[\w'’-]+\s+){{0,6}}?"
                            rf"(?:{alternation(_w()['anchored_subjects'])})\b(?:\s+(?!(?:{stance})\b)[\w'’-]+){{0,5}}?\s+"
                            r"(?:has\s+been|have\s+been|had\s+been|is|are|was|were)\s+(?:(?:long|largely|mostly|"
                            rf"partly)\s+)?(?:{alternation(_w()['anchored_participles'])})\s+"
                            r"(?:(?:for|over|since)\s+[\w\s]{1,20}?\s+)?by\s+(?:the\s+)?", re.I),
    }


def anchors_drawn(text: str, facts: Any) -> None:
    """Add, in place, the ANCHORS of the forms above to ``facts`` (what earlier rules found is kept)."""
    if os.environ.get("AIKG_ANCHOR_DRAWN", "on") == "off":
        return
    ms = facts.mentions
    have = {(_name(ms, r.source), _name(ms, r.target)) for r in facts.relations if r.type == "ANCHORS"}
    new: list[RelationCandidate] = []
    for start, end, here in sentences(text, ms):
        keep_new("ANCHORS", text, ms, _forms(text, ms, here), have, new, start, end, CONF)
    facts.relations += new


def _forms(text: str, ms: Sequence[Any], here: list[int]) -> Found:
    """Both forms on the names of one sentence: the form's words right after the first name, the second name at their
    end (a bracketed short form after the first name is passed over)."""
    p = _patterns()
    out: Found = []
    for a in here:
        if ms[a].type in ORGS:
            key, want, method = "whose", ("Cluster",), "rule:w20-whose-drawn"
        elif ms[a].type == "Cluster":
            key, want, method = "where", ORGS, "rule:w20-where-anchored"
        else:
            continue
        pos = ms[a].end
        short = next((i for i in here if ms[i].start == pos + 2 and text[pos:pos + 2] == " (" and ms[i].type in ORGS), None)
        hit = p[key].match(text, ms[short].end + 1 if short is not None else pos)
        if hit is None:
            continue
        b = next((i for i in here if ms[i].start == hit.end() and ms[i].type in want), None)
        if b is not None:
            out.append((a, b, method) if key == "whose" else (b, a, method))
    return out
