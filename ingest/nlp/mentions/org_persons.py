"""Stage org_persons: an unknown name the NER read as a person, in a slot only an organisation fills.

Long-tail organisation names in other languages ("Vaj Malësia", "Tutun Prilep") look like a given name and a surname
to the NER. The sentence often says what they are, in forms a person never takes:

* an example list after a plural organisation noun: "olive-oil exporters such as Vaj Malësia and Ulliri i Veriut",
  "cooperatives like Kaboré Coton", "firms including Neza Data, Tiwi Labs";
* an apposition after an organisation noun: "the regional chamber, Dhoma Shkodër, ...", "the cooperative, Tutun
  Prilep, said";
* an organisation's head word ending the name: "Orhei Agro Holding";
* a list whose other items (two or more) are all organisations: "its portfolio includes Răut Robotics, Codru Sensors
  and Vinăria Digitală".

A name whose first word is a known given name is left alone ("investors such as Maria Rossi" is rare, but a
person is the safer reading), as is one the text itself typed. The nouns are ``org_premodifiers`` of
``data/lexicon/mentions.json``; the list openers are ``example_openers`` of ``data/lexicon/entity_forms.json``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms

#: how far back (tokens) a list item may sit from its opener
_LIST_REACH = 40


@lru_cache(maxsize=1)
def entity_forms() -> dict[str, Any]:
    """The shipped ``entity_forms.json`` word lists, loaded once per process."""
    return json.loads(Path(str(shipped("lexicon", "entity_forms.json"))).read_text(encoding="utf-8"))


def org_persons(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype NER persons that sit in an organisation-only slot (example list, apposition after an org noun)."""
    given = forms().given
    for i, c in enumerate(cands):
        if c.type != "Person" or c.source != "ner" or c.ctx_typed or c.entry is not None:
            continue
        if doc[c.start].text in given:
            continue
        typ = _headed(doc, c, env) or _apposition_type(doc, c, env) or _example_list_type(doc, cands, i, env) \
            or _org_list_type(doc, cands, i) or _trade_noun_type(doc, c)
        if typ is not None:
            c.type, c.label, c.ctx_typed = typ, "ORG", True
    return cands


def _headed(doc: Any, c: Candidate, env: Env) -> str | None:
    """"Orhei Agro Holding": an organisation's head word ends the name (no person is called "Holding")."""
    words = [t.text for t in doc[c.start:c.end]]
    if len(words) < 2:
        return None
    typ = env.typer.type_of_name(words)
    return typ if typ in ("Company", "Institute", "Agency", "Programme") else None


def _org_list_type(doc: Any, cands: list[Candidate], i: int) -> str | None:
    """"includes Răut Robotics, Codru Sensors and Vinăria Digitală": an item of a list whose other items are all
    organisations (two or more, none a person) is one too; it takes the type they share, else Company."""
    items = [cands[i]]
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(cands):
            a, b = (cands[j + step], cands[j]) if step < 0 else (cands[j], cands[j + step])
            gap = [t.lower_ for t in doc[a.end:b.start]]
            if not gap or any(w not in (",", "and", "or") for w in gap) or len(gap) > 2:
                break
            items.append(cands[j + step])
            j += step
    others = items[1:]
    if len(others) < 2 or any(o.type not in ("Company", "Institute", "Agency") for o in others):
        return None
    kinds = {o.type for o in others}
    return kinds.pop() if len(kinds) == 1 else "Company"


def _trade_noun_type(doc: Any, c: Candidate) -> str | None:
    return trade_noun_before(doc, c.start, c.end)


def trade_noun_before(doc: Any, start: int, end: int) -> str | None:
    """"the sugar miller Mitr Isan Sugar", "the Polish timber buyer Drewno Podhale": a name of two or more words right
    after a trade noun that a determiner opens (lower-case words, places or hyphens between them) is a firm."""
    if end - start < 2 or start < 2:
        return None
    noun = doc[start - 1]
    if not (noun.is_lower and noun.is_alpha) or noun.lower_ not in _trade_nouns():
        return None
    k = start - 2
    while k >= 0 and k >= start - 8:
        tok = doc[k]
        if tok.lower_ in ("the", "a", "an", "its", "their", "our", "his", "her") or tok.text in (",", "("):
            return "Company"
        if not (tok.is_alpha or tok.text in ("-", "–") and not tok.whitespace_) or tok.is_stop and tok.is_lower:
            return None  # "... said farmer Ana Lopes", "... with the farmer": a verb or preposition, no description
        k -= 1
    return None


@lru_cache(maxsize=1)
def _trade_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in entity_forms().get("trade_nouns", ()))


def _noun_type(word: str, env: Env) -> str | None:
    """The organisation type a lower-case noun or its plural names ("exporters" -> Company)."""
    table = env.words.org_premodifiers
    if word in table:
        return table[word]
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and word[: -len(cut)] + add in table:
            return table[word[: -len(cut)] + add]
    return None


def _apposition_type(doc: Any, c: Candidate, env: Env) -> str | None:
    """"the regional chamber, Dhoma Shkodër, is ...": "the" + lower-case words + an org noun + "," right before."""
    s = c.start
    if s < 3 or doc[s - 1].text != "," or c.end >= len(doc) or doc[c.end].text not in (",", ")", "."):
        return None
    noun = doc[s - 2]
    if not (noun.is_lower and noun.is_alpha):
        return None
    typ = _noun_type(noun.lower_, env)
    if typ is None:
        return None
    k = s - 3
    while k >= 0 and k >= s - 6 and doc[k].is_alpha:
        if doc[k].lower_ in env.words.articles:
            return typ
        if not doc[k].is_lower:
            return None
        k -= 1
    return None


def _example_list_type(doc: Any, cands: list[Candidate], i: int, env: Env) -> str | None:
    """"exporters such as A and B": the mention is an item of a list the opener heads (items joined by , and or)."""
    openers = entity_forms()["example_openers"]
    c = cands[i]
    k = c.start
    j = i
    for _ in range(8):  # step back over earlier items of the same list
        typ = _opened_by(doc, k, openers, env)
        if typ is not None:
            return typ
        if j == 0:
            return None
        prev = cands[j - 1]
        gap = [t.lower_ for t in doc[prev.end:k]]
        if not gap or any(w not in (",", "and", "or", "&") for w in gap) or c.start - prev.start > _LIST_REACH:
            return None
        k, j = prev.start, j - 1
    return None


def _opened_by(doc: Any, k: int, openers: list[str], env: Env) -> str | None:
    """The type the plural noun before "such as" / "like" / "including" at ``k`` names, or None."""
    for phrase in openers:
        words = phrase.split()
        a = k - len(words)
        if a >= 1 and [t.lower_ for t in doc[a:k]] == words:
            if a >= 2 and doc[a - 1].text == ",":
                a -= 1  # "housing associations, including Wohnbau Sennfeld"
            noun = doc[a - 1]
            if noun.is_lower and noun.lower_.endswith("s"):
                pair = _noun_type(doc[a - 2].lower_ + " " + noun.lower_, env) if a >= 2 and doc[a - 2].is_lower else None
                return pair or _noun_type(noun.lower_, env)  # "housing associations": firms
    return None
