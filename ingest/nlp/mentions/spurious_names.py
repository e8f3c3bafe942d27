"""Stage, spurious names (wave 20): words a page capitalises that name no body of the text.

The NER reads capitalised runs as firms whatever they are. Each form here is known by where the words stand on the
page and what they are made of, never by a name:

* the page's title lines (its first line with no full stop at its end; sentence-case headlines under it before the
  first paragraph): a headline or report title capitalises topics, places and fragments of names ("Industrial AI in
  Surabaya: a sector guide", "Digital Agriculture in the Mantaro Valley: Who Builds"). A name there that the rest of
  the text never writes whole (nor, two words or more, as the opening of a longer name) is dropped; the body the
  page is about stays (before the title's colon, after
  "of"/"with", typed by an institute's, agency's or programme's head word, defined with a short form in brackets:
  "Halvik Robotics Consortium (HRC)"), and so does a masthead's publisher;
* a legal form split off its firm: "Orsa Datos, S.A.P.I. de C.V." gives "de C.V" or "S.A.P.I. de C.V" as a name of
  its own (every word a legal form, a dotted abbreviation or "de"); the firm's name before it is kept;
* a photo credit alone in brackets on its line: "(Supplied)", "(File photo)";
* a head word alone, a fragment of a longer name or a common noun opening a sentence: "Analytics" (of "Keetoowah
  Grid Analytics" cut by the NER), "Hospitals, research organisations and companies ...", "State support comes ..."
  ("the Academy" stays: a short form of a body the text names);
* a language listed with a known one or before "dialects": "for Uzbek, Karakalpak and Tajik", "Gujarati and its
  Kathiawari dialects", or an item of a list that runs to "speakers": "K'iche', Mam and Kaqchikel speakers" (the
  known languages are ``data/lexicon/language_names.json``);
* a numbered call, round, phase or part of a page: "Call 1 (2024–25)", "Phase II", "Annex A".

Gazetteer names and acronyms are left alone. Word lists: ``data/lexicon/spurious_names.json``. Off switch:
``AIKG_SPURIOUS_NAMES=off``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.page_forms import page_words
from aikg.ingest.nlp.token_index import TokenIndex, doc_text

#: switch for an A/B measurement in one tree (``AIKG_SPURIOUS_NAMES=off``); on by default
ENABLED_ENV = "AIKG_SPURIOUS_NAMES"
#: a title line is a headline, not a paragraph: at most this many characters
TITLE_MAX = 200
#: letters with points between them: "S.A", "C.V.", "S.A.P.I.", "S.G.E.I.C."
DOTTED = re.compile(r"^(?:[A-Za-z]{1,2}\.)+[A-Za-z]{0,2}\.?$")
#: what opens a byline, a credit or a field line at the top of a page (no headline)
LABEL = re.compile(r"^\s*(?:By|Posted|Published|Written|Edited|Photo|Related|Authors?|Lead author|Co-author|Interview|"
                   r"Issued|Prepared|Editor|Updated|Tags|From)\b")
#: separators of mastheads, breadcrumbs and credit lines, and brackets
SEPARATOR = re.compile(r"[|·›>•@(/]|\s[—–-]{1,2}\s")
MASTHEAD_SEPARATORS = ("|", "·", "›", ">", "—", "–", "-", "/")
#: "Parent organisation: ...", "- In-kind support: ...", "3.1 ...": a field, list item or numbered section
FIELD = re.compile(r"^\s*(?:[-*\d]|[A-Z][\w'’\-]*(?: [a-z][\w'’\-]*){0,3}:)")
#: the number or letter of a call, round, phase or section: "1", "2b", "II", "A"
LABEL_NUMBER = re.compile(r"^(?:\d{1,3}[a-z]?|[IVX]{1,4}|[A-Z])$")
#: a dateline opening the first paragraph: "AUSTIN, Texas - ", "TAMPERE, 3 March 2026 -- "
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,[^\n—–]{1,40}?)?\s+[—–-]{1,2}(?:\s|$)")
#: "Org — Town": a list line's cell separator
CELL = re.compile(r"\s[—–-]\s")
#: words before a body's name in a title: a person's affiliation or a partner ("Aila Varto of Revontuli Data")
TITLE_LINKS = frozenset({"of", "at", "with"})
#: words that join the items of a list
LIST_JOINERS = frozenset({",", "and", "or", "&"})
WORD = re.compile(r"[^\W\d_][\w'’\-]*")
#: small words that join the words of a name ("Centro Pugliese di Intelligenza Artificiale")
_PARTICLES = frozenset({"and", "for", "the", "of", "del", "della", "des", "der", "und", "per", "pour", "para"})


@dataclass(frozen=True)
class SpuriousWords:
    legal: frozenset[str]
    legal_particles: frozenset[str]
    credits: frozenset[str]
    dialect_nouns: frozenset[str]
    label_nouns: frozenset[str]
    headline_verbs: frozenset[str]


@lru_cache(maxsize=1)
def spurious_words() -> SpuriousWords:
    """The word lists of ``spurious_names.json`` (read once)."""
    keys = ("legal_forms", "legal_particles", "credit_words", "dialect_nouns", "label_nouns", "headline_verbs")
    return SpuriousWords(*lexicon_sets("spurious_names.json", keys))


def spurious_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop title-line names the text never writes again, split legal forms, credits, bare head words, languages."""
    if os.environ.get(ENABLED_ENV, "on") == "off" or not cands:
        return cands
    w = spurious_words()
    heads = _head_words(env)
    text = doc_text(doc)
    titles = title_lines(text)
    out: list[Candidate] = []
    for s in cands:
        if s.source == "gazetteer" or s.entry is not None or s.acronym_of or s.end <= s.start:
            out.append(s)
            continue
        if _legal_fragment(doc, s, w) or _credit(doc, s, w, text) or _bare_head_word(doc, s, env, heads) \
                or _language_item(doc, s, env, w) or _numbered_label(doc, s, w):
            continue
        title = _title_of(doc, s, titles)
        if title is not None and not _title_kept(doc, s, env, text, title) and not _listed(doc, s, cands):
            continue
        out.append(s)
    return out


