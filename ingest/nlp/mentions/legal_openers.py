"""Stage, legal openers (wave 19): a legal form written before a firm's name opens one company name.

Indonesian pages write a firm's legal form first: "PT Rungkut Kemasan Utama", "PT. Borneo Agro Analitika Tbk", "PT
Bank Rakyat Indonesia (Persero) Tbk", "CV Karya Data Mandiri". The NER reads such a name as a person, cuts the form
off or misses the line. A capitalised run after the form (as written: "PT", "CV", with or without a point) is one
Company name, the form included (the fullest form the text uses), with a listed firm's closing "(Persero)"/"Tbk". A
mention that crosses the run's edges, a gazetteer name or a name the text typed is left alone. Word lists:
``data/lexicon/legal_openers.json``. Switch: ``AIKG_LEGAL_OPENERS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

ENABLED_ENV = "AIKG_LEGAL_OPENERS"
MAX_WORDS = 7


def enabled() -> bool:
    """The stage runs unless ``AIKG_LEGAL_OPENERS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class OpenerWords:
    min_words: dict[str, int]  # opener as written -> capitalised words the name needs after it
    closers: frozenset[str]
    not_name_words: frozenset[str]


@lru_cache(maxsize=1)
def opener_words() -> OpenerWords:
    """``data/lexicon/legal_openers.json``, read once per process."""
    data = lexicon_data("legal_openers.json")
    mins = {k.rstrip("."): int(v) for k, v in data["min_words"].items()}
    return OpenerWords(mins, frozenset(data["closers"]), frozenset(data["not_name_words"]))


def _word(text: str) -> bool:
    """A capitalised word of a name ("Rungkut", "Agro-Data", "3D" is not one)."""
    return text[:1].isupper() and text.replace("-", "").replace("&", "").isalnum()


def legal_run(doc: Any, k: int, w: OpenerWords) -> int | None:
    """The end of the firm name a legal form at ``k`` opens, or None."""
    n = len(doc)
    need = w.min_words.get(doc[k].text)
    if need is None:
        return None
    j = k + 1
    if j < n and doc[j].text == "." and not doc[k].whitespace_:
        j += 1  # "PT. Borneo ..."
    first = j
    while j < n and j - first < MAX_WORDS and _word(doc[j].text) and not (j == first and doc[j].text in w.not_name_words):
        j += 1
        if "\n" in doc[j - 1].whitespace_:
            break
    if j - first < need:
        return None
    if j + 2 < n and doc[j].text == "(" and f"({doc[j + 1].text})" in w.closers and doc[j + 2].text == ")":
        j += 3  # "PT Bank Rakyat Indonesia (Persero) Tbk"
        if j < n and doc[j].text in w.closers:
            j += 1
    return j


def legal_openers(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add "PT <Name>"/"CV <Name>" company names; drop the shorter mentions they cover."""
    if not enabled():
        return cands
    w = opener_words()
    out = list(cands)
    for k in range(len(doc)):
        end = legal_run(doc, k, w)
        if end is None:
            continue
        inside = [c for c in out if c.start < end and c.end > k]
        if any(c.start < k or c.end > end or c.entry is not None or c.ctx_typed for c in inside):
            continue  # a longer or a typed reading: keep what is there
        out = [c for c in out if c not in inside]
        out.append(Candidate(k, end, "Company", "rule", label="ORG", ctx_typed=True))
    out.sort(key=lambda c: (c.start, c.end))
    return out
