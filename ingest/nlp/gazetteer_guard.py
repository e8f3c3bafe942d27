"""The gazetteer guard: a listed name may help the text, never cut or take over a longer unlisted name.

The gazetteer's EntityRuler runs before the NER, and the NER cannot read across what the ruler found. So a
listed "AIST" inside "NM-AIST" or a listed "Department of Commerce" inside "Washington State Department of
Commerce" used to cut the document's own name in two and hand its relations to the listed body. Two spaCy
components sit around the NER of the entity pass:

- ``aikg_gazetteer_hold`` (after the ruler): a listed name glued into a hyphenated compound whose other part
  is not listed ("NM-AIST", "AIST-Kyushu") is dropped: the compound is another name ("MIT-IBM", "Ex-Google",
  "Google-backed" keep theirs). A listed organisation right after capitalised name words ("Washington State |
  Department of Commerce") is held back, so the NER reads those words freely.
- ``aikg_gazetteer_settle`` (after the NER): a held name stays out where the NER read one longer name around
  it whose extra words are name words; everywhere else it is put back exactly as the ruler had it.

A listed place before a listed firm or institute ("Toronto Vector Institute") is only where it is and is not
held; before an agency or programme ("Ontario Ministry of ...") it makes the place's own body, so it is.
:func:`defined_otherwise` tells the mention stages and resolution when a document's acronym definition
("Arusha Institute of Science and Technology (AIST)") names another body than the listed one: the document wins.
Word lists: ``data/gazetteer/guard.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Mapping

from aikg.core.paths import shipped
from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.resolution.names import looks_like_acronym, name_tokens

#: doc.user_data key of the names held back between the two components
HELD = "aikg_gazetteer_held"
HOLD, SETTLE = "aikg_gazetteer_hold", "aikg_gazetteer_settle"
ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
#: NER labels of a longer name that may take the place of a held one ("the Texas CHIPS Act" is a LAW)
NAME_LABELS = ("ORG", "FAC", "LAW")
#: listed types held back when name words come before them (a place too: "Interreg | Italy-Slovenia")
HELD_TYPES = ORG_TYPES + ("Cluster",)
#: overlap of content words above which an acronym's expansion is a form of the listed name
SAME_NAME_OVERLAP = 0.75
#: measurement switch (scripts compare with and without the guard in one tree); never set in production
DISABLED = False


@dataclass(frozen=True)
class GuardWords:
    joiners: frozenset[str]
    combining_prefixes: frozenset[str]
    not_name_openers: frozenset[str]
    name_connectors: frozenset[str]
    regional_types: frozenset[str]
    acronym_stopwords: frozenset[str]
    national_prefixes: frozenset[str]
    extra_heads: frozenset[str]


@cache
def words() -> GuardWords:
    data = json.loads(shipped("gazetteer", "guard.json").read_text(encoding="utf-8"))
    return GuardWords(**{k: frozenset(v) for k, v in data.items() if not k.startswith("_")})


def _types() -> Mapping[str, Any]:
    return lexicon_data("types.json")


@cache
def _countries() -> frozenset[str]:
    return frozenset(x.lower() for x in _types().get("country_names", ())) | words().national_prefixes


@cache
def _body_heads() -> frozenset[str]:
    """Last words of an institute's, agency's, programme's or publication's name ("Agency", "Act", "Weekly")."""
    keys = ("institute_words", "institute_last_words", "agency_last_words", "programme_last_words", "law_last_words")
    return frozenset(w.lower() for k in keys for w in _types().get(k, ())) | words().extra_heads


@cache
def _generic() -> frozenset[str]:
    """Words that name nothing on their own ("AI", "Data", "National")."""
    return frozenset(w.lower() for w in _types().get("generic_name_words", ()))


@cache
def _company_heads() -> frozenset[str]:
    """Last words of a firm's name that are no generic words ("Ventures", "Labs"; not "AI", "Data")."""
    return frozenset(w.lower() for w in _types().get("company_last_words", ())) - _generic()


@cache
def _legal_suffixes() -> frozenset[str]:
    return frozenset(json.loads(shipped("gazetteer", "name_forms.json").read_text(encoding="utf-8"))["legal_suffixes"])


def national(text: str) -> bool:
    """Is ``text`` a country's name or a national prefix ("United States", "U.S.", "Federal")?"""
    return text.lower() in _countries()


# -- the hold component (after the ruler) -------------------------------------------------------------------

