"""Stage, world names: organisation names in other languages, kept whole and typed by their head word.

The English head words of ``types.json`` miss "Latteria Sociale di Crevalcore" (read as the person "di
Crevalcore"), "Agenzia Regionale per la Ricerca dell'Emilia" (cut to "Emilia"), "Aydın İncir Birliği" or
"Kvaløya Satellitt AS" (read as people). A run of capitalised words, joined only by name particles ("di",
"della", "de", "van", "für", "ve") or holding elided articles ("dell'Emilia", "l'Atlas"), that contains a head
word of ``data/lexicon/world_org_words.json`` or ends in a legal form as written ("SpA", "AS", "AŞ") is one
organisation name of that head's type. It replaces the shorter mentions it covers, never a gazetteer
organisation, and never a mention the text typed ("X, the ... company"). Only non-English words are listed, so
English text is left to the other stages.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

#: switch for an A/B measurement in one tree (``AIKG_WORLD_NAMES=off``); on by default
ENABLED_ENV = "AIKG_WORLD_NAMES"
MAX_WORDS = 10


@dataclass(frozen=True)
class WorldNameWords:
    heads: dict[str, str]  # lower-cased head word -> entity type
    legal_forms: frozenset[str]  # as written
    particles: frozenset[str]
    elisions: tuple[str, ...]
    first_heads: dict[str, str] = field(default_factory=dict)  # heads that type a run only as its first word
    development_heads: frozenset[str] = frozenset()  # "Banco", "Corporación": with a development word, an agency
    development_words: frozenset[str] = frozenset()
    joined_first_heads: dict[str, str] = field(default_factory=dict)  # first heads only with a particle in the run
    coordinators: frozenset[str] = frozenset()  # "et", "y", "und": between two named bodies, two names


@lru_cache(maxsize=1)
def world_name_words() -> WorldNameWords:
    """``data/lexicon/world_org_words.json``, read once per process."""
    node = shipped("lexicon", "world_org_words.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        heads = {w.lower(): typ for typ, words in data["heads"].items() for w in words}
        return WorldNameWords(heads, frozenset(data["legal_forms"]), frozenset(w.lower() for w in data["particles"]),
                              tuple(sorted((e.lower() for e in data["elisions"]), key=len, reverse=True)),
                              {w.lower(): typ for typ, ws in data.get("first_heads", {}).items() for w in ws},
                              frozenset(w.lower() for w in data.get("development_heads", ())),
                              frozenset(w.lower() for w in data.get("development_words", ())),
                              {w.lower(): typ for typ, ws in data.get("joined_first_heads", {}).items() for w in ws},
                              frozenset(w.lower() for w in data.get("coordinators", ())))
    except (OSError, ValueError, KeyError, AttributeError) as e:
        raise InputError(f"cannot read the world organisation words: {e}", source=str(node)) from e


def world_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Add runs that are organisation names by a non-English head word; drop the mentions they cover."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    words = world_name_words()
    out = list(cands)
    for start, end, typ in _runs(doc, words, env):
        inside = [s for s in out if s.start < end and s.end > start]
        if any((s.start < start or s.end > end) and not _misread(doc, s, start, end, words, env) for s in inside):
            continue  # crosses a longer mention: keep what is there
        if any(s.source == "gazetteer" and s.type != "Cluster" or s.ctx_typed and (s.start, s.end) == (start, end)
               for s in inside):
            continue
        out = [s for s in out if s not in inside]
        out.append(Candidate(start, end, typ, "rule", label="ORG"))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _misread(doc: Any, s: Candidate, start: int, end: int, words: WorldNameWords, env: Env) -> bool:
    """A NER mention that crosses the run only by an article or particle ("el Centro de Datos" against "Centro de Datos
    Maule") or over the coordinator between two named bodies ("Dodoma na Taasisi" in "Chuo Kikuu cha Dodoma na
    Taasisi ya Takwimu") is a misreading the run replaces."""
    if s.source != "ner" or s.ctx_typed:
        return False
    low = TokenIndex.of(doc).lower
    outside = [k for k in range(s.start, s.end) if not start <= k < end]
    text = TokenIndex.of(doc).text
    if all(text[k].islower() and (low[k] in words.particles or low[k] in words.coordinators
                                  or low[k] in env.lex.leading_determiners) for k in outside):
        return True
    return s.end > end and low[end] in words.coordinators or s.start < start and low[start - 1] in words.coordinators


def _capital(t: str, words: WorldNameWords) -> bool:
    """A capitalised word, or an elided article glued to one ("dell'Emilia", "l'Atlas"), by its text."""
    if t[:1].isupper() and (t[:1].isalpha() or t[:1].isdigit()):
        return True
    if "'" not in t and "’" not in t:
        return False
    low = t.lower()
    return any(low.startswith(e) and t[len(e):len(e) + 1].isupper() for e in words.elisions)


def _runs(doc: Any, words: WorldNameWords, env: Env):
    """(start, end, type) of capitalised runs joined by particles that hold a head word or end in a legal form."""
    n = len(doc)
    idx = TokenIndex.of(doc)  # speed: the words as lists, no token object per test
    texts, lowers, ws = idx.text, idx.lower, idx.ws
    i = 0
    while i < n:
        if not _capital(texts[i], words) or lowers[i] in env.lex.leading_determiners:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < MAX_WORDS and "\n" not in ws[j - 1] and not doc[j].is_space:
            if _capital(texts[j], words) or texts[j] in words.legal_forms:
                j += 1
                continue
            if texts[j] == "-" and not ws[j - 1] and not ws[j] and j + 1 < n and _capital(texts[j + 1], words):
                j += 2  # "Haute-Sangha", "Sine-Saloum": a hyphenated word inside the name
                continue
            k = j
            while k < n and k - j < 3 and lowers[k] in words.particles and ws[k - 1]:
                k += 1
            if k > j and k < n and _capital(texts[k], words) and not _two_bodies(doc, i, j, k, words):
                j = k + 1
                continue
            break
        typ = (run_type(doc, i, j, words) or _english_head(doc, i, j, words, env)) if j - i >= 2 else None
        if typ is not None:
            yield i, j, typ
        i = j  # a part of a run without a head word has none either


def _two_bodies(doc: Any, start: int, j: int, k: int, words: WorldNameWords) -> bool:
    """"Université de Sherbrooke et l'Institut Magog": a coordinator before a head word, after a run that has a head
    of its own, joins two names, not the words of one ("Ministerio de Ciencia e Innovación" has no second head)."""
    lowers = TokenIndex.of(doc).lower
    if not any(w in words.coordinators for w in lowers[j:k]):
        return False
    if not body_head(unelided(lowers[k], words), words):
        return False
    idx = TokenIndex.of(doc)
    named = k + 1 < len(doc) and (_capital(idx.text[k + 1], words) or lowers[k + 1] in words.particles)
    if not named:
        return False  # "Instituto Nacional de Óptica y Datos": a bare head word after the coordinator is a topic
    return run_type(doc, start, j, words) is not None


def body_head(low: str, words: WorldNameWords) -> bool:
    """A head word that names a body ("Institut", "Centro", "Taasisi", "Conseil"), not a firm's trade word that also
    names a field ("Tecnología" in "Ministerio de Ciencia y Tecnología")."""
    return words.heads.get(low) in ("Institute", "Agency") or low in words.first_heads or low in words.joined_first_heads


def _english_head(doc: Any, start: int, end: int, words: WorldNameWords, env: Env) -> str | None:
    """"Cervecería del Norte Foundation": a run joined by a non-English particle that ends in an English head word
    is one name of that head's type (the NER reads "Cervecería" as a person and "Norte Foundation" as the body)."""
    idx = TokenIndex.of(doc)
    if not any(idx.lower[k] in words.particles and idx.lower[k] not in ("&", "y", "e", "i", "en", "an", "am", "im", "w", "z",
                                                                         "na", "al", "et", "und", "og", "och", "ve")
               or unelided(idx.lower[k], words) != idx.lower[k]  # "Centre d'Intelligence Artificielle Appliquée"
               for k in range(start + 1, end - 1)):
        return None
    typ = env.typer.type_of_name(idx.text[start:end])
    return typ if typ in ("Institute", "Agency", "Programme", "Company") and idx.lower[end - 1] not in words.particles else None


def run_type(doc: Any, start: int, end: int, words: WorldNameWords) -> str | None:
    """The type of the run's first head word; a legal form at the end makes a company."""
    if doc[end - 1].text in words.legal_forms and end - start >= 2:
        return "Company"
    lows = [unelided(doc[k].lower_, words) for k in range(start, end)]
    if lows[0] in words.first_heads:
        return words.first_heads[lows[0]]  # "Conseil Régional du Gbêkê", "Programme Houet Données Cotonnières"
    if lows[0] in words.joined_first_heads and any(w in words.particles for w in lows[1:-1]):
        return words.joined_first_heads[lows[0]]  # "Red Castellana de Inteligencia Artificial" (not "Red Hat")
    if lows[0] in words.development_heads and any(w in words.development_words for w in lows[1:]):
        return "Agency"  # "Banco Andino de Desarrollo": a development bank
    for low in lows:
        typ = words.heads.get(low)
        if typ is not None:
            return typ
    return None


def unelided(low: str, words: WorldNameWords) -> str:
    """"d'investissement" -> "investissement"."""
    if "'" in low or "’" in low:
        for e in words.elisions:
            if low.startswith(e):
                return low[len(e):]
    return low
