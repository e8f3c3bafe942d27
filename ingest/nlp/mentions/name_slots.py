"""Stage, name slots: a capitalised name standing where a river, event, job title, law, site or page furniture stands.

The NER reads every capitalised run of a published page as a firm. What a name is follows from the slot it fills in
its sentence or line, never from the name itself (forms learned from news, press releases, encyclopedia articles,
conference programmes and fact sheets):

* a river, range or region: "the" and the name after a place preposition or "the bank of", nothing after it but
  punctuation or a clause word ("on the Irtysh rather than", "across the Ukrainian Carpathians from", "the bank of
  the Neris,"), written nowhere in the text without "the";
* an event: the name, its edition number and an event word ("the Liège Industry 5.0 Days", "the Hidalgo Innova 2026
  fair"), an event word ending the name ("Demo Day", "Kaunas AI Week"), or an apposition headed by one ("Foro Deep
  Tech Norte, an investor conference in Gijón");
* a job title: the cell between a person and a body on a speaker or signature line ("Marcus Albrecht, Research
  Group Leader, Kaiserslautern Institute ..."), a title with its portfolio ("Secretario de Innovación Digital"), or a
  title glued after a legal form ("Nyanza Mobile Ltd. Director" is "Nyanza Mobile Ltd.");
* a law's topic or a law ("the Law of Georgia on Personal Data Protection", "the Digital Services Act");
* a word cut at its hyphen ("Participating co-operatives", "Paradis co-founded");
* a product and its apposition ("PirardSense, the company's optical inspection system, ...");
* a place or machine before its noun ("the Tavolara marine reserve", "the Char Dham routes", "the Bhagirathi
  supercomputer"), a known town before "campus" ("the Hervanta campus");
* a name cut at "and": "Kerala Startup | and Innovation Board", "Romanian Private Equity | and Venture Association"
  is one body, when the words after "and" end in a body's head word (the name is joined, typed by that head);
* page furniture: a whole furniture line ("From Wikipedia, the free encyclopedia"), a breadcrumb's first cell
  ("Inicio > Programas > ...").

Only firms are judged (events, job titles and furniture also as institutes, agencies or programmes: a law run by an
agency stays a programme, "the Startup Act, administered by ..."); a name with a body's head word
("Summit Robotics", "Contact Energy", "Monday Labs"), a gazetteer entry or an acronym's expansion stays. Word lists:
``data/lexicon/name_slots.json``. Off switch: ``AIKG_NAME_SLOTS=off``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ACRONYM_HEAD, ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex, doc_text
from aikg.ingest.nlp.world_places import world_places

#: switch for an A/B measurement in one tree (``AIKG_NAME_SLOTS=off``); on by default
ENABLED_ENV = "AIKG_NAME_SLOTS"
#: an edition number between a name and its event word: "5.0", "2026", "XII", "3rd"
EDITION = re.compile(r"^(?:\d[\d.]*(?:st|nd|rd|th)?|[IVXL]{1,5})$")
#: a capitalised adjective of a people or region before a range's name: "the Ukrainian Carpathians"
DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ern|ese|ish|ic|i)$")
_KEYS = ("place_preps", "geo_nouns", "event_heads", "event_last", "event_nouns", "title_heads", "title_links",
         "law_words", "law_last", "law_links", "hyphen_prefixes", "site_nouns", "site_between", "venue_nouns",
         "furniture_lines", "home_words", "breadcrumb_marks", "clause_words",
         "product_owners", "product_nouns", "language_nouns")


@dataclass(frozen=True)
class SlotWords:
    place_preps: frozenset[str]
    geo_nouns: frozenset[str]
    event_heads: frozenset[str]
    event_last: frozenset[str]
    event_nouns: frozenset[str]
    title_heads: frozenset[str]
    title_links: frozenset[str]
    law_words: frozenset[str]
    law_last: frozenset[str]
    law_links: frozenset[str]
    hyphen_prefixes: frozenset[str]
    site_nouns: frozenset[str]
    site_between: frozenset[str]
    venue_nouns: frozenset[str]
    furniture_lines: frozenset[str]
    home_words: frozenset[str]
    breadcrumb_marks: frozenset[str]
    clause_words: frozenset[str]
    product_owners: frozenset[str]
    product_nouns: frozenset[str]
    language_nouns: frozenset[str]


@lru_cache(maxsize=1)
def slot_words() -> SlotWords:
    """The word lists of ``name_slots.json`` (read once)."""
    return SlotWords(*lexicon_sets("name_slots.json", _KEYS))


def name_slots(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop firms (and events or laws read as any body) that stand in the slot of a thing; cut glued job titles."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or not cands:
        return cands
    w = slot_words()
    strong = env.lex.institute_words | env.lex.agency_last | env.lex.company_legal
    heads = strong | env.lex.company_last
    persons = {(s.start, s.end) for s in cands if s.type == "Person"}
    cands = _join_and_tails(doc, cands, env, ctx, strong)
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of or s.end <= s.start \
                or s.type not in ORG_OR_PROGRAMME:
            out.append(s)
            continue
        if _event(doc, s, w, heads) or _furniture(doc, s, w) or _title_cell(doc, s, w, heads, persons):
            continue
        if s.type == "Company":
            _cut_legal_title(doc, s, w, env)
            if _law(doc, s, w) or _hyphen_cut(doc, s, w) or _titled(doc, s, w, strong) or _languages(doc, s, w, heads) \
                    or _river(doc, s, w, heads) or _site(doc, s, w, heads) or _product(doc, s, w, heads):
                continue
        out.append(s)
    return out


def _words(doc: Any, s: Candidate) -> list[str]:
    return TokenIndex.of(doc).lower[s.start:s.end]


def _has_head(doc: Any, s: Candidate, heads: frozenset[str]) -> bool:
    return any(t in heads for t in _words(doc, s))


def _line(doc: Any, i: int) -> tuple[int, int]:
    """(start, end) character offsets of the line holding token ``i``."""
    text = doc_text(doc)
    a = doc[i].idx
    return text.rfind("\n", 0, a) + 1, (text.find("\n", a) + 1 or len(text) + 1) - 1


def _event(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str]) -> bool:
    """"the Liège Industry 5.0 Days", "Demo Day", "Foro Deep Tech Norte, an investor conference"."""
    words = _words(doc, s)
    if len(words) >= 2 and words[-1] in w.event_last and doc[s.end - 1].text[:1].isupper():
        return True
    k = s.end
    while k < len(doc) and k - s.end < 2 and EDITION.match(doc[k].text):
        k += 1
    if k > s.end and k < len(doc) and doc[k].lower_ in w.event_heads:
        return True
    if _event_run(doc, s, w) and not _has_head(doc, s, heads):
        return True
    if s.end + 2 < len(doc) and doc[s.end].text == "," and doc[s.end + 1].lower_ in ("a", "an", "the"):
        for j in range(s.end + 2, min(len(doc), s.end + 6)):
            t = doc[j]
            if not t.is_lower:
                return False
            if t.lower_ in w.event_nouns:
                return _clause_goes_on(doc, j + 1, w)
    return False


def _event_run(doc: Any, s: Candidate, w: SlotWords) -> bool:
    """"Rioplatense | Applied AI Days 2025": the opening of an event's title the NER cut (no body's head word in it)."""
    k = s.end
    while k < len(doc) and k - s.end < 4 and doc[k].text[:1].isupper() and not doc[k - 1].whitespace_.count("\n"):
        if doc[k].lower_ in w.event_last:
            return k > s.end
        k += 1
    return False


def _law(doc: Any, s: Candidate, w: SlotWords) -> bool:
    """"the Law of Georgia on Personal Data Protection", "the Digital Services Act"."""
    if s.end - s.start >= 2 and doc[s.end - 1].lower_ in w.law_last and doc[s.end - 1].text[:1].isupper():
        return True
    k = s.start - 1
    if k < 1 or doc[k].lower_ not in w.law_links:
        return False
    return any(doc[j].lower_ in w.law_words and doc[j].text[:1].isupper() for j in range(max(0, k - 5), k))


def _furniture(doc: Any, s: Candidate, w: SlotWords) -> bool:
    """A name on a furniture line ("From Wikipedia, the free encyclopedia"), a breadcrumb's first cell ("Inicio >")."""
    a, b = _line(doc, s.start)
    line = doc_text(doc)[a:b].strip(" \t.:;·|-").casefold()
    if line in w.furniture_lines:
        return True
    if s.end - s.start != 1 or doc[s.start].idx != a or doc[s.start].lower_ not in w.home_words:
        return False
    return s.end < len(doc) and doc[s.end].text in w.breadcrumb_marks


