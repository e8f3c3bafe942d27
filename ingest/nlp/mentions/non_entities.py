"""Stage for named non-entities of published pages: prizes, rankings, reports, competitions, venues, honours, tags.

The schema has no type for them (``docs/annotation.md``, "Not entities"), but their names are capitalised like a
body's, so the NER reads them as organisations or programmes. Each is known by its form, never by its name:

* a head noun ends the name: "the 2025 Orrin Prize for Machine Learning", "the Velland Innovation Award", "the
  Marlow AI Readiness Index 2026", "the Brenna Robotics Olympiad", "the Kalvik Convention Centre", "the Halvik Arena";
* a head noun inside the name before "of"/"at"/"on": the tail is the body ("the Tallis Medal of the Royal Society of
  Brenna" keeps "Royal Society of Brenna"); before "for"/"in" the rest is the prize's own ("Prize in Computer Science");
* a head noun right after the name, which the NER left out: "Marlow AI Readiness | Index 2026";
* a person's name before an honour word: "a Marie Curie Fellow", "a Fulbright Scholar";
* a year after a body's name on a credit line: "© Halvik Institute 2026" is "Halvik Institute";
* a campus, building or landmark: "its Crymlyn campus", "the Innovation Works building", "an office near Sapporo
  Station" (a known town before "campus" stays: "the Aveiro campus of ..." says where a body is);
* a head word first, in languages that put it there: "the Premio Nacional de Innovación Marina", "the Informe de
  Madurez Digital del Biobío", "the Cumbre Portuaria del Pacífico 2026";
* a law cited with its year or a draft: "the Data Protection Act, 2012 (Act 843)", "a draft Maritime Robotics Code";
* a product after its noun: "a second model, KayalEye Tide", "The system, called Grúa Vigía";
* an interview answer's first word ("Mchedlidze: Yes, ..."); a boilerplate label ("About Growler Analytics Inc.");
* a hashtag, or a handle in brackets or after "follow": "#AIforGood", "(@vsirk)", "Follow @KesselAI";
* a tag line: "Tagged Machine Learning, Robotics, Tamsel University": the label goes, tags run together are parted, and a tag
  with no body's head word names nothing.
Known names (gazetteer, acronyms) are left alone. Word lists: ``data/lexicon/non_entities.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

YEAR = re.compile(r"^(19|20)\d\d$")
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


_LINE_STARTS = "aikg.non_entities.line_starts"

@dataclass(frozen=True)
class NonEntityWords:
    heads: frozenset[str]
    two_word_heads: frozenset[str]
    kept_before: frozenset[str]
    modifier_heads: frozenset[str]
    tail_preps: frozenset[str]
    cut_preps: frozenset[str]
    honour_words: frozenset[str]
    tag_labels: tuple[tuple[str, ...], ...]
    venue_after: frozenset[str]
    landmark_preps: tuple[tuple[str, ...], ...]
    handle_marks: tuple[str, ...]
    handle_cues: frozenset[str]
    first_heads: frozenset[str]
    law_words: frozenset[str]
    law_cues: frozenset[str]
    interjections: frozenset[str]
    page_labels: frozenset[str]
    product_nouns: frozenset[str]
    product_links: frozenset[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def non_entity_words() -> NonEntityWords:
    """The word lists of ``non_entities.json`` (read once)."""
    d = lexicon_data("non_entities.json")
    low = lambda k: frozenset(w.lower() for w in d[k])  # noqa: E731
    return NonEntityWords(low("heads"), low("two_word_heads"), low("kept_before"), low("modifier_heads"),
                          low("tail_preps"), low("cut_preps"), low("honour_words"),
                          tuple(tuple(w.lower().split()) for w in d["tag_labels"]), low("venue_nouns_after"),
                          tuple(tuple(w.lower().split()) for w in d["landmark_preps"]), tuple(d["handle_marks"]),
                          low("handle_cues"), low("first_heads"), low("law_words"), low("law_cues_before"),
                          low("interjections"), low("page_labels"), low("product_nouns_before"),
                          low("product_links"), low("particles"))


def non_entities(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop prizes, rankings, reports, competitions, venues, honours and tags; cut a body out of a prize's name."""
    w = non_entity_words()
    body_heads = env.lex.institute_words | env.lex.company_last | env.lex.agency_last | env.lex.company_legal
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of or s.end <= s.start:
            out.append(s)
            continue
        _cut_tag_label(doc, s, w)
        if s.end - s.start >= 2 and doc[s.start].lower_ in w.page_labels and _line_start(doc, s.start):
            s.start += 1  # "About Growler Analytics Inc.": a boilerplate heading's label
        if s.type in ORG_TYPES and s.end - s.start >= 2 and YEAR.match(doc[s.end - 1].text):
            s.end -= 1  # "© Halvik Institute 2026": a body's name holds no year
        if _handle(doc, s, w) or _headed(doc, s, w) or _foreign_head(doc, s, w, body_heads) or _cited_law(doc, s, w) \
                or _interjection(doc, s, w) or _product(doc, s, w, env.words.speech_verbs_after) or _before_head(doc, s, w, body_heads) or _honour(doc, s, w) \
                or _inner_head(doc, s, w) or _bare_tag(doc, s, w, body_heads) or _venue(doc, s, w, body_heads):
            continue
        out.append(s)
    return out