def _title_of(doc: Any, s: Candidate, titles: list[tuple[int, int]]) -> tuple[int, int] | None:
    a = doc[s.start].idx
    return next((t for t in titles if t[0] <= a < t[1]), None)


def title_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the headline lines at the top of the text: its first line when it has no full stop at its end,
    and, before the first line that does (the first paragraph), lines in sentence case that are no byline, label,
    field, list item or masthead ("Seiryō researchers teach speech recognition ..." under a breadcrumb)."""
    out: list[tuple[int, int]] = []
    pos, first = 0, True
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line:
            if line.endswith((".", ":", ";", ",", "?", "!")) or len(line) > TITLE_MAX or end >= len(text.rstrip()):
                break  # the first paragraph, a list's lead-in (or a text of one line: a sentence with no title)
            if first and _opens_paragraph(line, _next_line(text, end)):
                break
            a = pos + text[pos:end].index(line)
            if first and not (LABEL.match(line) or FIELD.match(line)) or _sentence_case_headline(line):
                out.append((a, a + len(line)))
            first = False
        pos = end + 1
    return out


def _next_line(text: str, end: int) -> str:
    """The line right after the one ending at ``end`` ("" when a blank line or the text's end follows)."""
    if end >= len(text):
        return ""
    nxt = text.find("\n", end + 1)
    return text[end + 1:len(text) if nxt < 0 else nxt]


def _opens_paragraph(line: str, following: str) -> bool:
    """A first line that is no title: a dateline ("AUSTIN, Texas - The city's ..."), prose wrapped onto a next line
    that goes on in lower case, or the first row of a list of "Org — Town" lines."""
    if DATELINE.match(line):
        return True
    nxt = following.strip()
    if not nxt:
        return False
    return nxt[:1].islower() or bool(CELL.search(line) and CELL.search(nxt))


def _sentence_case_headline(line: str) -> bool:
    """Five words or more, two common lower-case words, no label, bullet, separator or bracket."""
    if LABEL.match(line) or SEPARATOR.search(line) or FIELD.match(line):
        return False
    words = WORD.findall(line)
    common = [w for w in words if w.islower() and len(w) >= 3 and w not in spurious_words().legal_particles
              and w not in _PARTICLES]
    return len(words) >= 5 and len(common) >= 2


def _title_kept(doc: Any, s: Candidate, env: Env, text: str, title: tuple[int, int]) -> bool:
    """Keep a name on a headline line when the rest of the text writes it whole, or (two words or more) as the
    opening of a longer name ("Selam Speech" of "Selam Speech Technologies PLC"), or when the title defines a short
    form for it, or it is a masthead's publisher before a separator ("El Sol del Golfo › Tecnología")."""
    ls, le = title
    b = doc[s.end - 1].idx + len(doc[s.end - 1].text)
    after = text[b:le].lstrip()
    if after.startswith("("):
        return True  # "Halvik Robotics Consortium (HRC) | Members": the page defines its own name
    name = TokenIndex.of(doc).span_text(s.start, s.end)
    if text[ls:doc[s.start].idx].strip() == "" and after[:1] in MASTHEAD_SEPARATORS \
            and not SEPARATOR.search(name):
        return True  # "El Sol del Golfo › Tecnología": the publisher (not "Home › Programmes")
    if not SEPARATOR.search(name) and _subject_of_page(doc, s, env, after):
        return True
    if _news_headline(doc, ls, le):
        return True  # "Moncton start-up Petitcodiac Signal raises $4 million": a headline that says something
    rest = text[:ls] + "\n" + text[le:]
    return _written(rest, name) or s.end - s.start >= 2 and _opening(rest, name)


def _news_headline(doc: Any, start: int, end: int) -> bool:
    """A title line where a name is followed by a verb in the present or past tense ("X raises $4 million", "X opens
    a lab in Y") is a news headline: a sentence whose names are what the story is about, not topic labels. The verb is
    in lower case: a title-case line ("Who Builds, Who Pays") says nothing of its capitalised words."""
    verbs = spurious_words().headline_verbs
    for tok in doc:  # title lines open the page: stop at the line's end, not the document's
        if tok.idx >= end:
            return False
        if tok.idx >= start and tok.text in verbs and tok.i > 0 and doc[tok.i - 1].text[:1].isupper():
            return True
    return False


def _listed(doc: Any, s: Candidate, cands: list[Candidate]) -> bool:
    """"Kestrel Analytics and Orsa Labs shortlisted": a name joined to another name by "and" or a comma is one of the
    bodies a headline lists."""
    starts, ends = {c.start for c in cands if c is not s}, {c.end for c in cands if c is not s}
    after = s.end < len(doc) and doc[s.end].lower_ in LIST_JOINERS and s.end + 1 in starts
    before = s.start > 0 and doc[s.start - 1].lower_ in LIST_JOINERS and s.start - 1 in ends
    return after or before


def _subject_of_page(doc: Any, s: Candidate, env: Env, after: str) -> bool:
    """"Halden AI Adoption Programme: Round 2 guidance", "a conversation with Aila Varto of Revontuli Data": the body
    a page is about, which its text calls "we" or "the programme" from then on: a name before the title's colon, one
    after "of"/"at"/"with" (a person's affiliation, a partner), or one an institute's, agency's or programme's head
    word types."""
    if after.startswith(":"):
        return True
    if s.start > 0 and doc[s.start - 1].lower_ in TITLE_LINKS:
        return True
    return env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) in ("Institute", "Agency", "Programme")