def glued_compound(doc: Any, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    """Is doc[start:end] the second part of a hyphenated compound whose first part is a capitalised word that is
    not listed ("NM-AIST", "Hydro-Québec"), or a listed acronym glued to such a word on either side
    ("AIST-Kyushu")? Not "MIT-IBM" (both listed), "Ex-Google", "Google-backed", "Berlin-Moabit" (the place
    and its district), "Stanford-Kestrel" (a listed name first stays)."""
    w = words()
    if start >= 2 and doc[start - 1].text in w.joiners and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and start - 1 not in ends:
        other = doc[start - 2].text
        if other[:1].isupper() and other.lower() not in w.combining_prefixes:
            return True
    if end + 1 < len(doc) and doc[end].text in w.joiners and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and end + 1 not in starts:
        return doc[end + 1].text[:1].isupper() and looks_like_acronym(doc[start:end].text)
    return False


def _name_word(tok: Any) -> bool:
    """A capitalised word that may open or continue a name ("Washington", "State", "U.S.")."""
    t = tok.text
    w = words()
    return bool(t[:1].isupper()) and not tok.is_stop and t.lower().rstrip(".") not in w.not_name_openers \
        and (tok.is_alpha or all(c.isalpha() or c == "." for c in t))


def _run_before(doc: Any, start: int) -> int | None:
    """Start of the capitalised name words right before ``start`` on its line, or None when there are none."""
    k = start
    while k > 0:
        prev = doc[k - 1]
        if not prev.whitespace_ or "\n" in prev.whitespace_ or prev.is_space or not _name_word(prev):
            break
        k -= 1
    return k if k < start else None


def _name_after(doc: Any, end: int, starts: set[int]) -> bool:
    """A capitalised name word right after ``end`` on its line that is no listed name and no legal suffix
    ("Tokyo Tech | Weekly", "CMA | CGM"; not "Google | Inc.")."""
    if end >= len(doc) or end in starts or doc[end - 1].whitespace_ != " ":
        return False
    return _name_word(doc[end]) and doc[end].lower_.rstrip(".") not in _legal_suffixes()


def hold(doc: Any) -> Any:
    """Drop listed names glued into compounds; hold back listed names that may open or end a longer name."""
    if DISABLED or not doc.ents:
        return doc
    ents = list(doc.ents)
    starts, ends = {e.start for e in ents}, {e.end for e in ents}
    by_end = {e.end: e for e in ents}
    out: set[int] = set()  # starts of ents dropped or held
    held: list[list[tuple[int, int, int, int]]] = []
    for e in ents:
        if glued_compound(doc, e.start, e.end, starts, ends):
            out.add(e.start)
            continue
        if e.label_ not in HELD_TYPES or e.start in out:
            continue
        group = _left_group(doc, e, ents, by_end, out)
        if group is None and _name_after(doc, e.end, starts):
            group = [e]  # "Tokyo Tech | Weekly", "CMA | CGM": the NER may read one longer name
        if group:
            out.update(x.start for x in group)
            held.append([(x.start, x.end, x.label, x.id) for x in group])
    if out:
        doc.ents = [e for e in ents if e.start not in out]
    if held:
        doc.user_data[HELD] = held
    return doc


def _left_group(doc: Any, e: Any, ents: list[Any], by_end: dict[int, Any], out: set[int]) -> list[Any] | None:
    """``e`` and the listed names among the capitalised words right before it, when those words may open a
    longer name with it ("Washington State | Department of Commerce", "Texas | CHIPS Act"); else None."""
    run = _run_before(doc, e.start)
    before = by_end.get(e.start)
    if run is None and before is None or run is not None and national(doc[run:e.start].text):
        return None  # "United States Securities and Exchange Commission": a national body under its country's name
    if before is not None and (before.label_ != "Cluster" or e.label_ not in words().regional_types):
        return None  # two listed names side by side, or "Toronto Vector Institute": both stand
    first = min(run if run is not None else e.start, before.start if before is not None else e.start)
    return [x for x in ents if x.start >= first and x.end <= e.start and x.start not in out] + [e]


# -- the settle component (after the NER) -------------------------------------------------------------------

def _same_line(doc: Any, start: int, end: int) -> bool:
    return not any(doc[k].is_space or "\n" in doc[k].whitespace_ for k in range(start, end - 1)) \
        and not doc[end - 1].is_space


def _extension_ok(doc: Any, start: int, end: int) -> bool:
    """Name words only: capitalised words, with connectors ("of", "de", "&") or a glued hyphen between them;
    the last one capitalised."""
    w = words()
    if start >= end:
        return True
    if not doc[end - 1].text[:1].isupper():
        return False
    for k in range(start, end):
        t = doc[k]
        glued = t.text in w.joiners and not t.whitespace_ and k > 0 and not doc[k - 1].whitespace_
        word = t.text[:1].isupper() and (t.is_alpha or all(c.isalpha() or c in ".-" for c in t.text))
        if not (word or glued or t.lower_ in w.name_connectors and k > start):
            return False
    return True


def _names_a_body(doc: Any, start: int, end: int, stop: int, label: str) -> bool:
    """Do the words doc[end:stop] after a listed name make another body's name? Only with a body's head word
    ("UCL | Centre for Artificial Intelligence", "Bosch | Ventures", "Tokyo | Tech Weekly") or, after a listed
    acronym, another acronym ("CMA | CGM"); not "Montreal | AI", "NSF | AI", "AWS | Marketplace"."""
    heads = _body_heads() | (_company_heads() if label != "Cluster" else frozenset())
    if any(t.lower_ in heads for t in doc[end:stop]):
        return True
    return label != "Cluster" and looks_like_acronym(doc[start:end].text) \
        and all(t.is_upper and t.lower_ not in _generic() for t in doc[end:stop])


#: at most this many tokens between a place and the head word of the name it opens
MAX_RUN = 8


def opens_a_body(doc: Any, end: int) -> bool:
    """Do the words after a listed place run, on its line, through name words and connectors to a body's head
    word that ends them ("Kenya | Agricultural and Livestock Research Organization", which the NER cuts at
    "and")? The name runs then find that name, as they do without the gazetteer."""
    w = words()
    heads = _body_heads()
    for k in range(end, min(len(doc), end + MAX_RUN)):
        t = doc[k]
        if "\n" in doc[k - 1].whitespace_ or not (_name_word(t) or t.lower_ in w.name_connectors and k > end):
            return False
        if t.lower_ in heads and (k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper()):
            return True
    return False


def longer_name(doc: Any, ent: Any, start: int, end: int, label: str) -> bool:
    """Does the NER's ``ent`` read one longer name around the held doc[start:end] of type ``label`` ("the
    Washington State Department of Commerce", "Tokyo Tech Weekly"): the words it adds are a name's words, and
    words after a listed name name a body (:func:`_names_a_body`)?"""
    if ent.label_ not in NAME_LABELS or ent.end < end or ent.start > start:
        return False
    s0 = ent.start
    while s0 < start and doc[s0].lower_ in ("the", "a", "an"):
        s0 += 1
    if (s0, ent.end) == (start, end) or not _same_line(doc, s0, ent.end) or not _name_word(doc[s0]):
        return False
    if s0 == start and not _names_a_body(doc, start, end, ent.end, label):
        return False
    return _extension_ok(doc, s0, start) and _extension_ok(doc, end, ent.end)


def _put_back(doc: Any, ents: list[Any], spans: Iterable[tuple[int, int, int, int]]) -> list[Any]:
    """``ents`` with each held span restored in place of the NER entities across it (what the NER would have
    read beside the listed name is not known: the mention stages rebuild names around it as they always did)."""
    from spacy.tokens import Span

    for start, end, label, span_id in spans:
        ents = [x for x in ents if x.end <= start or x.start >= end]
        ents.append(Span(doc, start, end, label=label, span_id=span_id))
    return sorted(ents, key=lambda x: x.start)


def settle(doc: Any) -> Any:
    """Held names stay out where the NER read a longer name around them; elsewhere they come back."""
    held = doc.user_data.pop(HELD, None)
    if not held:
        return doc
    ents = list(doc.ents)
    back: list[tuple[int, int, int, int]] = []
    for group in held:
        start, end, label = group[-1][0], group[-1][1], doc.vocab.strings[group[-1][2]]  # places before it come along
        host = next((x for x in ents if longer_name(doc, x, start, end, label)), None)
        if host is None and len(group) == 1 and label == "Cluster" and opens_a_body(doc, end):
            continue  # the place opens a longer name the NER cut short: left to the name runs
        back.extend(sp for sp in group if host is None or not (host.start <= sp[0] and sp[1] <= host.end))
    if back:
        doc.ents = _put_back(doc, ents, back)
    return doc


def add_to(nlp: Any) -> None:
    """Put the two components around the NER of ``nlp`` (the ruler must be in it already)."""
    from spacy.language import Language

    if HOLD not in Language.factories:
        Language.component(HOLD, func=hold)
        Language.component(SETTLE, func=settle)
    nlp.add_pipe(HOLD, after="entity_ruler")
    nlp.add_pipe(SETTLE, after="ner")


# -- acronyms defined in the document -----------------------------------------------------------------------

def _content(name: str) -> set[str]:
    return set(name_tokens(name)) - words().acronym_stopwords


def same_body(expansion: str, forms: Iterable[str]) -> bool:
    """Is ``expansion`` one of ``forms`` up to case, articles, "&"/"and" and a few words (most content words shared)?"""
    mine = _content(expansion)
    if not mine:
        return True
    for form in forms:
        theirs = _content(form)
        if theirs and len(mine & theirs) / max(len(mine), len(theirs)) >= SAME_NAME_OVERLAP:
            return True
    return False


def defined_otherwise(expansion: str, entry: Any, long_entry: Any = None) -> bool:
    """Does the document define an acronym the gazetteer lists for ``entry`` as ``expansion``, another body?
    ``long_entry``: the listed entry the expansion itself matched, if any."""
    if entry is None:
        return False
    if long_entry is not None:
        return long_entry.name != entry.name
    return not same_body(expansion, (entry.name, *entry.aliases))