def _line_start(doc: Any, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _handle(doc: Any, s: Candidate, w: NonEntityWords) -> bool:
    """"#AIforGood"; "(@vsirk)", "Follow @KesselAI": a hashtag, or a handle in brackets or after "follow"."""
    first = doc[s.start].text
    if first.startswith(w.handle_marks) or s.start > 0 and doc[s.start - 1].text in w.handle_marks \
            and not doc[s.start - 1].whitespace_:
        return True  # "#KumasiTech", the mark split off as a token of its own
    before = {t.lower_ for t in doc[max(0, s.start - 3):s.start]}
    return first.startswith("@") and bool(before & w.handle_cues)


def _last(doc: Any, s: Candidate) -> int:
    """The index of the name's last word, a year, ordinal or bracket after it set aside."""
    k = s.end - 1
    while k > s.start and (YEAR.match(doc[k].text) or ORDINAL.match(doc[k].text) or doc[k].is_punct):
        k -= 1
    return k


def _headed(doc: Any, s: Candidate, w: NonEntityWords) -> bool:
    """"the Velland Innovation Award", "the Kalvik Convention Centre": a non-entity head ends the name."""
    k = _last(doc, s)
    if k <= s.start and s.end - s.start < 2:
        return False  # a head word alone ("Index") is left to the stages that judge bare words
    word = doc[k].lower_
    prev = doc[k - 1].lower_ if k > s.start else ""
    if f"{prev} {word}" in w.two_word_heads:
        return True
    return word in w.heads and prev not in w.kept_before and k > s.start


def _before_head(doc: Any, s: Candidate, w: NonEntityWords, body_heads: frozenset[str]) -> bool:
    """"Marlow AI Readiness | Index 2026": a capitalised head right after the name, which is no body's name."""
    if s.end >= len(doc) or "\n" in doc[s.end - 1].whitespace_:
        return False
    nxt = doc[s.end]
    return nxt.text[:1].isupper() and nxt.lower_ in w.modifier_heads and doc[s.end - 1].lower_ not in body_heads \
        and s.type != "Person"


def _honour(doc: Any, s: Candidate, w: NonEntityWords) -> bool:
    """"a Marie Curie Fellow", "a Fulbright Scholar": a person's name before an honour word names the honour."""
    if s.type != "Person" or s.end >= len(doc) or doc[s.end - 1].whitespace_ != " ":
        return False
    nxt = doc[s.end]
    return nxt.text[:1].isupper() and nxt.lower_ in w.honour_words


def _inner_head(doc: Any, s: Candidate, w: NonEntityWords) -> bool:
    """"the Tallis Medal of the Royal Society of Brenna": a head inside the name before "of"/"at"/"on" leaves the body
    after it (True when nothing is left); before "for"/"in" the whole is the prize's name."""
    for k in range(s.start + 1, s.end - 1):
        if doc[k].lower_ not in w.heads or not doc[k].text[:1].isupper() or doc[k - 1].lower_ in w.kept_before:
            continue
        prep = doc[k + 1].lower_
        if prep in w.cut_preps:
            return True
        if prep in w.tail_preps:
            t = k + 2 + (k + 2 < s.end and doc[k + 2].lower_ == "the")
            if s.end - t < 2 or not doc[t].text[:1].isupper():
                return True
            s.start = t
            return False
    return False


def _tag_line(doc: Any, s: Candidate, w: NonEntityWords) -> int | None:
    """The index of the first word after a tag label when the candidate's line opens with one ("Tagged", "Posted
    in", "Filed under:"), else None."""
    i = _line_starts(doc)[s.start]
    ix = TokenIndex.of(doc)  # speed: the words as strings, no spaCy span per label
    low, first = ix.lower, ix.lower[i]
    for label in w.tag_labels:
        n = len(label)
        if n and label[0] != first:
            continue
        if i + n <= len(low) and tuple(low[i:i + n]) == label:
            return i + n + (i + n < len(low) and ix.text[i + n] == ":")
    return None


def _line_starts(doc: Any) -> list[int]:
    """For every token, the index of the first token of its line; computed once per Doc (kept in ``user_data``)
    because walking back from every candidate costs as much as the line is long."""
    starts = doc.user_data.get(_LINE_STARTS)
    if starts is None or len(starts) != len(doc):
        starts, first = [], 0
        for i, t in enumerate(doc):
            starts.append(first)
            if "\n" in t.whitespace_ or "\n" in t.text:
                first = i + 1
        doc.user_data[_LINE_STARTS] = starts
    return starts


def _cut_tag_label(doc: Any, s: Candidate, w: NonEntityWords) -> None:
    """"Tagged Machine Learning, ...": the label word is no part of the first tag's name."""
    after = _tag_line(doc, s, w)
    if after is None:
        return
    if s.start < after < s.end:
        s.start = after
    commas = [k for k in range(s.start, s.end - 1) if doc[k].text == ","]
    if commas:
        s.start = commas[-1] + 1  # "Machine Learning, Robotics, Tamsel University": the NER ran the tags together


def _bare_tag(doc: Any, s: Candidate, w: NonEntityWords, body_heads: frozenset[str]) -> bool:
    """A tag with no body's head word ("Machine Learning", "Research News") names a topic or a page section."""
    return _tag_line(doc, s, w) is not None and not any(t.lower_ in body_heads for t in doc[s.start:s.end])


def _venue(doc: Any, s: Candidate, w: NonEntityWords, body_heads: frozenset[str]) -> bool:
    """"its Crymlyn campus", "the Innovation Works building", "an office near Sapporo Station": a campus, building or
    landmark, when no body's head word is in the name and it is no known town."""
    if s.type == "Person" or any(t.lower_ in body_heads for t in doc[s.start:s.end]):
        return False
    after = s.end < len(doc) and doc[s.end].lower_ in w.venue_after and doc[s.end].is_lower
    b = s.start - (s.start > 0 and doc[s.start - 1].lower_ == "the")
    before = any(b >= len(p) and tuple(t.lower_ for t in doc[b - len(p):b]) == p for p in w.landmark_preps)
    return (after or before) and world_places().kind(TokenIndex.of(doc).span_text(s.start, s.end)) is None


def _foreign_head(doc: Any, s: Candidate, w: NonEntityWords, body_heads: frozenset[str]) -> bool:
    """"the Premio Nacional de Innovación Marina", "the Cumbre Portuaria": a head word that opens the name; a name
    without "de"/"del" that ends in a body's head word is a firm ("Cumbre Andina Capital", "Cumbre Robotics")."""
    if s.end - s.start < 2 or doc[s.start].lower_ not in w.first_heads or not doc[s.start].text[:1].isupper():
        return False
    words = [t.lower_ for t in doc[s.start + 1:s.end]]
    return bool(set(words) & w.particles) or words[-1] not in body_heads


def _cited_law(doc: Any, s: Candidate, w: NonEntityWords) -> bool:
    """"the Data Protection Act, 2012", "the SECURITIES EXCHANGE ACT OF 1934", "a draft Maritime Robotics Code": a
    statute cited with its year, or a draft."""
    for k in range(s.start + 1, s.end):
        if doc[k].lower_ not in w.law_words:
            continue
        nxt = [t.text for t in doc[k + 1:k + 4]]
        cited = len(nxt) >= 2 and nxt[0] in (",", "of", "OF", "Of") and YEAR.match(nxt[1]) is not None
        draft = s.start > 0 and doc[s.start - 1].lower_ in w.law_cues
        if cited or draft and k == s.end - 1:
            return True
    return False


def _interjection(doc: Any, s: Candidate, w: NonEntityWords) -> bool:
    """"Mchedlidze: Yes, the company ...": an answer's first word."""
    return s.end - s.start == 1 and doc[s.start].lower_ in w.interjections


def _product(doc: Any, s: Candidate, w: NonEntityWords, speech: frozenset[str]) -> bool:
    """"a second model, KayalEye Tide", "The system, called Grúa Vigía": a name after a product noun and a comma."""
    if s.end < len(doc) and doc[s.end].lower_ in speech:
        return False  # "... the platform, Orsa Labs said": a speaker after a clause
    k, comma, named = s.start - 1, False, False
    while k >= 0 and s.start - k <= 3 and doc[k].lower_ in w.product_links:
        comma = comma or doc[k].text == ","
        named = named or doc[k].text != ","
        k -= 1
    if not named and not _closed(doc, s.end):
        return False  # "Across the health system, Kestrel Analytics has ...": a clause's subject after a phrase
    return comma and k >= 0 and doc[k].lower_ in w.product_nouns and doc[k].is_lower


def _closed(doc: Any, end: int) -> bool:
    """A name after "<product noun>," that punctuation closes and no description follows ("its system, BerthWise,
    at the port"; not "the system, Orsa, the Dublin start-up, ...")."""
    if end >= len(doc) or doc[end].text not in (",", ".", ")", ";", ":"):
        return end >= len(doc)
    return not (doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in ("a", "an", "the"))
