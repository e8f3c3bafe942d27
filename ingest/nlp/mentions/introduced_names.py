"""Stage introduced_names: a name whose type and extent the noun phrase before it states.

Published prose introduces an unknown body by what it is, in two forms the NER reads badly (a person, a name cut
at a lower-case particle, a firm by default):

* a fronted apposition: "the city's biggest lender, Toroli Pay, has ...", "The regional chamber, Dhoma e
  Zejtarëve Korçë, is ...", "funded by the provincial development agency, Kostanay Invest." (the name sits between
  commas after a determiner or possessive, lower-case words and an organisation noun);
* a noun right before the name: "the Portuguese cluster Polo Têxtil do Ave", "the NGO Mladi Kodari", "the national
  research body INRAV" (the name runs over capitalised words and inner particles such as "do", "de", "e").

The whole run becomes one organisation of the noun's type; a name's own head word still wins unless it is only a
firm-like last word ("Lalanda Angels", "Kostanay Invest") and the noun names an institute or agency. Left alone:
a gazetteer name, a run opening with a known given name after a noun a person may also be called ("the developer
Ana de Souza"), a list ("the university, Kestrel Labs, and Orrin AI"), an opening place phrase ("At the agency,
Jane Doe, ..."). Word lists: ``org_premodifiers`` / ``description_types`` of ``mentions.json`` and
``introducing_*`` / ``introduced_*`` / ``person_nouns`` of ``entity_typing.json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms

MAX_RUN = 7  # tokens of an introduced name
MAX_PHRASE = 7  # tokens between the opener and the noun
POSSESSIVE = ("'s", "’s", "'", "’")
#: switch for an A/B measurement in one tree (``AIKG_INTRODUCED_NAMES=off``); on by default
ENABLED_ENV = "AIKG_INTRODUCED_NAMES"


@dataclass(frozen=True)
class IntroWords:
    nouns: dict[str, str]  # noun (or two-word noun) -> type, beyond the shared lists
    openers: frozenset[str]
    particles: frozenset[str]
    inner: frozenset[str]  # words inside a name only between commas ("Department of Energy")
    person_nouns: frozenset[str]
    opening_words: frozenset[str]  # "At the agency, Jane Doe, ...": a sentence opening so puts no name after the noun


@lru_cache(maxsize=1)
def intro_words() -> IntroWords:
    """The ``introduc*`` lists of ``data/lexicon/entity_typing.json``, read once per process."""
    d = lexicon_data("entity_typing.json")
    nouns = {w.lower(): t for t, ws in d["introducing_nouns"].items() for w in ws}
    low = lambda k: frozenset(w.lower() for w in d[k])  # noqa: E731
    return IntroWords(nouns, low("introducing_openers"), low("introduced_particles"),
                      low("introduced_inner_in_apposition"), low("person_nouns"),
                      low("introduced_opening_words"))


def introduced_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Type and bound names a noun phrase introduces (see the module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    w = intro_words()
    n = len(doc)
    k = 1
    while k < n:
        found = _apposition(doc, k, env, w) or _premodified(doc, k, env, w)
        if found is None:
            k += 1
            continue
        start, end, typ, noun = found
        cands = _apply(doc, cands, start, end, typ, noun, env, w)
        k = end
    return cands


# ------------------------------------------------------------------------------------------- the two forms
def _noun_type(doc: Any, k: int, env: Env, w: IntroWords, table: dict[str, str]) -> tuple[str, str] | None:
    """The type the lower-case noun at ``k`` (or the two words ending there) names, and the noun."""
    tok = doc[k]
    if not (tok.is_lower and tok.is_alpha or tok.text.lower() == "ngo"):
        return None
    if k >= 1 and doc[k - 1].is_lower and doc[k - 1].is_alpha:
        pair = doc[k - 1].lower_ + " " + tok.lower_
        typ = w.nouns.get(pair) or table.get(pair)
        if typ is not None:
            return typ, pair
    typ = w.nouns.get(tok.lower_) or table.get(tok.lower_)
    return (typ, tok.lower_) if typ is not None else None


def _opened(doc: Any, k: int, w: IntroWords) -> int | None:
    """Start of the phrase ending at the noun ``k``: an opener or a possessive before lower-case words (and places)."""
    i = k - 1
    while i >= 0 and i >= k - MAX_PHRASE:
        tok = doc[i]
        if tok.lower_ in w.openers and (tok.is_lower or tok.is_sent_start):
            return i
        if tok.text in POSSESSIVE and i >= 1 and doc[i - 1].text[:1].isalpha():
            return i - 1 if i < 2 or doc[i - 2].lower_ not in w.openers else i - 2
        if not (tok.is_alpha or tok.text in ("-", "–") and not tok.whitespace_) or tok.is_lower and tok.is_stop \
                and tok.lower_ not in ("most", "biggest", "largest", "main", "only", "first", "second"):
            return None
        if "\n" in tok.whitespace_:
            return None
        i -= 1
    return None


def _apposition(doc: Any, k: int, env: Env, w: IntroWords) -> tuple[int, int, str, str] | None:
    """"the city's biggest lender, Toroli Pay, has ...": (start, end, type, noun) of the name after the comma."""
    if doc[k].text != "," or k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper():
        return None
    said = _noun_type(doc, k - 1, env, w, env.words.description_types)
    if said is None:
        return None
    opener = _opened(doc, k - 1 - (" " in said[1]), w)
    if opener is None or _place_phrase(doc, opener, w) or opener >= 1 and doc[opener - 1].text == ",":
        return None
    end = _run_end(doc, k + 1, w, w.particles | w.inner)
    if end is None or end - k - 1 > MAX_RUN:
        return None
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text not in (",", "(", ")", ";", ".", ":") or after is not None and after.text == "," \
            and end + 1 < len(doc) and (doc[end + 1].lower_ in ("and", "or") or doc[end + 1].text[:1].isupper()):
        return None  # "the university, Kestrel Labs, and Orrin AI": a list, not an apposition
    return k + 1, end, said[0], said[1]


def _premodified(doc: Any, k: int, env: Env, w: IntroWords) -> tuple[int, int, str, str] | None:
    """"the Portuguese cluster Polo Têxtil do Ave": (start, end, type, noun) of the name right after the noun."""
    if not doc[k].text[:1].isupper() or doc[k].is_sent_start or "\n" in doc[k - 1].whitespace_:
        return None
    said = _noun_type(doc, k - 1, env, w, env.words.org_premodifiers)
    if said is None or _opened(doc, k - 1 - (" " in said[1]), w) is None:
        return None
    end = _run_end(doc, k, w, w.particles)
    if end is None or end - k > MAX_RUN or end < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_:
        return None  # "the firm Kestrel-backed ...": the name modifies what follows
    return k, end, said[0], said[1]


def _run_end(doc: Any, k: int, w: IntroWords, inner: frozenset[str]) -> int | None:
    """End of the capitalised run at ``k`` (inner words and tight hyphens allowed between capitalised words)."""
    n = len(doc)
    e = k
    while e < n:
        tok = doc[e]
        if tok.text[:1].isupper() or tok.text[:1].isdigit() and e > k or tok.text in ("&", "!") and e > k:
            e += 1
        elif e > k and e + 1 < n and (tok.lower_ in inner or tok.text in ("-", "–") and not tok.whitespace_
                                      and not doc[e - 1].whitespace_) and doc[e + 1].text[:1].isupper():
            e += 1
        else:
            break
        if "\n" in doc[e - 1].whitespace_:
            break
    return e if e > k else None


def _place_phrase(doc: Any, opener: int, w: IntroWords) -> bool:
    """"At the agency, Jane Doe, ...": a sentence opening with a preposition or conjunction before the phrase."""
    i = opener - 1
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    return opener > 0 and doc[i].lower_ in w.opening_words


# ------------------------------------------------------------------------------------------- applying
def _apply(doc: Any, cands: list[Candidate], start: int, end: int, said: str, noun: str, env: Env,
           w: IntroWords) -> list[Candidate]:
    """One organisation over ``start:end`` of the stated type, in place of the mentions inside it."""
    inside = [c for c in cands if c.start < end and c.end > start]
    if any(c.entry is not None or c.source == "gazetteer" or c.start < start or c.end > end for c in inside):
        return cands
    if noun in w.person_nouns and doc[start].text in forms().given:
        return cands  # "the developer Ana de Souza": a person may be called so
    if any(t.lower_.rstrip(".") in env.words.job_title_words or t.ent_type_ in ("DATE", "TIME") for t in doc[start:end]):
        return cands  # "the company Chief Executive Jane Doe", "the firm Monday": no name of a body
    words = [t.text for t in doc[start:end]]
    cue = env.typer.type_of_name(words)
    typ = _type(said, cue, words, env)
    if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
        c = inside[0]
        if c.type != typ and (not c.ctx_typed or c.type == "Person"):
            c.type, c.label, c.place, c.ctx_typed = typ, "ORG", False, True
        return cands
    if not inside and end - start == 1 and doc[start].is_upper is False and said == "Company" and cue is None:
        return cands  # a lone capitalised word no reading holds: cued_names decides
    keep = [c for c in cands if not (c.start < end and c.end > start)]
    keep.append(Candidate(start, end, typ, "rule", label="ORG", ctx_typed=True))
    return sorted(keep, key=lambda c: (c.start, c.end))


def _type(said: str, cue: str | None, words: list[str], env: Env) -> str:
    """The noun's type, unless the name's own head says otherwise (a firm-like last word yields to a body noun)."""
    if cue is None or cue == said or cue not in ORG_OR_PROGRAMME:
        return said
    if said in ("Institute", "Agency") and cue == "Company" and words[-1].lower().strip(".,") not in env.lex.company_legal:
        return said
    return cue
