"""Stage programme_forms: names the text itself calls programmes, by form (issue 14).

Programmes of unlisted bodies rarely carry a head word ("Maca Digital", "Semilla de Datos", "Retos Regionales"), so the
NER's default reads them as firms. Two forms say what they are:

* an apposition after a programme noun: "A smaller scheme, Maca Digital, is administered by ...", "CCDA's flagship
  programme, Semilla de Datos, trains ...", "A second initiative, the Chimborazo Frost Watch, is managed by ...";
* a funder's line or call: "a grant from ProInnova Perú under its Retos Regionales call", "... under its Co-financed
  Grants line" (a name with an organisation head word needs the noun after it: "under the Ministry of Health");
* a programme page's opening description: "Estuaire Numérique is a three-year, $24-million programme that helps ...",
  "Tarsa Digital (TD) is a two-year scheme for ..." (the name opens its sentence; the programme noun heads the
  description: "X is a programme partner" says nothing);
* a passive only programmes take: "Selvara Growth is administered by the Ministry ...", "X is delivered by Y";
* a call for applications: "Applications to Nordvik Launch close on 30 May", "Applications for X open in June".

The mention becomes a Programme said by the text (``ctx_typed``), which wins when the name's readings are harmonised.
Word lists: ``data/lexicon/programme_forms.json``. Never a gazetteer name or a person the text typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.programme_runners import programme_runners
from aikg.ingest.nlp.mentions.programme_units import programme_units
from aikg.ingest.nlp.token_index import TokenIndex

_AUX_FILL = frozenset({"be", "been", "now", "still"})  # "X has been administered by", "X is still delivered by"


@dataclass(frozen=True)
class ProgrammeForms:
    apposition_nouns: frozenset[tuple[str, ...]]
    under_nouns: frozenset[str]
    under_determiners: frozenset[str]
    leading_prepositions: frozenset[str]
    copula_nouns: frozenset[str] = frozenset()  # "X is a two-year programme that ..."
    copula_verbs: frozenset[str] = frozenset()
    copula_articles: frozenset[str] = frozenset()
    copula_fillers: frozenset[str] = frozenset()  # non-word tokens inside the description ("three-year, $24-million")
    copula_followers: frozenset[str] = frozenset()  # what may follow the head noun
    runner_participles: frozenset[str] = frozenset()  # "X is administered by Y"
    runner_manner: frozenset[str] = frozenset()  # "X is jointly administered by Y"
    application_openers: frozenset[str] = frozenset()  # "Applications to X close ..."
    application_preps: frozenset[str] = frozenset()
    application_verbs: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def programme_forms_words() -> ProgrammeForms:
    """``data/lexicon/programme_forms.json``, read once per process."""
    node = shipped("lexicon", "programme_forms.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        def low(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in data.get(key, ()))

        return ProgrammeForms(frozenset(tuple(p.lower().split()) for p in data["apposition_nouns"]),
                              low("under_nouns"), low("under_determiners"), low("leading_prepositions"),
                              low("copula_nouns"), low("copula_verbs"), low("copula_articles"), low("copula_fillers"),
                              low("copula_followers"), low("runner_participles"), low("runner_manner"),
                              low("application_openers"), low("application_preps"), low("application_verbs"))
    except (OSError, ValueError, KeyError, AttributeError) as e:
        raise InputError(f"cannot read the programme forms: {e}", source=str(node)) from e


def programme_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype the mentions an apposition or a funder's line calls a programme."""
    words = programme_forms_words()
    for c in cands:
        if c.entry is not None or c.type not in ORG_TYPES + ("Person",) or c.type == "Person" and c.ctx_typed:
            continue
        if _apposition(doc, c, words) or _under(doc, c, words, env) or _copula(doc, c, words) \
                or _administered(doc, c, words) or _applications(doc, c, words):
            c.type, c.ctx_typed, c.place, c.label = "Programme", True, False, "ORG"
            if _after_acronym(doc, c.end) > c.end:  # "Veluma Grow (VG) is a ... scheme": VG too
                for a in cands:
                    if a.start == c.end + 1 and a.end == c.end + 2 and a.entry is None and a.type in ORG_TYPES:
                        a.type, a.ctx_typed, a.place, a.label = "Programme", True, False, "ORG"
    cands = programme_runners(doc, cands, env, ctx)  # "X, which Y runs", "X is run by Y" (programme_runners.py)
    return programme_units(doc, cands, env, ctx)  # "the Kpalsi Start-up Window", "UIA's Marine Robotics Group"


