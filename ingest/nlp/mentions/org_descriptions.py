"""Stage org descriptions (wave 20): what a description next to a name says the body is, over what its words guess.

Published pages (government fact sheets, agency pages, news about public funders) type a body in a few forms:

* a description before the name: "the state research foundation FACEPE", "the regional development bank Puglia
  Sviluppo Credito", "the state innovation agency Fundação Gaúcha de Amparo à Inovação";
* a description, a comma, the name: "the state development agency, the Instituto Tamaulipeco para la Innovación,",
  "the province's Crown investor, Brunswick Innovation Corporation", "As a government agency, Digdir ...";
* an apposition or a copula after it: "X (SGB), the provincial development bank", "X is the state's economic
  development agency", "X, a registered society under the Department of ...", "X, which sits within the
  Department of Industry".

A description that says the state owns the body (an owner word and a lender, investor, fund, foundation, office or
agency head), a development bank or funding body, or an agency head is an Agency (docs/annotation.md §2: state
investment banks, development banks and state agencies), over the name's own head ("Fundação", "Instituto") and a
firm reading; "a public company", "a publicly traded lender" and "the advertising agency X" are firms; a
university, association, non-profit or chamber head makes a default firm reading an Institute. A gazetteer name,
a list item ("the ministry, the Instituto X and Y") and conflicting descriptions are left alone. Every mention of
the name and its acronym take the type. Word lists: ``data/lexicon/org_head_words.json``.
Switch: ``AIKG_ORG_DESCRIPTIONS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.core.ids import clean_surface
from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.org_head_types import _acronyms_follow
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_ORG_DESCRIPTIONS"
BODY_TYPES = ("Company", "Institute", "Agency")
SPAN = 7  # words of a description read
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "this"})
ARTICLES = frozenset({"the", "a", "an", "this"})
POSSESSIVES = frozenset({"'s", "’s"})
COPULAS = frozenset({"is", "was", "remains", "serves", "acts"})
APPOSITION_MARKS = frozenset({",", "—", "–"})
AFTER_NAME_OK = frozenset({",", ".", "(", ")", ";", ":", "has", "have", "had", "is", "was", "will", "which", "said"})


def enabled() -> bool:
    """The stage runs unless ``AIKG_ORG_DESCRIPTIONS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class DescWords:
    public_owners: frozenset[str]
    not_public: frozenset[str]
    public_heads: frozenset[str]
    strong_owners: frozenset[str]
    strong_owner_heads: frozenset[str]
    agency_heads: frozenset[str]
    development_heads: frozenset[str]
    firm_agency_words: frozenset[str]
    institute_heads: frozenset[str]
    under_words: frozenset[str]
    under_heads: frozenset[str]
    sits_verbs: frozenset[str]
    nonprofit: frozenset[str]
    firm_owners: frozenset[str]
    research_heads: frozenset[str]
    state_investment_heads: frozenset[str]
    phrase_ends: frozenset[str]
    phrase_breaks: frozenset[str]


@lru_cache(maxsize=1)
def desc_words() -> DescWords:
    """``data/lexicon/org_head_words.json``, read once per process."""
    keys = ("public_owners", "not_public", "public_heads", "strong_owners", "strong_owner_heads", "agency_heads",
            "development_heads", "firm_agency_words", "institute_heads", "under_words", "under_heads", "sits_verbs",
            "nonprofit", "firm_owners", "research_heads",
            "state_investment_heads", "phrase_ends", "phrase_breaks")
    return DescWords(*lexicon_sets("org_head_words.json", keys))


