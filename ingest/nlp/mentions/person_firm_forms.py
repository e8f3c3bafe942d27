"""Stage person_firm_forms: people read as firms and firms read as people, by the form around the name (issue 14).

Held-out text confuses Company with Person both ways (Company -> Person 29, Person -> Company 15). Press releases,
filings, speaker lists and cohort pages say which a name is in a few forms:

* an occupation noun right before the name: "founded by physiotherapist Faith Chebet", "the researcher Iga Domańska",
  "software engineer Daniel Kiprono" (a given name the NER left out of the name is taken back in);
* an age after the name: "Janelle Brightwell, 44, Chief Financial Officer", "Marta Oyelaran (51)";
* a role after the name in a speaker or officer line: "Nodal officer: Hitesh Vaghela, Joint Director, Gujarat ...",
  "Dilfuza Hamidova, former chief technology officer of ..." (the first word must be a known given name);
* a firm's word inside a name read as a person: "Te Awa Genetics", "Escarpment Coffee Roasters", "Bromont
  Microcapteurs", a head that opens firms' names in other languages ("Panificadora Cholulteca", "Pensiunea Cetății
  Rășinari") or an inner capital ("DronAgri Puglia"; not "McLeod", "DeShawn").

A person's name needs two to four name words and no organisation head word; a gazetteer name is left alone.
Word lists: ``data/lexicon/person_firm_forms.json``; given names: ``person_names.forms()``.
Switch: ``AIKG_PERSON_FIRM_FORMS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms, person_shaped
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_PERSON_FIRM_FORMS"
_ROLE_REACH = 6  # words of a role after a name's comma


def enabled() -> bool:
    """The stage runs unless ``AIKG_PERSON_FIRM_FORMS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class PersonWordsW20:
    occupations: frozenset[str]
    occupation_guard: frozenset[str]
    firm_words: frozenset[str]
    firm_first: frozenset[str]
    inner_openers: tuple[str, ...]
    list_nouns: frozenset[str]
    list_verbs: frozenset[str]
    age_min: int
    age_max: int


@lru_cache(maxsize=1)
def person_firm_words() -> PersonWordsW20:
    """``data/lexicon/person_firm_forms.json``, read once per process."""
    name = "person_firm_forms.json"
    occ, guard, firm, first, openers, nouns, verbs = lexicon_sets(name, (
        "occupations", "occupation_guard", "firm_words", "firm_first", "inner_capital_openers", "list_nouns", "list_verbs"))
    data = lexicon_data(name)
    return PersonWordsW20(occ, guard, firm, first, tuple(sorted(openers, key=len, reverse=True)), nouns, verbs,
                          int(data["age_min"]), int(data["age_max"]))


def person_firm_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype organisations an occupation, an age or a role calls people, and people whose words are a firm's."""
    if not enabled() or len(doc) == 0:
        return cands
    w = person_firm_words()
    low = TokenIndex.of(doc).lower
    surnames: set[str] = set()
    for c in cands:
        if c.entry is not None or c.acronym_of is not None or c.coref is not None:
            continue
        if c.type in ORG_TYPES + ("Person",) and not c.ctx_typed and _person_said(doc, c, env, w, low, cands):
            if c.type != "Person":
                surnames.add(doc[c.end - 1].text)
            c.type, c.ctx_typed, c.place, c.label = "Person", True, False, "PERSON"  # (a person reading kept from
            # later stages that read "Iga Wroblewska" as a firm named for a town)
        elif c.type == "Person" and not c.ctx_typed and (_firm_words(doc, c, env, w, low) or _firm_list(doc, c, w, low)):
            c.type, c.place, c.label = env.lex.default_org, False, "ORG"  # (a description may still say its kind)
    for c in cands:  # "... physiotherapist Faith Chebet ... Chebet is its chief executive": the surname alone
        if c.end - c.start == 1 and doc[c.start].text in surnames and c.type in ORG_TYPES and not c.ctx_typed \
                and c.entry is None and c.acronym_of is None:
            c.type, c.place, c.label = "Person", False, "PERSON"
    return cands


def _person_name(doc: Any, start: int, end: int, env: Env) -> bool:
    """Two to four name words and no organisation head word in them."""
    return person_shaped(doc, start, end, forms()) and env.typer.type_of_name(TokenIndex.of(doc).text[start:end]) is None \
        and not any(t.lower_ in env.lex.company_last for t in doc[start + 1:end])


