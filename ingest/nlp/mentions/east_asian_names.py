"""Stage east_asian_names: romanised Chinese, Taiwanese and Korean names with a hyphenated given name are people.

Conference programmes, steering-committee lists and press releases from Taiwan, Korea and Hong Kong write names
family name first with a hyphenated given name: "Prof. Hsieh Yi-ju, Graduate Institute of Linguistics, X University",
"Tân Bûn-hô, Co-founder, Y Co., Ltd.", "Dr Lai Hsin-yi, Programme Director, Z Office", "Park Ji-hoon (KAIST)"; some
pages put the given name first ("Yi-ju Hsieh"). The NER misses the unfamiliar ones or a later stage reads a name
opening a comma line of organisations as one more organisation. The shape (a known family name and a hyphenated
given name of short syllables) is a person's wherever it stands, so the name is added or retyped Person and the
text marks it typed (later stages leave it); an honorific the NER took in ("Dr Lai Hsin-yi", "Assoc. Prof. Tsai
Ming-che") is cut off.

Left alone: a longer name that goes on past the person's name ("Lin Wen-hsiung Aquatech Co." is a firm named after
its founder), a gazetteer name, "Tai-Yang Feed" (no family name), "Vice-chair Lee" (a title word).
Words: ``data/lexicon/east_asian_names.json``. Switch: ``AIKG_EAST_ASIAN_NAMES=off``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env

ENABLED_ENV = "AIKG_EAST_ASIAN_NAMES"
#: a hyphenated given name written as one token ("Yi-ju")
_ONE_TOKEN = re.compile(r"^([^\W\d_]+)-([^\W\d_]+)$")


def enabled() -> bool:
    """The stage runs unless ``AIKG_EAST_ASIAN_NAMES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class EastAsianWords:
    """The family names, the honorifics cut from a name and the longest syllable."""

    family: frozenset[str]
    honorifics: frozenset[str]
    max_syllable: int


@lru_cache(maxsize=1)
def _words() -> EastAsianWords:
    data = json.loads(Path(str(shipped("lexicon", "east_asian_names.json"))).read_text(encoding="utf-8"))
    return EastAsianWords(frozenset(data["family_names"]), frozenset(w.lower() for w in data["honorifics"]),
                          int(data["max_syllable"]))


def east_asian_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add or retype as Person every family-name-first (or given-first) name with a hyphenated given name."""
    if not enabled():
        return cands
    w = _words()
    out = list(cands)
    for s, e in _names(doc, w, env):
        _settle(doc, out, s, e, w)
    return out


def _syllable(text: str, w: EastAsianWords, capital: bool) -> bool:
    return text.isalpha() and 1 <= len(text) <= w.max_syllable and (text[0].isupper() if capital else True) \
        and text[1:] == text[1:].lower()


def _given_at(doc: Any, i: int, w: EastAsianWords, env: Env) -> int:
    """The end of a hyphenated given name starting at token ``i`` ("Yi-ju" as one token or three), else -1."""
    if i >= len(doc):
        return -1
    tok = doc[i]
    m = _ONE_TOKEN.match(tok.text)
    if m:
        parts, end = (m.group(1), m.group(2)), i + 1
    elif i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_ and not doc[i + 1].whitespace_:
        parts, end = (tok.text, doc[i + 2].text), i + 3
    else:
        return -1
    if not (_syllable(parts[0], w, True) and _syllable(parts[1], w, False)):
        return -1
    if any(p.lower() in env.title_words for p in parts):
        return -1  # "Vice-chair Lee", "Co-chair Lin"
    return end


def _names(doc: Any, w: EastAsianWords, env: Env) -> list[tuple[int, int]]:
    """Token spans of the names: family + given ("Hsieh Yi-ju") or given + family ("Yi-ju Hsieh")."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if doc[i].text in w.family:
            end = _given_at(doc, i + 1, w, env)
            if end > 0:
                out.append((i, end))
                i = end
                continue
        end = _given_at(doc, i, w, env)
        if end > 0 and end < len(doc) and doc[end].text in w.family and (i == 0 or not doc[i - 1].text[:1].isupper()):
            out.append((i, end + 1))
            i = end + 1
            continue
        i += 1
    return out


def _settle(doc: Any, cands: list[Candidate], s: int, e: int, w: EastAsianWords) -> None:
    """Make [s, e) a typed Person: retype the candidate that is the name (after honorifics), else add one."""
    touching = [c for c in cands if c.start < e and c.end > s]
    if any(c.entry is not None for c in touching):
        return
    if any(c.end > e and c.type != "Person" for c in touching):
        return  # "Lin Wen-hsiung Aquatech Co.": a firm named after a person
    host = None
    for c in touching:
        lead = [t.text.lower() for t in doc[c.start:s] if t.text != "."]
        if c.start <= s and c.end >= e and all(x in w.honorifics for x in lead):
            host = c
            break
    if host is None and any(not (s <= c.start and c.end <= e) for c in touching):
        return  # a name that crosses another the text holds together
    for c in touching:
        if c is not host:
            cands.remove(c)
    if host is None:
        cands.append(Candidate(s, e, "Person", "rule", label="PERSON", ctx_typed=True))
        return
    host.start, host.end, host.type, host.label, host.ctx_typed, host.canonical = s, e, "Person", "PERSON", True, None
