"""Stages for the furniture of published pages: captions, datelines, headings and names joined by 'and'.

* "(Courtesy of Veltro Dynamics)", "Photo: ...": a caption word and its "of"/":" are no part of the name.
* "OSLO, Norway--(BUSINESS WIRE)--Fjordline Compute AS": a dateline glued to the first name by dashes; the
  mention keeps the name after the last dash.
* "DUNMORE, Ohio, March 25 (TNS) --": an upper-case town opening a dateline is a place, the region or country
  after it no organisation.
* "12:00 Lunch", "Darwin NT", "Pulaar", "Moroccan Arabic", "Smith Street Mall": time slots and state codes are cut
  off; languages, agenda items and streets name no body (``data/lexicon/language_names.json``).
* "Inside the Lab", "About the Institute": an article and a head word alone name nothing ("the Lab").
* "Institute for Data and Society": a name whose "for"/"of" part ends in "<topic> and <Topic>" is one name,
  where the NER read "Society" as a second organisation (``join_topic_names``, before fragments are dropped).
Word lists: ``data/lexicon/page_forms.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex, doc_text
from aikg.ingest.nlp.world_places import world_places


@dataclass(frozen=True)
class PageWords:
    captions: frozenset[str]
    dashes: frozenset[str]
    topics: frozenset[str]
    languages: frozenset[str]
    agenda: frozenset[str]
    streets: frozenset[str]
    units: frozenset[str] = frozenset()


def _load(name: str) -> dict:
    node = shipped("lexicon", name)
    try:
        return json.loads(node.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read the page forms: {e}", source=str(node)) from e


@lru_cache(maxsize=1)
def page_words() -> PageWords:
    d, lang, forms = _load("page_forms.json"), _load("language_names.json"), _load("entity_forms.json")
    try:
        return PageWords(frozenset(d["caption_words"]), frozenset(d["dateline_dashes"]), frozenset(d["topic_words"]),
                         frozenset(w.casefold() for w in lang["languages"]), frozenset(lang["agenda_words"]),
                         frozenset(lang["street_words"]) | frozenset(forms["street_words"]),
                         frozenset(forms["address_units"]))
    except KeyError as e:
        raise InputError(f"a page-forms word list is missing: {e}", source="aikg.data/lexicon") from e


def page_furniture(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Cut captions and datelines off names; drop an article with a bare head word."""
    pw = page_words()
    qualifiers = _dateline_qualifiers(doc, cands)
    text = doc_text(doc)
    dashes = any(d in text for d in pw.dashes)
    taken = {k for s in cands for k in range(s.start, s.end)}
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of:
            out.append(s)
            continue
        if s.start in qualifiers and s.type != "Cluster":
            continue  # "DUNMORE, Ohio, March 25": the region or country of a dateline names no organisation
        _cut_caption(doc, s, pw)
        if dashes:
            _cut_dateline(doc, s, pw)
        _cut_time(doc, s)
        _cut_state_code(doc, s)
        _byline_person(doc, s, env, taken)
        if s.end > s.start and not _bare_head(doc, s, env) and not _lone_topic(doc, s, pw) \
                and not _not_a_body(doc, s, pw, env):
            out.append(s)
    return out


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
          "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}
DATELINE_MARKS = {"--", "-", "–", "—", "(", "/"}


def _dateline_qualifiers(doc: Any, cands: list[Candidate]) -> set[int]:
    """Starts of the words between a dateline's upper-case town and its date or credit ("DUNMORE, Ohio, March 25
    (TNS) --", "BRANTFORD, ON –"); the town itself becomes a Cluster (it is where the news is from)."""
    found: set[int] = set()
    for s in cands:
        if not _line_start(doc, s.start) or not all(t.is_upper and t.is_alpha for t in doc[s.start:s.end]):
            continue
        if s.end + 1 >= len(doc) or doc[s.end].text != ",":
            continue
        k = s.end + 1
        inner = []
        while k < len(doc) and k < s.end + 8 and not _date_or_credit(doc[k]):
            if "\n" in doc[k].text or not (doc[k].text[:1].isupper() or doc[k].text in (",", ".")):
                break
            inner.append(k)
            k += 1
        if k < len(doc) and k < s.end + 8 and _date_or_credit(doc[k]):
            found.update(inner)
            if s.type in ("Company", "Person", "Institute"):
                s.type, s.label, s.place, s.ctx_typed = "Cluster", "GPE", False, True
    return found


