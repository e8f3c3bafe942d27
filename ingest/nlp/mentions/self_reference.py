"""Stage 11, self-reference: the filer of a 10-K-like text, a company defined as "we" ("Quillmark," the "Company," "we")."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex, doc_text


def self_reference(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Set ``ctx.self_name`` once per document when the text defines who "we" are."""
    if ctx.self_name is not None:
        return cands
    text_low = doc_text(doc)[:3000].lower()
    if '"we' not in text_low and "“we" not in text_low and "(the \"company" not in text_low:
        return cands
    for s in cands:
        if s.type != "Company":
            continue
        window = TokenIndex.of(doc).span_text(s.end, min(len(doc), s.end + 25)).lower()
        if "we" in window and ("company" in window or '"we' in window or "“we" in window):
            ctx.self_name = env.canonical_of(doc, s)
            ctx.self_type = "Company"
            break
    return cands