def _written(text: str, name: str) -> bool:
    """Does ``text`` write ``name`` as a whole name (no word character or capitalised word right after it)?"""
    return re.search(r"(?<![\w])" + re.escape(name) + r"(?![\w])(?!\s+[A-Z])", text) is not None


def _opening(text: str, name: str) -> bool:
    """Does ``text`` write ``name`` as the opening words of a longer name ("Selam Speech Technologies")?"""
    return re.search(r"(?<![\w])" + re.escape(name) + r"\s+[A-Z]", text) is not None


def _legal_word(tok: Any, w: SpuriousWords) -> bool:
    t = tok.text.lower()
    return t in w.legal or t.rstrip(".") in w.legal or t + "." in w.legal or bool(DOTTED.match(tok.text))


def _legal_fragment(doc: Any, s: Candidate, w: SpuriousWords) -> bool:
    """"de C.V", "S.A.P.I. de C.V", "S.G.E.I.C., S.A": every word a legal form, a dotted abbreviation, "de" or a
    comma, one at least a legal form; opening with "de", after a comma, or alone on its line."""
    words = doc[s.start:s.end]
    if not all(_legal_word(t, w) or t.lower_ in w.legal_particles or t.text in (",", ".") for t in words):
        return False
    if not any(t.text.lower() in w.legal or t.text.lower().rstrip(".") in w.legal or t.text.lower() + "." in w.legal
               for t in words):
        return False  # "I.B.M.", "J.P.": initials, not a legal form
    if words[0].lower_ in w.legal_particles:
        return True
    before = doc[s.start - 1] if s.start > 0 else None
    return before is None or before.text == "," or "\n" in before.whitespace_ or "\n" in before.text


def _head_words(env: Env) -> frozenset[str]:
    """Words that head a body's name or name nothing alone ("Analytics", "Forum", "Government", "Capital")."""
    lex = env.lex
    return lex.institute_words | lex.company_last | lex.agency_last | env.generic_words