def _line_start(doc: Any, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _date_or_credit(tok: Any) -> bool:
    return tok.like_num or tok.lower_.rstrip(".") in MONTHS or tok.text[:1] in DATELINE_MARKS or tok.text in DATELINE_MARKS


TIME = re.compile(r"^\d{1,2}[:.h]\d{2}$")


def _cut_time(doc: Any, s: Candidate) -> None:
    """"12:00 Lunch", "09:30 - 10:15 Keynote": a programme's time slot is no part of a name."""
    k = s.start
    while k < s.end - 1 and (TIME.match(doc[k].text) or k > s.start and doc[k].text in ("-", "–", "—")):
        k += 1
    if k > s.start:
        s.start = k


def _cut_state_code(doc: Any, s: Candidate) -> None:
    """"Darwin NT", "Austin TX": a known town and a state code in an address is the town."""
    end = s.end
    while end - s.start > 2 and doc[end - 1].is_digit:
        end -= 1  # "Darwin NT 0800": a postcode
    if end - s.start < 2 or s.entry is not None:
        return
    code = doc[end - 1].text
    if 2 <= len(code) <= 3 and code.isupper() and code.isalpha() and world_places().kind(TokenIndex.of(doc).span_text(s.start, end - 1)) == "city":
        s.end = end - 1
        s.type, s.label, s.place, s.ctx_typed = "Cluster", "GPE", False, True


def _byline_person(doc: Any, s: Candidate, env: Env, taken: set[int]) -> None:
    """"By Tendai Moyo, Zambezi Tech Review |": the NER read only the surname of a byline, and as a firm; the name
    after "By" at a line's start is a person, with the given name before the surname."""
    if s.end - s.start > 2 or s.type not in ("Company", "Person") or s.entry is not None:
        return
    k = s.start
    if k >= 2 and k - 1 not in taken and doc[k - 1].is_title and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start \
            and doc[k - 2].lower_ in env.words.byline_words:
        k -= 1
    if k < 1 or doc[k - 1].lower_ not in env.words.byline_words or not _line_start(doc, k - 1):
        return
    if not all(t.is_title and t.is_alpha for t in doc[k:s.end]) or env.typer.type_of_name(TokenIndex.of(doc).text[k:s.end]):
        return
    s.start, s.type, s.label = k, "Person", "PERSON"


def _not_a_body(doc: Any, s: Candidate, pw: PageWords, env: Env) -> bool:
    """A language ("Pulaar", "Moroccan Arabic"), an agenda item ("Lunch") or a street ("Smith Street Mall")."""
    if s.type not in ("Company", "Institute", "Person") or s.source not in ("ner", "rule"):
        return False
    words = TokenIndex.of(doc).text[s.start:s.end]
    if " ".join(words).casefold() in pw.languages or len(words) == 2 and words[1].casefold() in pw.languages \
            and words[0].istitle() and words[0].lower().endswith(("an", "ese", "ish", "i")):
        return True
    if all(w.lower() in pw.agenda for w in words):
        return True
    if len(words) >= 2 and words[-1].lower() in pw.streets and not doc[s.end - 1].is_upper:
        return True  # "1450 Science Center Drive": the street word is the head, whatever the words before it
    if _street_after(doc, s, pw):
        return True  # "Kronvalda bulvāris 6", "Horní náměstí 5", "Rua do Príncipe 330": a street's name, no body
    if env.typer.type_of_name(words) is not None:
        return False
    return len(words) >= 2 and (words[-1].lower() in pw.streets or words[0].lower() in pw.streets) \
        or _address_part(doc, s, pw)  # "Smith Street Mall", "Avenida Constituyentes", "Odos Ermou 14, Volos"


def _street_after(doc: Any, s: Candidate, pw: PageWords) -> bool:
    """A lower-case street word right after the name and a house number after it, or a lone street word opening a
    name whose particle and capitalised words follow."""
    n, e = len(doc), s.end
    if e + 1 < n and doc[e].is_lower and doc[e].lower_ in pw.streets and doc[e + 1].like_num:
        return True
    return s.end - s.start == 1 and doc[s.start].lower_ in pw.streets and e + 1 < n and doc[e].is_lower \
        and doc[e].lower_ in ("do", "da", "de", "del", "della", "di", "du", "des", "dos", "das") and doc[e + 1].is_title


def _address_part(doc: Any, s: Candidate, pw: PageWords) -> bool:
    """"Unit 4, Route de Sfax", "Maršala Tita 12, Mostar": a unit word and its number, or capitalised words and a
    house number of one to three digits before a comma and the town or postcode: an address, no body."""
    toks = doc[s.start:s.end]
    if len(toks) < 2 or not (toks[-1].is_digit and len(toks[-1].text) <= 3 or toks[-1].text[:-1].isdigit()
                             and toks[-1].text[-1:].isalpha() and len(toks[-1].text) <= 4):
        return False
    if len(toks) == 2 and toks[0].lower_ in pw.units:
        return True
    after = doc[s.end + 1] if s.end + 1 < len(doc) and doc[s.end].text == "," else None
    return after is not None and (after.text[:1].isupper() or after.is_digit) \
        and all(t.text[:1].isupper() for t in toks[:-1])


def _cut_caption(doc: Any, s: Candidate, pw: PageWords) -> None:
    k = s.start
    while k < s.end - 2 and doc[k].lower_ in pw.captions:
        k += 1
    if k > s.start and doc[k].lower_ in ("of", ":", "by"):
        s.start = k + 1


def _cut_dateline(doc: Any, s: Candidate, pw: PageWords) -> None:
    """The tokeniser keeps "Norway--(BUSINESS" and "WIRE)--Fjordline" whole: cut by characters, and when the name
    starts inside a token, the mention keeps that token and names the rest as its canonical form."""
    span = doc[s.start:s.end]
    text = span.text
    cut = max((text.rfind(d) + len(d) for d in pw.dashes if d in text), default=-1)
    if cut <= 0:
        return
    while cut < len(text) and not text[cut].isalnum():
        cut += 1
    if cut >= len(text) or not text[cut].isupper():
        return
    at = span.start_char + cut
    k = next(i for i in range(s.start, s.end) if doc[i].idx + len(doc[i].text) > at)
    if doc[k].idx < at:
        s.canonical = doc_text(doc)[at:span.end_char]
    s.start = k


def _bare_head(doc: Any, s: Candidate, env: Env) -> bool:
    """"the Lab", "The Institute": an article and one head word (what anaphors resolve, not a name)."""
    words = [t for t in doc[s.start:s.end] if t.lower_ not in env.words.articles]
    if len(words) != 1 or len(words) == s.end - s.start or s.type not in ORG_OR_PROGRAMME:
        return False
    low = words[0].lower_
    return low in env.lex.institute_words or low in env.generic_words


def _lone_topic(doc: Any, s: Candidate, pw: PageWords) -> bool:
    """"Education" of "Vice Provost for AI in Education": one subject word alone names no organisation."""
    return s.end - s.start == 1 and s.type in ORG_OR_PROGRAMME and doc[s.start].lower_ in pw.topics


def join_topic_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """"Institute for Data" + "and" + "Society": one name when the second part is a single topic word."""
    topics = page_words().topics
    starts = {s.start: s for s in cands}
    dropped: set[int] = set()
    for s in cands:
        if id(s) in dropped or s.type not in ORG_OR_PROGRAMME or s.source == "gazetteer" or s.end + 1 >= len(doc):
            continue
        if doc[s.end].lower_ not in ("and", "&") or doc[s.end - 1].lower_ not in topics:
            continue
        if not any(doc[k].lower_ in ("for", "of") for k in range(s.start + 1, s.end - 1)):
            continue
        k = s.end + 1
        nxt = starts.get(k)
        if nxt is not None and (nxt.end - nxt.start != 1 or nxt.entry is not None):
            continue
        if not doc[k].is_title or doc[k].lower_ not in topics:
            continue
        if k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha:
            continue  # "Institute for Data and Society Press": the next name goes on
        s.end = k + 1
        if nxt is not None:
            dropped.add(id(nxt))
    for s in cands:
        if id(s) not in dropped and s.type in ORG_OR_PROGRAMME and s.source != "gazetteer":
            _join_comma_list(doc, s, cands, dropped)
    return [s for s in cands if id(s) not in dropped]


#: connectors inside a name before its subject list, and the words that close such a list ("e", "y", "et")
NAME_CONNECTORS = ("for", "of", "de", "para", "pour", "für")
LIST_AND = ("and", "&", "e", "y", "et", "und")


def _join_comma_list(doc: Any, s: Candidate, cands: list[Candidate], dropped: set[int]) -> None:
    """"Swiss Federal Institute for Forest" + ", Snow and Landscape Research (WSL)": a subject list after the
    name's connector, closed by an acronym in brackets, is the rest of one name."""
    if s.end + 2 >= len(doc) or doc[s.end].text != "," or not any(
            doc[k].lower_ in NAME_CONNECTORS for k in range(s.start + 1, s.end - 1)):
        return
    k, closed = s.end, False
    while k < len(doc) and k < s.end + 12:
        if doc[k].text == "," or doc[k].lower_ in LIST_AND and k > s.end:
            closed = closed or doc[k].lower_ in LIST_AND
            k += 1
        run = k
        while k < len(doc) and doc[k].is_title and doc[k].is_alpha and k - run < 3:
            k += 1
        if k == run:
            return
        if k < len(doc) and doc[k].text == "(" and closed:
            break
        if k >= len(doc) or not (doc[k].text == "," or doc[k].lower_ in LIST_AND):
            return
    else:
        return
    if k + 2 >= len(doc) or not doc[k + 1].text[:1].isupper() or not doc[k + 2].text.startswith(")"):
        return  # no acronym in brackets after the list
    for o in cands:
        if o is not s and s.end <= o.start and o.end <= k:
            dropped.add(id(o))
    s.end = k
