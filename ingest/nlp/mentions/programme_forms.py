"""Stage programme_forms: names the text itself calls programmes, by form (issue 14).

Programmes of unlisted bodies rarely carry a head word ("Maca Digital", "Semilla de Datos", "Retos Regionales"), so the
NER's default reads them as firms. Two forms say what they are:

* an apposition after a programme noun: "A smaller scheme, Maca Digital, is administered by ...", "CCDA's flagship
  programme, Semilla de Datos, trains ...", "A second initiative, the Chimborazo Frost Watch, is managed by ...";
* a funder's line or call: "a grant from ProInnova Perú under its Retos Regionales call", "... under its Co-financed
  Grants line" (a name with an organisation head word needs the noun after it: "under the Ministry of Health").

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
from aikg.ingest.nlp.token_index import TokenIndex


@dataclass(frozen=True)
class ProgrammeForms:
    apposition_nouns: frozenset[tuple[str, ...]]
    under_nouns: frozenset[str]
    under_determiners: frozenset[str]
    leading_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def programme_forms_words() -> ProgrammeForms:
    """``data/lexicon/programme_forms.json``, read once per process."""
    node = shipped("lexicon", "programme_forms.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        return ProgrammeForms(frozenset(tuple(p.lower().split()) for p in data["apposition_nouns"]),
                              frozenset(w.lower() for w in data["under_nouns"]),
                              frozenset(w.lower() for w in data["under_determiners"]),
                              frozenset(w.lower() for w in data.get("leading_prepositions", ())))
    except (OSError, ValueError, KeyError, AttributeError) as e:
        raise InputError(f"cannot read the programme forms: {e}", source=str(node)) from e


def programme_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype the mentions an apposition or a funder's line calls a programme."""
    words = programme_forms_words()
    for c in cands:
        if c.entry is not None or c.type not in ORG_TYPES + ("Person",) or c.type == "Person" and c.ctx_typed:
            continue
        if _apposition(doc, c, words) or _under(doc, c, words, env):
            c.type, c.ctx_typed, c.place, c.label = "Programme", True, False, "ORG"
    return cands


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