def _bare_head_word(doc: Any, s: Candidate, env: Env, heads: frozenset[str]) -> bool:
    """"Principal Scientist, Keetoowah Grid | Analytics", "Hospitals, research organisations and ...", "State support
    comes mainly ...": a head word (or its plural) alone is no name; after "the" or a possessive it is a short form of
    a body the text names ("the Academy", "the Trust") and stays."""
    if s.end - s.start != 1 or s.type in ("Person", "Cluster"):
        return False
    tok = doc[s.start]
    word = tok.lower_
    if not tok.is_alpha or tok.is_upper or not (word in heads or word.endswith("s") and word[:-1] in heads):
        return False
    before = doc[s.start - 1].lower_ if s.start > 0 else ""
    return before not in ("the", "'s", "’s", "its", "our", "their", "his", "her")


def _language_item(doc: Any, s: Candidate, env: Env, w: SpuriousWords) -> bool:
    """"for Uzbek, Karakalpak and Tajik", "K'iche', Mam and Kaqchikel", "Gujarati and its Kathiawari dialects": a name
    listed with a known language, or before "dialect(s)", is a language (no head word of a body in it)."""
    if s.type in ("Cluster",) or s.end - s.start > 3:
        return False
    index = TokenIndex.of(doc)
    if env.typer.type_of_name(index.text[s.start:s.end]) is not None:
        return False
    if s.end < len(doc) and doc[s.end].lower_ in w.dialect_nouns and doc[s.end].is_lower:
        return True
    if _list_before_dialect_noun(doc, s.end, w):
        return True  # "for K'iche', Mam and Kaqchikel speakers": an item of a list of languages
    langs = page_words().languages
    k = s.start - 1
    if k >= 1 and doc[k].lower_ in LIST_JOINERS and _language_before(index, k, langs):
        return True
    k = s.end
    return k + 1 < len(doc) and doc[k].lower_ in LIST_JOINERS and _language_after(index, k + 1, langs)


def _list_before_dialect_noun(doc: Any, k: int, w: SpuriousWords) -> bool:
    """Do the items after token ``k`` ("and Kaqchikel", ", Bajau and Iban") run to "speakers"/"dialects"?"""
    joined, stop = False, min(len(doc), k + 10)
    while k < stop:
        t = doc[k]
        if t.lower_ in LIST_JOINERS:
            joined = True
        elif t.is_lower:
            return joined and t.lower_ in w.dialect_nouns and _capital(doc[k - 1].text)
        elif not (_capital(t.text) or t.text in ("'", "’")):
            return False
        k += 1
    return False


def _language_before(index: TokenIndex, k: int, langs: frozenset[str]) -> bool:
    """Is the list item that ends right before token ``k`` a known language (one to three words)?"""
    return any(k - n >= 0 and index.span_text(k - n, k).casefold() in langs
               and (k - n == 0 or not _capital(index.text[k - n - 1])) for n in (1, 2, 3))


def _language_after(index: TokenIndex, k: int, langs: frozenset[str]) -> bool:
    """Is the list item that starts at token ``k`` a known language (one to three words; "Latvian Institute of ..."
    is a body)?"""
    return any(k + n <= len(index.text) and index.span_text(k, k + n).casefold() in langs
               and (k + n == len(index.text) or not _capital(index.text[k + n])) for n in (1, 2, 3))


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _numbered_label(doc: Any, s: Candidate, w: SpuriousWords) -> bool:
    """"Sanctioned units, Call 1 (2024–25)", "Round 2", "Phase II", "Annex A", "Section 3": a call, round, phase or part
    of a page numbered or lettered is no body."""
    if s.end - s.start != 2 or doc[s.start].lower_ not in w.label_nouns or not doc[s.start].text[:1].isupper():
        return False
    return bool(LABEL_NUMBER.match(doc[s.start + 1].text))


def _credit(doc: Any, s: Candidate, w: SpuriousWords, text: str) -> bool:
    """"(Supplied)", "(File photo)": a credit word in brackets alone on its line names who took a photo, no body."""
    if doc[s.start].lower_ not in w.credits:
        return False
    a, b = doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1].text)
    ls = text.rfind("\n", 0, a) + 1
    le = text.find("\n", b)
    le = len(text) if le < 0 else le
    return text[ls:a].strip() == "(" and text[b:le].strip().startswith(")") and len(text[b:le].strip()) <= 2