def _apposition(doc: Any, c: Candidate, words: ProgrammeForms) -> bool:
    """"A smaller scheme, Maca Digital, is ...": a programme noun, a comma, the name (after "the"), a comma."""
    k = c.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].text != "," or c.end >= len(doc) or doc[c.end].text != ",":
        return False
    low = TokenIndex.of(doc).lower
    for phrase in words.apposition_nouns:
        a = k - len(phrase)
        if a >= 0 and tuple(low[a:k]) == phrase:
            return _opens_sentence_phrase(doc, a, words)
    return False


def _opens_sentence_phrase(doc: Any, a: int, words: ProgrammeForms) -> bool:
    """The programme noun's phrase opens its sentence ("A smaller scheme", "CCDA's flagship programme"), so the name
    after the comma describes it; "After the programme, Kivu Vision, a start-up, ..." has a preposition first."""
    for k in range(a - 1, max(-1, a - 5), -1):
        if doc[k].is_sent_start or k == 0:
            return doc[k].lower_ not in words.leading_prepositions
        if doc[k].is_punct and doc[k].text not in ("'", "’"):
            return False
    return doc[a].is_sent_start or a == 0


def _under(doc: Any, c: Candidate, words: ProgrammeForms, env: Env) -> bool:
    """"... under its Retos Regionales call": a funder's line, call or window."""
    k = c.start - 1
    if k < 1 or doc[k].lower_ not in words.under_determiners or doc[k - 1].lower_ != "under":
        return False
    nxt = doc[c.end] if c.end < len(doc) else None
    if nxt is not None and nxt.is_lower and nxt.lower_ in words.under_nouns:
        return True
    cue = env.typer.type_of_name(TokenIndex.of(doc).text[c.start:c.end])
    return cue in (None, "Programme") and (nxt is None or nxt.is_punct)


def _opens_sentence(doc: Any, start: int) -> bool:
    """The name opens its sentence, after an optional "The"."""
    if start == 0 or doc[start].is_sent_start:
        return True
    return doc[start - 1].lower_ == "the" and (start == 1 or doc[start - 1].is_sent_start)


def _after_acronym(doc: Any, end: int) -> int:
    """The token after "(ACR)" when the name is followed by one, else ``end``."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        return end + 3
    return end


def _copula(doc: Any, c: Candidate, words: ProgrammeForms) -> bool:
    """"Estuaire Numérique is a three-year, $24-million programme that ...": the name opening its sentence is
    described by a phrase whose head is a programme noun (what follows the noun must not be a noun it modifies)."""
    if c.type == "Person" and c.end - c.start > 1 or not _opens_sentence(doc, c.start):
        return False
    k = _after_acronym(doc, c.end)
    n = len(doc)
    if k + 2 >= n or doc[k].lower_ not in words.copula_verbs or doc[k + 1].lower_ not in words.copula_articles:
        return False
    for i in range(k + 2, min(n, k + 14)):
        tok = doc[i]
        if tok.lower_ in words.copula_nouns or (i > k + 2 and f"{doc[i - 1].lower_} {tok.lower_}" in words.copula_nouns):
            return _ends_description(doc, i + 1, words)
        if tok.is_sent_start or not (tok.is_alpha or tok.like_num or tok.text in words.copula_fillers
                                     or any(ch.isdigit() for ch in tok.text)):
            return False
        if tok.is_lower and tok.lower_ in words.copula_followers | words.leading_prepositions:
            return False  # "X is a member of the programme", "X is a start-up in the scheme"
    return False


def _ends_description(doc: Any, k: int, words: ProgrammeForms) -> bool:
    """The programme noun heads the description: punctuation, a function word or a participle follows it."""
    if k >= len(doc):
        return True
    nxt = doc[k]
    if nxt.is_punct:
        return True
    low = nxt.lower_
    return nxt.is_lower and (low in words.copula_followers or low.endswith("ed") or low.endswith("ing"))


def _administered(doc: Any, c: Candidate, words: ProgrammeForms) -> bool:
    """"Selvara Growth is administered by the Ministry ...": a passive of running that only programmes take."""
    if not _opens_sentence(doc, c.start):
        return False
    k = _after_acronym(doc, c.end)
    if k + 2 >= len(doc) or doc[k].lower_ not in ("is", "was", "will", "has"):
        return False
    k += 1
    while k < len(doc) and doc[k].lower_ in _AUX_FILL | words.runner_manner:
        k += 1
    return k + 1 < len(doc) and doc[k].lower_ in words.runner_participles and doc[k + 1].lower_ == "by"


def _applications(doc: Any, c: Candidate, words: ProgrammeForms) -> bool:
    """"Applications to Nordvik Launch close on 30 May": a call for applications names a programme."""
    k = c.start - (2 if c.start >= 2 and doc[c.start - 1].lower_ == "the" else 1)
    if k < 1 or doc[k].lower_ not in words.application_preps or doc[k - 1].lower_ not in words.application_openers:
        return False
    return c.end < len(doc) and doc[c.end].lower_ in words.application_verbs