def _hyphen_cut(doc: Any, s: Candidate, w: SlotWords) -> bool:
    """"Participating co-operatives": a word cut at its hyphen names nothing (True: drop); a longer name loses it."""
    last = doc[s.end - 1]
    if last.lower_ not in w.hyphen_prefixes or not last.is_lower or last.whitespace_ or s.end >= len(doc) \
            or doc[s.end].text not in ("-", "‐", "‑"):
        return False
    if s.end - s.start <= 2:
        return True
    s.end -= 1
    return False


def _cut_legal_title(doc: Any, s: Candidate, w: SlotWords, env: Env) -> None:
    """"Nyanza Mobile Ltd. Director": a title after a legal form is no part of the firm's name."""
    if s.end - s.start >= 3 and doc[s.end - 1].lower_ in w.title_heads \
            and doc[s.end - 2].lower_.rstrip(".") in {x.rstrip(".") for x in env.lex.company_legal}:
        s.end -= 1


def _title_cell(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str], persons: set[tuple[int, int]]) -> bool:
    """"Marcus Albrecht, Research Group Leader, Kaiserslautern Institute": the cell after a person is a title."""
    end = s.end + (s.end < len(doc) and doc[s.end].lower_ in w.title_heads and not doc[s.end - 1].whitespace_ == "")
    if doc[end - 1].lower_ not in w.title_heads or doc[end - 1].lower_ in heads:
        return False  # "Network Planning | Manager": a title word the NER left out is still the cell's end
    if s.start < 2 or doc[s.start - 1].text != ",":
        return False
    follows_person = any(e == s.start - 1 for _, e in persons) or doc[s.start - 2].ent_type_ == "PERSON"
    closed = end >= len(doc) or doc[end].text in (",", ";", ".", "\n") or "\n" in doc[end - 1].whitespace_
    return follows_person and closed


