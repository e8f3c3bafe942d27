"""Organisation names the NER read as people, told by the shape of the last word.

"Kelvaro FireWatch", "Marlow DeepSense" (an inner capital no surname prefix explains); "Termas Agrodata" (a compound
firm word ending the name); "Rivera Tech", "Golis Pay" (a last word no surname is). A name whose first word is a
known given name of any naming custom stays a person ("Ana DeSouza", "LaToya Jenkins"), as does one a gazetteer entry
or the text typed. Words: ``data/lexicon/name_shapes.json``; given names: ``person_names.forms``.

The other way round, a name the NER read as an organisation or a facility is a person when its first word is a
known given name of any naming custom, no word is an organisation head, and a speaker line follows it with a job
title or an organisation: "Abena Pokuaa Asante, Programme Coordinator, Garden City AI Consortium", "Kwabena Osei
Bonsu, Kessel Labs". Firms named after people ("Morgan Stanley", "Santos Labs") take no job title after a comma.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms

#: switch for an A/B measurement in one tree (``AIKG_NAME_SHAPES=off``); on by default
ENABLED_ENV = "AIKG_NAME_SHAPES"
MIN_STEM = 3  # letters before a firm ending: "Agrodata", not "Ndata"


@lru_cache(maxsize=1)
def shape_words() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """(surname prefixes that explain an inner capital, firm-word endings longest first, whole firm words)."""
    node = shipped("lexicon", "name_shapes.json")
    try:
        d = json.loads(node.read_text(encoding="utf-8"))
        by_len = lambda k: tuple(sorted((w.lower() for w in d[k]), key=len, reverse=True))  # noqa: E731
        return by_len("camel_prefixes"), by_len("firm_endings"), frozenset(w.lower() for w in d["firm_words"])
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"cannot read the name shapes: {e}", source=str(node)) from e


def name_shapes(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype as a firm a person reading whose last word has a shape no surname takes."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    given = forms().given
    ends_at = {c.start: c for c in cands}
    for c in cands:
        if c.type != "Person" and _person_line(doc, c, env, given, ends_at):
            c.type, c.label, c.place = "Person", "PERSON", False
            continue
        if c.type != "Person" or c.source != "ner" or c.entry is not None or c.ctx_typed or not 2 <= c.end - c.start <= 4:
            continue
        words = [t.text for t in doc[c.start:c.end]]
        if words[0] in given or words[0].capitalize() in given or not all(w.isalpha() for w in words):
            continue
        if firm_shaped(words[-1]):
            c.type, c.label = env.typer.type_of_name(words) or "Company", "ORG"
    return cands


def _person_line(doc: Any, c: Candidate, env: Env, given: frozenset[str], starts: dict[int, Candidate]) -> bool:
    """A given name opening two to four plain words read as an organisation or a facility, then ", <job title>" or
    ", <organisation>" ending the line."""
    if c.source != "ner" or c.entry is not None or c.ctx_typed or c.label not in ("ORG", "FAC") \
            or not 2 <= c.end - c.start <= 4 or c.end + 1 >= len(doc) or doc[c.end].text != ",":
        return False
    words = [t.text for t in doc[c.start:c.end]]
    if words[0] not in given or not all(w.isalpha() and w[:1].isupper() for w in words) \
            or env.typer.type_of_name(words) is not None or any(w.lower() in env.title_words for w in words):
        return False
    nxt = doc[c.end + 1]
    w = env.words
    if nxt.text[:1].isupper() and nxt.lower_ in w.job_title_words | w.job_title_modifiers | w.job_function_words:
        return True  # "Abena Pokuaa Asante, Programme Coordinator, ..."
    org = starts.get(c.end + 1)
    return org is not None and org.type in ORG_TYPES and (org.end >= len(doc) or "\n" in doc[org.end - 1].whitespace_
                                                            or doc[org.end].is_space)


def firm_shaped(word: str) -> bool:
    """A last word no surname takes: an inner capital after a lower-case run no prefix explains, or a firm ending."""
    prefixes, endings, whole = shape_words()
    low = word.lower()
    if low in whole:
        return True
    inner = next((k for k in range(2, len(word)) if word[k].isupper() and word[k - 1].islower()), None)
    if inner is not None and word[0].isupper() and low[:inner] not in prefixes and word[inner + 1:].islower():
        return True
    return any(low.endswith(e) and len(low) - len(e) >= MIN_STEM for e in endings)