def _person_said(doc: Any, c: Candidate, env: Env, w: PersonWordsW20, low: list[str], cands: list[Candidate]) -> bool:
    """An occupation before the name, an age after it, or a role after a known given name."""
    if _occupation_before(doc, c, env, w, low, cands) and _person_name(doc, c.start, c.end, env):
        return True
    if not _person_name(doc, c.start, c.end, env) or _firm_words(doc, c, env, w, low):
        return False
    if _age_after(doc, c.end, w):
        return True
    return doc[c.start].text in forms().given and _role_after(doc, c.end, env, low)


def _occupation_before(doc: Any, c: Candidate, env: Env, w: PersonWordsW20, low: list[str],
                       cands: list[Candidate]) -> bool:
    """"physiotherapist Faith Chebet", "the researcher Iga Domańska" (a cut-off given name is taken back in)."""
    k = c.start - 1
    if k >= 1 and doc[k].text[:1].isupper() and doc[k].is_alpha and not doc[k].is_sent_start \
            and low[k].rstrip(".") not in env.titles and low[k - 1] in w.occupations and not any(o is not c and o.start <= k < o.end for o in cands):
        if doc[k - 1].is_lower and "\n" not in doc[k - 1].whitespace_:
            c.start = k  # "physiotherapist Faith" + "Chebet"
            k -= 1
    if k < 0 or low[k] not in w.occupations or not doc[k].is_lower or "\n" in doc[k].whitespace_:
        return False
    return not (k >= 1 and low[k - 1] in w.occupation_guard)


def _age_after(doc: Any, end: int, w: PersonWordsW20) -> bool:
    """", 44," or " (44)" right after the name."""
    n = len(doc)
    if end + 2 < n and doc[end].text in (",", "(") and doc[end + 1].text.isdigit() \
            and doc[end + 2].text in (",", ")") and w.age_min <= int(doc[end + 1].text) <= w.age_max:
        return True
    return False


def _role_after(doc: Any, end: int, env: Env, low: list[str]) -> bool:
    """", Joint Director, ...", ", former chief technology officer of ...": a job title after the name's comma."""
    n = len(doc)
    if end + 1 >= n or doc[end].text != ",":
        return False
    titles = env.words.job_title_words
    allowed = env.title_words | {"former", "then", "acting", "interim", "joint", "deputy", "ex", "-"}
    for k in range(end + 1, min(n, end + 1 + _ROLE_REACH)):
        word = low[k].rstrip(".")
        if word in titles:
            nxt = doc[k + 1].text if k + 1 < n else ","
            return nxt in (",", ";", ")", ":") or low[k + 1] in ("of", "at", "for", "and") or "\n" in doc[k].whitespace_
        if word not in allowed:
            return False
    return False


def _firm_words(doc: Any, c: Candidate, env: Env, w: PersonWordsW20, low: list[str]) -> bool:
    """A firm's word after the first, a firm's head first, or an inner capital no surname has (after no given name)."""
    words = low[c.start:c.end]
    if len(words) < 2 or c.start > 0 and low[c.start - 1].rstrip(".") in env.titles:
        return False  # "Dr Jane Dairy": a title says person
    if words[0] in w.firm_first or any(x in w.firm_words for x in words[1:]):
        return True
    if doc[c.start].text in forms().given:
        return False  # "Pieter VanderWaal": a given name first, the inner capital is a surname's
    return any(_inner_capital(t.text, w) for t in doc[c.start:c.end])


def _firm_list(doc: Any, c: Candidate, w: PersonWordsW20, low: list[str]) -> bool:
    """"This year's cohort includes Khedut Bol, ...": an item of a list of firms with no given name in it."""
    given = forms().given
    if any(t.text in given for t in doc[c.start:c.end]) or c.end - c.start > 4:
        return False
    sent_start = doc[c.start].sent.start
    for k in range(c.start - 1, max(sent_start, c.start - 30), -1):
        if low[k] in w.list_verbs and k > sent_start and low[k - 1] in w.list_nouns | {"today", "now", "also"} \
                and (low[k - 1] in w.list_nouns or k > sent_start + 1 and low[k - 2] in w.list_nouns):
            return True
    return False


def _inner_capital(text: str, w: PersonWordsW20) -> bool:
    """"DronAgri": a capital after lower-case letters inside one word, not after a surname's opener ("McLeod")."""
    if not text[:1].isupper() or not text.isalpha():
        return False
    lowered = text.lower()
    for i in range(2, len(text)):
        if text[i].isupper() and text[i - 1].islower():
            return not lowered[:i] in w.inner_openers
    return False