def _titled(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str]) -> bool:
    """"Secretario de Innovación Digital", "Minister for Digital Affairs": a title and its portfolio."""
    words = _words(doc, s)
    return len(words) >= 3 and words[0] in w.title_heads and words[1] in w.title_links \
        and not any(t in heads for t in words)


def _languages(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str]) -> bool:
    """"tools for Drassi, Velmic and Orrun speakers": a run of names before "speakers" or "dialects" is languages."""
    return s.end < len(doc) and doc[s.end].lower_ in w.language_nouns and doc[s.end].is_lower \
        and any(t in (",", "and", "or") for t in _words(doc, s)) and not _has_head(doc, s, heads)


def _river(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str]) -> bool:
    """"on the Irtysh rather than", "across the Ukrainian Carpathians from", "the bank of the Neris,"."""
    if s.end - s.start > 2 or _has_head(doc, s, heads) or ACRONYM_HEAD.match(doc[s.start].text):
        return False
    if not all(t.text[:1].isupper() and t.is_alpha for t in doc[s.start:s.end]):
        return False
    k = s.start - 1
    if k >= 0 and DEMONYM.match(doc[k].text):
        k -= 1  # "the Ukrainian Carpathians"
    if k < 1 or doc[k].lower_ != "the":
        return False
    prep = doc[k - 1].lower_
    if prep not in w.place_preps and not (prep == "of" and k >= 2 and doc[k - 2].lower_ in w.geo_nouns):
        return False
    if not _clause_goes_on(doc, s.end, w):
        return False
    name = TokenIndex.of(doc).span_text(s.start, s.end)
    return not re.search(r"(?<!\bthe )(?<!\bThe )\b" + re.escape(name) + r"\b", _without_the_adjective(doc_text(doc)))


def _without_the_adjective(text: str) -> str:
    """The text with "the <Capitalised adjective> " written as "the " ("the Ukrainian Carpathians" -> "the Carpathians")."""
    return re.sub(r"\b([Tt]he) [A-Z][a-z]+(?:an|ern|ese|ish|ian|ic) ", r"\1 ", text)


