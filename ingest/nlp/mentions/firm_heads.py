"""Stage, firm heads (wave 19): co-operatives and angel networks are firms, whatever their other words say.

docs/annotation.md §2 types co-operatives (member-owned businesses) and angel networks as a Company. Published pages
name them in a few shapes: the English head last ("Kuskokwim Data Cooperative", "Nungwi Fishers' Co-operative",
"Shanzu Solar Co-operative Society"), the Romance or Malay head first ("Cooperativa Agrícola Los Molinos",
"Koperasi Nelayan Kenjeran"), a Turkish head inside ("Zeytin Kooperatifi Edremit"); "<Place> Angels", "<Place>
Business Angels", "<Place> Angel Network", "Lori Angels Club". Earlier stages read "cooperative", "network" and
"club" as member bodies (Institute) or the whole as a person's name. A name with a word of another kind of body
("... Cooperative Federation", "Co-operative University", "Cooperative Research Centre") or that the text describes as
a non-profit or public body (", a non-profit consortium of ...") keeps its type; a gazetteer name is left alone.
Every mention of the name, and its acronym, takes the type. Word lists: ``data/lexicon/firm_heads.json``.
Switch: ``AIKG_FIRM_HEADS=off``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.org_kinds import described, description_words, kind_words
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_FIRM_HEADS"
RETYPED = ("Institute", "Agency", "Person", "Programme")
#: words that may close a co-operative's name after "Co-operative" ("Shanzu Solar Co-operative Society")
COOP_CLOSERS = frozenset({"society", "limited", "ltd", "ltd."})
TRIM = ".,;:()\"“”"


def enabled() -> bool:
    """The stage runs unless ``AIKG_FIRM_HEADS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class FirmHeadWords:
    cooperative_words: frozenset[str]
    angel_words: frozenset[str]
    angel_singular: frozenset[str]
    angel_tails: frozenset[str]
    other_body_words: frozenset[str]
    kept_descriptions: frozenset[str]


@lru_cache(maxsize=1)
def firm_head_words() -> FirmHeadWords:
    """``data/lexicon/firm_heads.json``, read once per process."""
    keys = ("cooperative_words", "angel_words", "angel_singular", "angel_tails", "other_body_words", "kept_descriptions")
    sets = lexicon_sets("firm_heads.json", keys)
    return FirmHeadWords(*sets[:-1], frozenset(k.capitalize() for k in sets[-1]))


def is_cooperative(words: list[str], w: FirmHeadWords) -> bool:
    """"Kuskokwim Data Cooperative", "Cooperativa Las Acequias": a co-operative word and no other body's word."""
    return any(x in w.cooperative_words for x in words) and not any(x in w.other_body_words for x in words)


def is_angel_network(words: list[str], w: FirmHeadWords) -> bool:
    """"Msasa Angels", "Oberpfalz Business Angels", "Mwanza Angel Network": an angel word after another word, only
    group words after it ("Maria Angel" and "Angel Ruiz" are people)."""
    if "of" in words[2:]:
        words = words[:words.index("of", 2)]  # "Tawa Angels Club of Porirua"
    for i, x in enumerate(words[1:], start=1):
        tail = words[i + 1:]
        if not all(t in w.angel_tails for t in tail):
            continue
        if x in w.angel_words or (x in w.angel_singular and tail):
            return True
    return False


def firm_head(words: list[str], w: FirmHeadWords) -> bool:
    """The name's head word makes it a firm (annotation.md §2: co-operatives, angel networks)."""
    return len(words) > 1 and (is_cooperative(words, w) or is_angel_network(words, w))


def _name_words(doc: Any, c: Candidate) -> list[str]:
    """The lower-case words of the name as written ("Nungwi Fishers' Co-operative" keeps "co-operative" whole)."""
    return [x for x in (t.strip(TRIM) for t in doc[c.start:c.end].text.lower().split()) if x]


def firm_heads(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Type co-operatives and angel networks as companies, all mentions of the name and its acronym."""
    if not enabled():
        return cands
    w = firm_head_words()
    for c in cands:
        _close_cooperative(doc, c)
    index = TokenIndex.of(doc)
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.entry is None and c.acronym_of is None and c.source in ("ner", "rule"):
            groups.setdefault(index.span_text(c.start, c.end), []).append(c)
    for name, group in groups.items():
        if not any(c.type in RETYPED for c in group) or not firm_head(_name_words(doc, group[0]), w):
            continue
        if any(c.type not in RETYPED + ("Company",) for c in group):
            continue  # a place or a dropped reading somewhere: not this stage's call
        if any(_description(doc, c.end) in w.kept_descriptions for c in group):
            continue  # "the Great Plains Data Cooperative, a non-profit consortium of ..."
        for c in group:
            if c.label == "PERSON":
                c.label = "ORG"
            c.type, c.ctx_typed, c.place = "Company", True, False
        _acronyms_follow(cands, ctx, name)
    return cands


def _description(doc: Any, end: int) -> str | None:
    """The kind an apposition after the name gives, its hyphenated words whole (", a non-profit consortium of")."""
    words = " ".join(description_words(doc, end)).replace(" - ", "-").split()
    return described(words, kind_words())


def _close_cooperative(doc: Any, c: Candidate) -> None:
    """"Sokoto Solar Co" + "-operative Society": the tokeniser splits "Co-operative" and the name stops at "Co"."""
    e = c.end
    if c.entry is not None or e + 1 >= len(doc) or doc[e - 1].text != "Co" or doc[e].text != "-" \
            or doc[e + 1].lower_ != "operative" or doc[e - 1].whitespace_ or doc[e].whitespace_:
        return
    e += 2
    if e < len(doc) and doc[e].lower_ in COOP_CLOSERS and doc[e].text[:1].isupper() and doc[e - 1].whitespace_:
        e += 1
    c.end = e


def _acronyms_follow(cands: list[Candidate], ctx: DocContext, name: str) -> None:
    """"Poznań Supercomputing Cooperative (PSC)": the acronym is a firm too."""
    for c in cands:
        if c.acronym_of == name and c.entry is None:
            c.type = "Company"
    for acr, (_, long_text) in list(ctx.acronyms.items()):
        if long_text == name:
            ctx.acronyms[acr] = ("Company", long_text)