def phrase_type(words: list[str], w: DescWords | None = None) -> str | None:
    """The type a description's words give ("state research foundation" -> Agency), or None."""
    w = w or desc_words()
    if not words:
        return None
    head = words[-1]
    joined = " ".join(words)
    if head == "agency" and any(x in w.firm_agency_words for x in words[:-1]):
        return "Company"  # "the advertising agency X"
    if any(joined == h or joined.endswith(" " + h) for h in w.development_heads):
        return "Agency"  # "the regional development bank"
    if head in w.strong_owner_heads and any(x in w.firm_owners for x in words[:-1]):
        return "Company"  # "a publicly traded lender", "a family-owned bank"
    if "research" in words[:-1] and head in w.research_heads:
        return "Institute"  # "the national agricultural research body INRAE"
    owners = [x for x in words[:-1] if x in w.public_owners]
    if any(x in w.strong_owners for x in owners) and " ".join(words[-2:]) in w.state_investment_heads:
        return "Agency"  # "a government-owned investment company"
    if owners == ["public"] and head in ("company", "corporation"):
        return None  # "a public company": a listed firm
    if owners and head in w.public_heads and not any(x in w.not_public for x in words[:-1]):
        if head not in w.strong_owner_heads or any(x in w.strong_owners for x in owners):
            return "Agency"  # "the state research foundation", "the province's Crown investor"
    if head in w.agency_heads:
        return "Agency"
    if head in w.institute_heads or " ".join(words[-2:]) in w.institute_heads or any(x in w.nonprofit for x in words):
        return "Institute"
    return None


# ---------------------------------------------------------------- reading the words
def _phrase_before(doc: Any, k: int) -> list[str]:
    """Lower-case words ending at token ``k`` back to a determiner or a possessive ("the province's Crown
    investor"), or [] when no determiner opens them."""
    words: list[str] = []
    i = k
    caps = 0
    while i >= 0 and k - i < SPAN:
        tok = doc[i]
        low = tok.lower_
        if (tok.is_title or tok.is_upper) and tok.is_alpha and words and caps < 2 and low not in DETERMINERS:
            caps += 1  # "A BC Crown agency", "the Basque development agency": a place's name in the description
            words.insert(0, low)
            i -= 1
            continue
        if low in DETERMINERS:
            return words if words and doc[k].is_lower and low in ARTICLES else []  # "its regional office": a unit
        if low in POSSESSIVES and i > 0 and words:
            owner = doc[i - 1].lower_ + "'s"
            return [owner] + words if doc[i - 1].is_alpha else []
        if tok.is_alpha and (tok.is_lower or low in desc_words().public_owners) or tok.text == "-" and not tok.whitespace_:
            if tok.text != "-":
                words.insert(0, low)
            i -= 1
            continue
        return []
    return []


def _phrase_after(doc: Any, k: int) -> tuple[list[str], int]:
    """Lower-case words from token ``k`` (a description after an article) and the index after them; no words when
    the run does not end as a noun phrase does (at punctuation, a preposition or a relative word: "a founding
    member but left the consortium" is a clause, not a description)."""
    w = desc_words()
    words: list[str] = []
    i = k
    n = len(doc)
    while i < n and i - k < SPAN:
        tok = doc[i]
        low = tok.lower_
        if low in w.phrase_ends or tok.is_punct and tok.text not in ("-", "'", "’"):
            return words, i
        if low in w.phrase_breaks:
            return [], i
        if tok.is_alpha and tok.is_lower:
            words.append(low)
        elif tok.text == "-" and not tok.whitespace_ and words:
            words[-1] += "-"
            i += 1
            if i < n:
                words[-1] += doc[i].lower_
        elif low in POSSESSIVES and words:
            words[-1] += "'s"
        else:
            return words, i  # a capitalised name opens: "the state agency Fundação X"
        i += 1
    return ([], i) if i < n else (words, i)


