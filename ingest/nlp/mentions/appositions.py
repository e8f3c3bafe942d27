"""Stage 10, appositions: "Mila, the Quebec AI Institute," and "Mila (the Quebec AI Institute)" name one entity."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex


def appositions(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Point the second name of an apposition at the first (``coref``) and share a gazetteer entry."""
    gaps = set(env.words.apposition_gaps)
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if a.type == "Cluster" or b.type in ("Person", "Cluster") or a.type == "Person" and not _acronym_person(doc, a):
            continue
        if b.type != a.type and not _untyped_name(doc, a, env):
            continue
        if tuple(t.lower_ for t in doc[a.end:b.start]) not in gaps:
            continue
        after = doc[b.end].text if b.end < len(doc) else "."
        if after not in {",", ")", ".", ";"}:
            continue
        if after == "," and b.end + 1 < len(doc) and doc[b.end + 1].lower_ in {"and", "or"}:
            continue
        if k > 0 and cands[k - 1].end >= a.start - 2 and doc[a.start - 1].text == "," \
                and not (cands[k - 1].type == "Cluster" and a.type != "Cluster"):
            continue  # inside a list (not "In Lyon, Zolvane, the Rhône Robotics Institute,": a place before a name)
        if a.entry is not None and b.entry is not None and a.entry is not b.entry:
            continue
        if b.type != a.type:
            _retype(doc, cands, a, b.type)  # "Mila, the Quebec AI Institute,": the second name says what the first is
        b.coref = a
        if b.entry is None and a.entry is not None:
            b.entry = a.entry
        if a.entry is None and b.entry is not None:
            a.entry = b.entry
    return cands


def _acronym_person(doc: Any, a: Candidate) -> bool:
    """"Stanford HAI, the Institute for ...": a "person" with an acronym in it is a body the NER misread."""
    return a.source == "ner" and not a.ctx_typed and any(t.is_upper and len(t) >= 2 and t.is_alpha for t in doc[a.start:a.end])


def _untyped_name(doc: Any, a: Candidate, env: Env) -> bool:
    """A name whose type is only the NER's default (no head word, no gazetteer entry, nothing said about it)."""
    guessed = not a.ctx_typed or (a.label == "PERSON" and a.type == env.lex.default_org) \
        or a.type == "Person" and _acronym_person(doc, a)  # a lone "person" made a firm
    return a.entry is None and guessed and a.source in ("ner", "rule") \
        and env.typer.type_of_name(TokenIndex.of(doc).text[a.start:a.end]) is None


def _retype(doc: Any, cands: list[Candidate], a: Candidate, typ: str) -> None:
    """Give ``a`` and every other reading of the same untyped name the type ``typ``."""
    text, old = TokenIndex.of(doc).span_text(a.start, a.end), a.type
    for c in cands:
        if c is a or (c.entry is None and c.type == old and TokenIndex.of(doc).span_text(c.start, c.end) == text):
            c.type = typ