def _site(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str]) -> bool:
    """"the Tavolara marine reserve", "the Char Dham routes", "the Hervanta campus" (a known town)."""
    if s.end >= len(doc) or _has_head(doc, s, heads) or "\n" in doc[s.end - 1].whitespace_:
        return False
    k = s.end
    if doc[k].lower_ in w.site_between and doc[k].is_lower and k + 1 < len(doc):
        k += 1
    t = doc[k]
    if not t.is_lower:
        return False
    if t.lower_ in w.venue_nouns:
        return world_places().kind(TokenIndex.of(doc).span_text(s.start, s.end)) is not None
    if t.lower_ not in w.site_nouns:
        return False
    return _clause_goes_on(doc, k + 1, w)


def _clause_goes_on(doc: Any, k: int, w: SlotWords) -> bool:
    """Token ``k`` ends a noun phrase: the text's end, punctuation (no possessive) or a clause word."""
    if k >= len(doc):
        return True
    t = doc[k]
    return t.is_punct and t.text not in ("'", "’", "-") or t.lower_ in w.clause_words


def _product(doc: Any, s: Candidate, w: SlotWords, heads: frozenset[str]) -> bool:
    """"PirardSense, the company's optical inspection system, which ...": a product named before its description."""
    if _has_head(doc, s, heads) or s.end + 3 >= len(doc) or doc[s.end].text != ",":
        return False
    k = s.end + 1
    two = f"{doc[k].lower_} {doc[k + 1].text.lower()}"
    if two in w.product_owners or f"{two}{doc[k + 2].lower_}" in w.product_owners:
        k += 2 + (doc[k + 2].lower_ in ("'s", "’s"))
    elif doc[k].lower_ in w.product_owners:
        k += 1
    else:
        return False
    for j in range(k, min(len(doc), k + 4)):
        if not doc[j].is_lower:
            return False
        if doc[j].lower_ in w.product_nouns:
            return _clause_goes_on(doc, j + 1, w)
    return False


def _join_and_tails(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext, strong: frozenset[str]) -> list[Candidate]:
    """"Kerala Startup and Innovation Board (KSIB)": a firm, "and" and capitalised words ending in a body's head word
    are one body when the short form in brackets after them spells the whole (or the text writes the whole again);
    the tail's own mention goes, and the short form stands for the whole."""
    index = TokenIndex.of(doc)
    gone: set[int] = set()
    for s in cands:
        if s.type != "Company" or s.source == "gazetteer" or s.entry is not None or s.acronym_of \
                or s.end + 2 >= len(doc) or index.lower[s.end] != "and":
            continue
        k = s.end + 1
        while k < len(doc) and k - s.end <= 5 and index.text[k][:1].isupper() and "\n" not in index.ws[k - 1]:
            k += 1
        if k == s.end + 1 or index.lower[k - 1] not in strong or not _spelled(index, s.start, k):
            continue
        whole = index.span_text(s.start, k)
        kind = env.typer.type_of_name(index.text[s.start:k]) or s.type
        for o in cands:
            if o is not s and s.start <= o.start and o.end <= k:
                gone.add(id(o))
                _point_short_forms(cands, ctx, index.span_text(o.start, o.end), whole, kind)
        s.end, s.type = k, kind
    return [c for c in cands if id(c) not in gone] if gone else cands


def _spelled(index: TokenIndex, a: int, b: int) -> bool:
    """Is "<words a..b> (XYZ)" a short form of those words, or are the words written again in the text?"""
    words = [t for t in index.text[a:b] if t.lower() not in ("and", "of", "for", "the", "&")]
    initials = "".join(t[0] for t in words).upper()
    if b + 2 < len(index.text) and index.text[b] == "(" and index.text[b + 1].upper() == initials:
        return True
    whole = index.span_text(a, b)
    return index.joined.count(whole) >= 2


def _point_short_forms(cands: list[Candidate], ctx: DocContext, tail: str, whole: str, kind: str) -> None:
    """A short form defined on the tail ("Innovation Board (VSIB)") stands for the whole name."""
    for acr, (_t, exp) in list(ctx.acronyms.items()):
        if exp == tail:
            ctx.acronyms[acr] = (kind, whole)
    for c in cands:
        if c.acronym_of == tail:
            c.acronym_of, c.type = whole, kind