def _after_name(doc: Any, end: int) -> int:
    """The token after the name and its bracketed acronym ("X (SGB)")."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return end + 3
    return end


def _before(doc: Any, c: Candidate) -> str | None:
    """"the state research foundation FACEPE", "the state development agency, the Instituto X,"."""
    k = c.start - 1
    if k < 1:
        return None
    if doc[k].lower_ == "the" and k > 1 and doc[k - 1].text == ",":
        k -= 1
    if doc[k].text == ",":
        e = _after_name(doc, c.end)
        if e < len(doc) and doc[e].lower_ not in AFTER_NAME_OK and not (doc[e].is_lower and doc[e].lower_ not in ("and", "or")):
            return None  # "the ministry, the Instituto X and Y": a list, not an apposition
        if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ in ("and", "or"):
            return None  # "the university, Kestrel Labs, and Orrin AI": a list with a serial comma
        k -= 1
    return phrase_type(_phrase_before(doc, k)) if k >= 0 and doc[k].is_lower else None


def _after(doc: Any, c: Candidate, cands: list[Candidate]) -> str | None:
    """"X (SGB), the provincial development bank", "X is the state's ... agency", "X, a society under the
    Department", "X, which sits within the Department"."""
    w = desc_words()
    e = _after_name(doc, c.end)
    n = len(doc)
    if e + 2 >= n:
        return None
    if doc[e].text in APPOSITION_MARKS and doc[e + 1].lower_ in ("a", "an", "the"):
        start = e + 2  # (", a ...", and a directory line's "X — a state-owned investment company")
    elif doc[e].lower_ in COPULAS and doc[e + 1].lower_ in ("a", "an", "the") and doc[c.start].is_sent_start:
        start = e + 2
    elif doc[e].text == "," and doc[e + 1].lower_ == "which" and e + 3 < n and doc[e + 2].lower_ in w.sits_verbs:
        return _under(doc, e + 3, cands, w)
    else:
        return None
    words, i = _phrase_after(doc, start)
    if words and words[-1] in w.under_heads:
        under = _under(doc, i, cands, w)
        if under is not None:
            return under  # "a registered society under the Department of ...": the state's body
    return phrase_type(words, w)


def _under(doc: Any, i: int, cands: list[Candidate], w: DescWords) -> str | None:
    """"under the Department of ...", "within the Ministry": a state body named next owns the described one."""
    n = len(doc)
    if i + 1 >= n or doc[i].lower_ not in w.under_words:
        return None
    j = i + 1 + (doc[i + 1].lower_ == "the")
    owner = next((c for c in cands if c.start == j), None)
    if owner is not None and owner.type == "Agency":
        return "Agency"
    return "Agency" if j < n and doc[j].lower_ in ("department", "ministry") else None


# ---------------------------------------------------------------- the stage
def _may_take(current: str, said: str) -> bool:
    """A state body said over any body reading; an institute over a firm; a firm (an advertising agency) over an
    agency reading."""
    if said == "Agency":
        return current in BODY_TYPES
    if said == "Institute":
        return current == "Company"
    return current == "Agency"


def org_descriptions(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Type each body name as the descriptions around its mentions say, the same for all its mentions."""
    if not enabled():
        return cands
    said: dict[str, set[str]] = {}
    index = TokenIndex.of(doc)
    for c in cands:
        if c.entry is not None or c.source not in ("ner", "rule") or c.type not in BODY_TYPES:
            continue
        if c.acronym_of is None and clean_surface(index.span_text(c.start, c.end)) != env.canonical_of(doc, c):
            continue  # a short form ("Spreebank" of "Spreebank Ventures") may be another body: only full names speak
        typ = _before(doc, c) or _after(doc, c, cands)
        if typ is not None:
            said.setdefault(env.canonical_of(doc, c), set()).add(typ)
    for name, types in said.items():
        if len(types) != 1:
            continue  # the text says two things: leave it to the other stages
        typ = next(iter(types))
        group = [c for c in cands if c.entry is None and c.source in ("ner", "rule") and env.canonical_of(doc, c) == name]
        if not group or any(c.type not in BODY_TYPES for c in group) or not all(_may_take(c.type, typ) or c.type == typ
                                                                              for c in group):
            continue
        for c in group:
            c.type, c.ctx_typed, c.place = typ, True, False
        _acronyms_follow(cands, ctx, name, typ)
    return cands
