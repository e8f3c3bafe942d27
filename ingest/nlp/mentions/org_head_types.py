"""Stage org heads (wave 20): a name read as a firm by default whose own head word, in its language, says otherwise.

Published pages name public bodies and research bodies in their own language; the head word types the name
(docs/annotation.md §2), and it stands where the language puts it:

* first in Romance, Romanian, Slavic, Indonesian/Malay and Swahili names: "Universitatea Tehnică a Mărginimii",
  "Badan Inovasi Daerah Jawa Timur", "Pusat Riset Kelautan", "Wakala ya Nishati Vijijini", "Urząd Marszałkowski",
  "Secretaría de Innovación del Estado", and two words for a national body ("Instituto Nacional de Meteorología",
  as the English "National Institute of ...") or a chamber of commerce ("Camera di Commercio di Bergamo", an
  association like the English "Chamber of Commerce");
* last in Turkish, Nordic, German and Finnish names: "Ege Kalkınma Kurumu", "Havforskningsinstituttet",
  "Kainuun yliopisto", "Mitteldeutsche Patientenallianz";
* English endings the lexicon lacks: "Žilina Self-Governing Region", "Kisumu County Government".

Only a firm reading with no evidence of its own changes: a legal form in the name ("Agencia Lumbre SA de CV"), a
firm qualifier after the head ("Agencia Creativa Lumbre", "Centro Comercial Los Pinos"), a gazetteer entry or an
earlier reading the text gave for the name (", the ... company") keep it. Every mention of the name and its
acronym take the type. Word lists: ``data/lexicon/org_head_words.json``. Switch: ``AIKG_ORG_HEAD_TYPES=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.org_kinds import kind_words, legal_kind
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_ORG_HEAD_TYPES"
MIN_COMPOUND_STEM = 3  # letters a compound must have before its ending ("Havforsknings|instituttet")
TRIM = ".,;:()\"“”'’"


def enabled() -> bool:
    """The stage runs unless ``AIKG_ORG_HEAD_TYPES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class HeadWords:
    first: dict[str, str]
    first_pairs: dict[str, str]
    last: dict[str, str]
    compounds: tuple[tuple[str, str], ...]
    english_endings: tuple[tuple[str, str], ...]
    firm_qualifiers: frozenset[str]
    inner_phrases: tuple[tuple[str, str], ...]


def _by_word(table: dict[str, list[str]]) -> dict[str, str]:
    return {w.lower(): typ for typ, words in table.items() for w in words}


@lru_cache(maxsize=1)
def head_words() -> HeadWords:
    """``data/lexicon/org_head_words.json``, read once per process."""
    data = lexicon_data("org_head_words.json")
    compounds = sorted(_by_word(data["compound_endings"]).items(), key=lambda kv: -len(kv[0]))
    endings = sorted(_by_word(data["english_endings"]).items(), key=lambda kv: -len(kv[0]))
    return HeadWords(_by_word(data["first_heads"]), _by_word(data["first_pairs"]), _by_word(data["last_heads"]),
                     tuple(compounds), tuple(endings), frozenset(w.lower() for w in data["firm_qualifiers"]),
                     tuple(_by_word(data["inner_phrases"]).items()))


def head_type(words: list[str], w: HeadWords | None = None) -> str | None:
    """The type a name's own head word gives ("Badan Inovasi Daerah" -> Agency), or None; a legal form or a firm
    qualifier gives None (the firm reading stands)."""
    w = w or head_words()
    low = [x.lower().strip(TRIM) for x in words]
    low = [x for x in low if x]
    if len(low) < 2 or legal_kind(words, kind_words()) == "Company" or _legal_tail(words):
        return None
    if any(x in w.firm_qualifiers for x in low):
        return "Company" if low[0] in w.first and low[1] in w.firm_qualifiers else None  # "Agencia Creativa Tolosa"
    pair = w.first_pairs.get(" ".join(low[:3])) or w.first_pairs.get(" ".join(low[:2]))
    if pair is not None:
        return pair
    joined = " ".join(low)
    inner = next((typ for phrase, typ in w.inner_phrases if f" {phrase} " in f" {joined} "), None)
    if inner is not None:
        return inner  # "Fundação Gaúcha de Amparo à Inovação"
    if low[0] in w.first:
        return w.first[low[0]]
    if low[-1] in w.last:
        return w.last[low[-1]]
    for ending, typ in w.english_endings:
        if joined.endswith(" " + ending):
            return typ
    return compound_type(low[-1], w) or compound_type(low[0], w)  # "Kreisklinikum Rottal": a compound head first


@lru_cache(maxsize=1)
def _world_legal_forms() -> frozenset[str]:
    """Legal forms as written (``legal_forms`` of ``world_org_words.json``: "SA de CV", "Tbk", "AŞ")."""
    return frozenset(lexicon_data("world_org_words.json")["legal_forms"])


def _legal_tail(words: list[str]) -> bool:
    """The name ends in a legal form as written ("Agencia Lumbre SA de CV", "Pusat Data Nusantara Tbk")."""
    forms = _world_legal_forms()
    return any(" ".join(words[-k:]).strip(",") in forms for k in (1, 2, 3, 4) if len(words) > k)


def compound_type(word: str, w: HeadWords) -> str | None:
    """"Havforskningsinstituttet", "Patientenallianz": a compound closing with a head word."""
    for ending, typ in w.compounds:
        if word.endswith(ending) and len(word) >= len(ending) + MIN_COMPOUND_STEM:
            return typ
    return None


def org_head_types(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype default firm readings whose head word in their own language names another kind of body."""
    if not enabled():
        return cands
    w = head_words()
    index = TokenIndex.of(doc)
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.entry is None and c.acronym_of is None and c.source in ("ner", "rule"):
            groups.setdefault(index.span_text(c.start, c.end), []).append(c)
    for name, group in groups.items():
        if any(c.type not in ("Company", "Institute", "Agency") for c in group):
            continue
        typ = head_type(doc[group[0].start:group[0].end].text.split(), w)
        if typ is None or all(c.type == typ for c in group) or not _may_retype(group, doc, w):
            continue
        for c in group:
            c.type, c.ctx_typed, c.place = typ, True, False
        _acronyms_follow(cands, ctx, name, typ)
    return cands


def _may_retype(group: list[Candidate], doc: Any, w: HeadWords) -> bool:
    """A reading the text gave stands ("Agencia Sur, a state agency"), except a firm reading against a head that opens
    the name ("the Jakarta-based Yayasan Laut Lestari": the language's own word for the body)."""
    said = {c.type for c in group if c.ctx_typed}
    if not said:
        return True
    return said == {"Company"} and _head_first(group[0], doc, w)


def _head_first(c: Candidate, doc: Any, w: HeadWords) -> bool:
    """The head opens the name ("Yayasan Laut Lestari"): the language's own word for the body, stronger than a firm
    reading a neighbouring word gave it."""
    first = doc[c.start].lower_
    return first in w.first or f"{first} {doc[c.start + 1].lower_}" in w.first_pairs if c.end - c.start > 1 else False


def _acronyms_follow(cands: list[Candidate], ctx: DocContext, name: str, typ: str) -> None:
    """"Badan Inovasi Daerah (BID)": the acronym takes its expansion's type."""
    for c in cands:
        if c.acronym_of == name and c.entry is None:
            c.type = typ
    for acr, (_, long_text) in list(ctx.acronyms.items()):
        if long_text == name:
            ctx.acronyms[acr] = (typ, long_text)
